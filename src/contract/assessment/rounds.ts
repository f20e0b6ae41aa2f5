/**
 * Assessment rounds (考核轮次, issue 5): a scheme, a year, the assessed units and deadlines; the score grid (unit ×
 * method × indicator), each unit's facts and adjustments, and the results with the explanation of every rule. What the
 * server answers and what the web sends, declared once; the domain's result types (src/domain/assessment/round.ts,
 * engine.ts) are these.
 */
import { z } from 'zod';
import { ENTRY_ORIGINS, ROUND_STATES, UNIT_KINDS } from '../../domain/assessment/labels';
import { participation } from '../ledger-summary';
import { id, idParam, int, isoDate, key, list, name, smallInt } from '../zod';
import { consequence, schemeView } from './scheme';

// --- requests -------------------------------------------------------------------------------------------------------

export const roundUnitInput = z.object({ unitKey: name(40), name: name(100), kind: name(12), ref: name(40).optional() });
export const deadlines = z.object({ selfEvaluation: isoDate().optional(), methods: z.record(key(30), isoDate()).optional() });

/** POST /api/assessment/rounds */
export const createRoundBody = z.object({ schemeId: id(), name: name(200), year: smallInt(), units: list(roundUnitInput, 10_000), deadlines: deadlines.optional() });
export type CreateRoundInput = z.output<typeof createRoundBody>;

/** One cell of the grid; the service checks `entry` against the indicator's scoring (`checkEntry`), null clears it. */
export const gridEntryInput = z.object({ unitKey: name(40), methodKey: name(30), indicatorKey: name(40), entry: z.unknown() });
export type GridEntryInput = z.output<typeof gridEntryInput>;

/** PUT /api/assessment/rounds/:id/scores */
export const scoresBody = z.object({ version: int().optional(), entries: list(gridEntryInput, 200_000) });
export type ScoresInput = z.output<typeof scoresBody>;

/** A unit of a round in the path. */
export const unitParams = z.object({ id: idParam(), unitKey: name(40) });

/** PUT /api/assessment/rounds/:id/units/:unitKey: yes/no facts and points of adjustments (checked against the scheme). */
export const unitBody = z.object({ facts: z.record(key(40), z.unknown()).optional(), adjustments: z.record(key(40), z.unknown()).optional(), version: int().optional() });

/** PUT /api/assessment/rounds/:id/assessors: the round's 考核员, the whole list (users of the manager's scope whose role may score). */
export const assessorsBody = z.object({ userIds: list(id(), 200) });
export type AssessorsInput = z.output<typeof assessorsBody>;

/** POST /api/assessment/rounds/:id/close */
export const closeRoundBody = z.object({ version: int() });

// --- answers --------------------------------------------------------------------------------------------------------

/** What an assessor entered for one unit × indicator × method (done first: `{ done, grade }` also has a grade). */
export const entry = z.union([
  z.object({ done: z.boolean(), grade: z.string().optional() }),
  z.object({ grade: z.string() }),
  z.object({ points: z.number() }),
  z.object({ value: z.number() }),
]);
export type Entry = z.output<typeof entry>;
/** A cell of the grid as the web sends it: an entry of the indicator's kind, or null to clear the cell. */
export type CellChange = Omit<GridEntryInput, 'entry'> & { entry: Entry | null };

const roundState = z.enum(ROUND_STATES);

/** GET /api/assessment/rounds: one line per round the user's body (or a body below it) runs. */
export const roundSummary = z.object({
  id: z.number(),
  schemeId: z.number(),
  schemeName: z.string(),
  name: z.string(),
  year: z.number(),
  state: roundState,
  version: z.number(),
  at: z.string(),
  units: z.number(),
});
export type RoundSummary = z.output<typeof roundSummary>;
export const roundList = z.array(roundSummary);

export const roundUnit = z.object({
  unitKey: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  /** What the unit is in the system (region code, body id), for scores taken from the system; '' for none. */
  ref: z.string(),
  facts: z.record(z.string(), z.boolean()),
  adjustments: z.record(z.string(), z.number()),
});
export type RoundUnit = z.output<typeof roundUnit>;

export const gridEntry = z.object({ unitKey: z.string(), methodKey: z.string(), indicatorKey: z.string(), entry, origin: z.enum(ENTRY_ORIGINS) });
export type GridEntry = z.output<typeof gridEntry>;

/** A round with its scheme, units and the grid's entries (GET, and the answer of a new or closed round). */
export const round = z.object({
  id: z.number(),
  schemeId: z.number(),
  name: z.string(),
  year: z.number(),
  state: roundState,
  deadlines: z.object({ selfEvaluation: z.string().optional(), methods: z.record(z.string(), z.string()).optional() }),
  version: z.number(),
  at: z.string(),
  scheme: schemeView,
  units: z.array(roundUnit),
  scores: z.array(gridEntry),
  missingCount: z.number(),
  /** The 考核员 named for the round (issue 11): they score its units; a 考核员 sees only the rounds they are named in. */
  assessors: z.array(z.object({ userId: z.number(), displayName: z.string() })),
});
export type Round = z.output<typeof round>;

