/**
 * What a user may do, as a list of permissions grouped by module (the convention Chinese government administrators
 * know from RuoYi and its kin: a role is a set of permissions; the data scope is the user's office and what lies below
 * it). One list for the server's checks, the contract's schemas, the role editor and the menu.
 *
 * The modules are the menu's: 政协台账 (seed 000), 建档立卡 (seeds 001, 004), 动态调整 (seed 004's procedures),
 * 帮扶 (帮扶责任人 and visits, seed 004; 领导联系村, seed 002), 资金项目 (扶贫资金、项目库、村级互助资金, seeds 001 and 004), 比对与质量 (一比对 and data quality, seed 004), 考核
 * (seeds 002–004) and 系统管理.
 */
export const MODULES = ['政协台账', '建档立卡', '动态调整', '帮扶', '资金项目', '比对与质量', '考核', '系统管理'] as const;
export type Module = (typeof MODULES)[number];

export interface PermissionDefinition {
  module: Module;
  label: string;
  /** A permission that only reads (a 领导查阅 role holds every one of these and nothing else). */
  readOnly?: boolean;
}

const read = (module: Module, label: string): PermissionDefinition => ({ module, label, readOnly: true });
const act = (module: Module, label: string): PermissionDefinition => ({ module, label });

export const PERMISSION_DEFINITIONS = {
  'ledger.read': read('政协台账', '查看台账事项与汇总'),
  'ledger.write': act('政协台账', '录入、修改、删除、导入台账事项'),
  'members.manage': act('政协台账', '委员信息管理'),

  'registry.read': read('建档立卡', '查看贫困村、贫困户'),
  'registry.write': act('建档立卡', '维护村情、户情、家庭成员和收入，导入花名册'),
  'registry.correct': act('建档立卡', '数据更正：直接变更贫困户状态'),
  'lines.manage': act('建档立卡', '维护贫困标准（扶贫标准线）'),
  'changes.approve': act('建档立卡', '审批下级提出的户情变更（批准、退回、驳回）'),
  'reports.submit': act('建档立卡', '报送本级年度数据，提出更正申请'),
  'reports.approve': act('建档立卡', '审核下级报送的年度数据和更正申请'),

  'procedures.read': read('动态调整', '查看动态调整程序'),
  'procedures.handle': act('动态调整', '启动和办理动态调整程序（本级的步骤）'),
  'procedures.define': act('动态调整', '调整程序定义'),

  'pairing.read': read('帮扶', '查看帮扶责任人、帮扶关系和走访'),
  'pairing.manage': act('帮扶', '维护帮扶责任人，确定、更换、结束帮扶关系，维护帮扶村'),
  'visits.write': act('帮扶', '记录走访、上传签字材料'),

  'funds.read': read('资金项目', '查看扶贫资金、项目库、小额信贷和村级互助资金'),
  'funds.manage': act('资金项目', '资金下达、拨付、结转结余，审计问题整改，抽查项目'),
  'projects.declare': act('资金项目', '申报扶贫项目，登记到户受益'),
  'mutualAid.manage': act('资金项目', '村级互助资金：入股、借款、还款、运行台账'),

  'compare.read': read('比对与质量', '查看部门名单和比对结果'),
  'compare.lists': act('比对与质量', '上传、删除部门名单'),
  'compare.run': act('比对与质量', '发起比对'),
  'compare.decide': act('比对与质量', '记录村民代表大会对比对线索的评议结果'),
  'quality.read': read('比对与质量', '查看数据质量检查结果'),
  'quality.run': act('比对与质量', '运行数据质量检查'),

  'assessment.read': read('考核', '查看考核方案、考核轮次和结果'),
  'assessment.manage': act('考核', '维护考核方案、考核轮次和考核对象'),
  'assessment.score': act('考核', '录入评分'),

  'users.manage': act('系统管理', '用户管理（新建、停用、重置密码、结束会话）'),
  'roles.manage': act('系统管理', '角色管理'),
  'orgs.manage': act('系统管理', '单位管理'),
  'regions.manage': act('系统管理', '维护行政区划'),
  'audit.read': read('系统管理', '查看审计日志'),
  'audit.verify': act('系统管理', '校验全部审计日志的哈希链'),
  'idNumbers.view': act('系统管理', '查看完整身份证号（否则只见脱敏号码）'),
} as const satisfies Record<string, PermissionDefinition>;

export type Permission = keyof typeof PERMISSION_DEFINITIONS;
export const PERMISSIONS = Object.keys(PERMISSION_DEFINITIONS) as Permission[];

export function isPermission(p: string): p is Permission {
  return Object.hasOwn(PERMISSION_DEFINITIONS, p);
}

export function permissionLabel(p: Permission): string {
  return `${PERMISSION_DEFINITIONS[p].module} · ${PERMISSION_DEFINITIONS[p].label}`;
}

/** The permissions of `wanted` that `held` lacks: a user grants no permission they do not hold (DESIGN). */
export function permissionsBeyond(wanted: readonly Permission[], held: ReadonlySet<Permission>): Permission[] {
  return wanted.filter((p) => !held.has(p));
}
