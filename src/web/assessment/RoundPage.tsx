/**
 * 考核轮次: a round's scheme, year, units and deadlines, and its three tabs — the score grid, each unit's facts and
 * adjustments, and the results; closing the round.
 */
import { CalculatorOutlined, LockOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Popconfirm, Space, Spin, Tabs, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { ROUND_STATE_LABELS, useCloseRound, useRound } from './api';
import { ResultsPanel } from './ResultsPanel';
import { ScoreGrid } from './ScoreGrid';
import { UnitsPanel } from './UnitsPanel';
import { PageHeader } from '../shared/PageHeader';

export function RoundPage() {
  const id = Number(useParams().id);
  const q = useRound(Number.isInteger(id) ? id : undefined);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'grid';
  const close = useCloseRound(id);
  const { message } = App.useApp();
  if (q.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (q.error || !q.data) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const round = q.data;
  const open = round.state === 'open';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={<>{round.name} <Tag color={open ? 'processing' : 'default'}>{ROUND_STATE_LABELS[round.state]}</Tag></>}
        extra={
          open && (
            <Popconfirm
              title="结束本轮考核？"
              description="结束后评分不能再修改，所用考核方案将被锁定。"
              okText="结束"
              cancelText="取消"
              onConfirm={() => close.mutate(round.version, { onSuccess: () => message.success('本轮考核已结束'), onError: (e) => message.error(errorMessage(e)) })}
            >
              <Button icon={<LockOutlined />} loading={close.isPending}>
                结束本轮考核
              </Button>
            </Popconfirm>
          )
        }
      />
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="考核方案">
          <Link to={`/assessment/schemes/${round.scheme.id}`}>{round.scheme.name}</Link>
        </Descriptions.Item>
        <Descriptions.Item label="考核年度">{round.year}</Descriptions.Item>
        <Descriptions.Item label="考核对象">{round.units.length} 个</Descriptions.Item>
        <Descriptions.Item label="考核方式">{round.scheme.scheme.methods.map((m) => `${m.label} ${m.weight}%`).join('、')}</Descriptions.Item>
        <Descriptions.Item label="自评截止">{round.deadlines.selfEvaluation ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="未录入">{round.missingCount} 项</Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'grid', label: '评分录入', children: <ScoreGrid round={round} /> },
          { key: 'units', label: '认定事项与加减分', children: <UnitsPanel round={round} /> },
          { key: 'results', label: '计算结果', icon: <CalculatorOutlined />, children: <ResultsPanel round={round} /> },
        ]}
      />
    </Space>
  );
}
