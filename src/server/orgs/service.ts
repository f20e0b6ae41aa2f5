import type { OrgKind } from '../../domain/shared/orgs';
import type { OrgInput, OrgPatch } from '../../contract/orgs';
import { AppError, type FieldError } from '../../domain/shared/errors';
import { ORG_KINDS, ORG_LEVELS } from '../../domain/shared/orgs';
import type { Auth } from '../auth/access';
import { requireBodyRegion, requireHoldsChildren, requireInScope, requirePermission } from '../auth/access';
import type { AuditService } from '../audit/service';
import type { RegionsService } from '../regions/service';
import type { OrgRow, OrgsRepo } from './repo';

const ORG_LABELS: Record<string, string> = { name: '单位名称', kind: '单位类型', level: '层级', regionCode: '所在地区' };
const orgSnapshot = (o: OrgRow) => ({ name: o.name, kind: o.kind, level: o.level, regionCode: o.regionCode });

export function makeOrgsService(deps: { repo: OrgsRepo; regions: RegionsService; audit: AuditService }) {
  const { repo, regions, audit } = deps;

  async function load(id: number): Promise<OrgRow> {
    const org = await repo.findById(id);
    if (!org) throw new AppError('NOT_FOUND', `单位不存在（编号 ${id}）`);
    return org;
  }

  /** A body's region with its level, for the scope rule (the region is known to exist once `check` passed). */
  async function regionOf(code: string): Promise<{ code: string; level: number; name: string }> {
    const r = await regions.get(code);
    return { code: r.code, level: r.level, name: r.name };
  }

  /**
   * The region a child of `parent` must lie in: the parent's, except under the root body, which stands for the whole
   * installation (one root for several provinces); there only the acting user's own scope bounds it.
   */
  async function boundOf(parent: OrgRow | null): Promise<{ code: string; level: number; name: string } | null> {
    return parent && parent.parentId !== null ? regionOf(parent.regionCode) : null;
  }

  async function check(input: { name: string; kind: string; level?: string; regionCode: string }): Promise<void> {
    const fields: FieldError[] = [];
    if (!input.name.trim()) fields.push({ field: 'name', label: '单位名称', message: '请填写单位名称' });
    if (!(ORG_KINDS as readonly string[]).includes(input.kind))
      fields.push({ field: 'kind', label: '单位类型', message: `应为${ORG_KINDS.join('、')}之一` });
    if (input.level !== undefined && !(ORG_LEVELS as readonly string[]).includes(input.level))
      fields.push({ field: 'level', label: '层级', message: '应为省、市、县、乡或村' });
    if (!(await regions.exists(input.regionCode))) fields.push({ field: 'regionCode', label: '所在地区', message: '行政区划代码不存在' });
    if (fields.length) throw new AppError('VALIDATION', `${fields[0]!.label}：${fields[0]!.message}`, { fields });
  }

  return {
    /** A body the user may see; 403 outside the user's subtree. */
    async get(auth: Auth, id: number): Promise<OrgRow> {
      const org = await load(id);
      requireInScope(auth, org.path);
      return org;
    },
    /** For other features' services that already hold a checked id (e.g. ledger entries' own body). */
    getUnchecked: load,
    async list(auth: Auth): Promise<OrgRow[]> {
      return repo.listSubtree(auth.orgPath);
    },
    async root(): Promise<OrgRow | undefined> {
      return repo.findRoot();
    },
    async create(auth: Auth, input: OrgInput): Promise<OrgRow> {
      const parent = await load(input.parentId);
      requirePermission(auth, 'orgs.manage', { orgPath: parent.path, what: '上级单位' });
      await check(input);
      requireBodyRegion(auth, input.regionCode, await boundOf(parent));
      const created = await load(await repo.insert({ ...input, name: input.name.trim(), parentPath: parent.path }));
      await audit.record(auth, 'org', created.id, 'create', null, orgSnapshot(created));
      return created;
    },
    /** Creates the root body of a new installation (no scope: there is nobody yet). */
    async createRoot(input: Omit<OrgInput, 'parentId'>): Promise<OrgRow> {
      await check(input);
      const id = await repo.insert({ ...input, parentId: null, parentPath: '/' });
      return load(id);
    },
    /** A body made by start-up (the root's children, the demo): no permission asked; its kind is still one of ORG_KINDS. */
    async createUnchecked(parent: OrgRow, input: Omit<OrgInput, 'parentId' | 'kind'> & { kind: OrgKind }): Promise<OrgRow> {
      const id = await repo.insert({ ...input, parentId: parent.id, parentPath: parent.path });
      return load(id);
    },
    async update(auth: Auth, id: number, input: OrgPatch): Promise<OrgRow> {
      const org = await load(id);
      requirePermission(auth, 'orgs.manage', { orgPath: org.path });
      const next = { name: (input.name ?? org.name).trim(), kind: input.kind ?? org.kind, regionCode: input.regionCode ?? org.regionCode };
      await check(next);
      if (next.regionCode !== org.regionCode) {
        requireBodyRegion(auth, next.regionCode, await boundOf(org.parentId === null ? null : await load(org.parentId)));
        if (org.parentId !== null) requireHoldsChildren(await regionOf(next.regionCode), (await repo.listSubtree(org.path)).filter((o) => o.id !== org.id));
      }
      if (!(await repo.update(id, input.version, next)))
        throw new AppError('STALE_VERSION', '该单位已被他人修改，请刷新后重试', { currentVersion: org.version });
      const updated = await load(id);
      await audit.record(auth, 'org', id, 'update', orgSnapshot(org), orgSnapshot(updated));
      return updated;
    },
    async history(auth: Auth, id: number) {
      const org = await load(id);
      requireInScope(auth, org.path);
      return { items: await audit.history('org', id, ORG_LABELS) };
    },
    async remove(auth: Auth, id: number): Promise<void> {
      const org = await load(id);
      requirePermission(auth, 'orgs.manage', { orgPath: org.path });
      if (org.id === auth.orgId) throw new AppError('CONFLICT', '不能删除自己所属的单位');
      const usage = await repo.usage(id);
      if (usage.children || usage.members || usage.entries)
        throw new AppError(
          'CONFLICT',
          `该单位下还有 ${usage.children} 个下级单位、${usage.members} 名委员、${usage.entries} 条事项，不能删除`,
        );
      await repo.delete(id);
      await audit.record(auth, 'org', id, 'delete', orgSnapshot(org), null);
    },
  };
}
export type OrgsService = ReturnType<typeof makeOrgsService>;
