import type { ActionInput, Attachment, Certificate, Procedure, ProcedureItem, ProcedureFilters, StartInput } from '../../contract/procedures';
import type { Page } from '../../contract/page';
import { decide, PROCEDURE_STATE_LABELS, type Action, type EventOutcome, type ProcedureState, type StepRecord } from '../../domain/procedures/decide';
import { earliestNoticeStart, noticeBounds, type NoticeBounds } from '../../domain/procedures/notice-dates';
import { KIND_LABELS, levelOfPrefix, type Level, type ProcedureDefinition, type ProcedureKind } from '../../domain/procedures/definitions';
import type { Notifier } from '../notifications/service';
import { maskIdNumber } from '../../domain/registry/id-number';
import { checkHousehold, type HouseholdInput } from '../../domain/registry/validate-household';
import { isoDate, yearOf } from '../../domain/shared/dates';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { requirePermission, requireRegion } from '../auth/access';
import type { RegionsService } from '../regions/service';
import type { RegistryService, Tx } from '../registry/service';
import type { AuditService } from '../audit/service';
import { snapshotOf } from '../audit/snapshots';
import { makeDefinitionsService } from './definitions-service';
import type { AttachmentMeta, EventRow, ProcedureRow, ProceduresRepo } from './repo';
import { allPages } from '../http/pages';
import { stableMarkRefusal, type FiveBatch } from '../../domain/support/policy';

export interface ProceduresDeps {
  repo: ProceduresRepo;
  /** A transaction: the procedures' repository over it, and its handle for the registry's writes inside it. */
  transaction: <T>(fn: (repo: ProceduresRepo, tx: Tx) => Promise<T>) => Promise<T>;
  registry: RegistryService;
  regions: RegionsService;
  audit: AuditService;
  now: () => Date;
  /** Whether a comparison (一比对) has been run over a procedure's applicants (the compare feature answers). */
  comparisonRun?: (procedureId: number) => Promise<boolean>;
  /** Told of a household's status change inside the closing transaction (pairing ends a 清退 household's helpers). */
  statusChanged?: (handle: Tx, auth: Auth, change: { householdId: number; villageCode: string; status: string; on: string; reason: string }) => Promise<unknown>;
  /** Tells the users who handle a step that opened (issue 11's notifications), after the transaction. */
  notify?: Notifier;
  /** The repository over another feature's transaction (a project's declaration starts its procedure in it). */
  repoIn?: (tx: Tx) => ProceduresRepo;
  /** The names of projects (the funds' project library, issue 14), for the list's subject column. */
  projectNames?: (ids: number[]) => Promise<Map<number, string>>;
  /** The 五个一批 of a household's measures (issue 15's 帮扶措施), asked at the start of a stable-exit marking. */
  householdBatches?: (householdId: number) => Promise<readonly FiveBatch[]>;
}

/** The region level (1 省 … 5 村) of a step's office level. */
const REGION_LEVEL: Record<Level, number> = { 省: 1, 市: 2, 县: 3, 乡: 4, 村: 5 };


/** What the final step of each kind does to the registry. */
const FINAL_STATUS: Partial<Record<ProcedureKind, string>> = { exit: '已脱贫', removal: '清退', stable_exit: '稳定脱贫', relapse: '返贫' };

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const ATTACHMENT_TYPES = /^(image\/(jpeg|png|gif|webp)|application\/pdf|application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet)|application\/msword)$/;

/** A procedure's own record as it is answered: its times as ISO text. */
function procedureOut(p: ProcedureRow) {
  return {
    ...p,
    kind: p.kind as ProcedureKind,
    kindLabel: KIND_LABELS[p.kind as ProcedureKind],
    applicant: p.applicant as HouseholdInput | null,
    state: p.state as ProcedureState,
    startedAt: new Date(p.startedAt).toISOString(),
    finishedAt: p.finishedAt ? new Date(p.finishedAt).toISOString() : null,
  };
}

