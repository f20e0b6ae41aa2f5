/**
 * Seed 002's leader–village links (领导联系村, 机关定点帮扶村, 经促分会帮扶村, 工商联商会帮扶村): part of the pairing service,
 * scoped by the CPPCC body that holds the link (and, for offices, by the village).
 */
import type { LeaderVillage, LeaderVillageFilters, LeaderVillageInput, LeaderVillageRecord, LeaderVillageUpdate } from '../../contract/pairing';
import type { Page } from '../../contract/page';
import { leaderVillageProblems } from '../../domain/pairing/leader-village';
import { isoDate } from '../../domain/shared/dates';
import { AppError, validationError } from '../../domain/shared/errors';
import { can, inRegion, inScope, requirePermission, type Auth } from '../auth/access';
import { snapshotOf } from '../audit/snapshots';
import type { LeaderVillageRow } from './repo';
import type { PairingDeps } from './service';

const record = (l: LeaderVillageRow): LeaderVillageRecord => ({ ...l, at: new Date(l.at).toISOString() });

export function makeLeaderVillageMethods({ repo, orgs, members, regions, audit, now }: Pick<PairingDeps, 'repo' | 'orgs' | 'members' | 'regions' | 'audit' | 'now'>) {
  const today = () => isoDate(now());

  return {
    async leaderVillages(auth: Auth, q: LeaderVillageFilters & { page: number; pageSize: number }): Promise<Page<LeaderVillage>> {
      // A 帮扶责任人 sees their own households only (issue 11), none of the bodies' village links.
      if (auth.own === 'households') return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      if (q.orgId) await orgs.get(auth, q.orgId);
      const subtree = await orgs.list(auth);
      const day = today();
      const res = await repo.listLeaderVillages(
        { orgIds: subtree.map((o) => o.id), villagePrefix: auth.own === 'entries' ? null : auth.regionPrefix, kind: q.kind, orgId: q.orgId, current: q.current, today: day },
        q.pageSize,
        (q.page - 1) * q.pageSize,
      );
      const orgNames = new Map(subtree.map((o) => [o.id, o.name]));
      for (const id of new Set(res.items.map((l) => l.orgId))) if (!orgNames.has(id)) orgNames.set(id, (await orgs.getUnchecked(id)).name);
      const memberNames = new Map((await members.findMany([...new Set(res.items.flatMap((l) => (l.memberId ? [l.memberId] : [])))])).map((m) => [m.id, m.name]));
      const villages = await regions.fullNames(res.items.map((l) => l.villageCode));
      return {
        items: res.items.map((l) => ({
          ...record(l),
          orgName: orgNames.get(l.orgId) ?? '',
          memberName: l.memberId ? (memberNames.get(l.memberId) ?? '') : null,
          villageName: villages.get(l.villageCode) ?? l.villageCode,
          current: l.toOn === null || l.toOn > day,
          editable: can(auth, 'pairing.manage') && subtree.some((o) => o.id === l.orgId),
        })),
        total: res.total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async createLeaderVillage(auth: Auth, input: LeaderVillageInput): Promise<LeaderVillageRecord> {
      requirePermission(auth, 'pairing.manage');
      const org = await orgs.get(auth, input.orgId);
      const fromOn = input.fromOn || today();
      const fields = leaderVillageProblems({ ...input, fromOn });
      if (input.memberId) {
        // The member must belong to the body (or its groups), which is in the user's scope.
        const [m] = await members.findMany([input.memberId]);
        if (!m) fields.push({ field: 'memberId', label: '联系领导', message: `委员不存在（编号 ${input.memberId}）` });
        else if (!m.orgPath.startsWith(org.path)) fields.push({ field: 'memberId', label: '联系领导', message: `${inScope(auth, m.orgPath) ? `委员“${m.name}”` : `委员编号 ${m.id} `}不属于“${org.name}”` });
      }
      const village = /^\d{12}$/.test(input.villageCode) && (await regions.exists(input.villageCode)) ? await regions.get(input.villageCode) : null;
      if (!village) fields.push({ field: 'villageCode', label: '帮扶村', message: '行政区划代码不存在' });
      else if (village.level !== 5) fields.push({ field: 'villageCode', label: '帮扶村', message: `“${village.name}”不是村级行政区划` });
      else if (!inRegion(auth, village.code)) fields.push({ field: 'villageCode', label: '帮扶村', message: '不在您的管辖范围内' });
      if (fields.length) throw validationError(fields);
      const row = await repo.insertLeaderVillage({
        kind: input.kind,
        orgId: org.id,
        memberId: input.memberId ?? null,
        holder: input.holder?.trim() ?? '',
        villageCode: input.villageCode,
        fromOn,
        toOn: input.toOn ?? null,
        userId: auth.userId,
      });
      await audit.record(auth, 'leader_village', row.id, 'create', null, snapshotOf('leader_village', row), { orgPath: org.path });
      return record(row);
    },

    /** Ends a link on a day (default today), or changes its dates or chamber. */
    async updateLeaderVillage(auth: Auth, id: number, input: LeaderVillageUpdate): Promise<LeaderVillageRecord> {
      requirePermission(auth, 'pairing.manage');
      const l = await repo.leaderVillage(id);
      if (!l) throw new AppError('NOT_FOUND', `帮扶村记录不存在（编号 ${id}）`);
      const lOrg = await orgs.get(auth, l.orgId);
      const next = { fromOn: input.fromOn ?? l.fromOn, toOn: input.toOn === undefined ? l.toOn : input.toOn, holder: input.holder ?? l.holder };
      const fields = leaderVillageProblems({ kind: l.kind, memberId: l.memberId, ...next });
      if (fields.length) throw validationError(fields);
      const changed = { ...l, ...next, holder: next.holder.trim() };
      await repo.updateLeaderVillage(id, { fromOn: changed.fromOn, toOn: changed.toOn, holder: changed.holder });
      await audit.record(auth, 'leader_village', id, 'update', snapshotOf('leader_village', l), snapshotOf('leader_village', changed), { orgPath: lOrg.path });
      return record(changed);
    },

    async deleteLeaderVillage(auth: Auth, id: number): Promise<void> {
      requirePermission(auth, 'pairing.manage');
      const l = await repo.leaderVillage(id);
      if (!l) throw new AppError('NOT_FOUND', `帮扶村记录不存在（编号 ${id}）`);
      const lOrg = await orgs.get(auth, l.orgId);
      await repo.deleteLeaderVillage(id);
      await audit.record(auth, 'leader_village', id, 'delete', snapshotOf('leader_village', l), null, { orgPath: lOrg.path });
    },
  };
}
