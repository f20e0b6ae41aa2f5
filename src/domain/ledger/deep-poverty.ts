/**
 * Seed 000: “有对口帮扶藏区、彝区45个深度贫困县任务的各级政协组织，以及在45个深度贫困县参与活动的政协委员，
 * 在填报聚焦聚力深度贫困地区助推脱贫攻坚工作的事项时进行标注。”
 * The flag is proposed when the target lies in a listed county (a county is the 6-digit prefix of a region code);
 * the user may still set it by hand (e.g. a body with a pairing task in such a county, a free-text target).
 */
export function proposeDeepPoverty(targetRegionCode: string | null, deepCountyCodes: ReadonlySet<string>): boolean {
  if (!targetRegionCode || targetRegionCode.length < 6) return false;
  return deepCountyCodes.has(targetRegionCode.slice(0, 6));
}