/** An evidence file as it is answered. */
const attachmentOut = (a: AttachmentMeta): Attachment => ({ ...a, at: new Date(a.at).toISOString() });

/** A transition sent against a version that is no longer current: someone else acted first. */
function stale(p: Pick<ProcedureRow, 'state' | 'version'>): AppError {
  const message =
    p.state === 'completed' ? '该程序已被他人办结，请刷新后查看' : p.state === 'withdrawn' ? '该程序已被他人撤销，请刷新后查看' : '该程序已被他人办理，请刷新后重试';
  return new AppError('STALE_VERSION', message, { currentVersion: p.version });
}

export function makeProceduresService(deps: ProceduresDeps) {
  const { repo, transaction, registry, regions, audit, now } = deps;
  const defs = makeDefinitionsService(deps);

  /** When the open step opened and the notice before it, from the events (their days in the dates module's zone). */
  function boundsOf(p: Pick<ProcedureRow, 'currentStep' | 'startedAt'>, events: EventRow[]): NoticeBounds {
    const days = events.map((e) => ({ stepIndex: e.stepIndex, outcome: e.outcome, on: isoDate(new Date(e.at)), noticeFrom: e.noticeFrom, noticeTo: e.noticeTo }));
    return noticeBounds(days, p.currentStep) ?? { openedOn: isoDate(new Date(p.startedAt)) };
  }

  /**
   * One person, one household (issue 10): an applicant's member whose ID number is already registered is refused at
   * the start and at every step, naming the member's row; the registry words it (another scope's holder unnamed).
   */
  async function applicantFree(auth: Auth, applicant: HouseholdInput) {
    const persons = applicant.persons ?? [];
    const taken = await registry.idNumbersTaken(auth, persons.map((m) => m.idNumber));
    const fields: FieldError[] = [];
    persons.forEach((m, i) => {
      const message = taken.get(m.idNumber);
      if (message) fields.push({ field: `applicant.persons.${i}.idNumber`, label: `第 ${i + 1} 位家庭成员的身份证号`, message: `第 ${i + 1} 位家庭成员${m.name ? `（${m.name}）` : ''}的身份证号 ${maskIdNumber(m.idNumber)}${message}` });
    });
    if (fields.length) throw validationError(fields);
  }

  async function load(auth: Auth, id: number): Promise<ProcedureRow> {
    const p = await repo.procedure(id);
    if (!p) throw new AppError('NOT_FOUND', `程序不存在（编号 ${id}）`);
    requireRegion(auth, p.villageCode, '该程序');
    return p;
  }

  /** The subject checks at the start: a household exit only for a household that meets the exit rules, etc. */
  async function startChecks(auth: Auth, kind: ProcedureKind, input: { householdId?: number; villageCode?: string; applicant?: HouseholdInput; year?: number }) {
    if (kind === 'village_exit') {
      const code = input.villageCode ?? '';
      const v = await registry.village(auth, code);
      if (!v.profile?.poorVillage) throw new AppError('CONFLICT', `${v.region.name}不是贫困村，无需办理出列`);
      if (v.profile.exited) throw new AppError('CONFLICT', `${v.region.name}已于 ${v.profile.exitYear} 年出列`);
      if (!v.exitCheck.passed) {
        const failed = v.exitCheck.criteria.filter((c) => c.passed === false);
        throw new AppError('CONFLICT', `未达到贫困村出列标准，不能启动出列程序：${failed.map((c) => `${c.label}（${c.reason}）`).join('；')}`, { verdict: v.exitCheck });
      }
      return { villageCode: code, householdId: null, applicant: null };
    }
    if (kind === 'identification') {
      const applicant = input.applicant;
      if (!applicant) throw validationError([{ field: 'applicant', label: '申请户', message: '请填写申请户的信息和家庭成员' }]);
      requireRegion(auth, applicant.villageCode ?? '', '该村');
      const { errors } = checkHousehold(applicant, now());
      if (errors.length) throw validationError(errors.map((e) => ({ ...e, field: `applicant.${e.field}` })));
      await applicantFree(auth, applicant);
      return { villageCode: applicant.villageCode, householdId: null, applicant };
    }
    const h = await registry.household(auth, input.householdId ?? -1);
    const status = h.status;
    if (kind === 'exit') {
      if (status !== '未脱贫' && status !== '返贫') throw new AppError('CONFLICT', `该户现为“${status}”，不能办理脱贫`);
      const v = h.verdicts?.exit;
      if (!v) throw new AppError('CONFLICT', '该户尚无收入数据，无法判断是否达到脱贫标准，不能启动脱贫程序');
      if (!v.passed) {
        const failed = v.criteria.filter((c) => c.passed === false);
        throw new AppError('CONFLICT', `未达到脱贫标准，不能启动脱贫程序：${failed.map((c) => `${c.label}（${c.reason}）`).join('；')}`, { verdict: v });
      }
    } else if (kind === 'removal') {
      if (status === '清退') throw new AppError('CONFLICT', '该户已清退');
    } else if (kind === 'stable_exit') {
      const v = h.verdicts?.stableExit;
      if (status !== '已脱贫') throw new AppError('CONFLICT', `只有已脱贫户可以标注稳定脱贫（该户现为“${status}”）`);
      if (v && !v.passed) throw new AppError('CONFLICT', `不能标注为稳定脱贫：${v.criteria.filter((c) => c.passed === false).map((c) => c.reason).join('；')}`);
      const refusal = deps.householdBatches ? stableMarkRefusal(await deps.householdBatches(h.id)) : null;
      if (refusal) throw new AppError('CONFLICT', refusal);
    } else if (kind === 'relapse') {
      if (status !== '已脱贫' && status !== '稳定脱贫') throw new AppError('CONFLICT', `只有已脱贫户才会返贫（该户现为“${status}”）`);
    }
    return { villageCode: h.villageCode, householdId: h.id, applicant: null, head: h.persons.find((p) => p.relation === '户主')?.name };
  }

  /**
   * The registry change the last step makes, inside the transaction that closes the procedure (`tx`, its handle
   * `handle`): both commit or neither does. Returns what to keep on the procedure.
   */
  async function finish(tx: ProceduresRepo, handle: Tx, auth: Auth, p: ProcedureRow, def: ProcedureDefinition): Promise<Partial<ProcedureRow>> {
    // A project's approval changes nothing in the registry: its stage is read from the procedure.
    if (p.kind === 'project') return {};
    const reason = `${def.name}程序办结（程序编号 ${p.id}）`;
    const today = isoDate(now());
    const year = p.year ?? yearOf(now());
    if (p.kind === 'identification') return { householdId: await registry.enterHousehold(handle, auth, { ...(p.applicant as HouseholdInput), identifiedOn: today }, p.id) };
    if (p.kind === 'village_exit') {
      await registry.markVillageExitedIn(handle, auth, p.villageCode, year);
      return {};
    }
    const status = FINAL_STATUS[p.kind as ProcedureKind]!;
    await registry.changeStatusIn(handle, auth, p.householdId!, { status, year: p.kind === 'exit' ? year : undefined, reason, viaProcedure: p.id });
    await deps.statusChanged?.(handle, auth, { householdId: p.householdId!, villageCode: p.villageCode, status, on: today, reason });
    if (p.kind !== 'exit') return {};
    // 颁发脱贫光荣证: the next number of the county and year, from its counter (locked until this transaction ends).
    const county = p.villageCode.slice(0, 6);
    return { certificateNo: `${county}-${year}-${String(await tx.nextCertificate(county, year)).padStart(5, '0')}` };
  }

  /**
   * A step opened (the start, a pass, a return): the accounts holding procedures.handle of the step's level whose
   * office covers the procedure's village are told (issue 11: “procedure steps waiting at my level”), the actor not.
   */
  async function stepOpened(auth: Auth, p: { id: number; villageCode: string }, def: ProcedureDefinition, stepIndex: number) {
    const step = def.steps[stepIndex];
    if (!step || !deps.notify) return;
    await deps.notify.holders(
      'procedures.handle',
      { region: p.villageCode, level: REGION_LEVEL[step.level] },
      { kind: 'procedureStep', title: `${def.name}（程序编号 ${p.id}）：“${step.name}”待${step.level}级办理`, link: `/procedures/${p.id}`, from: auth.userId },
    );
  }

  async function view(auth: Auth, p: ProcedureRow): Promise<Procedure> {
    const def = await defs.byId(p.definitionId);
    const events = await repo.events(p.id);
    const files = await repo.attachments(p.id);
    const village = await regions.get(p.villageCode);
    return {
      ...procedureOut(p),
      definition: { id: def.id, version: def.version, name: def.name, steps: def.steps, source: def.source },
      village: { code: village.code, name: village.name, path: village.path },
      events: events.map((e) => ({ ...e, outcome: e.outcome as EventOutcome, at: new Date(e.at).toISOString() })),
      attachments: files.map(attachmentOut),
      today: isoDate(now()),
      /** The first day a notice of the open step may start on (the web's date picker disables the days before). */
      noticeEarliest: p.state === 'running' ? earliestNoticeStart(boundsOf(p, events)) : null,
      userLevel: levelOfPrefix(auth.regionPrefix),
    };
  }

  return {
    ensureDefaultDefinitions: defs.ensureDefaults,
    definitions: defs.list,
    saveDefinition: defs.save,

    /** Every procedure the list finds, for its export: batches of 2,000 (at most 100,000). */
    exportList(auth: Auth, q: ProcedureFilters): AsyncGenerator<ProcedureItem[]> {
      return allPages((page, pageSize) => this.list(auth, { ...q, page, pageSize }));
    },

    async list(auth: Auth, q: ProcedureFilters & { page: number; pageSize: number }): Promise<Page<ProcedureItem>> {
      let prefix = auth.regionPrefix;
      if (q.region) {
        requireRegion(auth, q.region);
        const r = await regions.get(q.region);
        prefix = r.code.slice(0, [0, 2, 4, 6, 9, 12][r.level] ?? 12);
      }
      const waiting = q.waiting ? { what: q.waiting, level: levelOfPrefix(auth.regionPrefix), today: isoDate(now()) } : undefined;
      const { items, total } = await repo.list({ prefix, kind: q.kind, state: q.state, householdId: q.householdId, waiting, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      // Names for the list: the village, and the household (its head) or the applicant.
      const villages = new Map<string, string>();
      for (const code of new Set(items.map((p) => p.villageCode))) villages.set(code, (await regions.get(code)).name);
      const households = await repo.householdLabels(items.flatMap((p) => (p.householdId ? [p.householdId] : [])));
      const projectIds = items.flatMap((p) => (p.projectId ? [p.projectId] : []));
      const projects = projectIds.length && deps.projectNames ? await deps.projectNames(projectIds) : new Map<number, string>();
      const subject = (p: ProcedureRow) =>
        p.projectId
          ? `项目：${projects.get(p.projectId) ?? `编号 ${p.projectId}`}`
          : p.householdId
          ? (households.get(p.householdId) ?? `贫困户 ${p.householdId}`)
          : p.kind === 'identification'
            ? `申请户 ${(p.applicant as HouseholdInput | null)?.persons.find((x) => x.relation === '户主')?.name ?? '（无户主）'}`
            : villages.get(p.villageCode)!;
      return {
        items: items.map((p) => ({ ...procedureOut(p), villageName: villages.get(p.villageCode)!, subjectName: subject(p) })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /**
     * What waits at the caller's office level in their scope (issue 11's to-dos, one query): open steps of that level,
     * those with a notice whose days are over by today, and those with an assembly to record. The list with
     * `waiting` shows the same procedures.
     */
    async waitingCounts(auth: Auth): Promise<{ steps: number; notices: number; assemblies: number }> {
      requirePermission(auth, 'procedures.read');
      return repo.waitingCounts({ prefix: auth.regionPrefix, level: levelOfPrefix(auth.regionPrefix), today: isoDate(now()) });
    },

    async get(auth: Auth, id: number): Promise<Procedure> {
      return view(auth, await load(auth, id));
    },

    /** Starts a procedure for a household, a village or an applicant, after the checks of its kind. */
    async start(auth: Auth, input: StartInput): Promise<Procedure> {
      requirePermission(auth, 'procedures.handle');
      const kind = input.kind;
      if (kind === 'project') throw new AppError('CONFLICT', '扶贫项目审批程序随项目申报启动，请在项目库中申报项目');
      const subject = await startChecks(auth, kind, input);
      const def = await defs.activeFor(kind, subject.villageCode);
      const year = input.year ?? yearOf(now());
      const id = await transaction(async (tx) => {
        // One running procedure per household (per village for 出列): checked under a lock on the subject, so two
        // starts sent at once cannot both pass the check.
        const one = subject.householdId ? { householdId: subject.householdId } : kind === 'village_exit' ? { villageCode: subject.villageCode, kind } : undefined;
        if (one) await tx.lockSubject('householdId' in one ? `household:${one.householdId}` : `village:${one.villageCode}:${one.kind}`);
        const running = one ? await tx.runningFor(one) : undefined;
        if (running) throw new AppError('CONFLICT', `该${kind === 'village_exit' ? '村' : '户'}已有正在办理的“${KIND_LABELS[running.kind as ProcedureKind]}”程序（编号 ${running.id}），请先办结或撤销`);
        const p = await tx.insertProcedure({
          definitionId: def.id,
          kind,
          householdId: subject.householdId,
          villageCode: subject.villageCode,
          applicant: subject.applicant,
          year,
          state: 'running',
          currentStep: 0,
          startedBy: auth.userId,
          startedAt: now(),
        });
        await tx.insertEvent({
          procedureId: p.id,
          stepIndex: 0,
          stepKey: def.steps[0]!.key,
          outcome: 'start',
          reason: `启动${def.name}程序`,
          userId: auth.userId,
          userName: auth.displayName,
          userRole: auth.role,
          userLevel: levelOfPrefix(auth.regionPrefix),
          at: now(),
        });
        await audit.record(auth, 'procedure', p.id, 'create', null, snapshotOf('procedure', p), { regionCode: p.villageCode });
        return p.id;
      });
      await stepOpened(auth, { id, villageCode: subject.villageCode }, def, 0);
      return this.get(auth, id);
    },

    /**
     * A project's approval (issue 14): the definition its village follows, read before the declaring transaction, and
     * `start`, which writes the procedure, its start event and the audit record inside that transaction (`handle`).
     * `opened` tells the first step's handlers; call it after the transaction.
     */
    async projectApproval(auth: Auth, villageCode: string) {
      requirePermission(auth, 'procedures.handle', { region: villageCode, what: '该村' });
      const def = await defs.activeFor('project', villageCode);
      return {
        steps: def.steps,
        async start(handle: Tx, project: { id: number; year: number }) {
          const tx = deps.repoIn!(handle);
          const p = await tx.insertProcedure({ definitionId: def.id, kind: 'project', householdId: null, projectId: project.id, villageCode, applicant: null, year: project.year, state: 'running', currentStep: 0, startedBy: auth.userId, startedAt: now() });
          await tx.insertEvent({ procedureId: p.id, stepIndex: 0, stepKey: def.steps[0]!.key, outcome: 'start', reason: `启动${def.name}程序`, userId: auth.userId, userName: auth.displayName, userRole: auth.role, userLevel: levelOfPrefix(auth.regionPrefix), at: now() });
          await audit.record(auth, 'procedure', p.id, 'create', null, snapshotOf('procedure', p), { regionCode: villageCode });
          return { id: p.id, opened: () => stepOpened(auth, { id: p.id, villageCode }, def, 0) };
        },
      };
    },

    /**
     * Passes the open step, returns to an earlier one, or withdraws: checked by `decide`, kept as an event. The
     * procedure's row is locked and read again inside the transaction, so of two actions sent at once exactly one goes
     * ahead and the other is refused (409); the last step's registry change is part of the same transaction.
     */
    async act(auth: Auth, id: number, input: ActionInput): Promise<Procedure> {
      requirePermission(auth, 'procedures.handle');
      const seen = await load(auth, id);
      if (seen.version !== input.version) throw stale(seen);
      const def = await defs.byId(seen.definitionId);
      const record: StepRecord = { ...(input.record ?? {}) };
      // Read before the transaction (another feature's tables); it belongs to the step open at this version.
      if (def.steps[seen.currentStep]?.requires.includes('comparison')) record.comparisonRun = deps.comparisonRun ? await deps.comparisonRun(seen.id) : false;
      // A new identification's applicants are checked against the registry before every step (issue 10), not only at
      // the last one that enters them.
      if (input.type === 'pass' && seen.state === 'running' && seen.applicant) await applicantFree(auth, seen.applicant as HouseholdInput);
      const action: Action =
        input.type === 'withdraw'
          ? { type: 'withdraw', reason: input.reason ?? '' }
          : input.type === 'return'
            ? { type: 'return', step: input.step ?? -1, to: input.to ?? -1, reason: input.reason ?? '' }
            : { type: 'pass', step: input.step ?? -1, record };
      const userLevel = levelOfPrefix(auth.regionPrefix);
      const opened = await transaction(async (tx, handle) => {
        const p = await tx.lockProcedure(id);
        if (!p || p.version !== input.version) throw stale(p ?? seen);
        const bounds = boundsOf(p, await tx.events(p.id));
        const d = decide(def, { state: p.state as 'running', currentStep: p.currentStep }, action, { today: isoDate(now()), userLevel, bounds });
        if (!d.ok) throw validationError(d.problems.map((x) => ({ field: x.field, label: def.steps[p.currentStep]?.name ?? '程序', message: x.message })));
        const next = d.next!;
        // The last step changes the registry (its own rules checked again there), in this transaction.
        const effects = next.state === 'completed' ? await finish(tx, handle, auth, p, def) : {};
        const step = def.steps[action.type === 'withdraw' ? p.currentStep : action.step]!;
        const ok = await tx.updateProcedure(p.id, p.version, {
          state: next.state,
          currentStep: next.currentStep,
          ...(next.state !== 'running' ? { finishedAt: now() } : {}),
          ...effects,
        });
        if (!ok) throw stale(p);
        const a = record.assembly;
        await tx.insertEvent({
          procedureId: p.id,
          stepIndex: action.type === 'withdraw' ? p.currentStep : action.step,
          stepKey: step.key,
          outcome: action.type,
          returnTo: action.type === 'return' ? action.to : null,
          reason: (input.reason ?? '').trim(),
          noticeFrom: action.type === 'pass' ? (record.notice?.from ?? null) : null,
          noticeTo: action.type === 'pass' ? (next.noticeTo ?? null) : null,
          objections: action.type === 'pass' ? (record.notice?.objections ?? null) : null,
          representatives: action.type === 'pass' ? (a?.representatives ?? null) : null,
          present: action.type === 'pass' ? (a?.present ?? null) : null,
          votesFor: action.type === 'pass' ? (a?.votesFor ?? null) : null,
          votesAgainst: action.type === 'pass' ? (a?.votesAgainst ?? null) : null,
          data: action.type === 'pass' && record.confirmedBy ? { confirmedBy: record.confirmedBy } : {},
          userId: auth.userId,
          userName: auth.displayName,
          userRole: auth.role,
          userLevel,
          at: now(),
        });
        await audit.record(auth, 'procedure', p.id, 'update', snapshotOf('procedure', p), { ...snapshotOf('procedure', { ...p, state: next.state, currentStep: next.currentStep, ...effects }), action: action.type, step: step.name, reason: (input.reason ?? '').trim() }, { regionCode: p.villageCode });
        return next.state === 'running' && action.type !== 'withdraw' ? next.currentStep : null;
      });
      if (opened !== null) await stepOpened(auth, seen, def, opened);
      return this.get(auth, id);
    },

    /**
     * Before evidence is received: the user may add it here, and — for evidence taken offline (issue 12) against the
     * procedure as it was (`baseVersion`) — the procedure has not been passed or returned since (409, for the user to
     * look; sent again without a base version it is kept anyway).
     */
    async checkEvidenceTarget(auth: Auth, id: number, baseVersion?: number): Promise<void> {
      requirePermission(auth, 'procedures.handle');
      const p = await load(auth, id);
      if (baseVersion === undefined || p.version === baseVersion) return;
      const def = await defs.byId(p.definitionId);
      const where = p.state === 'running' ? `现在办理到「${def.steps[p.currentStep]?.name ?? '—'}」` : `现在${PROCEDURE_STATE_LABELS[p.state as ProcedureState] ?? p.state}`;
      throw new AppError('STALE_VERSION', `该程序在您拍摄佐证材料之后已被办理（${where}），请核对后再上传`, { currentVersion: p.version });
    },
    async addAttachment(auth: Auth, id: number, file: { fileName: string; mime: string; content: Buffer; stepIndex?: number }): Promise<Attachment> {
      requirePermission(auth, 'procedures.handle');
      const p = await load(auth, id);
      if (!ATTACHMENT_TYPES.test(file.mime)) throw validationError([{ field: 'file', label: '佐证材料', message: '只能上传图片（JPG、PNG）、PDF 或 Word、Excel 文件' }]);
      if (file.content.length === 0) throw validationError([{ field: 'file', label: '佐证材料', message: '文件为空' }]);
      if (file.content.length > MAX_ATTACHMENT_BYTES) throw validationError([{ field: 'file', label: '佐证材料', message: '文件超过 20 MB' }]);
      const saved = await repo.insertAttachment({
        ownerType: 'procedure',
        ownerId: p.id,
        stepIndex: file.stepIndex ?? p.currentStep,
        fileName: file.fileName.slice(0, 200),
        mime: file.mime,
        size: file.content.length,
        content: file.content,
        userId: auth.userId,
      });
      await audit.record(auth, 'procedure', p.id, 'update', null, { attachment: saved.fileName, step: file.stepIndex ?? p.currentStep }, { regionCode: p.villageCode });
      return attachmentOut(saved);
    },
    async attachment(auth: Auth, attachmentId: number) {
      const a = await repo.attachment(attachmentId);
      if (!a) throw new AppError('NOT_FOUND', '佐证材料不存在');
      await load(auth, a.ownerId);
      return a;
    },

    /** The 脱贫光荣证 of a completed household exit (printable). */
    async certificate(auth: Auth, id: number): Promise<Certificate> {
      const p = await load(auth, id);
      if (p.kind !== 'exit' || !p.certificateNo) throw new AppError('NOT_FOUND', '该程序没有颁发脱贫光荣证');
      const h = await registry.household(auth, p.householdId!);
      const names = await regions.fullNames([p.villageCode]);
      const county = await regions.get(`${p.villageCode.slice(0, 6)}000000`);
      return {
        certificateNo: p.certificateNo,
        year: p.year,
        head: h.persons.find((x) => x.relation === '户主')?.name ?? '',
        persons: h.persons.length,
        village: names.get(p.villageCode) ?? p.villageCode,
        issuer: `${county.name}扶贫开发领导小组`,
        issuedOn: p.finishedAt ? isoDate(new Date(p.finishedAt)) : isoDate(now()),
      };
    },
  };
}
export type ProceduresService = ReturnType<typeof makeProceduresService>;
