import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { formatDateTime } from '../app/format';
import { can, useMe } from '../shared/session';
import { ACTION_LABELS, ENTITY_LABELS, useAuditLog, useVerifyAudit, type AuditFilters, type AuditItem } from './api';
import { PageHeader } from '../shared/PageHeader';

/** A value as the reader sees it: 是/否 for flags, lists joined, records by their fields; empty as “（空）”. */
function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length ? v.map(show).join('、') : '（无）';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string') return `${o.name}${typeof o.idNumber === 'string' ? `（${o.idNumber}）` : ''}`;
    return Object.entries(o)
      .map(([k, x]) => `${k}：${show(x)}`)
      .join('；');
  }
  return String(v);
}

const DETAIL_LABELS: Record<string, string> = { what: '内容', rows: '行数', username: '用户名', reason: '原因', file: '文件' };

function Changes({ item }: { item: AuditItem }) {
  if (item.details) {
    const entries = Object.entries(item.details);
    if (!entries.length) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <Space orientation="vertical" size={0}>
        {entries.map(([k, v]) => (
          <span key={k}>
            <Typography.Text type="secondary">{DETAIL_LABELS[k] ?? k}：</Typography.Text>
            {show(v)}
          </span>
        ))}
      </Space>
    );
  }
  if (!item.changes.length) return <Typography.Text type="secondary">（无字段变化）</Typography.Text>;
  return (
    <Space orientation="vertical" size={0} data-testid="audit-changes">
      {item.changes.map((c) => (
        <span key={c.field}>
          <Typography.Text strong>{c.label}</Typography.Text>：
          {item.action !== 'create' && (
            <>
              <Typography.Text delete type="secondary">
                {show(c.before)}
              </Typography.Text>
              {' → '}
            </>
          )}
          <Typography.Text type={item.action === 'delete' ? 'danger' : undefined}>{item.action === 'delete' ? show(c.before) : show(c.after)}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', login_failed: 'orange', export: 'purple', upload: 'cyan' };

const columns: ColumnsType<AuditItem> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  { title: '操作人', dataIndex: 'userName', width: 120 },
  { title: '操作', dataIndex: 'actionLabel', width: 100, render: (v: string, r) => <Tag color={ACTION_COLORS[r.action]}>{v}</Tag> },
  {
    title: '记录',
    key: 'entity',
    width: 170,
    render: (_: unknown, r) => (
      <span>
        {r.entityLabel}
        {r.entity !== 'access' && r.entityId ? <Typography.Text type="secondary">（编号 {r.entityId}）</Typography.Text> : null}
        {r.regionCode ? <div><Typography.Text type="secondary">地区 {r.regionCode}</Typography.Text></div> : null}
      </span>
    ),
  },
  { title: '变更内容（修改前 → 修改后）', key: 'changes', render: (_: unknown, r) => <Changes item={r} /> },
  { title: '链序号', dataIndex: 'seq', width: 80, render: (v: number | null) => v ?? '—' },
];

/** The filter form: the route's filters without the paging. */
type FilterValues = Omit<AuditFilters, 'page' | 'pageSize'>;

/** 审计日志: who changed what, when, before → after, and sign-ins, exports and uploads (administrators). */
export function AuditPage() {
  const me = useMe().data;
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 20 });
  const log = useAuditLog(filters);
  const verify = useVerifyAudit();

  if (me && !can(me, 'audit.read')) return <Alert type="warning" showIcon title="审计日志只对管理员开放" />;

  const apply = (v: FilterValues) => setFilters({ ...Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x.trim() || undefined : x])), page: 1, pageSize: filters.pageSize });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title="审计日志" />
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={apply}>
          <Row gutter={12}>
            <Col xs={24} sm={12} md={6}>
              <Form.Item label="记录类别" name="entity">
                <Select allowClear placeholder="全部" options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item label="操作" name="action">
                <Select allowClear placeholder="全部" options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item label="操作人" name="user" rules={[{ max: 50, message: '不能超过 50 字' }]}>
                <Input allowClear placeholder="姓名或用户名" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item label="关键字" name="q" rules={[{ max: 100, message: '不能超过 100 字' }]}>
                <Input allowClear placeholder="姓名、身份证号、户编号……" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="开始日期" name="from">
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="结束日期" name="to">
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 24 }}>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  查询
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    setFilters({ page: 1, pageSize: filters.pageSize });
                  }}
                >
                  重置
                </Button>
                {me?.role === 'sysadmin' && (
                  <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
                    校验哈希链
                  </Button>
                )}
              </Space>
            </Col>
          </Row>
        </Form>
        {verify.error && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
        {verify.data && (
          <Alert
            data-testid="audit-verify"
            type={verify.data.ok ? 'success' : 'error'}
            showIcon
            title={verify.data.ok ? verify.data.message : `审计日志校验失败：第一处断点在${verify.data.id ? `记录编号 ${verify.data.id}` : '日志末尾'}${verify.data.at ? `（${formatDateTime(verify.data.at)}）` : ''}`}
            description={verify.data.ok ? undefined : `${verify.data.message}。已核对 ${verify.data.count} 条完好记录。`}
          />
        )}
      </Card>
      {log.error ? (
        <ErrorResult error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table<AuditItem>
          rowKey="id"
          size="small"
          loading={log.isFetching}
          columns={columns}
          dataSource={log.data?.items ?? []}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: log.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 条`,
            showSizeChanger: true,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
          }}
        />
      )}
    </Space>
  );
}
