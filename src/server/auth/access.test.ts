import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/shared/errors';
import { ROLE_DEFINITIONS } from '../../domain/auth/roles';
import { authFor, inRegion, regionOnLine, regionWithin, requireBodyRegion, requireGrantableRole, requireHoldsChildren, requireManageableUser, requirePermission, type Auth, type Role } from './access';

const auth = (regionPrefix: string, role: Role = 'org_admin'): Auth => ({
  ...authFor({ userId: 2, username: 'u', displayName: 'u', role, orgId: 2, orgPath: '/1/2/', memberId: null }),
  regionPrefix,
});
const grant = (role: Role) => ({ name: ROLE_DEFINITIONS[role].label, permissions: ROLE_DEFINITIONS[role].permissions });
const codeOf = (f: () => void) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
};

// DESIGN: “every user belongs to an office (a node of the organisation tree, with a region inside its parent's) … A user
// never grants a scope or permission they do not hold.”
describe('the region rules of scope', () => {
  it.each([
    ['513431', '513431100200', true],
    ['513431', '513436100200', false],
    ['', '513436100200', true],
    ['5134', '513400000000', true],
  ])('inRegion(%s, %s) = %s', (prefix, code, expected) => expect(inRegion(auth(prefix), code)).toBe(expected));

  it.each([
    ['513431100200', { code: '513431000000', level: 3 }, true],
    ['513436000000', { code: '513431000000', level: 3 }, false],
    ['510000000000', { code: '513400000000', level: 2 }, false],
    ['511000000000', { code: '511000000000', level: 2 }, true],
  ])('regionWithin(%s, %o) = %s', (code, outer, expected) => expect(regionWithin(code, outer)).toBe(expected));

  it.each([
    // A township sees what its county and city made (above it), and its own; not a sibling's.
    ['513431100', '513431000000', true],
    ['513431100', '513400000000', true],
    ['513431100', '5134', true],
    ['513431100', '51343110', true],
    ['513431100', '513436000000', false],
    ['513431100', '513431101000', false],
    ['513431', '513431100000', true],
  ])('regionOnLine(%s, %s) = %s', (prefix, code, expected) => expect(regionOnLine(auth(prefix), code)).toBe(expected));

  const county = { code: '513431000000', level: 3, name: '昭觉县' };
  it.each([
    ['513431', '513431100000', county, 'ok'],
    ['513431', '513431000000', county, 'ok'],
    ['513431', '513436000000', county, 'FORBIDDEN'],
    ['513431', '510000000000', county, 'FORBIDDEN'],
    ['', '510000000000', county, 'VALIDATION'],
    ['', '430923000000', null, 'ok'],
    ['51', '430923000000', null, 'FORBIDDEN'],
  ] as const)('requireBodyRegion: user %s, region %s under %o → %s', (prefix, code, parent, expected) =>
    expect(codeOf(() => requireBodyRegion(auth(prefix), code, parent))).toBe(expected),
  );

  it.each([
    [[{ regionCode: '513431100200' }], 'ok'],
    [[{ regionCode: '513431101001' }], 'VALIDATION'],
    [[], 'ok'],
  ])('requireHoldsChildren(513431100, %o) → %s', (below, expected) => expect(codeOf(() => requireHoldsChildren({ code: '513431100000', level: 4 }, below))).toBe(expected));

  it.each([
    ['org_admin', 'member', 'ok'],
    ['org_admin', 'org_admin', 'ok'],
    ['org_admin', 'sysadmin', 'FORBIDDEN'],
    ['member', 'org_admin', 'FORBIDDEN'],
    ['sysadmin', 'sysadmin', 'ok'],
    ['org_admin', 'village_clerk', 'ok'],
    ['township_reviewer', 'village_clerk', 'ok'],
    ['village_clerk', 'township_reviewer', 'FORBIDDEN'],
    ['leader', 'member', 'FORBIDDEN'],
  ] as const)('a %s grants %s → %s', (own, granted, expected) => expect(codeOf(() => requireGrantableRole(auth('5134', own), grant(granted)))).toBe(expected));

  it.each([
    ['org_admin', '/1/2/5/', 'org_admin', 'ok'],
    ['org_admin', '/1/2/', 'member', 'ok'],
    ['org_admin', '/1/3/', 'member', 'FORBIDDEN'],
    ['org_admin', '/1/2/5/', 'sysadmin', 'FORBIDDEN'],
    ['member', '/1/2/', 'member', 'FORBIDDEN'],
  ] as const)('a %s of /1/2/ manages a user of %s with role %s → %s', (own, orgPath, role, expected) =>
    expect(codeOf(() => requireManageableUser(auth('5134', own), { orgPath, role: grant(role) }))).toBe(expected),
  );
});

describe('requirePermission (issue 11: “One check requirePermission(auth, permission, target) used by every service”)', () => {
  it.each([
    ['village_clerk', 'registry.write', { region: '513431100200' }, 'ok'],
    ['village_clerk', 'registry.write', { region: '513436100200' }, 'FORBIDDEN'],
    ['village_clerk', 'users.manage', {}, 'FORBIDDEN'],
    ['leader', 'registry.read', {}, 'ok'],
    ['leader', 'registry.write', {}, 'FORBIDDEN'],
    ['helper', 'visits.write', {}, 'ok'],
    ['helper', 'pairing.manage', {}, 'FORBIDDEN'],
    ['department_clerk', 'compare.lists', {}, 'ok'],
    ['department_clerk', 'registry.read', {}, 'FORBIDDEN'],
    ['assessor', 'assessment.score', {}, 'ok'],
    ['member', 'ledger.write', { orgPath: '/1/2/7/' }, 'ok'],
    ['member', 'ledger.write', { orgPath: '/1/3/' }, 'FORBIDDEN'],
  ] as const)('a %s asking for %s on %o → %s', (role, permission, target, expected) =>
    expect(codeOf(() => requirePermission(auth('513431', role), permission, target))).toBe(expected),
  );

  it('names the permission in the refusal, never the target', () => {
    expect(() => requirePermission(auth('513431', 'leader'), 'registry.write', { region: '513436100200' })).toThrow('此操作需要“维护村情、户情、家庭成员和收入，导入花名册”权限');
  });

  it('gives a defined role exactly the known permissions stored with it', () => {
    const a = authFor({ userId: 3, username: 'x', displayName: 'x', role: 'c1', orgId: 2, orgPath: '/1/2/', memberId: null, regionCode: '513431000000', regionLevel: 3 }, ['registry.read', 'no.such']);
    expect([...a.permissions]).toEqual(['registry.read']);
    expect(a.own).toBeNull();
    expect(a.regionPrefix).toBe('513431');
  });
});
