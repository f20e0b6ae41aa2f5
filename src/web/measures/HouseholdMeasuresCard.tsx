/**
 * 帮扶措施 on a household's page (issue 15): the household's measures, each filed under its 五个一批 and 工程, with
 * its 状态 (计划 / 已实施), date, who is responsible and the funds put in; the household's 脱贫时限 and 脱贫计划; the
 * 五个一批 its measures fall under; and, when a measure is under 社会保障兜底一批, why it may not be marked 稳定脱贫.
 * Seed 001's 贫困户精准扶贫一览表: “包括家庭构成、贫困成因、帮扶措施、已实施和将要实施的帮扶项目、帮扶责任人、脱贫时限等”.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorResult } from '../app/ErrorResult';
import { errorMessage } from '../app/api';
import { todayIso } from '../app/format';
import { FormModal } from '../shared/FormModal';
import { can, useMe } from '../shared/session';
import { ListTable } from '../shared/tables';
import { useHouseholdPairing } from '../pairing/api';
import { STABLE_EXIT_RULE } from '../../domain/support/policy';
import {
  householdPlanInput,
  MEASURE_KIND_NAMES,
  MEASURE_KINDS,
  MEASURE_STATES,
  measureInput,
  measureUpdate,
  useAddMeasure,
  useDeleteMeasure,
  useHouseholdMeasures,
  useSaveHouseholdPlan,
  useUpdateMeasure,
  yuanText,
  type HouseholdMeasures,
  type HouseholdPlanInput,
  type Measure,
  type MeasureInput,
} from './api';
import { contractProblems, failureText } from './contract-form';

const MEASURE_FIELDS = Object.keys(measureUpdate.shape);
const PLAN_FIELDS = Object.keys(householdPlanInput.shape);

const BATCH_COLORS: Record<string, string> = {
  发展生产脱贫一批: 'green',
  易地搬迁脱贫一批: 'blue',
  生态补偿脱贫一批: 'cyan',
  发展教育脱贫一批: 'purple',
  社会保障兜底一批: 'orange',
};

const KIND_OPTIONS = MEASURE_KIND_NAMES.map((k) => ({ value: k, label: `${k}（${MEASURE_KINDS[k].batch}）` }));

/** The form's values: the contract's input, each field perhaps still empty. */
type MeasureValues = Partial<Omit<MeasureInput, 'projectId'>>;

