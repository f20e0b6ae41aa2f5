import { Card, Space } from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useMe, useOwnSessions, useRevokeOwnSession } from './api';
import { SessionsTable } from './SessionColumns';
import { TokensCard } from './TokensCard';
import { PageHeader } from '../shared/PageHeader';

/** 账号安全: change one's password, see and end one's sessions, one's API tokens. */
export function AccountPage() {
  const me = useMe().data;
  const sessions = useOwnSessions();
  const revoke = useRevokeOwnSession();
  if (!me) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title="账号安全" />
      <Card title="修改密码">
        <ChangePasswordForm username={me.username} />
      </Card>
      <Card title="我的登录会话">
        <SessionsTable sessions={sessions} revokeError={revoke.isError ? revoke.error : null} onEnd={(x) => revoke.mutateAsync(x.id)} />
      </Card>
      <TokensCard />
    </Space>
  );
}
