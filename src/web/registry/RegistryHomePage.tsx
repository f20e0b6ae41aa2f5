import { DownloadOutlined, HomeOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Empty, Form, Input, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EChart, type EChartOption } from '../app/EChart';
import { barText, barValue } from '../app/chart-data';
import { ErrorResult } from '../app/ErrorResult';
import { percent, todayIso } from '../app/format';
import { fetchChildren, LEVEL_NAMES } from '../shared/regions';
import { type RegionChild } from '../../contract/regions';
import { RegionPicker } from '../shared/RegionPicker';
import { STATUSES } from '../../domain/registry/status-transition';
import { fetchStatistics, rosterExportUrl, STATUS_COLORS, useStatistics, yuan, type Statistics } from './api';
import { PageHeader } from '../shared/PageHeader';

const PALETTE = ['#c62828', '#ef6c00', '#f9a825', '#2e7d32', '#1565c0', '#6a1b9a', '#00838f', '#5d4037', '#ad1457', '#558b2f', '#455a64'];
/** At most this many sub-regions are counted for the distribution chart (one statistics call each). */
const MAX_CHILDREN = 60;

function countOf(s: Statistics, status: string, what: 'households' | 'persons'): number {
  return s.byStatus.find((b) => b.status === status)?.[what] ?? 0;
}

function distributionOption(rows: Array<{ name: string; stats: Statistics }>): EChartOption {
  const statuses = ['未脱贫', '返贫', '已脱贫', '稳定脱贫'];
  const colors: Record<string, string> = { 未脱贫: '#c62828', 返贫: '#ef6c00', 已脱贫: '#2e7d32', 稳定脱贫: '#00838f' };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => barText(v) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', name: '人', minInterval: 1 },
    series: statuses.map((st) => ({
      name: st,
      type: 'bar',
      stack: 'persons',
      barMaxWidth: 40,
      itemStyle: { color: colors[st] },
      data: rows.map((r) => barValue(countOf(r.stats, st, 'persons'))),
    })),
  };
}

function planOption(s: Statistics): EChartOption {
  const years = [...new Set([...s.exits.planned.map((p) => p.year), ...s.exits.actual.map((a) => a.year)])].sort((a, b) => a - b);
  const at = (list: Statistics['exits']['planned'], y: number, k: 'households' | 'persons') => barValue(list.find((x) => x.year === y)?.[k]);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => barText(v) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: '人', minInterval: 1 },
    series: [
      { name: '计划脱贫人数', type: 'bar', barMaxWidth: 32, itemStyle: { color: '#f9a825' }, data: years.map((y) => at(s.exits.planned, y, 'persons')), label: { show: true, position: 'top' } },
      { name: '实际脱贫人数', type: 'bar', barMaxWidth: 32, itemStyle: { color: '#2e7d32' }, data: years.map((y) => at(s.exits.actual, y, 'persons')), label: { show: true, position: 'top' } },
      { name: '计划脱贫户数', type: 'bar', barMaxWidth: 32, itemStyle: { color: '#ffe082' }, data: years.map((y) => at(s.exits.planned, y, 'households')) },
      { name: '实际脱贫户数', type: 'bar', barMaxWidth: 32, itemStyle: { color: '#a5d6a7' }, data: years.map((y) => at(s.exits.actual, y, 'households')) },
    ],
  };
}

function causesOption(s: Statistics): EChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 户（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: s.byCause.map((c) => ({ name: c.key, value: c.households })), label: { formatter: '{b}\n{d}%' } }],
  };
}

/** Statistics of each sub-region, for the 贫困人口分布柱状图. */
function useChildStatistics(region: string | undefined, asOf: string, enabled: boolean) {
  return useQuery({
    queryKey: ['registry', 'statistics-children', region, asOf],
    enabled,
    queryFn: async ({ signal }) => {
      const children: RegionChild[] = (await fetchChildren(region ?? null)).slice(0, MAX_CHILDREN);
      const rows: Array<{ code: string; name: string; stats: Statistics }> = [];
      // A few at a time, not all at once.
      for (let i = 0; i < children.length; i += 6) {
        const batch = children.slice(i, i + 6);
        const stats = await Promise.all(batch.map((c) => fetchStatistics(c.code, asOf, signal).catch(() => null)));
        batch.forEach((c, j) => {
          const s = stats[j];
          if (s) rows.push({ code: c.code, name: c.name, stats: s });
        });
      }
      return rows;
    },
  });
}

