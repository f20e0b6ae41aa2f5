/**
 * Visits to a household (帮扶走访, 家庭医生签约走访) and their signature files (帮扶成效签字, seed 004): part of the pairing
 * service. A household is reached through the registry (scope and status); a helper's visit names a helper who held
 * the household on the day.
 */
import { makeHelperHouseholds } from './helper-households';
import type { SignatureFile, Visit, VisitInput } from '../../contract/pairing';
import { VISIT_FILE_KINDS, VISIT_KINDS, type VisitFileKind } from '../../domain/pairing/half-year-visit';
import { heldOn } from '../../domain/pairing/handovers';
import { signatureFileProblem } from '../../domain/pairing/signature-file';
import { recordedDayProblem } from '../../domain/pairing/recorded-day';
import { isoDate } from '../../domain/shared/dates';
import { AppError, validationError, type FieldError } from '../../domain/shared/errors';
import { requirePermission, type Auth } from '../auth/access';
import { snapshotOf } from '../audit/snapshots';
import type { AttachmentMeta, PairingRepo, VisitRow } from './repo';
import type { PairingDeps } from './service';

/** A signature file as answered. */
export const signatureAnswer = (f: AttachmentMeta): SignatureFile => ({ ...f, at: new Date(f.at).toISOString() });

/** A visit as answered, with its signature files. */
export const visitAnswer = (v: VisitRow, files: readonly AttachmentMeta[]): Visit => ({
  ...v,
  at: new Date(v.at).toISOString(),
  attachments: files.filter((f) => f.ownerId === v.id).map(signatureAnswer),
});

/**
 * Issue 11: a 帮扶责任人 (`own: 'households'`) “sees and visits their own households only”: the households their helper
 * record holds today. Another household is answered as one that does not exist, like the registry's (nothing of it is
 * named). Other roles pass (their scope is the registry's check).
 */
export function makeOwnHouseholdCheck(repo: Pick<PairingRepo, 'assignmentsOfHelper'>, now: () => Date) {
  const heldToday = makeHelperHouseholds(repo, now);
  return async function requireOwnHousehold(auth: Auth, householdId: number, notFound = `贫困户不存在（编号 ${householdId}）`): Promise<void> {
    if (auth.own !== 'households') return;
    const mine = auth.helperId != null && (await heldToday(auth.helperId)).includes(householdId);
    if (!mine) throw new AppError('NOT_FOUND', notFound);
  };
}

