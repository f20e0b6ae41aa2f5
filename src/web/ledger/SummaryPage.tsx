import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Form, InputNumber, Row, Space, Spin, Statistic, Tabs, Typography, type ColProps } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EChart, type EChartOption } from '../app/EChart';
import { barText, barValue } from '../app/chart-data';
import { ErrorResult } from '../app/ErrorResult';
import { currentYear, percent, wan } from '../app/format';
import { useMe } from '../shared/session';
import { PagedTable, usePageState } from '../shared/tables';
import { exportUrl, FUND_FIELDS } from './api';
import { OrgSelect } from '../shared/OrgSelect';
import { filterParams, PageFilters } from '../shared/PageFilters';
import { PageHeader } from '../shared/PageHeader';
import { summaryExportUrl, useMemberSummary, useSummary, type MemberFigures, type SummaryQuery, type Totals } from './summary-api';
import { TotalsTable } from './TotalsTable';
import { MIN_YEAR } from '../../domain/ledger/validate-entry';

const PALETTE = ['#c62828', '#ef6c00', '#f9a825', '#2e7d32', '#1565c0', '#6a1b9a', '#00838f', '#5d4037'];

function num(v: string): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

function fundsBySourceOption(t: Totals): EChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${barText(v, (n) => n.toFixed(4))} 万元` },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: FUND_FIELDS.map((f) => f.label) },
    yAxis: { type: 'value', name: '万元' },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        data: FUND_FIELDS.map((f, i) => ({ value: barValue(num(t.total.funds[f.key])), itemStyle: { color: PALETTE[i] } })),
        label: { show: true, position: 'top', formatter: (p: { value?: unknown }) => Number(p.value).toFixed(4) },
      },
    ],
  };
}

function fundsByCategoryOption(t: Totals): EChartOption {
  const data = t.categories.filter((c) => num(c.fundsTotal) > 0).map((c) => ({ name: c.name, value: num(c.fundsTotal) }));
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 万元（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data,
        label: { formatter: '{b}\n{d}%' },
      },
    ],
  };
}

function entriesByCategoryOption(t: Totals): EChartOption {
  return {
    color: ['#c62828'],
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => barText(v) },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: t.categories.map((c) => c.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '件', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 40, data: t.categories.map((c) => barValue(c.entries)), label: { show: true, position: 'top' } }],
  };
}

function TotalsView({ totals, testId }: { totals: Totals; testId: string }) {
  const options = useMemo(
    () => ({ bySource: fundsBySourceOption(totals), byCategory: fundsByCategoryOption(totals), entries: entriesByCategoryOption(totals) }),
    [totals],
  );
  const hasFunds = num(totals.total.fundsTotal) > 0;
  return (
    <>
      <TotalsTable totals={totals} testId={testId} />
      <Row gutter={16} style={{ marginTop: 24 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title="资金来源（万元）">
            {hasFunds ? <EChart option={options.bySource} ariaLabel="按资金来源统计的资金图" /> : <Empty description="暂无资金" style={{ height: 288 }} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="各类别资金合计（万元）">
            {hasFunds ? <EChart option={options.byCategory} ariaLabel="按类别统计的资金图" /> : <Empty description="暂无资金" style={{ height: 288 }} />}
          </Card>
        </Col>
        <Col xs={24} style={{ marginTop: 16 }}>
          <Card size="small" title="各类别事项件数">
            <EChart option={options.entries} ariaLabel="按类别统计的事项件数图" height={300} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function MemberTable({ query }: { query: SummaryQuery }) {
  const { page, setPage } = usePageState(10);
  const members = useMemberSummary(query, page.current, page.size);
  return (
    <PagedTable<MemberFigures>
      rowKey="memberId"
      query={members}
      page={page}
      onPage={setPage}
      unit="名委员"
      columns={[
        { title: '委员', dataIndex: 'name' },
        { title: '所属单位', dataIndex: 'orgName' },
        { title: '参与事项数', dataIndex: 'entries', align: 'right' },
        { title: '资金合计（万元）', dataIndex: 'fundsTotal', align: 'right', render: (v: string) => wan(v) },
        { title: '受益人数', dataIndex: 'beneficiaries', align: 'right' },
      ]}
    />
  );
}

/** A row of figures, each in a small card. */
function StatCards({ items, span, testId }: { items: { title: string; value: string | number; suffix?: string }[]; span: Pick<ColProps, 'xs' | 'md'>; testId?: string }) {
  return (
    <Row gutter={16} style={{ marginBottom: 16 }} data-testid={testId}>
      {items.map((it) => (
        <Col key={it.title} {...span}>
          <Card size="small">
            <Statistic title={it.title} value={it.value} suffix={it.suffix} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The query form: the summary's query, each field clearable. */
type QueryValues = { [K in keyof SummaryQuery]?: SummaryQuery[K] | null };

function intParam(p: URLSearchParams, key: string): number | undefined {
  const v = p.get(key);
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

export function SummaryPage() {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const year = currentYear();
  const query: SummaryQuery = {
    orgId: intParam(params, 'orgId') ?? me?.orgId,
    // By default the whole campaign so far (精准扶贫 from 2013), so a new user sees every deed.
    yearFrom: intParam(params, 'yearFrom') ?? MIN_YEAR,
    yearTo: intParam(params, 'yearTo') ?? year,
  };
  const summary = useSummary(query);
  const [form] = Form.useForm<QueryValues>();

  const apply = (v: QueryValues) => setParams(filterParams(v));

  const s = summary.data;
  const ledgerQuery = { orgId: query.orgId, yearFrom: query.yearFrom, yearTo: query.yearTo };

  return (
    <>
      <PageHeader
        title="汇总统计"
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={summaryExportUrl(query)} download>
              导出汇总表（.xlsx）
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl(ledgerQuery)} download>
              导出台账（.xlsx）
            </Button>
          </Space>
        }
      />

      <PageFilters<QueryValues>
        form={form}
        name="summary-query"
        layout="inline"
        submit="统计"
        initialValues={{ orgId: query.orgId, yearFrom: query.yearFrom, yearTo: query.yearTo }}
        onFinish={apply}
      >
        <Form.Item label="填报单位" name="orgId" rules={[{ required: true, message: '请选择填报单位' }]}>
          <OrgSelect style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label="起始年度" name="yearFrom" rules={[{ required: true, message: '请填写起始年度' }]}>
          <InputNumber precision={0} min={2013} max={2100} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item
          label="截止年度"
          name="yearTo"
          dependencies={['yearFrom']}
          rules={[
            { required: true, message: '请填写截止年度' },
            ({ getFieldValue }) => ({
              validator: (_, v: number | null) => {
                const from = getFieldValue('yearFrom') as number | null;
                return v && from && v < from ? Promise.reject(new Error('截止年度不能早于起始年度')) : Promise.resolve();
              },
            }),
          ]}
        >
          <InputNumber precision={0} min={2013} max={2100} style={{ width: 110 }} />
        </Form.Item>
      </PageFilters>

      {summary.isError && <ErrorResult error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.isLoading && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {s && (
        <Spin spinning={summary.isFetching} delay={300}>
          <Typography.Paragraph type="secondary" data-testid="summary-caption">
            {s.org.name}（含下级）{s.yearFrom === s.yearTo ? `${s.yearFrom} 年度` : `${s.yearFrom}—${s.yearTo} 年度`}
            ；资金单位：万元
          </Typography.Paragraph>
          <StatCards
            span={{ xs: 12, md: 6 }}
            items={[
              { title: '事项件数', value: s.all.total.entries, suffix: '件' },
              { title: '资金合计', value: wan(s.all.total.fundsTotal), suffix: '万元' },
              { title: '受益人数', value: s.all.total.beneficiaries, suffix: '人' },
              { title: '深度贫困县事项', value: s.deepPoverty.total.entries, suffix: '件' },
            ]}
          />
          <Tabs
            items={[
              { key: 'all', label: '全部事项', children: <TotalsView totals={s.all} testId="totals-all" /> },
              { key: 'deep', label: '深度贫困县', children: <TotalsView totals={s.deepPoverty} testId="totals-deep" /> },
            ]}
          />
          <Typography.Title level={4} style={{ marginTop: 24 }}>
            委员参与情况
          </Typography.Title>
          <Typography.Paragraph type="secondary">标注为“特殊情况不能履职”的委员不计入委员数。</Typography.Paragraph>
          <StatCards
            testId="participation"
            span={{ xs: 8, md: 6 }}
            items={[
              { title: '委员数', value: s.participation.members, suffix: '人' },
              { title: '参与委员数', value: s.participation.active, suffix: '人' },
              { title: '参与率', value: percent(s.participation.rate) },
            ]}
          />
          <MemberTable key={JSON.stringify(query)} query={query} />
        </Spin>
      )}
    </>
  );
}