/** The answer of a batch of scores (typed, uploaded or taken from the system). */
export const scoresSaved = z.object({ saved: z.number(), cleared: z.number(), version: z.number() });
export type ScoresSaved = z.output<typeof scoresSaved>;

export const unitSaved = z.object({ unitKey: z.string(), facts: z.record(z.string(), z.boolean()), adjustments: z.record(z.string(), z.number()), version: z.number() });
export type UnitSaved = z.output<typeof unitSaved>;

// --- results --------------------------------------------------------------------------------------------------------

/** One grade rule applied (engine.ts `applyGradeRules`): what it saw and what it did, kept even when nothing changed. */
export const step = z.object({ rule: z.string(), text: z.string(), input: z.string(), from: z.string(), to: z.string(), changed: z.boolean() });
export type Step = z.output<typeof step>;

export const indicatorResult = z.object({ indicator: z.string(), grade: z.string(), points: z.number(), detail: z.string() });
export type IndicatorResult = z.output<typeof indicatorResult>;

/** A unit's result (round.ts `evaluateRound`): per method the indicator grades, the composite, the grade after every rule. */
export const unitResult = z.object({
  unit: z.string(),
  methods: z.array(z.object({ key: z.string(), label: z.string(), score: z.number(), indicators: z.array(indicatorResult) })),
  /** Content name → its grade (the 大项 of the cap rules). */
  contents: z.record(z.string(), z.string()),
  composite: z.number(),
  formula: z.string(),
  adjusted: z.number(),
  scoreGrade: z.string(),
  grade: z.string(),
  steps: z.array(step),
  rank: z.number(),
  explanation: z.array(z.string()),
});
export type UnitResult = z.output<typeof unitResult>;

/** What the system holds about an assessed CPPCC body for a year (the ledger): funds and goods raised, participation. */
export const orgFigures = z.object({
  orgKind: z.string(),
  fundsYuan: z.number(),
  entries: z.number(),
  participation,
});
export type OrgFigures = z.output<typeof orgFigures>;

/** 减贫成效 and 日常工作 from the system: exits of the year, poverty incidence at its end, data-quality findings. */
export const regionFigures = z.object({
  exitedHouseholds: z.number(),
  exitedPersons: z.number(),
  poorPersons: z.number(),
  incidence: z.number().nullable(),
  qualityFindings: z.number().nullable(),
});
export type RegionFigures = z.output<typeof regionFigures>;

const named = { unitKey: z.string(), name: z.string() };

/** GET /api/assessment/rounds/:id/results */
export const results = z.object({
  roundId: z.number(),
  name: z.string(),
  year: z.number(),
  state: roundState,
  scale: z.array(z.string()).readonly(),
  gradeDescriptions: z.record(z.string(), z.string()),
  complete: z.boolean(),
  missingCount: z.number(),
  /** The first missing cells by name (the count is exact). */
  missing: z.array(z.string()),
  units: z.array(unitResult.omit({ unit: true }).extend({ ...named, kind: z.enum(UNIT_KINDS) })),
  consequences: z.array(consequence.extend({ units: z.array(z.string()) })),
  vetoes: z.array(z.object({ unit: z.string(), rule: z.string(), input: z.string() })),
  distribution: z.array(z.object({ grade: z.string(), count: z.number() })),
  /** From the ledger, for units that are CPPCC bodies: funds and goods raised in the round's year, participation. */
  system: z.array(orgFigures.extend(named)),
  /** Seed 002 评优标准 reached or not, by body. */
  awards: z.array(z.object({ ...named, kind: z.string(), yuan: z.number(), awarded: z.boolean(), reason: z.string() })),
  /** From the registry and the data-quality checks, for cities and counties (ref = region code), as of the year's end. */
  regions: z.array(regionFigures.extend({ ...named, regionCode: z.string() })),
  /**
   * For a scheme with the method 扶贫资金绩效考评 (`funds`) and units that are regions (ref = region code): the 资金支出进度
   * points (7 + 3 + 2) computed from the funds data as of the year's end, with the reason of each (issue 14).
   */
  funds: z.array(
    z.object({
      ...named,
      regionCode: z.string(),
      points: z.number(),
      max: z.number(),
      items: z.array(z.object({ label: z.string(), points: z.number(), max: z.number(), reason: z.string() })),
      source: z.string(),
    }),
  ),
});
export type Results = z.output<typeof results>;
export type ResultUnit = Results['units'][number];
