import { Alert, App, Button, Popconfirm, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { errorMessage } from '../app/api';
import { formatDateTime } from '../app/format';
import type { OwnSession, SessionInfo } from './api';
import { ItemsTable } from '../shared/tables';

/** A session of a user's list, or of one's own (where the session of this browser is marked `current`). */
type SessionRow = SessionInfo & Partial<Pick<OwnSession, 'current'>>;

/** The columns every list of sessions shows (times in Beijing time). */
export const sessionColumns: ColumnsType<SessionInfo> = [
  { title: '登录时间', dataIndex: 'createdAt', render: formatDateTime },
  { title: '有效期至', dataIndex: 'expiresAt', render: formatDateTime },
  { title: 'IP 地址', dataIndex: 'ip', render: (v: string) => v || '—' },
  { title: '浏览器', dataIndex: 'userAgent', ellipsis: true, render: (v: string) => v || '—' },
];

/**
 * A list of sessions, each ended after a confirmation (one's own on 账号安全, a user's for an administrator); the
 * session this page runs in is marked, not offered.
 */
export function SessionsTable(props: {
  sessions: { data?: { items: SessionRow[] }; isLoading: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  revokeError: unknown;
  onEnd: (s: SessionRow) => Promise<unknown>;
}) {
  const { sessions, revokeError, onEnd } = props;
  const { message } = App.useApp();
  return (
    <>
      {!!revokeError && <Alert type="error" showIcon title={errorMessage(revokeError)} style={{ marginBottom: 12 }} />}
      <ItemsTable<SessionRow>
        query={sessions}
        rowKey="id"
        size="small"
        pagination={false}
        locale={{ emptyText: '没有有效的登录会话' }}
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
                  onConfirm={() => onEnd(s).then(() => void message.success('会话已结束'))}
                >
                  <Button size="small" danger>
                    结束
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </>
  );
}