export function RegistryHomePage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const asOf = params.get('asOf') || todayIso();
  const stats = useStatistics(region, asOf);
  const s = stats.data;
  const level = s?.region?.level;
  const children = useChildStatistics(region, asOf, !!region && level !== undefined && level < 5);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const options = useMemo(() => (s ? { plan: planOption(s), causes: causesOption(s) } : null), [s]);
  const distribution = useMemo(() => {
    const rows = (children.data ?? []).filter((r) => r.stats.byStatus.length > 0);
    return rows.length ? distributionOption(rows) : null;
  }, [children.data]);

  const statusRows = STATUSES.map((st) => ({ status: st, households: s ? countOf(s, st, 'households') : 0, persons: s ? countOf(s, st, 'persons') : 0 }));
  const regionName = s?.region ? s.region.path.map((p) => p.name).join(' / ') : '全部地区';

  return (
    <>
      <PageHeader
        title="建档立卡 · 地区导航"
        extra={
          <Space wrap>
            <Link to={withRegion('/registry/search', region)}>
              <Button icon={<SearchOutlined />}>查找贫困户</Button>
            </Link>
            <Button icon={<DownloadOutlined />} href={rosterExportUrl(region)} download>
              导出花名册（.xlsx）
            </Button>
          </Space>
        }
      />

      <Form layout="inline" style={{ background: '#fafafa', padding: 12, borderRadius: 6, marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="地区" style={{ minWidth: 560, flex: 1 }}>
          <RegionPicker value={region ?? null} onChange={(code) => set('region', code)} placeholder="逐级选择：省 / 市 / 县 / 乡镇 / 村（不选为全部）" />
        </Form.Item>
        <Form.Item label="统计日期" htmlFor="registry-asof">
          <Input id="registry-asof" type="date" value={asOf} onChange={(e) => set('asOf', e.target.value || undefined)} style={{ width: 170 }} />
        </Form.Item>
      </Form>

      {s?.region && (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[
            { title: <a onClick={() => set('region', undefined)}><HomeOutlined /> 全部</a> },
            ...s.region.path.map((p) => ({
              title: p.code === s.region?.code ? <span>{p.name}</span> : <a onClick={() => set('region', p.code)}>{p.name}</a>,
            })),
          ]}
        />
      )}

      {stats.isError && <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.isLoading && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {s && (
        <Spin spinning={stats.isFetching} delay={300}>
          <Typography.Paragraph type="secondary" data-testid="registry-caption">
            {regionName}（含下级）截至 {s.asOf}；金额单位：元
            {(level === 4 || level === 5) && s.region && <> · <Link to={`/wall/${level === 4 ? 'townships' : 'villages'}/${s.region.code}`}>上墙图表</Link></>}
            {level === 5 && s.region && (
              <>
                {' '}
                · <Link to={`/registry/villages/${s.region.code}`}>打开村页面</Link>
              </>
            )}
          </Typography.Paragraph>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6} xl={4}>
              <Card size="small">
                <Statistic title="贫困村（已识别）" value={s.villages.poor} suffix="个" />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Card size="small">
                <Statistic title="贫困村（已出列）" value={s.villages.exited} suffix="个" />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Card size="small">
                <Statistic title="剩余贫困人口" value={s.poorPersons} suffix="人" />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Card size="small">
                <Statistic title="贫困发生率" value={percent(s.incidence)} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  公安认定总人口 {s.villages.population.toLocaleString('zh-CN')} 人
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Card size="small">
                <Statistic title="平均人均纯收入" value={s.meanPerCapita.mean ?? '—'} suffix={s.meanPerCapita.mean !== null ? '元' : undefined} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {Number(s.asOf.slice(0, 4)) - 1} 年，{s.meanPerCapita.households} 户
                </Typography.Text>
              </Card>
            </Col>
          </Row>

          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Card size="small" title="按状态统计" style={{ marginBottom: 16 }}>
                <Table
                  data-testid="registry-by-status"
                  size="small"
                  pagination={false}
                  rowKey="status"
                  dataSource={statusRows}
                  columns={[
                    { title: '状态', dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLORS[v]}>{v}</Tag> },
                    { title: '户数', dataIndex: 'households', align: 'right' },
                    { title: '人数', dataIndex: 'persons', align: 'right' },
                  ]}
                  summary={() => (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">
                        {statusRows.reduce((a, r) => a + r.households, 0)}
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={2} align="right">
                        {statusRows.reduce((a, r) => a + r.persons, 0)}
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Breakdown title="致贫原因（主要）" unit="户" rows={s.byCause.map((c) => ({ key: c.key, n: c.households }))} />
                </Col>
                <Col xs={24} md={8}>
                  <Breakdown title="贫困户属性" unit="户" rows={s.byAttribute.map((c) => ({ key: c.key, n: c.households }))} />
                </Col>
                <Col xs={24} md={8}>
                  <Breakdown title="劳动能力" unit="人" rows={s.byLabour.map((c) => ({ key: c.key, n: c.persons }))} />
                </Col>
              </Row>
            </Col>
          </Row>

          <Row gutter={16}>
            <Col xs={24} style={{ marginBottom: 16 }}>
              <Card size="small" title={`贫困人口分布柱状图（按下级${level && level < 5 ? LEVEL_NAMES[(level + 1) as 1 | 2 | 3 | 4 | 5] : '地区'}）`}>
                {!region ? (
                  <Empty description="请选择地区后查看其下级的分布" style={{ height: 200 }} />
                ) : level === 5 ? (
                  <Empty description="村已是最低一级" style={{ height: 200 }} />
                ) : children.isLoading ? (
                  <Spin style={{ display: 'block', margin: '80px auto' }} />
                ) : distribution ? (
                  <EChart option={distribution} ariaLabel="贫困人口分布柱状图" height={340} />
                ) : (
                  <Empty description="下级地区暂无贫困人口" style={{ height: 200 }} />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={14} style={{ marginBottom: 16 }}>
              <Card size="small" title="脱贫规划图（计划与实际）">
                {options && (s.exits.planned.length || s.exits.actual.length) ? (
                  <EChart option={options.plan} ariaLabel="脱贫规划图" />
                ) : (
                  <Empty description="暂无脱贫规划和脱贫记录" style={{ height: 288 }} />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={10} style={{ marginBottom: 16 }}>
              <Card size="small" title="致贫原因">
                {options && s.byCause.length ? <EChart option={options.causes} ariaLabel="致贫原因饼图" /> : <Empty description="暂无贫困户" style={{ height: 288 }} />}
              </Card>
            </Col>
          </Row>
          {level !== undefined && level < 5 && children.data && children.data.length > 0 && (
            <Card size="small" title="下级地区">
              <Table
                size="small"
                rowKey="code"
                dataSource={children.data}
                pagination={children.data.length > 20 ? { pageSize: 20 } : false}
                columns={[
                  {
                    title: '地区',
                    dataIndex: 'name',
                    render: (v: string, r) =>
                      level === 4 ? <Link to={`/registry/villages/${r.code}`}>{v}</Link> : <a onClick={() => set('region', r.code)}>{v}</a>,
                  },
                  { title: '贫困村', render: (_, r) => `${r.stats.villages.poor}（出列 ${r.stats.villages.exited}）` },
                  { title: '剩余贫困人口', align: 'right', render: (_, r) => r.stats.poorPersons },
                  { title: '贫困发生率', align: 'right', render: (_, r) => percent(r.stats.incidence) },
                  { title: '人均纯收入', align: 'right', render: (_, r) => yuan(r.stats.meanPerCapita.mean) },
                ]}
              />
            </Card>
          )}
        </Spin>
      )}
    </>
  );
}

function Breakdown({ title, unit, rows }: { title: string; unit: string; rows: Array<{ key: string; n: number }> }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">暂无</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          showHeader={false}
          rowKey="key"
          dataSource={rows}
          columns={[
            { dataIndex: 'key' },
            { dataIndex: 'n', align: 'right', render: (n: number) => `${n} ${unit}` },
          ]}
        />
      )}
    </Card>
  );
}

export function withRegion(path: string, region: string | undefined): string {
  return region ? `${path}?region=${region}` : path;
}
