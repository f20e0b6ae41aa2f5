/**
 * One change request (户情变更审批, issue 11): what it changes, before → after, field by field; who proposed it and
 * every step since; and, for whoever may, its decision (approve; return or reject with a reason, confirmed) or the
 * proposer's withdrawal.
 */
import { CheckOutlined, CloseOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../app/api';
import { formatDateTime } from '../app/format';
import { useChangeAction, type ChangeField, type ChangeRequest } from './change-requests-api';

const STATE_COLORS: Record<string, string> = { pending: 'orange', returned: 'gold', approved: 'green', rejected: 'red', withdrawn: 'default' };

/** A before / after value in words: 是/否, lists joined, a whole member by name and ID number, empty as —. */
export function changeValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length ? v.map(changeValue).join('、') : '无';
  if (typeof v === 'object') {
    const p = v as { name?: string; relation?: string; idNumber?: string };
    return [p.name, p.relation, p.idNumber].filter(Boolean).join('，') || JSON.stringify(v);
  }
  return String(v);
}

export function ChangesTable({ changes, testId }: { changes: ChangeField[]; testId?: string }) {
  return (
    <Table<ChangeField>
      data-testid={testId}
      size="small"
      bordered
      rowKey="field"
      pagination={false}
      dataSource={changes}
      columns={[
        { title: '项目', dataIndex: 'label', width: 200 },
        { title: '变更前', dataIndex: 'before', render: (v: unknown) => <Typography.Text delete={v !== null && v !== undefined}>{changeValue(v)}</Typography.Text> },
        { title: '变更后', dataIndex: 'after', render: (v: unknown) => <Typography.Text strong>{changeValue(v)}</Typography.Text> },
      ]}
    />
  );
}

export function ChangeRequestCard({ request: r, showHousehold = false }: { request: ChangeRequest; showHousehold?: boolean }) {
  const { message, modal } = App.useApp();
  const action = useChangeAction();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const run = (a: 'approve' | 'return' | 'reject' | 'withdraw', done: string) =>
    action
      .mutateAsync({ id: r.id, action: a, body: a === 'return' || a === 'reject' ? { reason } : undefined })
      .then(() => {
        setError(null);
        setReason('');
        void message.success(done);
      })
      .catch((e: unknown) => setError(errorMessage(e)));

  const needReason = (a: 'return' | 'reject') => {
    if (!reason.trim()) {
      setError(`请填写${a === 'return' ? '退回' : '驳回'}原因`);
      return false;
    }
    return true;
  };

  return (
    <Card
      size="small"
      type="inner"
      data-testid={`change-request-${r.id}`}
      title={
        <Space wrap>
          <span>变更申请 {r.id}</span>
          <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag>
          <span>{r.kindLabel}</span>
          {r.stale && <Tag color="red">该户已被修改，不能按原申请批准</Tag>}
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
        {showHousehold && (
          <Descriptions.Item label="贫困户">
            <Link to={`/registry/households/${r.householdId}`}>
              {r.villageName ?? r.villageCode} · 户编号 {r.householdNumber}
              {r.head ? `（${r.head}户）` : ''}
            </Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="提出人">
          {r.proposedByName}（{formatDateTime(r.proposedAt)}）
        </Descriptions.Item>
        {r.note && <Descriptions.Item label="变更原因">{r.note}</Descriptions.Item>}
        {r.decidedByName && (
          <Descriptions.Item label={r.state === 'approved' ? '批准人' : '审核人'}>
            {r.decidedByName}（{r.decidedAt ? formatDateTime(r.decidedAt) : ''}）
          </Descriptions.Item>
        )}
        {r.decisionReason && <Descriptions.Item label={r.state === 'rejected' ? '驳回原因' : '退回原因'}>{r.decisionReason}</Descriptions.Item>}
      </Descriptions>
      <ChangesTable changes={r.changes} testId={`change-request-${r.id}-changes`} />
      {r.events.length > 1 && (
        <Timeline
          style={{ marginTop: 12, marginBottom: 0 }}
          items={r.events.map((e) => ({ content: `${formatDateTime(e.at)} ${e.userName} ${e.actionLabel}${e.reason ? `：${e.reason}` : ''}` }))}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} closable={{ onClose: () => setError(null) }} />}
      {r.mayDecide && (
        <Space wrap style={{ marginTop: 12 }}>
          <Button type="primary" icon={<CheckOutlined />} loading={action.isPending} disabled={r.stale} onClick={() => void run('approve', '已批准，变更已写入')} data-testid="change-approve">
            批准
          </Button>
          <Input style={{ width: 320 }} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="退回或驳回的原因（提出人可见）" data-testid="change-reason" />
          <Button icon={<RollbackOutlined />} loading={action.isPending} onClick={() => needReason('return') && void run('return', '已退回提出人')} data-testid="change-return">
            退回
          </Button>
          <Button
            danger
            icon={<CloseOutlined />}
            loading={action.isPending}
            data-testid="change-reject"
            onClick={() =>
              needReason('reject') &&
              modal.confirm({
                title: '确认驳回该变更申请？',
                content: `驳回后该变更不会写入，提出人须重新提出。原因：${reason}`,
                okText: '确认驳回',
                okButtonProps: { danger: true },
                cancelText: '取消',
                onOk: () => run('reject', '已驳回'),
              })
            }
          >
            驳回
          </Button>
        </Space>
      )}
      {r.mayWithdraw && (
        <Space wrap style={{ marginTop: 12 }}>
          {r.mayResubmit && <Typography.Text type="warning">已退回：请在“编辑”或收入表中按退回原因修改后重新提交，或撤回。</Typography.Text>}
          <Button icon={<UndoOutlined />} loading={action.isPending} onClick={() => void run('withdraw', '已撤回')} data-testid="change-withdraw">
            撤回
          </Button>
        </Space>
      )}
    </Card>
  );
}
