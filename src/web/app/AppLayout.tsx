import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CloudUploadOutlined,
  ContainerOutlined,
  DiffOutlined,
  EnvironmentOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FundOutlined,
  LogoutOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  TableOutlined,
  UserAddOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { isAdmin, isSysadmin, useLogout, useMe } from '../shared/session';

const { Header, Sider, Content } = Layout;

/** The menu key that a path belongs to (the longest matching prefix). */
function selectedKey(pathname: string, keys: readonly string[]): string {
  let best = '';
  for (const k of keys) {
    if ((pathname === k || pathname.startsWith(`${k}/`)) && k.length > best.length) best = k;
  }
  if (/^\/ledger\/\d+/.test(pathname)) return '/ledger';
  if (/^\/registry\/(villages|households\/\d+)/.test(pathname)) return '/registry';
  return best;
}

export function AppLayout() {
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();

  const items: NonNullable<MenuProps['items']> = [
    { key: '/ledger', icon: <TableOutlined />, label: '活动台账' },
    { key: '/ledger/new', icon: <FileAddOutlined />, label: '录入事项' },
    { key: '/ledger/import', icon: <UploadOutlined />, label: '批量导入' },
    { key: '/summary', icon: <BarChartOutlined />, label: '汇总统计' },
    { type: 'divider' },
    { key: '/orgs', icon: <ApartmentOutlined />, label: '政协组织' },
    { key: '/members', icon: <TeamOutlined />, label: '委员信息管理' },
    ...(isAdmin(me) ? [{ key: '/users', icon: <UsergroupAddOutlined />, label: '用户管理' }] : []),
    ...(me?.permissions.includes('roles.manage') ? [{ key: '/roles', icon: <SafetyCertificateOutlined />, label: '角色管理' }] : []),
    ...(isSysadmin(me) ? [{ key: '/regions/deep-poverty', icon: <EnvironmentOutlined />, label: '深度贫困县' }] : []),
    ...(isAdmin(me) ? [{ key: '/audit', icon: <FileSearchOutlined />, label: '审计日志' }] : []),
    { type: 'divider' },
    {
      key: 'registry-group',
      icon: <ContainerOutlined />,
      label: '建档立卡',
      children: [
        { key: '/registry', icon: <FundOutlined />, label: '地区导航' },
        { key: '/registry/search', icon: <SearchOutlined />, label: '查找贫困户' },
        ...(isAdmin(me) ? [{ key: '/registry/households/new', icon: <UserAddOutlined />, label: '新增贫困户' }] : []),
        ...(isAdmin(me) ? [{ key: '/registry/import', icon: <CloudUploadOutlined />, label: '花名册导入' }] : []),
        { key: '/registry/trial', icon: <CalculatorOutlined />, label: '测算' },
        { key: '/registry/poverty-lines', icon: <AuditOutlined />, label: '扶贫标准' },
      ],
    },
    { key: '/procedures', icon: <NodeIndexOutlined />, label: '动态调整程序' },
    { key: '/pairing', icon: <UserOutlined />, label: '帮扶责任人' },
    { key: '/compare', icon: <DiffOutlined />, label: '部门比对' },
    { key: '/quality', icon: <SafetyCertificateOutlined />, label: '数据质量' },
    { key: '/assessment', icon: <AuditOutlined />, label: '考核' },
  ];
  const keys = items.flatMap((i) => {
    if (!i || !('key' in i) || typeof i.key !== 'string') return [];
    const children = 'children' in i && Array.isArray(i.children) ? i.children : [];
    return [i.key, ...children.flatMap((c) => (c && 'key' in c && typeof c.key === 'string' ? [c.key] : []))];
  });
  const selected = selectedKey(location.pathname, keys);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#b71c1c', padding: '0 24px' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
          “我为扶贫攻坚做件事”活动电子台账
        </Typography.Text>
        {me && (
          <Space size="middle" data-testid="current-user">
            <span style={{ color: '#fff' }}>
              <UserOutlined /> {me.displayName}
              <span style={{ opacity: 0.85 }}>（{me.orgName}）</span>
            </span>
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {me.roleName}
            </Tag>
            <Button size="small" onClick={() => navigate('/account')}>
              账号安全
            </Button>
            <Button
              icon={<LogoutOutlined />}
              size="small"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
            >
              退出登录
            </Button>
          </Space>
        )}
      </Header>
      <Layout>
        <Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            defaultOpenKeys={['registry-group']}
            items={items}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
          />
        </Sider>
        <Content style={{ padding: 24, background: '#f5f6f8', minWidth: 0 }}>
          <div style={{ background: '#fff', padding: 24, borderRadius: 6, minHeight: 'calc(100vh - 112px)' }}>
            <Outlet />
          </div>
        </Content>
      </Layout>
    </Layout>
  );
}
