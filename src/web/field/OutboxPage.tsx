/**
 * 待上传: what this phone recorded and has not (or has) sent — queued, sent, refused, in conflict. A conflict (the
 * household or procedure changed on the server meanwhile) shows the record as the phone had it beside the server's
 * record now, and the user decides: 仍然提交 (sent again without the version, under a new key) or 放弃.
 */
import { Alert, Button, Card, Empty, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Procedure } from '../../contract/procedures';
import type { Household } from '../../contract/registry/households';
import { errorMessage, get } from '../app/api';
import { formatDateTime } from '../app/format';
import { compareFacts, householdBasis, procedureBasis } from './facts';
import { FieldBar, FieldBody } from './FieldRoutes';
import { useLoad, useOnline, useOutbox } from './hooks';
import { FILE_KIND_LABELS, STATE_LABELS, waitingCount, type ItemState, type QueueItem } from './queue';
import { discard, retryItem, submitAnyway, syncNow } from './sync';

const STATE_COLORS: Record<ItemState, string> = { queued: 'gold', sent: 'green', failed: 'red', conflict: 'volcano' };

function ServerRecord({ item }: { item: QueueItem }) {
  const online = useOnline();
  const now = useLoad(async () => {
    if (!online) return null;
    return item.type === 'visit' ? householdBasis(await get<Household>(`/api/registry/households/${item.householdId}`)) : procedureBasis(await get<Procedure>(`/api/procedures/${item.procedureId}`));
  }, [item.id, online]);
  if (!item.basis) return null;
  if (!online) return <Typography.Text type="secondary">联网后显示服务器上的现状</Typography.Text>;
  if (now.loading) return <Spin size="small" />;
  if (!now.data) return <Alert type="error" showIcon title={`无法读取服务器上的记录：${errorMessage(now.error)}`} />;
  const rows = compareFacts(item.basis.facts, now.data.facts);
  return (
    <Table
      size="small"
      pagination={false}
      tableLayout="fixed"
      rowKey="label"
      data-testid="field-conflict-compare"
      dataSource={[...rows, { label: '版本', before: String(item.basis.version), now: String(now.data.version), changed: item.basis.version !== now.data.version }]}
      columns={[
        { title: '项目', dataIndex: 'label', width: 72 },
        { title: '记录时手机上', dataIndex: 'before' },
        { title: '服务器现在', dataIndex: 'now', render: (v: string, r) => (r.changed ? <strong style={{ color: '#cf1322' }}>{v}</strong> : v) },
      ]}
    />
  );
}

function ItemCard({ item }: { item: QueueItem }) {
  const [busy, setBusy] = useState(false);
  const act = (fn: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  const sentFiles = item.files.filter((f) => f.serverId !== null).length;
  return (
    <Card size="small" data-testid="field-outbox-item" data-state={item.state}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <strong>{item.type === 'visit' ? '走访' : '程序佐证'} · {item.label}</strong>
        <Tag color={STATE_COLORS[item.state]}>{STATE_LABELS[item.state]}</Tag>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        记录于 {formatDateTime(item.createdAt)}
        {item.sentAt ? `，上传于 ${formatDateTime(item.sentAt)}` : ''}
      </Typography.Text>
      {item.type === 'visit' ? (
        <div style={{ marginTop: 4 }}>
          {item.visit.visitedOn} {item.visit.kind}：{item.visit.content}
        </div>
      ) : (
        <div style={{ marginTop: 4 }}>步骤：{item.stepName}</div>
      )}
      <div style={{ fontSize: 13 }}>
        {item.files.length ? `附件：${[...new Set(item.files.map((f) => FILE_KIND_LABELS[f.kind]))].join('、')}（已上传 ${sentFiles}/${item.files.length}）` : '无附件'}
      </div>
      {item.state === 'queued' && item.error ? <Typography.Text type="warning">{item.error}</Typography.Text> : null}
      {item.state === 'failed' ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={item.error ?? '上传失败'} /> : null}
      {item.state === 'conflict' ? (
        <div style={{ marginTop: 8 }} data-testid="field-conflict">
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            title={item.type === 'visit' ? '您记录之后，这户的信息在服务器上已被修改，走访尚未写入' : '您拍摄之后，这个程序在服务器上已被办理，佐证材料尚未上传'}
            description={item.conflict?.message}
          />
          <ServerRecord item={item} />
        </div>
      ) : null}
      {item.state === 'conflict' || item.state === 'failed' ? (
        <Space style={{ marginTop: 8 }} wrap>
          {item.state === 'conflict' ? (
            <Button type="primary" loading={busy} onClick={() => void act(() => submitAnyway(item.id))()}>
              仍然提交
            </Button>
          ) : (
            <Button type="primary" loading={busy} onClick={() => void act(() => retryItem(item.id))()}>
              重试
            </Button>
          )}
          <Popconfirm title="放弃后这条记录将从手机上删除，确定吗？" okText="放弃" cancelText="取消" onConfirm={() => discard(item.id)}>
            <Button danger disabled={busy}>
              放弃
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
      {item.type === 'visit' && item.state !== 'sent' ? (
        <div style={{ marginTop: 4 }}>
          <Link to={`/field/households/${item.householdId}`}>查看这户</Link>
        </div>
      ) : null}
    </Card>
  );
}

export function OutboxPage() {
  const items = useOutbox();
  const online = useOnline();
  const [syncing, setSyncing] = useState(false);
  const waiting = items ? waitingCount(items) : 0;
  const order: ItemState[] = ['conflict', 'failed', 'queued', 'sent'];
  const sorted = [...(items ?? [])].sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <FieldBar title="待上传" back="/field" />
      <FieldBody>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
          <span data-testid="field-outbox-summary">{waiting ? `${waiting} 条记录尚未上传` : '全部记录已上传'}</span>
          <Button
            disabled={!online || syncing}
            loading={syncing}
            onClick={() => {
              setSyncing(true);
              void syncNow().finally(() => setSyncing(false));
            }}
          >
            立即上传
          </Button>
        </div>
        {!online ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="现在没有网络，联网后自动上传" /> : null}
        {items === null ? (
          <Spin />
        ) : sorted.length === 0 ? (
          <Empty description="手机上没有记录" />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }} size={8}>
            {sorted.map((i) => (
              <ItemCard key={i.id} item={i} />
            ))}
          </Space>
        )}
      </FieldBody>
    </>
  );
}
