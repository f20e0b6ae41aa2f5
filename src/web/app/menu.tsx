import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DiffOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FundOutlined,
  KeyOutlined,
  LineChartOutlined,
  MobileOutlined,
  MoneyCollectOutlined,
  NodeIndexOutlined,
  PictureOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SendOutlined,
  TableOutlined,
  TeamOutlined,
  UploadOutlined,
  UserAddOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Module, Permission } from '../../domain/auth/permissions';

/** The platform's own name: the header, the sign-in page and every tab title carry it. */
export const PLATFORM_NAME = '精准扶贫工作平台';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to a role holding this permission (absent: every signed-in user). */
  permission?: Permission;
}

/**
 * The menu, grouped by module (issue 11: “政协台账 · 建档立卡 · 动态调整 · 帮扶 · 比对与质量 · 考核 · 系统管理 … shows
 * only what the role may use”). One table: the menu, the page titles of the tabs and the breadcrumbs' first step read it.
 */
export const MENU: ReadonlyArray<{ module: Module; entries: MenuEntry[] }> = [
  {
    module: '政协台账',
    entries: [
      { path: '/ledger', label: '活动台账', icon: <TableOutlined />, permission: 'ledger.read' },
      { path: '/ledger/new', label: '录入事项', icon: <FileAddOutlined />, permission: 'ledger.write' },
      { path: '/ledger/import', label: '批量导入', icon: <UploadOutlined />, permission: 'ledger.write' },
      { path: '/summary', label: '汇总统计', icon: <BarChartOutlined />, permission: 'ledger.read' },
      { path: '/members', label: '委员信息管理', icon: <TeamOutlined />, permission: 'ledger.read' },
    ],
  },
  {
    module: '建档立卡',
    entries: [
      { path: '/registry', label: '地区导航', icon: <FundOutlined />, permission: 'registry.read' },
      { path: '/registry/search', label: '查找贫困户', icon: <SearchOutlined />, permission: 'registry.read' },
      { path: '/registry/households/new', label: '新增贫困户', icon: <UserAddOutlined />, permission: 'registry.write' },
      { path: '/registry/import', label: '花名册导入', icon: <CloudUploadOutlined />, permission: 'registry.write' },
      { path: '/registry/change-requests', label: '户情变更审批', icon: <SafetyCertificateOutlined />, permission: 'changes.approve' },
      { path: '/registry/trial', label: '测算', icon: <CalculatorOutlined />, permission: 'registry.read' },
      { path: '/registry/poverty-lines', label: '扶贫标准', icon: <AuditOutlined />, permission: 'registry.read' },
      { path: '/registry/reports', label: '年度报送', icon: <SendOutlined />, permission: 'reports.submit' },
      { path: '/wall', label: '上墙图表', icon: <PictureOutlined />, permission: 'registry.read' },
      // issue 15: benefits
      { path: '/benefits/import', label: '政策享受导入', icon: <CloudUploadOutlined />, permission: 'registry.write' },
      // issue 15: measures
      { path: '/measures/plans', label: '脱贫规划', icon: <LineChartOutlined />, permission: 'registry.read' },
    ],
  },
  { module: '动态调整', entries: [{ path: '/procedures', label: '动态调整程序', icon: <NodeIndexOutlined />, permission: 'procedures.read' }] },
  {
    module: '帮扶',
    entries: [
      { path: '/pairing', label: '帮扶责任人', icon: <UserOutlined />, permission: 'pairing.read' },
      { path: '/field', label: '入户工作', icon: <MobileOutlined />, permission: 'visits.write' },
      // issue 15: rosters
      { path: '/rosters/return-risks', label: '防返贫监测', icon: <AlertOutlined />, permission: 'registry.read' },
    ],
  },
  {
    module: '资金项目',
    entries: [
      { path: '/funds', label: '扶贫资金', icon: <MoneyCollectOutlined />, permission: 'funds.read' },
      { path: '/funds/projects', label: '项目库', icon: <ProjectOutlined />, permission: 'funds.read' },
      { path: '/funds/findings', label: '审计整改', icon: <AuditOutlined />, permission: 'funds.read' },
      { path: '/mutual-aid', label: '村级互助资金', icon: <BankOutlined />, permission: 'funds.read' },
      { path: '/mutual-aid/credit', label: '小额信贷与入股分红', icon: <DollarOutlined />, permission: 'funds.read' },
    ],
  },
  {
    module: '比对与质量',
    entries: [
      { path: '/compare', label: '部门比对', icon: <DiffOutlined />, permission: 'compare.read' },
      { path: '/quality', label: '数据质量', icon: <SafetyCertificateOutlined />, permission: 'quality.read' },
      // issue 15: screening
      { path: '/screening', label: '漏评错评错退排查', icon: <FileSearchOutlined />, permission: 'compare.read' },
    ],
  },
  { module: '考核', entries: [{ path: '/assessment', label: '考核', icon: <AuditOutlined />, permission: 'assessment.read' }] },
  {
    module: '系统管理',
    entries: [
      { path: '/orgs', label: '单位管理', icon: <ApartmentOutlined /> },
      { path: '/users', label: '用户管理', icon: <UsergroupAddOutlined />, permission: 'users.manage' },
      { path: '/roles', label: '角色管理', icon: <KeyOutlined />, permission: 'roles.manage' },
      { path: '/regions/deep-poverty', label: '深度贫困县', icon: <EnvironmentOutlined />, permission: 'regions.manage' },
      { path: '/audit', label: '审计日志', icon: <FileSearchOutlined />, permission: 'audit.read' },
    ],
  },
];

/** The home entry, above the modules. */
export const HOME: MenuEntry = { path: '/', label: '工作台', icon: <DashboardOutlined /> };

/** The entries a user with these permissions sees, by module (a module with none left out). */
export function menuFor(permissions: readonly string[]): Array<{ module: Module; entries: MenuEntry[] }> {
  return MENU.map((g) => ({ module: g.module, entries: g.entries.filter((e) => !e.permission || permissions.includes(e.permission)) })).filter((g) => g.entries.length > 0);
}

/** The menu entry a path belongs to (the longest matching path; a record page under a list belongs to the list). */
export function entryOf(pathname: string): { module: Module | null; entry: MenuEntry } | null {
  let best: { module: Module | null; entry: MenuEntry } | null = pathname === '/' ? { module: null, entry: HOME } : null;
  for (const g of MENU)
    for (const e of g.entries)
      if ((pathname === e.path || pathname.startsWith(`${e.path}/`)) && e.path.length > (best?.entry.path.length ?? 0)) best = { module: g.module, entry: e };
  return best;
}
