import { isShippedRole, ROLE_DEFINITIONS } from '../domain/auth/roles';
import { parseWanYuan } from '../domain/ledger/money';
import { can, systemAuth } from './auth/access';
import type { Database, Db } from './db/connection';
import { makeAuditService } from './audit/service';
import { makeAuthRepo, makeRolesRepo, makeTokensRepo } from './auth/repo';
import { makeTokensService } from './auth/token-service';
import { makeAuthService } from './auth/service';
import { makeRolesService } from './auth/roles-service';
import { makeLedgerRepo } from './ledger/repo';
import { makeLedgerService } from './ledger/service';
import { makeMembersRepo } from './members/repo';
import { makeMembersService } from './members/service';
import { makeOrgsRepo } from './orgs/repo';
import { makeOrgsService } from './orgs/service';
import { makeRegionsRepo } from './regions/repo';
import { makeRegionsService } from './regions/service';
import { makeRegistryRepo } from './registry/repo';
import { makeRegistryService } from './registry/service';
import { makeRosterRepo } from './registry/roster-repo';
import { makeChangeRequestRepo } from './registry/change-request-repo';
import { makeChangeRequestService } from './registry/change-request-service';
import { makeRosterService } from './registry/roster-service';
import { makeProceduresRepo } from './procedures/repo';
import { makeProceduresService } from './procedures/service';
import { makeQualityRepo } from './quality/repo';
import { makeQualityService } from './quality/service';
import { makeCompareRepo } from './compare/repo';
import { makeCompareService } from './compare/service';
import { makeAssessmentRepo } from './assessment/repo';
import { makeAssessmentService } from './assessment/service';
import { makePairingRepo } from './pairing/repo';
import { makePairingService } from './pairing/service';
import { makeHelperHouseholds } from './pairing/helper-households';
import { makeWorkbenchService } from './workbench/service';
import { makeReportsRepo } from './reports/repo';
import { makeReportsService } from './reports/service';
import { makeNotificationsRepo } from './notifications/repo';
import { makeNotificationsService } from './notifications/service';
import { JobBoard } from './http/jobs';
import { makePdfRenderer } from './print/pdf';
import { makeListPrintService } from './print/list-service';
import { makeWallService } from './wall/service';
import { makeHouseholdPrintService } from './print/household-service';
import { makeMutualAidRepo } from './mutual-aid/repo';
import { makeMutualAidService } from './mutual-aid/service';
import { makeFundsRepo } from './funds/repo';
import { makeFundsService } from './funds/service';
// issue 15: benefits
import { makeBenefitsRepo } from './benefits/repo';
import { makeBenefitsService } from './benefits/service';
// issue 15: rosters
import { makeRostersRepo } from './rosters/repo';
import { makeRostersService } from './rosters/service';
// issue 15: screening
import { makeScreeningRepo } from './screening/repo';
import { makeScreeningService } from './screening/service';
// issue 15: measures and plans
import { makeMeasuresRepo } from './measures/repo';
import { makeMeasuresService } from './measures/service';

