/**
 * 扶贫资金 · 支出进度: a year's funds under a region, by the regions one level below it or by county, as of a date
 * (table and bars with the seed's 92% and 98% lines), and the 资金支出进度 points (7 + 3 + 2) with the reason of each.
 */
import { Card, Col, Empty, Input, List, Row, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ProgressQuery } from '../../contract/funds';
import { EChart } from '../app/EChart';
import { ErrorResult } from '../app/ErrorResult';
import { currentYear } from '../app/format';
import { FilterCell } from '../shared/PageFilters';
import { usePhone } from '../shared/responsive';
import { usePerformance, useProgress, type Performance, type ProgressRow } from './api';
import { FundsFilters, YearCell, yearParam } from './fields';
import { FundsPage } from './FundsNav';
import { SPENDING_POINTS_BASIS } from './labels';
import { progressChartOption, yuanText } from './view';

const BY_OPTIONS = [
  { value: 'child', label: '按下一级地区' },
  { value: 'county', label: '按县（市、区）' },
];

function PointsCard({ query }: { query: ReturnType<typeof usePerformance> }) {
  const p: Performance | undefined = query.data;
  return (
    <Card
      size="small"
      title="资金支出进度得分"
      data-testid="spending-points"
      extra={p && <Typography.Text strong>{`${p.points} / ${p.max} 分`}</Typography.Text>}
      style={{ marginBottom: 16 }}
      loading={query.isLoading}
    >
      {query.isError && <ErrorResult error={query.error} onRetry={() => void query.refetch()} />}
      {p && (
        <List
          size="small"
          dataSource={p.items}
          renderItem={(i) => (
            <List.Item extra={<Tag color={i.points === i.max ? 'green' : 'red'}>{`${i.points} / ${i.max} 分`}</Tag>}>
              <List.Item.Meta title={i.label} description={i.reason} />
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        依据：{SPENDING_POINTS_BASIS}
      </Typography.Paragraph>
    </Card>
  );
}

export function ProgressPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo<ProgressQuery>(() => {
    const by = params.get('by');
    return {
      region: params.get('region') ?? undefined,
      year: yearParam(params.get('year')) ?? currentYear(),
      asOf: params.get('asOf') ?? undefined,
      by: by === 'county' ? 'county' : 'child',
    };
  }, [params]);
  const progress = useProgress(query);
  const points = usePerformance({ region: query.region, year: query.year, asOf: query.asOf });
  const phone = usePhone();
  const rows = useMemo(() => progress.data?.rows ?? [], [progress.data]);
  const option = useMemo(() => progressChartOption(rows), [rows]);

  return (
    <FundsPage
      title="资金支出进度"
      note="本年度扶贫资金的支出进度 = 已支出 ÷ 已下达（截至所选日期）；图中虚线为 92%（当年资金）与 98%（上一年资金）。"
    >
      <FundsFilters<ProgressQuery> name="progress-filters" values={query} setParams={setParams} regionLevel={3} regionSpan={8}>
        <YearCell md={3} label="资金年度" required />
        <FilterCell span={{ xs: 12, md: 4 }} label="截至日期" name="asOf">
          <Input type="date" />
        </FilterCell>
        <FilterCell span={{ xs: 24, md: 5 }} label="分组" name="by">
          <Select options={BY_OPTIONS} />
        </FilterCell>
      </FundsFilters>
      {progress.isError && <ErrorResult error={progress.error} onRetry={() => void progress.refetch()} />}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={progress.data ? `${progress.data.year} 年扶贫资金支出进度（截至 ${progress.data.asOf}）` : '扶贫资金支出进度'} style={{ marginBottom: 16 }}>
            {rows.length > 0 ? (
              <EChart option={option} height={phone ? 260 : 320} ariaLabel="各地扶贫资金支出进度" />
            ) : (
              !progress.isLoading && <Empty description="所选年度没有下达的扶贫资金" />
            )}
            <Table<ProgressRow>
              data-testid="progress-table"
              size="small"
              bordered
              rowKey={(r) => r.region.code}
              pagination={false}
              scroll={{ x: 'max-content' }}
              loading={progress.isFetching}
              dataSource={rows}
              columns={[
                { title: '地区', key: 'region', render: (_, r) => r.region.name },
                { title: '已下达', dataIndex: 'allocated', align: 'right', render: yuanText },
                { title: '已支出', dataIndex: 'spent', align: 'right', render: yuanText },
                { title: '支出进度', dataIndex: 'percentText', align: 'right' },
                { title: '结转结余', dataIndex: 'balance', align: 'right', render: yuanText },
              ]}
              summary={() =>
                progress.data && (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>合计</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">{yuanText(progress.data.total.allocated)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">{yuanText(progress.data.total.spent)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      <Typography.Text strong>{progress.data.total.percentText}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">{yuanText(progress.data.total.balance)}</Table.Summary.Cell>
                  </Table.Summary.Row>
                )
              }
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <PointsCard query={points} />
        </Col>
      </Row>
    </FundsPage>
  );
}
