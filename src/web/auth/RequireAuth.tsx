import { Alert, Button, Card, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ErrorResult } from '../app/ErrorResult';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useLogout, useMe, type Me } from './api';

/** A user whose password was reset (or generated at first start) sees only this until they have changed it. */
function ForcedPasswordChange({ me }: { me: Me }) {
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 480, maxWidth: 'calc(100vw - 24px)' }} data-testid="forced-password-change">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          请修改密码
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${me.displayName}，您的密码是管理员重置或系统生成的初始密码。修改密码后才能继续使用。`}
        />
        <ChangePasswordForm username={me.username} />
        <Button type="link" style={{ paddingLeft: 0, marginTop: 8 }} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>
          退出登录
        </Button>
      </Card>
    </div>
  );
}

/** Shows its children only to a logged-in user; anyone else is sent to the log-in page and brought back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isLoading) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  if (me.isError) return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const from = location.pathname + location.search;
    return <Navigate to={`/login${from && from !== '/' ? `?from=${encodeURIComponent(from)}` : ''}`} replace />;
  }
  if (me.data.mustChangePassword) return <ForcedPasswordChange me={me.data} />;
  return <>{children}</>;
}
