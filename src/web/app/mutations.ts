import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * A change sent to the server that, once answered, refreshes the queries under `key` (every query when none): after
 * a success, or with `always` after a refusal too (an update refused as stale then shows the newest). The refresh is
 * awaited, so `mutateAsync` resolves with the lists already fresh.
 */
export function useChange<I, O>(send: (input: I) => Promise<O>, key?: QueryKey, options: { always?: boolean } = {}) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries(key ? { queryKey: key } : undefined);
  return useMutation({ mutationFn: send, ...(options.always ? { onSettled: refresh } : { onSuccess: refresh }) });
}
