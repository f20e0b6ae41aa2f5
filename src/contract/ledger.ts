/**
 * The activity ledger (台账, seed 000): the codebook, entries, their history, the import from the template and the
 * exports. What the server takes and answers, declared once; the routes declare these schemas and the web takes its
 * types here. The totals (汇总) are in `./ledger-summary`.
 */
import { z } from 'zod';
import { UNITS } from '../domain/ledger/codebook';
import { FUND_KEYS } from '../domain/ledger/fields';
import { historyItem } from './history';
import { pageSchema } from './page';
import { bool, coercedInt, id, int, list, money, name, oneOf, optionalBool, optionalInt, page, pageSize, smallInt, text } from './zod';

// --- requests ------------------------------------------------------------------------------------------------------

const amount = money().nullish();
/** The request shape; every rule of seed 000 is checked in the domain (validateEntry) with field-named messages. */
export const entryBody = z.object({
  orgId: id(),
  memberIds: list(id(), 500).optional(),
  subtypeCode: name(10),
  count: int().nullish(),
  target: z.object({ kind: oneOf(['region', 'text']), regionCode: name(12).nullish(), text: name(200).nullish() }).nullable(),
  content: text(5000),
  funds: z.object({ donation: amount, personal: amount, social: amount, bank: amount, fiscal: amount }).partial().optional(),
  beneficiaries: int().nullish(),
  deepPoverty: bool().nullish(),
  startYear: smallInt(),
  endYear: smallInt().nullish(),
  documentNumber: name(100).nullish(),
  notOfficialDuty: bool().optional().describe('确认本事项不属于委员职务履职；须为 true'),
});
/** An entry as the form sends it (POST /api/ledger/entries). */
export type EntryInput = z.output<typeof entryBody>;

/** PATCH /api/ledger/entries/:id: the fields to change and the version read. */
export const entryPatch = entryBody.partial().extend({ version: int() });
export type EntryPatch = z.output<typeof entryPatch>;

export const deleteEntryQuery = z.object({ version: coercedInt() });

/** The filters of the list and of the export. */
export const entryFilters = z.object({
  orgId: optionalInt,
  yearFrom: optionalInt,
  yearTo: optionalInt,
  categoryCode: z.string().regex(/^\d{2}$/).optional(),
  subtypeCode: z.string().regex(/^\d{4}$/).optional(),
  deepPoverty: optionalBool,
  q: name(100).optional(),
});
export type EntryFilters = z.output<typeof entryFilters>;
export const entriesQuery = entryFilters.extend({ page, pageSize });
export type EntriesQuery = z.output<typeof entriesQuery>;

/** POST /api/ledger/import: the body an entry goes to when its row names none (default: the user's). */
export const importQuery = z.object({ orgId: optionalInt });

// --- answers -------------------------------------------------------------------------------------------------------

const subtype = z.object({ code: z.string(), name: z.string(), explanation: z.string(), unit: z.enum(UNITS), needsDocumentNumber: z.boolean() });
/** The codebook as the domain declares it (read-only lists). */
export const codebook = z.object({ categories: z.array(z.object({ code: z.string(), name: z.string(), subtypes: z.array(subtype).readonly() })).readonly() });
export type Codebook = z.output<typeof codebook>;
export type CodebookCategory = Codebook['categories'][number];
export type CodebookSubtype = CodebookCategory['subtypes'][number];

/** Amounts in 万元 as text (`'1.5'`), one per source of funds. */
export const funds = z.object(Object.fromEntries(FUND_KEYS.map((k) => [k, z.string()])) as Record<(typeof FUND_KEYS)[number], z.ZodString>);
export type Funds = z.output<typeof funds>;

const entryTarget = z.object({ kind: z.enum(['region', 'text']), regionCode: z.string().nullable(), text: z.string().nullable(), label: z.string() });

export const entry = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  members: z.array(z.object({ id: z.number(), name: z.string() })),
  categoryCode: z.string(),
  categoryName: z.string(),
  subtypeCode: z.string(),
  subtypeName: z.string(),
  unit: z.enum(UNITS),
  count: z.number(),
  target: entryTarget,
  content: z.string(),
  funds,
  fundsTotal: z.string(),
  beneficiaries: z.number(),
  deepPoverty: z.boolean(),
  startYear: z.number(),
  endYear: z.number().nullable(),
  documentNumber: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.object({ id: z.number(), name: z.string() }),
});
export type Entry = z.output<typeof entry>;
export const entryPage = pageSchema(entry);

/** What a step of an entry's history did. */
export const ENTRY_ACTIONS = ['create', 'update', 'delete'] as const;
export type EntryAction = (typeof ENTRY_ACTIONS)[number];
export const entryHistoryItem = historyItem.extend({ action: z.enum(ENTRY_ACTIONS) });
export type EntryHistoryItem = z.output<typeof entryHistoryItem>;
export const entryHistory = z.object({ items: z.array(entryHistoryItem) });
export type EntryHistory = z.output<typeof entryHistory>;

export const importResult = z.object({ imported: z.number(), ids: z.array(z.number()) });
export type ImportResult = z.output<typeof importResult>;
