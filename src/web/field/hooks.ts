/** What every field page reads: the network's state, the outbox, the signed-in user. */
import { createContext, useContext, useEffect, useState } from 'react';
import type { Me } from '../../contract/auth';
import { outboxItems } from './db';
import type { QueueItem } from './queue';
import { onOutboxChange } from './sync';

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The outbox's items, read again whenever it changes. */
export function useOutbox(): QueueItem[] | null {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void outboxItems().then((list) => live && setItems(list), () => live && setItems([]));
    load();
    const stop = onOutboxChange(load);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return items;
}

/** The signed-in user of the field pages (from the server, or as last seen when offline). */
export const FieldUser = createContext<{ me: Me; offline: boolean } | null>(null);

export function useFieldUser(): { me: Me; offline: boolean } {
  const v = useContext(FieldUser);
  if (!v) throw new Error('FieldUser missing');
  return v;
}

/** Loads something once (and again when `deps` change): data, error, and a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | undefined; error: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}
