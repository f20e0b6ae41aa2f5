/**
 * The procedures of 动态调整 (/api/procedures…): definitions, the list, one procedure with its steps, events and
 * evidence, the actions on its open step, evidence uploads and the 脱贫光荣证. What the server answers and what the web
 * sends and reads, declared once.
 */
import { z } from 'zod';
import { EVENT_OUTCOMES, PROCEDURE_STATES } from '../domain/procedures/decide';
import { LEVELS, PROCEDURE_KINDS, REQUIREMENTS, SUBJECTS } from '../domain/procedures/definitions';
import { householdCreate, householdDetailFields, personDetailFields, personStatedFields } from './registry/households';
import { attachment } from './common';
/** The evidence files of a step (佐证材料) are attachments. */
export { attachment, type Attachment } from './common';
import { pageSchema } from './page';
import { regionStep } from './regions';
import { id, int, isoDate, list, name, oneOf, optionalInt, page, pageSize, regionPrefix, smallInt, text } from './zod';

// --- requests ---------------------------------------------------------------------------------------------------------

/** One step of an adjusted definition (the service checks codes, levels and requirements and words the problems). */
export const stepInput = z.object({
  key: name(30),
  name: name(50),
  level: name(10),
  requires: list(name(30), 50),
  minDays: int().optional(),
});

export const definitionParams = z.object({ kind: name(20) });

/** PUT /api/procedures/definitions/:kind: a province's version of a procedure. */
export const definitionBody = z.object({ regionPrefix: name(12).optional(), name: name(50).optional(), steps: list(stepInput, 50), source: text(2000).optional() });
export type DefinitionInput = z.output<typeof definitionBody>;

/** What waits at the caller's level (the workbench's to-dos): the open steps, those of them with a notice run out, or with an assembly. */
export const WAITING = ['steps', 'notices', 'assemblies'] as const;
export const procedureQuery = z.object({
  region: regionPrefix().optional(),
  kind: name(20).optional(),
  state: name(10).optional(),
  householdId: optionalInt,
  /** Only running procedures whose open step waits at the caller's office level (steps), with a notice whose days are over (notices), or an assembly to record (assemblies). */
  waiting: z.enum(WAITING).optional(),
  page,
  pageSize,
});
/** The list's filters as the web sends them (page and size apart). */
export type ProcedureFilters = Omit<z.output<typeof procedureQuery>, 'page' | 'pageSize'>;

/**
 * POST /api/procedures: a household's, a village's or (with `applicant`) a new identification's procedure. The
 * applicant is the registry's household input with its village: the route adds it from the registry's request fields
 * (`applicant: z.object({ villageCode, ...householdFields })`) until those are in the contract too.
 */
export const procedureStart = z.object({
  kind: oneOf(PROCEDURE_KINDS),
  householdId: id().optional(),
  villageCode: name(12).optional(),
  year: smallInt().optional(),
  /** 识别: the applying household as the village records it (the registry's household form). */
  applicant: householdCreate.optional(),
});
export type StartInput = z.output<typeof procedureStart>;

/** A public notice (公示): its first day and the objections received. */
export const noticeInput = z.object({ from: isoDate(), objections: text(2000).optional() });
export type NoticeInput = z.output<typeof noticeInput>;
/** An assembly (评议): representatives entitled, present, and the votes. */
export const assemblyInput = z.object({ representatives: int(), present: int(), votesFor: int(), votesAgainst: int() });
export type AssemblyInput = z.output<typeof assemblyInput>;

/** What a step records when it is passed: a notice, an assembly, a confirmation. */
export const stepRecordInput = z.object({ notice: noticeInput.optional(), assembly: assemblyInput.optional(), confirmedBy: name(50).optional() });
export type StepRecordInput = z.output<typeof stepRecordInput>;

/** POST /api/procedures/:id/actions: pass the open step, return to an earlier one, or withdraw. */
export const actionBody = z.object({
  type: oneOf(['pass', 'return', 'withdraw']),
  step: int().optional(),
  to: int().optional(),
  reason: text(2000).optional(),
  record: stepRecordInput.optional(),
  version: int(),
});
export type ActionInput = z.output<typeof actionBody>;

/** `baseVersion`: the procedure's version when the evidence was taken offline (issue 12). */
export const attachmentQuery = z.object({ step: optionalInt, baseVersion: optionalInt });

