/**
 * 考核: the rounds (新建考核轮次: a scheme, a name, a year, the assessed units, deadlines) and the schemes, shipped and
 * copied.
 */
import { ApartmentOutlined, MinusCircleOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { createRoundBody, deadlines, roundUnitInput } from '../../contract/assessment/rounds';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { currentYear, formatDateTime } from '../app/format';
import { schemaRule, showFieldErrors } from '../app/forms';
import { ROUND_STATE_LABELS, UNIT_KIND_LABELS, UNIT_KINDS, useCreateRound, useRounds, useSchemes, type CreateRoundInput, type RoundSummary, type SchemeSummary } from './api';
import { SchemeStatusTags } from './SchemePage';
import { RegionPicker } from '../shared/RegionPicker';
import { fetchChildren } from '../shared/regions';
import { parseUnitList, unitsOfRegions, type UnitDraft } from './unit-list';

/** The form holds the request's fields as they are sent, but for the units' codes, which are given in order. */
type RoundForm = Omit<CreateRoundInput, 'units'> & { units: Array<Omit<CreateRoundInput['units'][number], 'unitKey'>> };
const unitKeyOf = (i: number, count: number) => `u${String(i + 1).padStart(String(count).length + 1, '0')}`;

/** Adds 考核对象 in bulk: the cities or counties under a region, or a list pasted from Excel (one unit per line). */
function UnitsFromList({ onAdd }: { onAdd: (units: UnitDraft[]) => void }) {
  const { message } = App.useApp();
  const [regionOpen, setRegionOpen] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [text, setText] = useState('');
  const [loading, setLoading] = useState(false);
  const parsed = parseUnitList(text, 'city');
  const fromRegion = async (code: string | undefined) => {
    if (!code) return;
    setLoading(true);
    try {
      const children = await fetchChildren(code);
      if (children.length === 0) message.warning('该地区没有下级');
      else {
        onAdd(unitsOfRegions(children));
        message.success(`已添加 ${children.length} 个考核对象`);
        setRegionOpen(false);
      }
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Space wrap>
        <Button icon={<ApartmentOutlined />} onClick={() => setRegionOpen((o) => !o)} data-testid="units-from-region">
          从行政区划添加下级
        </Button>
        <Button icon={<SnippetsOutlined />} onClick={() => setPasteOpen(true)} data-testid="units-paste">
          粘贴名单
        </Button>
      </Space>
      {regionOpen && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">选择省或市，其下的市（州）或县（市、区）逐个列为考核对象，地区代码作为系统编码。</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <RegionPicker maxLevel={2} onChange={(code) => void fromRegion(code)} placeholder="选择省或市" disabled={loading} />
          </div>
        </div>
      )}
      <Modal
        title="粘贴考核对象名单"
        open={pasteOpen}
        onCancel={() => setPasteOpen(false)}
        okText={`添加 ${parsed.units.length} 个`}
        cancelText="取消"
        okButtonProps={{ disabled: parsed.units.length === 0 || parsed.problems.length > 0 }}
        onOk={() => {
          onAdd(parsed.units);
          setText('');
          setPasteOpen(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">从 Excel 或通知中复制，每行一个：名称，可再跟类别（地级市、县（市、区）、省直单位、政协组织、委员）和系统编码，以制表符、逗号或空格分隔。未写类别的按地级市。</Typography.Paragraph>
        <Input.TextArea rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder={'汕头市\n汕尾市\t地级市\t440500'} aria-label="考核对象名单" />
        {parsed.problems.map((p) => (
          <Typography.Text key={p.line} type="danger" style={{ display: 'block' }}>
            {p.message}
          </Typography.Text>
        ))}
      </Modal>
    </>
  );
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
        units: v.units.map((u, i) => ({ unitKey: unitKeyOf(i, v.units.length), name: u.name, kind: u.kind, ref: u.ref || undefined })),
        deadlines: v.deadlines?.selfEvaluation ? { selfEvaluation: v.deadlines.selfEvaluation } : undefined,
      },
      {
        onSuccess: (r) => {
          message.success('已新建考核轮次');
          onClose();
          navigate(`/assessment/rounds/${r.id}`);
        },
        onError: (e) => {
          // The server's field errors on their fields (units.0.name …); a unit's code is the page's, so its error is shown as a message.
          const units = v.units.flatMap((_, i) => [`units.${i}.name`, `units.${i}.kind`, `units.${i}.ref`]);
          const rest = showFieldErrors(form, e, ['schemeId', 'name', 'year', 'deadlines.selfEvaluation', ...units]);
          message.error(rest.length ? rest.map((f) => `${f.label}：${f.message}`).join('；') : errorMessage(e));
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
          <Form.Item name="name" label="轮次名称" rules={[{ required: true, message: '请填写轮次名称' }, schemaRule(createRoundBody.shape.name, (v) => v || '')]} style={{ width: 420 }}>
            <Input placeholder="如：2019年度被帮扶市扶贫开发工作成效考核" />
          </Form.Item>
          <Form.Item name="year" label="考核年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name={['deadlines', 'selfEvaluation']} label="自评截止日期" rules={[schemaRule(deadlines.shape.selfEvaluation)]}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Typography.Text strong>考核对象</Typography.Text>
        <Form.List name="units">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写名称' }, schemaRule(roundUnitInput.shape.name, (v) => v || '')]}>
                    <Input placeholder="名称（如：汕头市）" style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择类别' }]}>
                    <Select style={{ width: 140 }} options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ref']} rules={[schemaRule(roundUnitInput.shape.ref)]}>
                    <Input placeholder="系统编码（可选：地区代码等）" style={{ width: 200 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除该考核对象" />}
                </Space>
              ))}
              <Space wrap>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'city' })}>
                  添加考核对象
                </Button>
                <UnitsFromList
                  onAdd={(units) => {
                    // The first, still empty row of a new form gives way to the list.
                    const now = (form.getFieldValue('units') as RoundForm['units'] | undefined) ?? [];
                    const kept = now.filter((u) => u?.name?.trim());
                    const names = new Set(kept.map((u) => u.name.trim()));
                    form.setFieldValue('units', [...kept, ...units.filter((u) => !names.has(u.name))]);
                  }}
                />
              </Space>
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
            { title: '状态', dataIndex: 'state', width: 90, render: (s: RoundSummary['state']) => <Tag color={s === 'open' ? 'processing' : 'default'}>{ROUND_STATE_LABELS[s]}</Tag> },
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