/** Wires each feature's service to its own repository and to the services (never the repositories) of others. */
export function buildServices(database: Database, now: () => Date = () => new Date()) {
  const db = database.db;
  const read = database.read ?? db;
  /** A feature's repository over `db`, its transactions (the repository over the handle, and the handle) and `repoIn`. */
  const repoOf = <R>(makeRepo: (db: Db) => R) => ({
    repo: makeRepo(db),
    transaction: <T>(fn: (repo: R, tx: Db) => Promise<T>) => db.transaction((tx) => fn(makeRepo(tx as unknown as Db), tx as unknown as Db)),
    repoIn: (tx: Db) => makeRepo(tx),
  });
  // Issue 13 (DATABASE_READ_URL): a service whose statistics, lists, search and exports read through `database.read`
  // (a streaming replica, or the primary for a user who has just written; the same `db` without one), writes to `db`.
  const readsOf = <R>(makeRepo: (db: Db) => R) => ({ ...repoOf(makeRepo), readRepo: makeRepo(read) });
  const audit = makeAuditService({ db, now });
  const regions = makeRegionsService({ repo: makeRegionsRepo(db, database) });
  const orgs = makeOrgsService({ repo: makeOrgsRepo(db), regions, audit });
  const members = makeMembersService({ ...repoOf(makeMembersRepo), orgs, audit, now });
  const rolesRepo = makeRolesRepo(db);
  const auth = makeAuthService({
    ...repoOf(makeAuthRepo),
    roles: rolesRepo,
    orgs,
    members,
    audit,
    now,
    helperOf: (a, helperId) => pairing.helper(a, helperId),
    helpersNamed: async (a, name) => (await pairing.helpers(a, { q: name, page: 1, pageSize: 100 })).items,
  });
  // In-app notifications (issue 11): the features tell through `notify`; recipients come from the accounts.
  const notifications = makeNotificationsService({
    repo: makeNotificationsRepo(db),
    now,
    recipients: { usersHolding: (p, where) => auth.usersHolding(p, where), usersOfHelper: (helperId) => auth.usersOfHelper(helperId) },
  });
  const notify = notifications.notifier;
  // The finished import jobs each user has not read yet (in this process only), for the workbench's to-do.
  const jobBoard = new JobBoard();
  const tokens = makeTokensService({ repo: makeTokensRepo(db), audit, now });
  const roles = makeRolesService({ repo: rolesRepo, audit, dropCachedRole: (code) => auth.dropCachedRole(code) });
  // The households a 帮扶责任人 holds today, for the registry's own-record narrowing (from pairing's assignments).
  const helperHouseholds = makeHelperHouseholds(makePairingRepo(db), now);
  const ledger = makeLedgerService({
    ...repoOf(makeLedgerRepo),
    orgs,
    members,
    regions,
    now,
  });
  const registry = makeRegistryService({
    ...readsOf(makeRegistryRepo),
    regions,
    audit,
    now,
    helperHouseholds,
    // 报送 (reports): a year a report holds cannot be edited in place (asked inside the registry's writing transaction).
    yearLock: (tx, villageCode, year) => reports.yearLock(tx, villageCode, year),
    // issue 15: benefits — department-reported income per year (政策享受) for the income trace.
    reportedIncome: (householdId, tx) => benefits.reportedIncome(householdId, tx),
    // issue 15: measures — the stable mark refused for a household helped under 社会保障兜底一批 (as the procedure is).
    householdBatches: (householdId, tx) => measures.batchesOf(householdId, tx),
  });
  const reports = makeReportsService({
    ...repoOf(makeReportsRepo),
    regions,
    registry,
    audit,
    now,
  });
  // Issue 11: registry changes that wait for the township's approval (户情变更审批).
  const changes = makeChangeRequestService({
    ...repoOf(makeChangeRequestRepo),
    registry,
    regions,
    audit,
    now,
    helperHouseholds,
  });
  // The roster: the import writes to the primary; its export reads through `database.read`.
  const roster = makeRosterService({
    ...readsOf(makeRosterRepo),
    regions,
    now,
    currentHelpers: (auth, villageCode) => pairing.currentHelpersOfVillage(auth, villageCode),
    helperHouseholds,
    approvalNeeded: (auth, villageCode, kinds) => changes.needsApproval(auth, villageCode, kinds),
  });
  const procedures = makeProceduresService({
    ...repoOf(makeProceduresRepo),
    registry,
    regions,
    audit,
    now,
    comparisonRun: (procedureId) => compare.comparisonRun(procedureId),
    statusChanged: (tx, auth, change) => pairing.statusChangedIn(tx, auth, change),
    notify,
    // 扶贫项目审批 (issue 14): a project's approval lists under the project's name.
    projectNames: (ids) => funds.projectNames(ids),
    // issue 15: the 五个一批 of a household's measures (a 社会保障兜底一批 household is not marked 稳定脱贫).
    householdBatches: (householdId) => measures.batchesOf(householdId),
  });
  // 扶贫资金与项目库 (issue 14): a project's declaration starts its approval procedure in its own transaction.
  const funds = makeFundsService({
    ...repoOf(makeFundsRepo),
    regions,
    audit,
    now,
    approval: (a, villageCode) => procedures.projectApproval(a, villageCode),
    household: (a, id) => registry.household(a, id),
  });
  const quality = makeQualityService({ repo: makeQualityRepo(db), registry, regions, now });
  const compare = makeCompareService({ ...repoOf(makeCompareRepo), regions, audit, procedures, now, notify });
  const assessment = makeAssessmentService({
    ...repoOf(makeAssessmentRepo),
    notify,
    now,
    requireOrg: (auth, orgId) => orgs.get(auth, orgId),
    // The users' service lists the caller's scope (users.manage); a defined role's permissions are not exposed there yet.
    usersInScope: async (a, ids) =>
      can(a, 'users.manage')
        ? (await auth.listUsers(a))
            .filter((u) => ids.includes(u.id))
            .map((u) => ({ id: u.id, displayName: u.displayName, permissions: isShippedRole(u.role) ? ROLE_DEFINITIONS[u.role].permissions : null }))
        : [],
    orgFigures: async (auth, orgId, year) => {
      const org = await orgs.get(auth, orgId);
      const s = await ledger.summary(auth, { orgId, yearFrom: year, yearTo: year });
      const funds = parseWanYuan(s.all.total.fundsTotal);
      return { orgKind: org.kind, fundsYuan: funds.ok ? funds.yuan : 0, entries: s.all.total.entries, participation: s.participation };
    },
    // The national scheme's 扶贫资金绩效考评: the 资金支出进度 points (7 + 3 + 2) of a region from the funds data.
    fundPoints: async (auth, regionCode, year) => {
      const { points, max, items, source } = await funds.regionPoints(auth, regionCode, year);
      return { points, max, items, source };
    },
    regionFigures: async (auth, regionCode, year) => {
      const s = await registry.statistics(auth, { region: regionCode, asOf: `${year}-12-31` });
      const exits = s.exits.actual.find((e) => e.year === year);
      const q = await quality.latest(auth, regionCode);
      return {
        exitedHouseholds: exits?.households ?? 0,
        exitedPersons: exits?.persons ?? 0,
        poorPersons: s.poorPersons,
        incidence: s.incidence,
        qualityFindings: q ? Object.values(q.counts).reduce((a, n) => a + n, 0) : null,
      };
    },
  });
  const pairing = makePairingService({ ...repoOf(makePairingRepo), registry, regions, orgs, members, audit, now, notify });
  const workbench = makeWorkbenchService({ procedures, compare, pairing, quality, assessment, registry, ledger, reports, changes, jobs: jobBoard, now, rosters: { returnRisks: (a, q) => rosters.returnRisks(a, q) } });
  // Printed forms as PDF (issue 12): one headless Chromium, started on first use, closed with the app.
  const pdf = makePdfRenderer();
  // The village lists (一览表, 花名册) and the notices (公示, 公告, 脱贫确认表) as printed forms.
  const printLists = makeListPrintService({ roster, registry, procedures, helpersOf: (a, code) => pairing.currentHelpersOfVillage(a, code), regions, pdf, now, beneficiariesOf: (code, year) => rosters.beneficiariesOfVillage(code, year),
    // issue 15: 计划减贫人口花名册 and 培训花名册 from the measures feature (with the caller's auth, so its scope holds)
    plannedOf: (a, code, year) => measures.householdsDueIn(a, code, year),
    trainingOf: (a, code, year) => measures.trainingIn(a, code, year),
  });
  // 上墙图表 (issue 12): the organisation charts draw the offices of the region itself (whichever branch made them) and their people.
  const wall = makeWallService({
    registry,
    regions,
    pairing,
    now,
    officesOfRegion: async (code) => (await orgs.list(systemAuth((await orgs.root())!))).filter((o) => o.regionCode === code),
    peopleOf: async (o) => [
      ...(await auth.listUsers(systemAuth(o))).filter((u) => u.orgId === o.id && !u.disabled).map((u) => ({ name: u.displayName, role: u.roleName })),
      ...(await members.list(systemAuth(o), { orgId: o.id, page: 1, pageSize: 200 })).items.filter((m) => m.orgId === o.id && m.status === 'normal').map((m) => ({ name: m.name, role: m.sector || '成员' })),
    ],
  });
  const printHousehold = makeHouseholdPrintService({ registry, pairing, procedures, pdf, now, /* issue 15 */ benefits: (a, id) => benefits.household(a, id), measures: (a, id) => measures.household(a, id) });
  // 村级互助资金, 扶贫小额信贷 and 入股分红 (issue 14): households and their counts come from the registry's service.
  const mutualAid = makeMutualAidService({
    ...repoOf(makeMutualAidRepo),
    regions,
    household: (a, id) => registry.household(a, id),
    statistics: (a, q) => registry.statistics(a, q),
    audit,
    now,
  });
  // issue 15: benefits — 政策享受 imported from departments; the registry's income trace reads what they reported.
  const benefits = makeBenefitsService({ ...repoOf(makeBenefitsRepo), regions, now, household: (a, id) => registry.household(a, id) });
  // issue 15: rosters — 防返贫 monitoring, 扶贫手册“四个三” check, the rosters' data (its workbench card and print lists above)
  const rosters = makeRostersService({ repo: makeRostersRepo(db), regions, registry, now, measuresOf: async (a, id) => (await measures.household(a, id)).measures.length });
  // issue 15: screening (漏评 / 错评 / 错退) over the comparison's lists and the registry.
  const screening = makeScreeningService({ ...repoOf(makeScreeningRepo), lists: makeCompareRepo(db), regions, audit, now, notify });
  // issue 15: measures and plans — 帮扶措施 per household, 脱贫时限 and 脱贫计划, the 脱贫规划 of villages and townships.
  const measures = makeMeasuresService({
    ...repoOf(makeMeasuresRepo),
    regions,
    audit,
    now,
    household: (a, id) => registry.household(a, id),
    helpersOf: async (a, id) => (await pairing.household(a, id)).helpers.map((h) => ({ helperId: h.helperId, helperName: h.helperName })),
    projectOf: async (a, id) => {
      const p = await funds.project(a, id);
      return { id: p.id, villageCode: p.village.code };
    },
    statistics: (a, q) => registry.statistics(a, q),
    villageYears: async (a, code) => (await registry.village(a, code)).years,
    saveVillageYear: (a, code, year, input) => registry.saveVillageYear(a, code, year, input),
  });
  return { benefits, rosters, screening, measures, funds, pdf, printLists, audit, regions, orgs, members, auth, tokens, roles, ledger, registry, changes, roster, procedures, quality, compare, assessment, pairing, reports, workbench, notifications, jobBoard, now, wall, printHousehold, mutualAid };
}
export type Services = ReturnType<typeof buildServices>;
