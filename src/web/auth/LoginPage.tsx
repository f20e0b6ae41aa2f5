import { MENU, PLATFORM_NAME } from '../app/menu';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import type { LoginInput } from '../../contract/auth';
import { ApiError, errorMessage } from '../app/api';
import { useLogin, useMe } from './api';

/** Only paths inside the app may be returned to after logging in. */
function safeFrom(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const from = safeFrom(params.get('from'));

  if (me.data) return <Navigate to={from} replace />;

  const onFinish = (values: LoginInput) => {
    login.mutate(values, { onSuccess: () => navigate(from, { replace: true }) });
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg, #fff5f5 0%, #f0f2f5 60%)' }}>
      <Card style={{ width: 400, maxWidth: 'calc(100vw - 24px)', boxShadow: '0 4px 24px rgba(0,0,0,0.08)' }}>
        <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 4 }}>
          {PLATFORM_NAME}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {MENU.map((g) => g.module).join(' · ')}
        </Typography.Paragraph>
        {login.isError && (
          // 429: the account is locked for a while, or this address sent too many sign-ins.
          <Alert
            type={login.error instanceof ApiError && login.error.status === 429 ? 'warning' : 'error'}
            showIcon
            title={errorMessage(login.error)}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<LoginInput> layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
