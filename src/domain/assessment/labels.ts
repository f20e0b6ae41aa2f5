/** Words the assessment shows for its codes (issue 5: “assessed units (cities, counties, departments, CPPCC bodies, members)”). */
export const UNIT_KINDS = ['city', 'county', 'department', 'org', 'member'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = { city: '地级市', county: '县（市、区）', department: '省直单位', org: '政协组织', member: '委员' };

export const ROUND_STATE_LABELS: Record<string, string> = { open: '评分中', closed: '已结束' };
