/**
 * 脱贫规划 (issue 15): for a village or a township and a range of years, what was planned against what happened, year
 * by year — 脱贫户数, 脱贫人口, 出列村 (a township's), 年末人均纯收入 — as a table and a chart, and a year's plan edited.
 * A township's row also shows what its villages planned (their village year figures summed).
 */
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { cite } from '../../domain/shared/sources';
import { barText, barValue } from '../app/chart-data';
import { EChart, type EChartOption } from '../app/EChart';
import { ErrorResult } from '../app/ErrorResult';
import { currentYear } from '../app/format';
import { FormModal } from '../shared/FormModal';
import { PageHeader } from '../shared/PageHeader';
import { RegionPicker, type RegionInfo } from '../shared/RegionPicker';
import { usePhone } from '../shared/responsive';
import { can, useMe } from '../shared/session';
import { regionPlanInput, usePlans, useSaveRegionPlan, yuanText, type PlanYear, type RegionPlanInput } from './api';
import { contractProblems, failureText } from './contract-form';

const MAX_YEARS = 12;
const PLAN_FIELDS = Object.keys(regionPlanInput.shape);
const PLAN_NOTE = `${cite('qingyangMaterials')}要求乡镇建立“全乡脱贫规划(包括年度脱贫村、脱贫人口、年末人均纯收入等)”，并上墙“全乡贫困村脱贫规划图”。`;

const n = (v: number | null | undefined, unit: string) => (v == null ? '—' : `${v.toLocaleString('zh-CN')} ${unit}`);

/** 计划 / 实际 in one cell. */
function PlannedActual({ planned, actual, unit, format }: { planned: number | null; actual: number | null; unit: string; format?: (v: number | null) => string }) {
  const f = format ?? ((v: number | null) => n(v, unit));
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      <div>计划 {f(planned)}</div>
      <Typography.Text type="secondary">实际 {f(actual)}</Typography.Text>
    </div>
  );
}

function exitsOption(years: PlanYear[], town: boolean): EChartOption {
  const bar = (name: string, color: string, values: Array<number | null>, axis = 0) => ({
    name,
    type: 'bar',
    yAxisIndex: axis,
    barMaxWidth: 28,
    itemStyle: { color },
    label: { show: true, position: 'top', formatter: (p: { value: unknown }) => barText(p.value) },
    data: values.map((v) => barValue(v)),
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => barText(v) },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 64, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => `${y.year}年`) },
    yAxis: [{ type: 'value', name: '户 / 人', minInterval: 1 }, ...(town ? [{ type: 'value', name: '村', minInterval: 1, splitLine: { show: false } }] : [])],
    series: [
      bar('计划脱贫户数', '#ffe082', years.map((y) => y.planned.households)),
      bar('实际脱贫户数', '#a5d6a7', years.map((y) => y.actual.households)),
      bar('计划脱贫人口', '#f9a825', years.map((y) => y.planned.persons)),
      bar('实际脱贫人口', '#2e7d32', years.map((y) => y.actual.persons)),
      ...(town ? [bar('计划出列村', '#90caf9', years.map((y) => y.planned.villageExits), 1), bar('实际出列村', '#1565c0', years.map((y) => y.actual.villageExits), 1)] : []),
    ],
  };
}

