/**
 * The roles of the system, one list for the server's checks, the contract's schemas and the web's labels: the
 * system administrator, a body's administrator (its subtree as scope), and a CPPCC member (seed 000's 委员).
 */
export const ROLES = ['sysadmin', 'org_admin', 'member'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { sysadmin: '系统管理员', org_admin: '单位管理员', member: '委员' };

/** Whether role `a` reaches further than role `b`: an administrator manages and grants roles never above their own. */
export function roleAbove(a: Role, b: Role): boolean {
  return ROLES.indexOf(a) < ROLES.indexOf(b);
}