/** 新增 / 修改帮扶措施: the values checked with measureInput / measureUpdate before they are sent. */
function MeasureModal({ householdId, editing, onClose }: { householdId: number; editing: Measure | 'new'; onClose: () => void }) {
  const [form] = Form.useForm<MeasureValues>();
  const { message } = App.useApp();
  const add = useAddMeasure(householdId);
  const update = useUpdateMeasure();
  const [error, setError] = useState<string | null>(null);
  // The household's current 帮扶责任人 (pairing) to choose from; without pairing.read only a unit is offered.
  const mayPickHelper = can(useMe().data, 'pairing.read');
  const state = Form.useWatch('state', form);
  const old = editing === 'new' ? null : editing;

  const onSubmit = async () => {
    setError(null);
    const v = await form.validateFields();
    const input: MeasureInput = {
      kind: v.kind ?? '',
      state: v.state ?? '',
      on: v.on ?? '',
      helperId: v.helperId ?? null,
      unit: v.unit?.trim() || undefined,
      cost: v.cost ?? 0,
      projectId: old?.projectId ?? null,
      note: v.note?.trim() || undefined,
    };
    const body = old ? { ...input, version: old.version } : input;
    const problem = contractProblems(form, old ? measureUpdate : measureInput, body, MEASURE_FIELDS);
    if (problem) {
      setError(problem);
      return;
    }
    try {
      if (old) await update.mutateAsync({ ...input, version: old.version, id: old.id });
      else await add.mutateAsync(input);
      void message.success(old ? '帮扶措施已修改' : '帮扶措施已添加');
      onClose();
    } catch (e) {
      setError(failureText(form, e, MEASURE_FIELDS));
    }
  };

  return (
    <FormModal open title={old ? '修改帮扶措施' : '新增帮扶措施'} okText="保存" pending={add.isPending || update.isPending} error={error} onSubmit={onSubmit} onClose={onClose} width={600}>
      <Form<MeasureValues>
        form={form}
        name="measure"
        layout="vertical"
        preserve={false}
        initialValues={
          old
            ? { kind: old.kind, state: old.state, on: old.on, helperId: old.helperId, unit: old.unit, cost: old.cost, note: old.note }
            : { state: '计划', on: todayIso(), cost: 0, helperId: null }
        }
      >
        <Form.Item label="措施类别" name="kind" rules={[{ required: true, message: '请选择措施类别' }]} extra="按“五个一批”“八大工程”归类">
          <Select showSearch options={KIND_OPTIONS} placeholder="选择措施类别" optionFilterProp="label" />
        </Form.Item>
        <Form.Item label="状态" name="state" rules={[{ required: true, message: '请选择状态' }]}>
          <Radio.Group options={MEASURE_STATES.map((s) => ({ value: s, label: s === '计划' ? '计划（将要实施）' : '已实施' }))} />
        </Form.Item>
        <Form.Item label={state === '已实施' ? '实施日期' : '计划实施日期'} name="on" rules={[{ required: true, message: '请填写日期' }]}>
          <Input type="date" style={{ width: 180 }} />
        </Form.Item>
        {mayPickHelper && <HelperItem householdId={householdId} />}
        <Form.Item label="责任单位" name="unit" extra="如：县农业农村局、乡卫生院">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="投入资金（元）" name="cost">
          <InputNumber precision={0} min={0} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 帮扶责任人: one of the household's current helpers (pairing), or none (then a unit). */
function HelperItem({ householdId }: { householdId: number }) {
  const pairing = useHouseholdPairing(householdId);
  const helpers = pairing.data?.helpers ?? [];
  return (
    <Form.Item label="帮扶责任人" name="helperId" normalize={(v?: number) => v ?? null} extra="该户现任的帮扶责任人；不选则填写责任单位">
      <Select allowClear placeholder={helpers.length ? '不选' : '该户尚无帮扶责任人'} loading={pairing.isLoading} options={helpers.map((h) => ({ value: h.helperId, label: h.helperName }))} />
    </Form.Item>
  );
}

type PlanValues = Partial<Omit<HouseholdPlanInput, 'version'>>;

/** 脱贫时限 and 脱贫计划, checked with householdPlanInput. */
function PlanModal({ data, onClose }: { data: HouseholdMeasures; onClose: () => void }) {
  const [form] = Form.useForm<PlanValues>();
  const { message } = App.useApp();
  const save = useSaveHouseholdPlan(data.householdId);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async () => {
    setError(null);
    const v = await form.validateFields();
    const input = { targetYear: v.targetYear ?? null, plan: v.plan?.trim() ?? '', version: data.plan?.version };
    const problem = contractProblems(form, householdPlanInput, input, PLAN_FIELDS);
    if (problem) {
      setError(problem);
      return;
    }
    try {
      await save.mutateAsync(input);
      void message.success('脱贫时限和脱贫计划已保存');
      onClose();
    } catch (e) {
      setError(failureText(form, e, PLAN_FIELDS));
    }
  };

  return (
    <FormModal open title="脱贫时限和脱贫计划" okText="保存" pending={save.isPending} error={error} onSubmit={onSubmit} onClose={onClose} width={560}>
      <Form<PlanValues> form={form} name="household-plan" layout="vertical" preserve={false} initialValues={{ targetYear: data.plan?.targetYear ?? null, plan: data.plan?.plan ?? '' }}>
        <Form.Item label="脱贫时限（年度）" name="targetYear" extra={`识别年度 ${data.identifiedYear} 年起`}>
          <InputNumber precision={0} min={data.identifiedYear} max={2030} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="脱贫计划" name="plan">
          <Input.TextArea rows={4} maxLength={2000} placeholder="如：发展养牛 2 头，户主外出务工，年内脱贫" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function HouseholdMeasuresCard({ householdId }: { householdId: number }) {
  const query = useHouseholdMeasures(householdId);
  const mayWrite = can(useMe().data, 'registry.write');
  const { message, modal } = App.useApp();
  const remove = useDeleteMeasure();
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const [planOpen, setPlanOpen] = useState(false);
  const d = query.data;

  const confirmDelete = (m: Measure) =>
    modal.confirm({
      title: `删除帮扶措施“${m.kind}”？`,
      content: `${m.state} · ${m.on} · ${m.responsible || '—'}`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        remove
          .mutateAsync({ id: m.id, version: m.version })
          .then(() => void message.success('帮扶措施已删除'))
          .catch((e: unknown) => void message.error(errorMessage(e))),
    });

  return (
    <Card
      size="small"
      title="帮扶措施"
      style={{ marginBottom: 16 }}
      data-testid="household-measures"
      extra={
        mayWrite && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="measure-add">
            新增措施
          </Button>
        )
      }
    >
      {query.isError && <ErrorResult error={query.error} onRetry={() => void query.refetch()} />}
      {d?.stableMarkRefusal && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="不能标注为稳定脱贫户" description={d.stableMarkRefusal} data-testid="stable-mark-refusal" />}
      {d && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 8 }} data-testid="household-plan">
          <Descriptions.Item label="脱贫时限">{d.plan?.targetYear ? `${d.plan.targetYear} 年` : '未填写'}</Descriptions.Item>
          <Descriptions.Item label="投入资金合计">{yuanText(d.cost)}</Descriptions.Item>
          <Descriptions.Item label="五个一批" span={2}>
            {d.batches.length ? (
              <Space size={[4, 4]} wrap data-testid="measure-batches">
                {d.batches.map((b) => (
                  <Tag key={b} color={BATCH_COLORS[b]}>
                    {b}
                  </Tag>
                ))}
              </Space>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="脱贫计划" span={2}>
            <Space size={4} wrap style={{ whiteSpace: 'pre-wrap' }}>
              <span>{d.plan?.plan || '未填写'}</span>
              {mayWrite && (
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setPlanOpen(true)} data-testid="household-plan-edit">
                  修改
                </Button>
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
      <ListTable<Measure>
        data-testid="measure-list"
        loading={query.isLoading}
        empty="尚无帮扶措施"
        dataSource={d?.measures ?? []}
        columns={[
          { title: '措施', dataIndex: 'kind' },
          { title: '五个一批', dataIndex: 'batch', render: (b: string) => (b ? <Tag color={BATCH_COLORS[b]}>{b}</Tag> : '—') },
          { title: '工程', dataIndex: 'project', render: (p: string) => p || '—' },
          { title: '状态', dataIndex: 'state', width: 72, render: (s: string) => <Tag color={s === '已实施' ? 'green' : 'blue'}>{s}</Tag> },
          { title: '日期', dataIndex: 'on', width: 104 },
          { title: '责任人', dataIndex: 'responsible', render: (r: string) => r || '—' },
          { title: '投入资金', dataIndex: 'cost', align: 'right', render: (n: number) => yuanText(n) },
          { title: '备注', dataIndex: 'note', render: (n: string) => <div style={{ whiteSpace: 'normal', maxWidth: 240 }}>{n || '—'}</div> },
          ...(mayWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, m: Measure) => (
                    <Space size={0}>
                      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(m)} aria-label={`修改${m.kind}`}>
                        修改
                      </Button>
                      <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(m)} aria-label={`删除${m.kind}`}>
                        删除
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {STABLE_EXIT_RULE}
      </Typography.Paragraph>
      {editing && <MeasureModal householdId={householdId} editing={editing} onClose={() => setEditing(null)} />}
      {planOpen && d && <PlanModal data={d} onClose={() => setPlanOpen(false)} />}
    </Card>
  );
}
