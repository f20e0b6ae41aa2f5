/**
 * 计算结果: per unit the grade, composite, rank and the explanation of every rule that decided it; the grade distribution
 * and the ranking; the lists that follow from the grades (谈话提醒 …); the system's figures (ledger, registry, data
 * quality) and the awards they reach.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { gradeDescriptionList } from '../../domain/assessment/scheme';
import { citeShort } from '../../domain/shared/sources';
import { EChart, type EChartOption } from '../app/EChart';
import { barText, barValue } from '../app/chart-data';
import { ErrorResult } from '../app/ErrorResult';
import { resultsXlsxUrl, useResults, type ResultUnit, type Results, type Round } from './api';
import { GradeTag } from './GradeTag';

function distributionOption(r: Results): EChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => barText(v) },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: r.distribution.map((d) => d.grade) },
    yAxis: { type: 'value', minInterval: 1, name: '个' },
    series: [{ name: '考核对象', type: 'bar', barMaxWidth: 48, label: { show: true, position: 'top' }, data: r.distribution.map((d) => barValue(d.count)) }],
  };
}

const BAR_COLORS = ['#2e7d32', '#66bb6a', '#f9a825', '#c62828'];

/** 排名: units by rank, bars of the score after adjustments, coloured by grade. */
function rankingOption(r: Results): EChartOption {
  const units = [...r.units].sort((a, b) => b.rank - a.rank);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '得分', max: 100 },
    yAxis: { type: 'category', data: units.map((u) => `${u.rank}. ${u.name}`) },
    series: [
      {
        name: '得分',
        type: 'bar',
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => `${units[p.dataIndex]!.adjusted.toFixed(2)} ${units[p.dataIndex]!.grade}` },
        data: units.map((u) => ({ value: u.adjusted, itemStyle: { color: BAR_COLORS[r.scale.indexOf(u.grade)] ?? '#999' } })),
      },
    ],
  } as EChartOption;
}

/** A card of the system's figures, one row per unit. */
function FiguresCard<T extends { unitKey: string }>({ title, testId, rows, columns }: { title: string; testId: string; rows: T[]; columns: ColumnsType<T> }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Table size="small" rowKey="unitKey" pagination={false} dataSource={rows} columns={columns} />
    </Card>
  );
}

