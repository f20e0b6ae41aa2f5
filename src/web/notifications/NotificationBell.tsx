import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMarkAllRead, useMarkRead, useNotifications, type NotificationItem } from './api';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * The header's bell (issue 11: “In-app notifications (a bell with unread count) when something lands on my list”):
 * the unread count on the bell, the latest notifications in a dropdown; opening one marks it read and goes to its page.
 */
export function NotificationBell() {
  const { data } = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = data?.unread ?? 0;

  const openOne = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    navigate(n.link);
  };

  const content = (
    <div style={{ width: 'min(340px, calc(100vw - 56px))', maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {!data || data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(n) => (
            <List.Item key={n.id} style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }} onClick={() => openOne(n)} data-testid={`notification-${n.id}`}>
              <List.Item.Meta
                title={
                  <Space size={6}>
                    {!n.readAt && <Badge status="processing" />}
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  </Space>
                }
                description={when(n.createdAt)}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>通知{unread > 0 ? `（${unread} 条未读）` : ''}</span>
          <Button size="small" type="link" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate(undefined)}>
            全部标为已读
          </Button>
        </Space>
      }
      content={content}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button size="small" type="text" icon={<BellOutlined style={{ color: '#fff', fontSize: 16 }} />} aria-label={unread > 0 ? `通知（${unread} 条未读）` : '通知'} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
