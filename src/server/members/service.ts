import type { MemberPatch } from '../../contract/members';
import { memberServes } from '../../domain/ledger/member-serves';
import { isoDate, isRealDate } from '../../domain/shared/dates';
import { AppError, type FieldError } from '../../domain/shared/errors';
import type { Auth } from '../auth/access';
import { requireInScope, requirePermission } from '../auth/access';
import type { AuditService } from '../audit/service';
import type { OrgsService } from '../orgs/service';
import type { RecordImportResult } from '../../contract/bulk-import';
import { cellError, importRefused, officeOfCell, placeError, type SheetRow } from '../http/import-sheet';
import { MEMBER_COLUMN_OF, MEMBER_SHEET, type MemberImportKey } from './import-sheet';
import type { MemberRow, MembersRepo, MemberValues } from './repo';

/** A member's fields as created or changed (POST /api/members without the body, PATCH without the version). */
type MemberFields = Omit<MemberPatch, 'version'>;

/** What is wrong with a member's values, each problem naming its field (the form's check and the import's, per row). */
export function memberProblems(v: MemberValues): FieldError[] {
  const fields: FieldError[] = [];
  if (!v.name.trim()) fields.push({ field: 'name', label: '姓名', message: '请填写委员姓名' });
  if (v.name.length > 50) fields.push({ field: 'name', label: '姓名', message: '不能超过 50 字' });
  if (v.phone && !/^[0-9+\-() ]{5,30}$/.test(v.phone)) fields.push({ field: 'phone', label: '联系电话', message: '电话号码格式不正确' });
  // Seed 000: 有特殊情况不能履职的委员……对委员状态进行标注 — the mark carries its reason and the date it applies from.
  if (v.status === 'unable') {
    if (!v.unableReason?.trim()) fields.push({ field: 'unableReason', label: '不能履职原因', message: '标注特殊情况不能履职时须填写原因' });
    if (!isRealDate(v.unableFrom))
      fields.push({ field: 'unableFrom', label: '起始日期', message: '请填写起始日期（YYYY-MM-DD）' });
  }
  return fields;
}

function checkValues(v: MemberValues): void {
  const fields = memberProblems(v);
  if (fields.length) throw new AppError('VALIDATION', `${fields[0]!.label}：${fields[0]!.message}`, { fields });
}

export const MEMBER_LABELS: Record<string, string> = {
  name: '姓名',
  orgName: '所属单位',
  sector: '界别',
  phone: '联系电话',
  skills: '专长',
  status: '状态',
  unableReason: '不能履职原因',
  unableFrom: '起始日期',
};

function snapshot(m: MemberRow) {
  return {
    name: m.name,
    orgName: m.orgName,
    sector: m.sector,
    phone: m.phone,
    skills: m.skills,
    status: m.status === 'normal' ? '正常' : '特殊情况不能履职',
    unableReason: m.unableReason,
    unableFrom: m.unableFrom,
  };
}