export function ResultsPanel({ round }: { round: Round }) {
  const q = useResults(round.id, true);
  const option = useMemo(() => (q.data ? distributionOption(q.data) : undefined), [q.data]);
  const ranking = useMemo(() => (q.data?.complete ? rankingOption(q.data) : undefined), [q.data]);
  if (q.isLoading) return <Spin />;
  if (q.error || !q.data) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const r = q.data;
  if (!r.complete)
    return (
      <Alert
        type="warning"
        showIcon
        title={`评分尚未录入完整，缺 ${r.missingCount} 项，暂不能计算结果`}
        description={`如：${r.missing.slice(0, 10).join('、')}${r.missingCount > 10 ? ' 等' : ''}`}
      />
    );
  const scheme = round.scheme.scheme;
  const download = (
    <Button icon={<DownloadOutlined />} href={resultsXlsxUrl(round.id)}>
      导出考核结果（.xlsx）
    </Button>
  );
  const names = new Map(scheme.contents.flatMap((c) => c.indicators).map((i) => [i.key, i.name]));
  const rows = [...r.units].sort((a, b) => a.rank - b.rank);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {download}
      <div data-testid="results">
      <Table
        rowKey="unitKey"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 60 },
          { title: '考核对象', dataIndex: 'name', width: 120 },
          { title: '等次', dataIndex: 'grade', width: 80, render: (g: string) => <GradeTag grade={g} /> },
          { title: '综合得分', dataIndex: 'adjusted', width: 90, render: (v: number) => v.toFixed(2) },
          ...scheme.methods.map((m) => ({ title: `${m.label}（${m.weight}%）`, key: m.key, width: 110, render: (_: unknown, u: ResultUnit) => u.methods.find((x) => x.key === m.key)?.score })),
          {
            title: '说明',
            key: 'explanation',
            render: (_: unknown, u: ResultUnit) => (
              <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                {u.explanation.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ol>
            ),
          },
        ]}
        expandable={{
          expandedRowRender: (u) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Descriptions size="small" column={4} bordered>
                {Object.entries(u.contents).map(([c, g]) => (
                  <Descriptions.Item key={c} label={c}>
                    <GradeTag grade={g} />
                  </Descriptions.Item>
                ))}
              </Descriptions>
              <Table
                size="small"
                rowKey="indicator"
                pagination={false}
                dataSource={u.methods[0]?.indicators.map((i) => ({ indicator: i.indicator, rows: u.methods.map((m) => m.indicators.find((x) => x.indicator === i.indicator)!) }))}
                columns={[
                  { title: '考核指标', dataIndex: 'indicator', render: (k: string) => names.get(k) ?? k },
                  ...u.methods.map((m, n) => ({
                    title: m.label,
                    key: m.key,
                    render: (_: unknown, row: { rows: Array<{ grade: string; detail: string }> }) => (
                      <span>
                        <GradeTag grade={row.rows[n]!.grade} />
                        <Typography.Text type="secondary">{row.rows[n]!.detail}</Typography.Text>
                      </span>
                    ),
                  })),
                ]}
              />
            </Space>
          ),
        }}
      />
      </div>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title="等次分布">
            {option && <EChart option={option} height={260} ariaLabel="等次分布" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="排名">
            {ranking && <EChart option={ranking} height={Math.max(200, r.units.length * 26 + 40)} ariaLabel="排名" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="结果运用">
            {r.consequences.length === 0 && r.vetoes.length === 0 && <Typography.Text type="secondary">本方案未规定与等次挂钩的结果运用。</Typography.Text>}
            {r.consequences.map((c) => (
              <div key={c.action} style={{ marginBottom: 12 }}>
                <Typography.Text strong>{c.action}</Typography.Text>（{c.grades.join('、')}）：{c.units.length ? c.units.join('、') : '无'}
                <br />
                <Typography.Text type="secondary">{c.source}</Typography.Text>
              </div>
            ))}
            {r.vetoes.length > 0 && (
              <div>
                <Typography.Text strong>一票否决</Typography.Text>：{r.vetoes.map((v) => `${v.unit}（${v.input}）`).join('、')}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      {r.system.length > 0 && (
        <FiguresCard
          title="系统数据（台账）与评优"
          testId="assessment-awards"
          rows={r.system}
          columns={[
            { title: '单位', dataIndex: 'name' },
            { title: '类型', dataIndex: 'orgKind', width: 90 },
            { title: `${r.year} 年事项`, dataIndex: 'entries', width: 100, align: 'right' },
            { title: '帮扶资金、物资（万元）', width: 170, align: 'right', render: (_, x) => (x.fundsYuan / 10_000).toFixed(4) },
            { title: '委员参与率', width: 110, align: 'right', render: (_, x) => (x.participation.members ? `${(x.participation.rate * 100).toFixed(1)}%` : '—') },
            {
              title: `评优（${citeShort('anhua2018')}）`,
              render: (_, x) => {
                const a = r.awards.find((w) => w.unitKey === x.unitKey);
                return a ? <Tag color={a.awarded ? 'green' : 'default'}>{a.reason}</Tag> : <Typography.Text type="secondary">不适用</Typography.Text>;
              },
            },
          ]}
        />
      )}
      {r.regions.length > 0 && (
        <FiguresCard
          title={`系统数据（建档立卡、数据质量，截至 ${r.year} 年底）`}
          testId="assessment-regions"
          rows={r.regions}
          columns={[
            { title: '考核对象', dataIndex: 'name' },
            { title: `${r.year} 年脱贫户数`, dataIndex: 'exitedHouseholds', align: 'right' },
            { title: `${r.year} 年脱贫人数`, dataIndex: 'exitedPersons', align: 'right' },
            { title: '剩余贫困人口', dataIndex: 'poorPersons', align: 'right' },
            { title: '贫困发生率', align: 'right', render: (_, x) => (x.incidence === null ? '—（缺公安认定人口）' : `${(x.incidence * 100).toFixed(2)}%`) },
            { title: '数据质量问题（最近一次检查）', align: 'right', render: (_, x) => x.qualityFindings ?? '未检查' },
          ]}
        />
      )}
      {Object.keys(r.gradeDescriptions).length > 0 && (
        <Card size="small" title="等次评价标准">
          <Descriptions size="small" column={1} bordered>
            {gradeDescriptionList(r.scale, r.gradeDescriptions).map(({ grade: g, text: d }) => (
              <Descriptions.Item key={g} label={g}>
                {d}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}

