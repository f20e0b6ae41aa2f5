import type { Role } from '../../domain/auth/roles';
import { systemAuth, type Auth } from '../auth/access';
import type { Database } from '../db/connection';
import type { OrgRow } from '../orgs/repo';
import { buildServices, type Services } from '../services';
import { createAccount, demoPassword, type DemoAccount } from './accounts';
import { loadLedgerDemo } from './ledger';
import { loadRegistryDemo } from './registry';
import { loadAssessmentDemo, loadCompareDemo, loadPairingDemo, loadProceduresDemo, type DemoActors, type DemoClock } from './work';

/** The demo accounts, one per shipped role but the system administrator's (README lists them). */
export const DEMO_USERNAMES: Record<Exclude<Role, 'sysadmin'>, string> = {
  village_clerk: 'demo_village',
  township_reviewer: 'demo_township',
  county_clerk: 'demo_county',
  helper: 'demo_helper',
  department_clerk: 'demo_dept',
  assessor: 'demo_assessor',
  member: 'demo_member',
  leader: 'demo_leader',
  org_admin: 'demo_orgadmin',
};

export interface DemoLoaded {
  password: string;
  entries: number;
  households: number;
  procedures: number;
  accounts: number;
}

/** How many days before today the demo's story starts: a procedure's notices (公示) need days between its steps. */
const STORY_DAYS = 30;

/**
 * The demo data set of the whole system (issue 11), loaded into an empty database only: the CPPCC ledger (bodies,
 * members, entries), and one demo county — 昭觉县 with three townships and their villages, households in every status,
 * procedures waiting at village, township and county steps, helpers and visits, a department list with a comparison
 * whose hits are undecided, a data-quality run and an open assessment round — with one demo account per shipped role.
 * Everything is written through the features' services, acting as the demo accounts would; the services run on a
 * clock that starts 30 days ago and moves on to today, so that the procedures' notices have run their days.
 */
export async function loadDemoData(database: Database, services: Services, root: OrgRow): Promise<DemoLoaded | null> {
  const system = systemAuth(root);
  const existing = await services.ledger.list(system, { page: 1, pageSize: 1 });
  const orgsNow = await services.orgs.list(system);
  if (existing.total > 0 || orgsNow.length > 1) return null;

  const today = services.now();
  const dayZero = new Date(today.getTime() - STORY_DAYS * 86_400_000);
  const clock: DemoClock = {
    at: dayZero,
    day(days) {
      this.at = new Date(dayZero.getTime() + days * 86_400_000);
    },
  };
  const s = buildServices(database, () => clock.at);

  const ledger = await loadLedgerDemo(s, system, root);
  const reg = await loadRegistryDemo(s, system, root);
  const password = demoPassword();
  const accounts: Array<DemoAccount & { auth?: Auth }> = [];
  const account = async (a: DemoAccount) => {
    const auth = await createAccount(s, a, password);
    accounts.push({ ...a, auth });
    return auth;
  };
  const [town] = reg.townships;
  const village = await account({ username: DEMO_USERNAMES.village_clerk, displayName: '吉克阿依', role: 'village_clerk', org: town!.villages[0]!.org });
  const township = await account({ username: DEMO_USERNAMES.township_reviewer, displayName: '阿说拉则', role: 'township_reviewer', org: town!.org });
  const county = await account({ username: DEMO_USERNAMES.county_clerk, displayName: '王丽', role: 'county_clerk', org: reg.county });
  const department = await account({ username: DEMO_USERNAMES.department_clerk, displayName: '张伟', role: 'department_clerk', org: reg.department, department: '车辆' });
  const assessor = await account({ username: DEMO_USERNAMES.assessor, displayName: '杨帆', role: 'assessor', org: reg.assessmentOffice });
  await account({ username: DEMO_USERNAMES.member, displayName: '吉克阿呷', role: 'member', org: ledger.orgs.get('昭觉县政协第一委员组')!, memberId: ledger.members.get('吉克阿呷')! });
  await account({ username: DEMO_USERNAMES.leader, displayName: '陈建华', role: 'leader', org: reg.county });
  await account({ username: DEMO_USERNAMES.org_admin, displayName: '刘洋', role: 'org_admin', org: reg.prefecture });
  const who: DemoActors = { village, township, county, department, assessor, assessmentOffice: systemAuth(reg.assessmentOffice) };

  const procedures = await loadProceduresDemo(s, clock, who, reg);
  clock.at = today;
  const pairing = await loadPairingDemo(s, county, reg);
  await account({ username: DEMO_USERNAMES.helper, displayName: '李志强', role: 'helper', org: reg.county, helperId: pairing.helperIds[0]! });
  await loadCompareDemo(s, who, reg);
  // 数据质量: a run for the regions of the demo accounts (a run counts one region; the workbench reads the user's own).
  for (const region of [undefined, reg.prefecture.regionCode, reg.county.regionCode, town!.code, town!.villages[0]!.code])
    await s.quality.run(system, region);
  await loadAssessmentDemo(s, who, assessor.userId);
  return { password, entries: ledger.entries, households: reg.households.length, procedures, accounts: accounts.length };
}
