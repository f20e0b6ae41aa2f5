/** The standard list of poverty causes (致贫原因). */
export const CAUSES = ['因病', '因残', '因学', '因灾', '缺土地', '缺水', '缺技术', '缺劳力', '缺资金', '交通条件落后', '自身发展动力不足'] as const;
export type Cause = (typeof CAUSES)[number];
/** “次要致贫原因……不超过2个”. */
export const MAX_SECONDARY_CAUSES = 2;

/**
 * Seed 004: “主要致贫原因仅1个,次要致贫原因与主要致贫原因不重复,且不超过2个。” Returns the problems, empty when valid.
 */
export function checkCauses(main: string | null | undefined, secondary: readonly string[]): Array<{ field: 'mainCause' | 'secondaryCauses'; message: string }> {
  const problems: Array<{ field: 'mainCause' | 'secondaryCauses'; message: string }> = [];
  const known = (c: string) => (CAUSES as readonly string[]).includes(c);
  if (!main) problems.push({ field: 'mainCause', message: '须填写 1 个主要致贫原因' });
  else if (!known(main)) problems.push({ field: 'mainCause', message: `“${main}”不是标准致贫原因` });
  const unknown = secondary.filter((c) => !known(c));
  if (unknown.length) problems.push({ field: 'secondaryCauses', message: `${unknown.map((c) => `“${c}”`).join('、')}不是标准致贫原因` });
  if (secondary.length > MAX_SECONDARY_CAUSES) problems.push({ field: 'secondaryCauses', message: `次要致贫原因不超过 ${MAX_SECONDARY_CAUSES} 个` });
  if (main && secondary.includes(main)) problems.push({ field: 'secondaryCauses', message: '次要致贫原因不能与主要致贫原因重复' });
  if (new Set(secondary).size !== secondary.length) problems.push({ field: 'secondaryCauses', message: '次要致贫原因不能重复' });
  return problems;
}
