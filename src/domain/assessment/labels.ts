/**
 * The lists of the assessment (issue 5), declared once: the contract's schemas (src/contract/assessment) are built from
 * them, and the words the assessment shows for its codes (“assessed units (cities, counties, departments, CPPCC bodies,
 * members)”).
 */
export const UNIT_KINDS = ['city', 'county', 'department', 'org', 'member'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = { city: '地级市', county: '县（市、区）', department: '省直单位', org: '政协组织', member: '委员' };

/** A round is open while scores are entered, then closed (its scores fixed and its scheme locked). */
export const ROUND_STATES = ['open', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];
export const ROUND_STATE_LABELS: Record<RoundState, string> = { open: '评分中', closed: '已结束' };

/** Where a grid entry came from: typed in the grid, read from an uploaded .xlsx, or taken from the system's figures. */
export const ENTRY_ORIGINS = ['manual', 'import', 'system'] as const;
export type EntryOrigin = (typeof ENTRY_ORIGINS)[number];

/** How an indicator is scored (src/domain/assessment/scheme.ts `Scoring`). */
export const SCORING_KINDS = ['grade', 'points', 'median', 'done'] as const;
export type ScoringKind = (typeof SCORING_KINDS)[number];

/**
 * Figures the system holds, which an indicator graded by the median method can take its values from (issue 5: ledger
 * funds and participation, registry exits and incidence, data-quality counts). The seeds' shipped schemes grade these
 * by assessors' words; an administrator maps them in a copy.
 */
export const SYSTEM_SOURCES = {
  'ledger.funds': '台账：帮扶资金、物资（万元）',
  'ledger.participation': '台账：委员参与率（%）',
  'registry.exitedPersons': '建档立卡：当年脱贫人数',
  'registry.incidence': '建档立卡：年末贫困发生率（%）',
  'quality.findings': '数据质量：问题记录数',
} as const;
export type SystemSource = keyof typeof SYSTEM_SOURCES;
export const SYSTEM_SOURCE_KEYS = Object.keys(SYSTEM_SOURCES) as [SystemSource, ...SystemSource[]];
