import { describe, expect, it } from 'vitest';
import { ROLES, roleAbove } from './roles';

describe('roles', () => {
  it('ranks the system administrator above a body’s administrator above a member, and no role above itself', () => {
    expect(roleAbove('sysadmin', 'org_admin')).toBe(true);
    expect(roleAbove('org_admin', 'member')).toBe(true);
    expect(roleAbove('member', 'org_admin')).toBe(false);
    expect(roleAbove('org_admin', 'sysadmin')).toBe(false);
    for (const r of ROLES) expect(roleAbove(r, r)).toBe(false);
  });
});