export function makeMembersService(deps: {
  repo: MembersRepo;
  orgs: OrgsService;
  audit: AuditService;
  now: () => Date;
  /** The repository in one transaction (the bulk import writes all its rows or none). */
  transaction?: <T>(fn: (repo: MembersRepo) => Promise<T>) => Promise<T>;
}) {
  const { repo, orgs, audit, now } = deps;
  const transaction = deps.transaction ?? ((fn) => fn(repo));

  async function load(id: number): Promise<MemberRow> {
    const member = await repo.findById(id);
    if (!member) throw new AppError('NOT_FOUND', `委员不存在（编号 ${id}）`);
    return member;
  }

  return {
    async get(auth: Auth, id: number): Promise<MemberRow> {
      const member = await load(id);
      requireInScope(auth, member.orgPath, '该委员');
      return member;
    },
    findMany: (ids: number[]) => repo.findMany(ids),
    async list(auth: Auth, query: { orgId?: number; q?: string; status?: 'normal' | 'unable'; page: number; pageSize: number }) {
      const org = query.orgId ? await orgs.get(auth, query.orgId) : undefined;
      const { items, total } = await repo.list(
        { orgPath: org?.path ?? auth.orgPath, q: query.q?.trim() || undefined, status: query.status },
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
    async create(auth: Auth, orgId: number, input: MemberFields): Promise<MemberRow> {
      requirePermission(auth, 'members.manage');
      await orgs.get(auth, orgId);
      const values: MemberValues = {
        name: (input.name ?? '').trim(),
        sector: (input.sector ?? '').trim(),
        phone: (input.phone ?? '').trim(),
        skills: (input.skills ?? '').trim(),
        status: input.status ?? 'normal',
        unableReason: input.status === 'unable' ? (input.unableReason ?? null) : null,
        unableFrom: input.status === 'unable' ? (input.unableFrom ?? null) : null,
      };
      checkValues(values);
      const created = await load(await repo.insert(orgId, values));
      await audit.record(auth, 'member', created.id, 'create', null, snapshot(created));
      return created;
    },
    async update(auth: Auth, id: number, input: MemberPatch): Promise<MemberRow> {
      const member = await load(id);
      requirePermission(auth, 'members.manage', { orgPath: member.orgPath, what: '该委员' });
      const status = input.status ?? member.status;
      const values: MemberValues = {
        name: (input.name ?? member.name).trim(),
        sector: (input.sector ?? member.sector).trim(),
        phone: (input.phone ?? member.phone).trim(),
        skills: (input.skills ?? member.skills).trim(),
        status,
        unableReason: status === 'unable' ? (input.unableReason !== undefined ? input.unableReason : member.unableReason) : null,
        unableFrom: status === 'unable' ? (input.unableFrom !== undefined ? input.unableFrom : member.unableFrom) : null,
      };
      checkValues(values);
      if (!(await repo.update(id, input.version, values)))
        throw new AppError('STALE_VERSION', '该委员信息已被他人修改，请刷新后重试', { currentVersion: member.version });
      const updated = await load(id);
      await audit.record(auth, 'member', id, 'update', snapshot(member), snapshot(updated));
      return updated;
    },
    /**
     * The members' bulk import (issue 11): every row checked as `create` checks one (the body in the importer's scope,
     * `memberProblems`), every error placed on its row and column; written in one transaction only when no row has one.
     */
    async importMembers(auth: Auth, rows: Array<SheetRow<MemberImportKey>>): Promise<RecordImportResult> {
      requirePermission(auth, 'members.manage');
      const offices = await orgs.list(auth);
      const errors: FieldError[] = [];
      const ready: Array<{ orgId: number; values: MemberValues }> = [];
      for (const r of rows) {
        const c = r.cells;
        const values: MemberValues = { name: c.name, sector: c.sector, phone: c.phone, skills: c.skills, status: 'normal', unableReason: null, unableFrom: null };
        const rowErrors = memberProblems(values).map((e) => placeError(MEMBER_SHEET, r.row, e, MEMBER_COLUMN_OF));
        if (c.sector.length > 50) rowErrors.push(cellError(MEMBER_SHEET, r.row, 'sector', '不能超过 50 字'));
        const office = officeOfCell(offices, c.org);
        if ('problem' in office) rowErrors.push(cellError(MEMBER_SHEET, r.row, 'org', office.problem));
        else ready.push({ orgId: office.office.id, values });
        errors.push(...rowErrors);
      }
      if (errors.length) throw importRefused(MEMBER_SHEET, errors);
      const ids = await transaction(async (tx) => {
        const ids: number[] = [];
        for (const { orgId, values } of ready) {
          const id = await tx.insert(orgId, values);
          const created = (await tx.findById(id))!;
          await audit.record(auth, 'member', id, 'create', null, snapshot(created));
          ids.push(id);
        }
        return ids;
      });
      return { created: ids.length, ids };
    },
    /** Who marked or changed a member, when, before → after. */
    async history(auth: Auth, id: number) {
      const member = await load(id);
      requireInScope(auth, member.orgPath, '该委员');
      return { items: await audit.history('member', id, MEMBER_LABELS) };
    },
    /**
     * Seed 000: a member marked 特殊情况不能履职 “不再填写参与情况” — refuses members who do not serve today, or who are
     * outside the entry's body subtree.
     */
    async requireServing(memberIds: number[], entryOrgPath: string, field = 'memberIds'): Promise<MemberRow[]> {
      if (memberIds.length === 0) return [];
      const found = await repo.findMany(memberIds);
      const fields: FieldError[] = [];
      const today = isoDate(now());
      for (const id of memberIds) {
        const m = found.find((x) => x.id === id);
        if (!m) fields.push({ field, label: '参与委员', message: `委员编号 ${id} 不存在` });
        else if (!m.orgPath.startsWith(entryOrgPath) && !entryOrgPath.startsWith(m.orgPath))
          fields.push({ field, label: '参与委员', message: `委员编号 ${id} 不属于填报单位或其上下级` });
        else if (!memberServes(m, today))
          fields.push({ field, label: '参与委员', message: `委员“${m.name}”已标注为特殊情况不能履职（自 ${m.unableFrom ?? '—'} 起），不能添加到新的事项` });
      }
      if (fields.length) throw new AppError(fields.some((f) => f.message.includes('不能履职')) ? 'MEMBER_UNABLE' : 'VALIDATION', fields[0]!.message, { fields });
      return found;
    },
  };
}
export type MembersService = ReturnType<typeof makeMembersService>;
