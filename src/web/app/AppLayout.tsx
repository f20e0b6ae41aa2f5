import { LogoutOutlined, MenuOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useLogout, useMe } from '../shared/session';
import { NotificationBell } from '../notifications/NotificationBell';
import { useTodoCounts } from '../workbench/api';
import { entryOf, HOME, menuFor, PLATFORM_NAME } from './menu';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();

  const todos = useTodoCounts();
  // On a phone (below md) the header keeps the name and icon-only buttons.
  const wide = Grid.useBreakpoint().md ?? true;

  const groups = menuFor(me?.permissions ?? []);
  const items: NonNullable<MenuProps['items']> = [
    {
      key: HOME.path,
      icon: HOME.icon,
      label: (
        <Space size={6} data-testid="menu-workbench">
          {HOME.label}
          {todos.total > 0 && <Badge count={todos.total} overflowCount={999} size="small" title={`待办 ${todos.total} 项`} />}
        </Space>
      ),
    },
    ...groups.map((g) => ({ key: `group:${g.module}`, type: 'group' as const, label: g.module, children: g.entries.map((e) => ({ key: e.path, icon: e.icon, label: e.label })) })),
  ];
  const current = entryOf(location.pathname);
  const selected = current?.entry.path ?? '';

  // The tab names the page and the platform (a page that names its record sets a longer title itself).
  const pageLabel = current?.entry.label;
  useEffect(() => {
    document.title = pageLabel ? `${pageLabel} - ${PLATFORM_NAME}` : PLATFORM_NAME;
  }, [pageLabel]);

  // Below md the menu is a drawer the header's button opens; choosing an entry (or any navigation) closes it.
  // The drawer stays open only at the address it was opened at: any navigation closes it.
  const here = location.pathname + location.search;
  const [drawerAt, setDrawerAt] = useState<string | null>(null);
  const drawerOpen = drawerAt === here;
  const setDrawerOpen = (open: boolean) => setDrawerAt(open ? here : null);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 0, paddingTop: 8 }}
      data-testid={wide ? 'side-menu' : 'drawer-menu'}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        className="app-header"
        data-testid="app-header"
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, background: '#b71c1c', padding: wide ? '0 24px' : '0 8px', flexWrap: 'nowrap' }}
      >
        {!wide && (
          <Button type="text" icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />} aria-label="菜单" aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} data-testid="menu-button" />
        )}
        <Typography.Text strong ellipsis style={{ color: '#fff', fontSize: wide ? 17 : 15, whiteSpace: 'nowrap', flex: '1 1 auto', minWidth: 0 }} title={PLATFORM_NAME}>
          {PLATFORM_NAME}
        </Typography.Text>
        {me && (
          <Space size={wide ? 'middle' : 4} data-testid="current-user" style={{ flex: 'none' }}>
            <NotificationBell />
            <span style={{ color: '#fff', whiteSpace: 'nowrap', display: 'inline-block', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle', maxWidth: wide ? undefined : 80 }} title={me.displayName}>
              <UserOutlined /> {me.displayName}
              {wide && <span style={{ opacity: 0.85 }}>（{me.orgName}）</span>}
            </span>
            {wide && (
              <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                {me.roleName}
              </Tag>
            )}
            <Button size="small" icon={wide ? undefined : <SafetyOutlined />} aria-label="账号安全" title="账号安全" onClick={() => navigate('/account')}>
              {wide && '账号安全'}
            </Button>
            <Button
              icon={<LogoutOutlined />}
              size="small"
              aria-label="退出登录"
              title="退出登录"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
            >
              {wide && '退出登录'}
            </Button>
          </Space>
        )}
      </Header>
      <Layout>
        {wide ? (
          <Sider className="app-menu" width={200} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
            {menu}
          </Sider>
        ) : (
          <Drawer
            className="app-menu"
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title={PLATFORM_NAME}
            styles={{ body: { padding: 0 } }}
            data-testid="menu-drawer"
          >
            {menu}
          </Drawer>
        )}
        <Content className="app-content" style={{ padding: wide ? 24 : 8, background: '#f5f6f8', minWidth: 0 }}>
          <div className="app-page" style={{ background: '#fff', padding: wide ? 24 : 12, borderRadius: 6, minHeight: wide ? 'calc(100vh - 112px)' : 'calc(100vh - 80px)' }}>
            <Outlet />
          </div>
        </Content>
      </Layout>
    </Layout>
  );
}
