import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useMe, useOwnSessions, useRevokeOwnSession, type SessionInfo } from './api';
import { sessionColumns } from './SessionColumns';

/** 账号安全: change one's password, see and end one's sessions. */
export function AccountPage() {
  const me = useMe().data;
  const sessions = useOwnSessions();
  const revoke = useRevokeOwnSession();
  const { message } = App.useApp();
  if (!me) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        账号安全
      </Typography.Title>
      <Card title="修改密码">
        <ChangePasswordForm username={me.username} />
      </Card>
      <Card title="我的登录会话">
        {sessions.isError && <ErrorResult error={sessions.error} onRetry={() => void sessions.refetch()} />}
        {revoke.isError && <Alert type="error" showIcon title={errorMessage(revoke.error)} style={{ marginBottom: 12 }} />}
        <Table<SessionInfo>
          rowKey="id"
          size="small"
          loading={sessions.isLoading}
          dataSource={sessions.data?.items ?? []}
          pagination={false}
          columns={[
            ...sessionColumns,
            {
              title: '操作',
              key: 'actions',
              render: (_v, s) =>
                s.current ? (
                  <Tag color="green">当前会话</Tag>
                ) : (
                  <Popconfirm
                    title="结束这个会话？"
                    description="该设备上的登录将立即失效。"
                    okText="结束"
                    cancelText="取消"
                    onConfirm={() => revoke.mutateAsync(s.id).then(() => void message.success('会话已结束'))}
                  >
                    <Button size="small" danger>
                      结束
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