// --- answers ----------------------------------------------------------------------------------------------------------

export const procedureKind = z.enum(PROCEDURE_KINDS);
export const procedureState = z.enum(PROCEDURE_STATES);
export const level = z.enum(LEVELS);

export const stepDefinition = z.object({
  key: z.string(),
  name: z.string(),
  level,
  requires: z.array(z.enum(REQUIREMENTS)),
  minDays: z.number().optional(),
});

/** A definition as kept: a kind's version for a province ('' = national). */
export const definition = z.object({
  id: z.number(),
  version: z.number(),
  regionPrefix: z.string(),
  kind: procedureKind,
  name: z.string(),
  subject: z.enum(SUBJECTS),
  steps: z.array(stepDefinition),
  source: z.string(),
});
export type Definition = z.output<typeof definition>;
export const definitions = z.array(definition);

/**
 * A new identification's applicant household as applied for (the registry's household input, kept as sent): the
 * registry's facts of a household and of its members, those the form may leave out optional.
 */
const applicantPerson = z.object({ ...personStatedFields, ...z.object(personDetailFields).partial().shape });
export const applicant = z.object({
  villageCode: z.string(),
  number: z.string(),
  attribute: z.string(),
  identifiedYear: z.number(),
  mainCause: z.string(),
  ...z.object(householdDetailFields).partial().shape,
  persons: z.array(applicantPerson),
});

/** A procedure's own record: what every answer about it carries. */
const procedureFields = z.object({
  id: z.number(),
  definitionId: z.number(),
  kind: procedureKind,
  kindLabel: z.string(),
  householdId: z.number().nullable(),
  /** A project's approval (kind project): the project of the funds' project library. */
  projectId: z.number().nullable(),
  villageCode: z.string(),
  applicant: applicant.nullable(),
  year: z.number().nullable(),
  state: procedureState,
  currentStep: z.number(),
  startedAt: z.string(),
  startedBy: z.number(),
  finishedAt: z.string().nullable(),
  certificateNo: z.string().nullable(),
  version: z.number(),
});

/** A procedure as listed, with the village's name and who it is about (household head and number, applicant, village). */
export const procedureItem = procedureFields.extend({ villageName: z.string(), subjectName: z.string() });
export type ProcedureItem = z.output<typeof procedureItem>;
export const procedurePage = pageSchema(procedureItem);

/** One transition: a start, a step passed, a return to an earlier step, a withdrawal. */
export const procedureEvent = z.object({
  id: z.number(),
  procedureId: z.number(),
  stepIndex: z.number(),
  stepKey: z.string(),
  outcome: z.enum(EVENT_OUTCOMES),
  returnTo: z.number().nullable(),
  reason: z.string(),
  noticeFrom: z.string().nullable(),
  noticeTo: z.string().nullable(),
  objections: z.string().nullable(),
  representatives: z.number().nullable(),
  present: z.number().nullable(),
  votesFor: z.number().nullable(),
  votesAgainst: z.number().nullable(),
  data: z.object({ confirmedBy: z.string().optional() }),
  userId: z.number(),
  userName: z.string(),
  userRole: z.string(),
  userLevel: z.string(),
  at: z.string(),
});
export type ProcedureEvent = z.output<typeof procedureEvent>;

/** One procedure with its definition's version, its village, its events and evidence. */
export const procedure = procedureFields.extend({
  definition: z.object({ id: z.number(), version: z.number(), name: z.string(), steps: z.array(stepDefinition), source: z.string() }),
  village: z.object({ code: z.string(), name: z.string(), path: z.array(regionStep) }),
  events: z.array(procedureEvent),
  attachments: z.array(attachment),
  /** The server's today (ISO date): a notice's days are counted against it. */
  today: z.string(),
  /** The first day a notice of the open step may start on (null when not running). */
  noticeEarliest: z.string().nullable(),
  /** The level the signed-in user acts at (村、乡、县、市、省). */
  userLevel: level,
});
export type Procedure = z.output<typeof procedure>;

/** The 脱贫光荣证 of a completed household exit. */
export const certificate = z.object({
  certificateNo: z.string(),
  year: z.number().nullable(),
  head: z.string(),
  persons: z.number(),
  village: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
});
export type Certificate = z.output<typeof certificate>;
