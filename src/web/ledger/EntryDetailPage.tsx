import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Descriptions, Empty, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { formatDateTime, wan, yearsLabel } from '../app/format';
import { FUND_FIELDS, useDeleteEntry, useEntry, useEntryHistory, type HistoryItem } from './api';
import { useIdParam } from '../app/params';
import { PageHeader } from '../shared/PageHeader';

const ACTION_LABELS: Record<HistoryItem['action'], { text: string; color: string }> = {
  create: { text: '录入', color: 'green' },
  update: { text: '修改', color: 'blue' },
  delete: { text: '删除', color: 'red' },
};

/** A value from the history as the user reads it. */
export function historyValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length ? v.map(historyValue).join('、') : '（空）';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.label === 'string') return o.label;
    if (typeof o.name === 'string') return o.name;
    return JSON.stringify(v);
  }
  return String(v);
}

function History({ id }: { id: number }) {
  const history = useEntryHistory(id);
  if (history.isLoading) return <Spin />;
  if (history.isError) return <ErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data?.items ?? [];
  if (items.length === 0) return <Empty description="暂无修改记录" />;
  return (
    <Timeline
      data-testid="entry-history"
      items={items.map((h) => ({
        color: ACTION_LABELS[h.action].color,
        content: (
          <div>
            <Space wrap>
              <Tag color={ACTION_LABELS[h.action].color}>{ACTION_LABELS[h.action].text}</Tag>
              <Typography.Text strong>{h.userName}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
            </Space>
            {h.changes.length > 0 && (
              <Table
                size="small"
                style={{ marginTop: 8 }}
                pagination={false}
                rowKey={(c) => c.field}
                dataSource={h.changes}
                columns={
                  h.action === 'create'
                    ? [
                        { title: '字段', dataIndex: 'label', width: 160 },
                        { title: '录入值', render: (_, c) => historyValue(c.after) },
                      ]
                    : [
                        { title: '字段', dataIndex: 'label', width: 160 },
                        { title: '修改前', render: (_, c) => <Typography.Text delete>{historyValue(c.before)}</Typography.Text> },
                        { title: '修改后', render: (_, c) => historyValue(c.after) },
                      ]
                }
              />
            )}
          </div>
        ),
      }))}
    />
  );
}

export function EntryDetailPage() {
  const id = useIdParam();
  const entry = useEntry(id);
  const remove = useDeleteEntry();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();

  if (id === undefined) return <ErrorResult error={new Error('事项编号无效')} />;
  if (entry.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (entry.isError || !entry.data) return <ErrorResult error={entry.error} onRetry={() => void entry.refetch()} />;
  const e = entry.data;

  const confirmDelete = () => {
    modal.confirm({
      title: '确认删除该事项？',
      content: `将从台账中删除“${e.categoryName} · ${e.subtypeName}”事项（${e.target.label}）。删除后该事项不再计入汇总。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove.mutateAsync({ id: e.id, version: e.version });
          void message.success('事项已删除');
          navigate('/ledger');
        } catch (err) {
          if (err instanceof ApiError && err.code === 'STALE_VERSION') {
            void message.warning('该事项已被他人修改，已重新载入，请核对后再操作');
            void entry.refetch();
          } else void message.error(errorMessage(err));
        }
      },
    });
  };

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/ledger">活动台账</Link> }, { title: `事项 #${e.id}` }]} style={{ marginBottom: 12 }} />
      <PageHeader
        title={
          <>
            {e.categoryName} · {e.subtypeName}
            {e.deepPoverty && (
              <Tag color="volcano" style={{ marginInlineStart: 12, verticalAlign: 'middle' }}>
                深度贫困县
              </Tag>
            )}
          </>
        }
        extra={
          <Space>
            <Link to={`/ledger/${e.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />}>
                修改
              </Button>
            </Link>
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
              删除
            </Button>
          </Space>
        }
      />
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }} data-testid="entry-detail">
        <Descriptions.Item label="填报单位">{e.orgName}</Descriptions.Item>
        <Descriptions.Item label="年度">
          {yearsLabel(e.startYear, e.endYear)}
          {e.endYear ? '（跨年度事项）' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="件（个、户）数">
          {e.count} {e.unit}
        </Descriptions.Item>
        <Descriptions.Item label="帮扶对象">
          {e.target.label}
          {e.target.kind === 'region' && e.target.regionCode && (
            <Typography.Text type="secondary"> （{e.target.regionCode}）</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="深度贫困县事项">{e.deepPoverty ? '是' : '否'}</Descriptions.Item>
        <Descriptions.Item label="文号">{e.documentNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="具体内容" span="filled">
          <div style={{ whiteSpace: 'pre-wrap' }}>{e.content}</div>
        </Descriptions.Item>
        {FUND_FIELDS.map((f) => (
          <Descriptions.Item key={f.key} label={`${f.label}（万元）`}>
            {wan(e.funds[f.key])}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="资金合计（万元）">
          <Typography.Text strong>{wan(e.fundsTotal)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="受益人数">{e.beneficiaries}</Descriptions.Item>
        <Descriptions.Item label="参与委员" span="filled">
          {e.members.length ? e.members.map((m) => <Tag key={m.id}>{m.name}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="录入人">{e.createdBy.name}</Descriptions.Item>
        <Descriptions.Item label="录入时间">{formatDateTime(e.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="最后修改">{formatDateTime(e.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={4} style={{ marginTop: 32 }}>
        修改记录
      </Typography.Title>
      <History id={e.id} />
    </>
  );
}