export function makeVisitMethods({ repo, registry, audit, now }: Pick<PairingDeps, 'repo' | 'registry' | 'audit' | 'now'>) {
  const today = () => isoDate(now());
  const requireOwnHousehold = makeOwnHouseholdCheck(repo, now);

  /** The visit a signature file is added to, when the user may write visits of its household (checked before the upload is read). */
  async function writableVisit(auth: Auth, visitId: number) {
    requirePermission(auth, 'visits.write');
    const v = await repo.visit(visitId);
    if (!v) throw new AppError('NOT_FOUND', `走访记录不存在（编号 ${visitId}）`);
    await requireOwnHousehold(auth, v.householdId, `走访记录不存在（编号 ${visitId}）`);
    const visited = await registry.household(auth, v.householdId);
    return { v, visited };
  }

  return {
    async addVisit(auth: Auth, householdId: number, input: VisitInput): Promise<Visit> {
      requirePermission(auth, 'visits.write');
      await requireOwnHousehold(auth, householdId);
      const visited = await registry.household(auth, householdId);
      // Recorded offline against an older copy of the household (issue 12): the user looks before it is written.
      if (input.baseVersion !== undefined && input.baseVersion !== visited.version) {
        throw new AppError('STALE_VERSION', `该户信息在您记录走访之后已在系统中修改（您手机上的是第 ${input.baseVersion} 版，现为第 ${visited.version} 版），请核对后再提交`, {
          currentVersion: visited.version,
        });
      }
      const day = today();
      const visitedOn = input.visitedOn ?? day;
      const fields: FieldError[] = [];
      if (!(VISIT_KINDS as readonly string[]).includes(input.kind)) fields.push({ field: 'kind', label: '走访类别', message: `应为${VISIT_KINDS.join('或')}` });
      const bad = recordedDayProblem('visitedOn', '走访日期', visitedOn, day);
      if (bad) fields.push(bad);
      if (!input.content?.trim()) fields.push({ field: 'content', label: '走访内容', message: '请填写走访了解的情况和落实的帮扶措施' });
      else if (input.content.length > 2000) fields.push({ field: 'content', label: '走访内容', message: '不能超过 2000 字' });
      let visitor = input.visitor?.trim() ?? '';
      let helperId: number | null = null;
      // A 帮扶责任人 records their own visits: the helper is the account's own helper record.
      const own = auth.own === 'households' && input.kind !== '家庭医生';
      if (own && input.helperId && input.helperId !== auth.helperId) fields.push({ field: 'helperId', label: '帮扶责任人', message: '只能记录您本人的走访' });
      const askedHelper = own ? auth.helperId : input.helperId;
      if (askedHelper && input.kind === '家庭医生') fields.push({ field: 'helperId', label: '帮扶责任人', message: '家庭医生走访不选帮扶责任人，请填写医生姓名' });
      else if (askedHelper && !bad) {
        const held = (await repo.assignmentsOfHousehold(householdId)).find((a) => a.helperId === askedHelper && heldOn(a, visitedOn));
        if (!held) fields.push({ field: 'helperId', label: '帮扶责任人', message: `走访当日（${visitedOn}）该人员不是本户的帮扶责任人` });
        else {
          helperId = held.helperId;
          visitor ||= held.helperName;
        }
      }
      if (!visitor) fields.push({ field: 'visitor', label: input.kind === '家庭医生' ? '签约医生' : '走访人', message: '请填写走访人姓名' });
      else if (visitor.length > 50) fields.push({ field: 'visitor', label: '走访人', message: '不能超过 50 字' });
      if (fields.length) throw validationError(fields);
      const row = await repo.insertVisit({ householdId, kind: input.kind, helperId, visitor, visitedOn, content: input.content.trim(), userId: auth.userId });
      await audit.record(auth, 'visit', row.id, 'create', null, snapshotOf('visit', row), { regionCode: visited.villageCode });
      return visitAnswer(row, []);
    },

    /** Keeps a signature file (帮扶成效签字) with a visit: an image or a PDF, checked by type and content. */
    async addSignature(auth: Auth, visitId: number, file: { fileName: string; mime: string; content: Buffer; kind?: VisitFileKind | null }): Promise<SignatureFile> {
      const { visited } = await writableVisit(auth, visitId);
      const problem = signatureFileProblem({ mime: file.mime, size: file.content.length, head: file.content.subarray(0, 16) });
      if (problem) throw validationError([problem]);
      const kind = file.kind ?? null;
      const label = kind ? VISIT_FILE_KINDS[kind] : '签字材料';
      const row = await repo.insertAttachment({ ownerId: visitId, stepIndex: null, kind, fileName: file.fileName.slice(0, 200) || label, mime: file.mime.toLowerCase(), size: file.content.length, content: file.content, userId: auth.userId });
      await audit.record(auth, 'visit', visitId, 'update', null, kind ? { [kind === 'photo' ? 'photo' : 'signature']: `${label}：${row.fileName}` } : { signature: row.fileName }, { regionCode: visited.villageCode });
      return signatureAnswer(row);
    },

    /** Before a signature file is received: the user may add one to this visit (the route calls it before reading). */
    async checkSignatureTarget(auth: Auth, visitId: number): Promise<void> {
      await writableVisit(auth, visitId);
    },

    /** A signature file with its bytes, when the user may see the visit's household. */
    async signature(auth: Auth, attachmentId: number) {
      const a = await repo.attachment(attachmentId);
      if (!a) throw new AppError('NOT_FOUND', '签字材料不存在');
      const v = await repo.visit(a.ownerId);
      if (!v) throw new AppError('NOT_FOUND', '签字材料不存在');
      await requireOwnHousehold(auth, v.householdId, '签字材料不存在');
      await registry.household(auth, v.householdId);
      return a;
    },
  };
}
