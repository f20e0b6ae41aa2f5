/** Saving a field record: always into the outbox first, then told and back to where the user came from. */
import { App } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../app/api';
import type { QueueItem } from './queue';
import { enqueue } from './sync';

export function useQueueSave(back: string) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** Queues the item `make` builds (`what`: 走访, 佐证材料 … as the message names it). */
  const save = async (what: string, make: () => QueueItem): Promise<void> => {
    setSaving(true);
    setFailure(null);
    try {
      await enqueue(make());
      void message.success(navigator.onLine ? `${what}已保存，正在上传` : `${what}已保存在手机上，联网后自动上传`);
      navigate(back);
    } catch (e) {
      setFailure(`保存失败：${errorMessage(e)}`);
    } finally {
      setSaving(false);
    }
  };
  return { saving, failure, setFailure, save };
}
