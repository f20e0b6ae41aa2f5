/**
 * 考核: the rounds (新建考核轮次: a scheme, a name, a year, the assessed units, deadlines) and the schemes, shipped and
 * copied.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { currentYear, formatDateTime } from '../app/format';
import { ROUND_STATE_LABELS, UNIT_KIND_LABELS, UNIT_KINDS, useCreateRound, useRounds, useSchemes, type SchemeSummary } from './api';
import { SchemeStatusTags } from './SchemePage';

interface RoundForm {
  schemeId: number;
  name: string;
  year: number;
  selfEvaluation?: string;
  units: Array<{ name: string; kind: string; ref?: string }>;
}

function NewRoundModal({ open, onClose, schemes }: { open: boolean; onClose: () => void; schemes: SchemeSummary[] }) {
  const [form] = Form.useForm<RoundForm>();
  const create = useCreateRound();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const submit = (v: RoundForm) =>
    create.mutate(
      {
        schemeId: v.schemeId,
        name: v.name,
        year: v.year,
        // Codes in the order given (u01, u02 …): results and the grid list units by code.
        units: v.units.map((u, i) => ({ unitKey: `u${String(i + 1).padStart(String(v.units.length).length + 1, '0')}`, name: u.name, kind: u.kind, ref: u.ref })),
        deadlines: v.selfEvaluation ? { selfEvaluation: v.selfEvaluation } : undefined,
      },
      {
        onSuccess: (r) => {
          message.success('已新建考核轮次');
          onClose();
          navigate(`/assessment/rounds/${r.id}`);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.filter((f) => f.field === 'name' || f.field === 'year').map((f) => ({ name: f.field as 'name' | 'year', errors: [f.message] })));
          message.error(errorMessage(e));
        },
      },
    );
  return (
    <Modal title="新建考核轮次" open={open} onCancel={onClose} onOk={() => form.submit()} okText="新建" cancelText="取消" confirmLoading={create.isPending} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: currentYear() - 1, units: [{ kind: 'city' }] }}>
        <Form.Item name="schemeId" label="考核方案" rules={[{ required: true, message: '请选择考核方案' }]}>
          <Select options={schemes.map((s) => ({ value: s.id, label: `${s.name}（${s.indicators} 项指标）` }))} placeholder="选择方案" />
        </Form.Item>
        <Space>
          <Form.Item name="name" label="轮次名称" rules={[{ required: true, message: '请填写轮次名称' }]} style={{ width: 420 }}>
            <Input placeholder="如：2019年度被帮扶市扶贫开发工作成效考核" />
          </Form.Item>
          <Form.Item name="year" label="考核年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="selfEvaluation" label="自评截止日期">
            <Input type="date" />
          </Form.Item>
        </Space>
        <Typography.Text strong>考核对象</Typography.Text>
        <Form.List name="units">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写名称' }]}>
                    <Input placeholder="名称（如：汕头市）" style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择类别' }]}>
                    <Select style={{ width: 140 }} options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ref']}>
                    <Input placeholder="系统编码（可选：地区代码等）" style={{ width: 200 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除该考核对象" />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'city' })}>
                添加考核对象
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function AssessmentHomePage() {
  const rounds = useRounds();
  const schemes = useSchemes();
  const [creating, setCreating] = useState(false);
  if (rounds.error) return <ErrorResult error={rounds.error} onRetry={() => rounds.refetch()} />;
  if (schemes.error) return <ErrorResult error={schemes.error} onRetry={() => schemes.refetch()} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="考核轮次"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!schemes.data}>
            新建考核轮次
          </Button>
        }
      >
        <Table
          rowKey="id"
          size="small"
          loading={rounds.isLoading}
          dataSource={rounds.data ?? []}
          pagination={false}
          locale={{ emptyText: '尚无考核轮次' }}
          columns={[
            { title: '轮次', dataIndex: 'name', render: (v: string, r) => <Link to={`/assessment/rounds/${r.id}`}>{v}</Link> },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '考核方案', dataIndex: 'schemeName' },
            { title: '考核对象', dataIndex: 'units', width: 90, render: (n: number) => `${n} 个` },
            { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => <Tag color={s === 'open' ? 'processing' : 'default'}>{ROUND_STATE_LABELS[s] ?? s}</Tag> },
            { title: '创建时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
      <Card title="考核方案">
        <Table
          rowKey="id"
          size="small"
          loading={schemes.isLoading}
          dataSource={schemes.data ?? []}
          pagination={false}
          columns={[
            {
              title: '方案',
              dataIndex: 'name',
              render: (v: string, s) => (
                <Space>
                  <Link to={`/assessment/schemes/${s.id}`}>{v}</Link>
                  <SchemeStatusTags shipped={s.shipped} locked={s.locked} />
                </Space>
              ),
            },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '考核对象', dataIndex: 'unitKind', width: 120 },
            { title: '指标', dataIndex: 'indicators', width: 80, render: (n: number) => `${n} 项` },
            { title: '考核方式与权重', dataIndex: 'methods' },
          ]}
        />
      </Card>
      {creating && schemes.data && <NewRoundModal open onClose={() => setCreating(false)} schemes={schemes.data} />}
    </Space>
  );
}
