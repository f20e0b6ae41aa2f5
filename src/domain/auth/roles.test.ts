import { describe, expect, it } from 'vitest';
import { PERMISSION_DEFINITIONS, PERMISSIONS } from './permissions';
import { ROLE_DEFINITIONS, ROLES } from './roles';

describe('shipped roles', () => {
  it('give the system administrator every permission and every other role a part of them', () => {
    expect(ROLE_DEFINITIONS.sysadmin.permissions).toEqual(PERMISSIONS);
    for (const r of ROLES) for (const p of ROLE_DEFINITIONS[r].permissions) expect(PERMISSIONS).toContain(p);
  });

  // Issue 11: “领导查阅 (read-only)”; “帮扶责任人 (sees and visits their own households only)”; “部门数据员 (uploads its
  // department's lists, sees only its comparison results)”; “考核员 (scores the units of their round)”.
  it.each([
    ['leader', (p: string) => 'readOnly' in PERMISSION_DEFINITIONS[p as keyof typeof PERMISSION_DEFINITIONS]],
    ['helper', (p: string) => ['registry.read', 'pairing.read', 'visits.write'].includes(p)],
    ['department_clerk', (p: string) => p.startsWith('compare.')],
    ['assessor', (p: string) => p.startsWith('assessment.') && p !== 'assessment.manage'],
    ['member', (p: string) => p.startsWith('ledger.')],
  ] as const)('keep %s to what the issue gives it', (role, allowed) => {
    for (const p of ROLE_DEFINITIONS[role].permissions) expect(allowed(p), p).toBe(true);
  });

  it('narrow the four personal roles to their own records', () => {
    expect(ROLES.filter((r) => ROLE_DEFINITIONS[r].own).map((r) => [r, ROLE_DEFINITIONS[r].own])).toEqual([
      ['helper', 'households'],
      ['department_clerk', 'lists'],
      ['assessor', 'rounds'],
      ['member', 'entries'],
    ]);
  });
});
