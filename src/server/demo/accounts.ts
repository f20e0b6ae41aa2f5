import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/auth/roles';
import type { Department } from '../../domain/compare/departments';
import { authFor, type Auth } from '../auth/access';
import type { OrgRow } from '../orgs/repo';
import type { Services } from '../services';

/** The code prefix length of each region level (0 country … 5 village), as the sessions derive a user's scope. */
const LEVEL_OF_CODE = (code: string) => (code.endsWith('0000000000') ? 1 : code.endsWith('00000000') ? 2 : code.endsWith('000000') ? 3 : code.endsWith('000') ? 4 : 5);

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  org: OrgRow;
  helperId?: number;
  memberId?: number;
  department?: Department;
}

/** One password for every demo account, generated at the first start (like the administrator's). */
export function demoPassword(): string {
  return `demo-${randomBytes(6).toString('base64url')}`;
}

/** Creates a demo account and answers the `Auth` its sessions will have (the demo acts as that person). */
export async function createAccount(services: Services, a: DemoAccount, password: string): Promise<Auth> {
  const userId = await services.auth.insertUserUnchecked({
    username: a.username,
    displayName: a.displayName,
    password,
    role: a.role,
    orgId: a.org.id,
    memberId: a.memberId ?? null,
    helperId: a.helperId ?? null,
    department: a.department ?? null,
  });
  return authFor({
    userId,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    orgId: a.org.id,
    orgPath: a.org.path,
    memberId: a.memberId ?? null,
    helperId: a.helperId ?? null,
    department: a.department ?? null,
    regionCode: a.org.regionCode,
    regionLevel: LEVEL_OF_CODE(a.org.regionCode),
  });
}
