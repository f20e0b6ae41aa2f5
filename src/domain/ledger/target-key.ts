/**
 * The key that says two entries are about the same target, for the seed 000 rule
 * “1件事（包括结对帮扶的1个村或1户贫困户）只录入1次”: a village by its 12-digit code, any other target by its text
 * with white space and full-width/half-width differences folded away.
 */
export type Target = { kind: 'region'; regionCode: string } | { kind: 'text'; text: string };

export function targetKey(target: Target): string {
  if (target.kind === 'region') return `R:${target.regionCode}`;
  const folded = target.text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase();
  return `T:${folded}`;
}
