import { Badge, Card, Col, Empty, List, Row, Spin, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { EChart, type EChartOption } from '../app/EChart';
import { ErrorResult } from '../app/ErrorResult';
import { wan } from '../app/format';
import { PageHeader } from '../shared/PageHeader';
import { useWorkbench, type Todo, type Workbench } from './api';

type RegistryFigures = NonNullable<Workbench['figures']['registry']>;
type LedgerFigures = NonNullable<Workbench['figures']['ledger']>;

/** 工作台 (issue 11): every role's home page — what waits for the user, and the key figures of their scope. */
export function WorkbenchPage() {
  const { data, error, isPending, refetch } = useWorkbench();
  return (
    <>
      <PageHeader title="工作台">
        <Typography.Paragraph type="secondary">本人权限和管辖范围内的待办事项与主要数据。</Typography.Paragraph>
      </PageHeader>
      {isPending ? (
        <Spin style={{ display: 'block', margin: '80px auto' }} />
      ) : error ? (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Todos todos={data.todos} />
          </Col>
          <Col xs={24} lg={14}>
            {data.figures.registry && <RegistryCard figures={data.figures.registry} />}
            {data.figures.ledger && <LedgerCard figures={data.figures.ledger} />}
            {!data.figures.registry && !data.figures.ledger && <Empty description="暂无可查看的数据" />}
          </Col>
        </Row>
      )}
    </>
  );
}

/**
 * The to-dos, each a link to the page listing its records; one with nothing waiting is shown greyed, and one counted
 * within another (公示 and 评议 steps are steps waiting at my level) is indented under it as 其中.
 */
function Todos({ todos }: { todos: Todo[] }) {
  return (
    <Card title="待办事项" size="small" data-testid="workbench-todos">
      {todos.length === 0 ? (
        <Empty description="暂无待办事项" />
      ) : (
        <List
          dataSource={todos}
          renderItem={(t) => (
            <List.Item key={t.key} data-testid={`todo-${t.key}`} extra={<Badge count={t.count} showZero color={t.count ? undefined : '#d9d9d9'} overflowCount={9999} />}>
              <Link to={t.link} style={{ ...(t.count ? {} : { color: 'rgba(0, 0, 0, 0.45)' }), ...(t.partOf ? { paddingInlineStart: 20 } : {}) }}>
                {t.partOf ? `其中：${t.label}` : t.label}
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Households by status, one bar each — and no bar for a status that has none. */
function statusOption(f: RegistryFigures): EChartOption {
  const rows = f.byStatus.filter((s) => s.households > 0);
  return {
    color: ['#c62828'],
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((s) => s.status), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '户', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 40, data: rows.map((s) => s.households), label: { show: true, position: 'top' } }],
  };
}

function RegistryCard({ figures }: { figures: RegistryFigures }) {
  const option = useMemo(() => statusOption(figures), [figures]);
  const households = figures.byStatus.reduce((a, s) => a + s.households, 0);
  const persons = figures.byStatus.reduce((a, s) => a + s.persons, 0);
  return (
    <Card title={`建档立卡（截至 ${figures.asOf}）`} size="small" style={{ marginBottom: 16 }} data-testid="workbench-registry">
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <Statistic title="贫困户" value={households} suffix="户" />
        </Col>
        <Col xs={8}>
          <Statistic title="人口" value={persons} suffix="人" />
        </Col>
        <Col xs={8}>
          <Statistic title="未脱贫人口" value={figures.poorPersons} suffix="人" />
        </Col>
        <Col xs={24}>{households > 0 ? <EChart option={option} height={220} ariaLabel="按状态统计的贫困户户数图" /> : <Empty description="暂无贫困户" />}</Col>
      </Row>
    </Card>
  );
}

function LedgerCard({ figures }: { figures: LedgerFigures }) {
  const items = [
    { title: '台账事项', value: figures.entries, suffix: '件' },
    { title: '资金（万元）', value: wan(figures.fundsTotal) },
    { title: '受益人数', value: figures.beneficiaries, suffix: '人' },
  ];
  return (
    <Card title={`政协台账（${figures.year} 年）`} size="small" data-testid="workbench-ledger">
      <Row gutter={[16, 16]}>
        {items.map((it) => (
          <Col key={it.title} xs={8}>
            <Statistic title={it.title} value={it.value} suffix={'suffix' in it ? it.suffix : undefined} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