function incomeOption(years: PlanYear[]): EChartOption {
  const bar = (name: string, color: string, values: Array<number | null>) => ({ name, type: 'bar', barMaxWidth: 28, itemStyle: { color }, data: values.map((v) => barValue(v)) });
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${barText(v)} 元` },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => `${y.year}年`) },
    yAxis: { type: 'value', name: '元' },
    series: [bar('计划年末人均纯收入', '#ffcc80', years.map((y) => y.planned.perCapita)), bar('实际年末人均纯收入', '#ef6c00', years.map((y) => y.actual.perCapita))],
  };
}

type PlanValues = Omit<RegionPlanInput, 'version'>;

/** A year's 脱贫规划, checked with regionPlanInput before it is sent (with the saved row's version). */
function PlanYearModal({ code, town, row, onClose }: { code: string; town: boolean; row: PlanYear; onClose: () => void }) {
  const [form] = Form.useForm<PlanValues>();
  const { message } = App.useApp();
  const save = useSaveRegionPlan();
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async () => {
    setError(null);
    const v = await form.validateFields();
    const input: RegionPlanInput = {
      plannedHouseholds: v.plannedHouseholds ?? null,
      plannedPersons: v.plannedPersons ?? null,
      plannedVillageExits: town ? (v.plannedVillageExits ?? null) : undefined,
      plannedPerCapita: v.plannedPerCapita ?? null,
      version: row.version ?? undefined,
    };
    const problem = contractProblems(form, regionPlanInput, input, PLAN_FIELDS);
    if (problem) {
      setError(problem);
      return;
    }
    try {
      await save.mutateAsync({ ...input, code, year: row.year });
      void message.success(`${row.year} 年脱贫规划已保存`);
      onClose();
    } catch (e) {
      setError(failureText(form, e, PLAN_FIELDS));
    }
  };

  const num = (label: string, name: keyof PlanValues, extra?: string) => (
    <Form.Item label={label} name={name} extra={extra}>
      <InputNumber precision={0} min={0} style={{ width: 180 }} />
    </Form.Item>
  );
  return (
    <FormModal open title={`${row.year} 年脱贫规划`} okText="保存" pending={save.isPending} error={error} onSubmit={onSubmit} onClose={onClose} width={480}>
      <Form<PlanValues>
        form={form}
        name="region-plan"
        layout="vertical"
        preserve={false}
        initialValues={{ plannedHouseholds: row.planned.households, plannedPersons: row.planned.persons, plannedVillageExits: row.planned.villageExits, plannedPerCapita: row.planned.perCapita }}
      >
        {num('计划脱贫户数（户）', 'plannedHouseholds', town ? undefined : '村的计划脱贫户数、人数即该村年度村情中的计划数')}
        {num('计划脱贫人口（人）', 'plannedPersons')}
        {town && num('计划出列村数（个）', 'plannedVillageExits')}
        {num('计划年末人均纯收入（元）', 'plannedPerCapita')}
      </Form>
    </FormModal>
  );
}

export function PlansPage() {
  const phone = usePhone();
  const mayWrite = can(useMe().data, 'registry.write');
  const [region, setRegion] = useState<RegionInfo | undefined>();
  const [from, setFrom] = useState<number>(2015);
  const [to, setTo] = useState<number>(Math.min(2020, currentYear()));
  const [editing, setEditing] = useState<PlanYear | null>(null);
  const rangeOk = to >= from && to - from < MAX_YEARS;
  const levelOk = region !== undefined && region.level >= 4;
  const plans = usePlans(levelOk && rangeOk ? region.code : undefined, from, to);
  const d = plans.data;
  const town = d?.region.level === 4;
  const years = useMemo(() => d?.years ?? [], [d]);
  const exits = useMemo(() => exitsOption(years, town), [years, town]);
  const incomes = useMemo(() => incomeOption(years), [years]);

  return (
    <>
      <PageHeader title="脱贫规划">
        <Typography.Paragraph type="secondary" data-testid="plans-note">
          {PLAN_NOTE}实际脱贫户数、人口按建档立卡状态变更记录统计，实际出列村按贫困村退出统计，实际年末人均纯收入为该年度各户人均纯收入的平均数。
        </Typography.Paragraph>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 8]}>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary">乡镇或村</Typography.Text>
            <RegionPicker value={region?.code} onChange={(_code, info) => setRegion(info)} placeholder="选择乡镇或村" />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              年度（最多 {MAX_YEARS} 年）
            </Typography.Text>
            <Space wrap>
              <InputNumber aria-label="起始年度" precision={0} min={2013} max={2100} value={from} onChange={(v) => v != null && setFrom(v)} style={{ width: 100 }} />
              <span>至</span>
              <InputNumber aria-label="截止年度" precision={0} min={2013} max={2100} value={to} onChange={(v) => v != null && setTo(v)} style={{ width: 100 }} />
            </Space>
          </Col>
        </Row>
        {region && !levelOk && <Alert type="info" showIcon style={{ marginTop: 8 }} title="脱贫规划按乡镇或村查看，请选择乡镇或村" />}
        {!rangeOk && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={`截止年度应不早于起始年度，且最多 ${MAX_YEARS} 年`} />}
      </Card>
      {plans.isError && <ErrorResult error={plans.error} onRetry={() => void plans.refetch()} />}
      {d && (
        <>
          <Card size="small" title={`${d.region.name}脱贫规划：计划与实际`} style={{ marginBottom: 16 }}>
            <Table<PlanYear>
              data-testid="plans-table"
              size="small"
              bordered
              rowKey="year"
              pagination={false}
              loading={plans.isFetching}
              dataSource={years}
              scroll={phone ? { x: 'max-content' } : undefined}
              columns={[
                { title: '年度', dataIndex: 'year', width: 64 },
                { title: '脱贫户数', key: 'households', render: (_: unknown, y) => <PlannedActual planned={y.planned.households} actual={y.actual.households} unit="户" /> },
                { title: '脱贫人口', key: 'persons', render: (_: unknown, y) => <PlannedActual planned={y.planned.persons} actual={y.actual.persons} unit="人" /> },
                ...(town
                  ? [
                      { title: '出列村', key: 'villages', render: (_: unknown, y: PlanYear) => <PlannedActual planned={y.planned.villageExits} actual={y.actual.villageExits} unit="个" /> },
                      {
                        title: '各村计划合计',
                        key: 'villagesPlanned',
                        render: (_: unknown, y: PlanYear) => (y.villagesPlanned ? `${n(y.villagesPlanned.households, '户')} / ${n(y.villagesPlanned.persons, '人')}` : '—'),
                      },
                    ]
                  : []),
                { title: '年末人均纯收入', key: 'perCapita', render: (_: unknown, y) => <PlannedActual planned={y.planned.perCapita} actual={y.actual.perCapita} unit="元" format={yuanText} /> },
                ...(mayWrite
                  ? [
                      {
                        title: '操作',
                        key: 'edit',
                        render: (_: unknown, y: PlanYear) => (
                          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(y)} aria-label={`填写${y.year}年规划`}>
                            填写规划
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <Card size="small" title="脱贫户数、人口与出列村：计划与实际" style={{ marginBottom: 16 }}>
                <EChart
                  option={exits}
                  height={phone ? 300 : 360}
                  ariaLabel={`脱贫规划图：${years.map((y) => `${y.year}年计划${y.planned.persons ?? 0}人实际${y.actual.persons ?? 0}人`).join('，')}`}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title="年末人均纯收入：计划与实际" style={{ marginBottom: 16 }}>
                <EChart option={incomes} height={phone ? 260 : 360} ariaLabel={`年末人均纯收入：${years.map((y) => `${y.year}年计划${y.planned.perCapita ?? 0}元实际${y.actual.perCapita ?? 0}元`).join('，')}`} />
              </Card>
            </Col>
          </Row>
        </>
      )}
      {editing && d && <PlanYearModal code={d.region.code} town={town} row={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
