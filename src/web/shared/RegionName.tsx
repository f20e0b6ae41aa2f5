/**
 * A region's name where a page has only its code (issue 11: “codes appear where names belong”): the name, with the
 * full path and the code in a tooltip; the code itself while the name loads or when it is not known.
 */
import { useQuery } from '@tanstack/react-query';
import { Tooltip } from 'antd';
import { fetchRegion } from './regions';

/** A code of 2, 4, 6 or 9 digits (a province, city, county or township prefix) as the 12-digit region code. */
export function regionCodeOf(codeOrPrefix: string): string {
  return codeOrPrefix.padEnd(12, '0');
}

export function RegionName({ code, testId }: { code: string; testId?: string }) {
  const full = regionCodeOf(code);
  const q = useQuery({ queryKey: ['regions', 'one', full], queryFn: () => fetchRegion(full), staleTime: Infinity, retry: false, enabled: /^\d{12}$/.test(full) });
  const path = q.data?.path.map((s) => s.name).join(' / ');
  return (
    <Tooltip title={path ? `${path}（${code}）` : code}>
      <span data-testid={testId}>{q.data?.name ?? code}</span>
    </Tooltip>
  );
}
