import type { OrgLevel } from '../shared/orgs';
import { PERMISSION_DEFINITIONS, PERMISSIONS, type Permission } from './permissions';

/**
 * The shipped roles (issue 11): each a set of permissions (src/domain/auth/permissions.ts); the data scope is the
 * user's office and what lies below it, narrowed for four roles to their own records (`own`). Administrators may
 * define further roles from the permission list; those have no `own` narrowing.
 *
 * Seed 004 names who does what: 村级 “组织召开村民代表大会”, 乡镇 “审核”, 县级扶贫开发领导小组 “审定”, the
 * 帮扶责任人 “每月至少走访 1 次”, the departments that hand over their data for 一比对, and the 考核 done by the
 * assessment office; seed 000 the CPPCC members who record their own deeds.
 */
export const ROLES = [
  'sysadmin',
  'org_admin',
  'county_clerk',
  'township_reviewer',
  'village_clerk',
  'helper',
  'department_clerk',
  'assessor',
  'member',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];

/** Which of a user's own records narrow a role's scope below their office's subtree. */
export type OwnScope = 'entries' | 'households' | 'lists' | 'rounds';

export interface RoleDefinition {
  label: string;
  permissions: readonly Permission[];
  own?: OwnScope;
  /** The office levels the role is meant for (the user form proposes it there); all levels when absent. */
  levels?: readonly OrgLevel[];
  description: string;
}

const READ_ALL = PERMISSIONS.filter((p) => 'readOnly' in PERMISSION_DEFINITIONS[p]);
const REGISTRY_WORK: Permission[] = ['registry.read', 'registry.write', 'procedures.read', 'procedures.handle', 'pairing.read', 'pairing.manage', 'visits.write', 'compare.read', 'compare.decide', 'quality.read', 'idNumbers.view'];

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  sysadmin: { label: '系统管理员', permissions: PERMISSIONS, description: '全部权限，全国范围' },
  org_admin: {
    label: '单位管理员',
    permissions: PERMISSIONS.filter((p) => !['regions.manage', 'lines.manage', 'registry.correct', 'procedures.define', 'audit.verify'].includes(p)),
    description: '本单位及下级单位的全部业务和用户管理',
  },
  county_clerk: {
    label: '县级扶贫办业务员',
    permissions: [...REGISTRY_WORK, 'changes.approve', 'reports.submit', 'reports.approve', 'compare.lists', 'compare.run', 'quality.run', 'assessment.read', 'funds.read', 'funds.manage', 'projects.declare'],
    levels: ['县'],
    description: '全县建档立卡、动态调整审定、一比对、数据质量和扶贫资金项目',
  },
  township_reviewer: { label: '乡镇审核员', permissions: [...REGISTRY_WORK, 'changes.approve', 'reports.submit', 'reports.approve', 'funds.read', 'projects.declare', 'mutualAid.manage'], levels: ['乡'], description: '本乡镇的审核、帮扶和数据维护' },
  village_clerk: {
    label: '村级信息员',
    permissions: ['registry.read', 'registry.write', 'procedures.read', 'procedures.handle', 'pairing.read', 'visits.write', 'compare.read', 'compare.decide', 'quality.read', 'idNumbers.view', 'reports.submit', 'funds.read', 'projects.declare', 'mutualAid.manage'],
    levels: ['村'],
    description: '本村贫困户信息录入、村民代表大会评议和公示',
  },
  helper: { label: '帮扶责任人', permissions: ['registry.read', 'pairing.read', 'visits.write'], own: 'households', description: '只看和走访自己联系的贫困户' },
  department_clerk: { label: '部门数据员', permissions: ['compare.read', 'compare.lists'], own: 'lists', description: '上传本部门的名单，只看这些名单的比对结果' },
  assessor: { label: '考核员', permissions: ['assessment.read', 'assessment.score'], own: 'rounds', description: '为所在考核轮次的考核对象评分' },
  member: { label: '政协委员', permissions: ['ledger.read', 'ledger.write'], own: 'entries', description: '录入和查看本人参与的台账事项' },
  leader: { label: '领导查阅', permissions: READ_ALL, description: '只读查看本单位及下级的全部业务，身份证号脱敏' },
};

export const ROLE_LABELS: Record<Role, string> = Object.fromEntries(ROLES.map((r) => [r, ROLE_DEFINITIONS[r].label])) as Record<Role, string>;

export function isShippedRole(code: string): code is Role {
  return (ROLES as readonly string[]).includes(code);
}
