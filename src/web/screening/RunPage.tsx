/** 排查结果: one run — the flags inside the user's scope by village and by kind, each decided in a modal; the .xlsx export. */
import { AuditOutlined, DownloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Col, Descriptions, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { withQuery } from '../app/api';
import { ErrorResult, NotLoaded } from '../app/ErrorResult';
import { formatDateTime } from '../app/format';
import { useIdParam } from '../app/params';
import { can, useMe } from '../shared/session';
import { SCREENING_KINDS, useFlags, useScreeningRun, useScreeningVillages, type Flag, type FlagFilters, type ScreeningKind, type VillageFlags } from './api';
import { FlagDecisionModal } from './FlagDecisionModal';
import { ScreeningRule } from './ScreeningRule';

const KIND_COLORS: Record<ScreeningKind, string> = { 漏评: 'purple', 错评: 'volcano', 错退: 'gold' };
const DECISION_COLORS: Record<string, string> = { 属实: 'red', 不属实: 'green' };

function VillageTable({ runId, selected, onSelect }: { runId: number; selected?: string; onSelect: (code?: string) => void }) {
  const [page, setPage] = useState(1);
  const villages = useScreeningVillages(runId, page, 20);
  if (villages.isError) return <ErrorResult error={villages.error} onRetry={() => void villages.refetch()} />;
  return (
    <Table<VillageFlags>
      data-testid="screening-villages"
      rowKey="regionCode"
      size="small"
      loading={villages.isFetching}
      dataSource={villages.data?.items ?? []}
      rowClassName={(v) => (v.regionCode === selected ? 'ant-table-row-selected' : '')}
      onRow={(v) => ({ onClick: () => onSelect(v.regionCode === selected ? undefined : v.regionCode), style: { cursor: 'pointer' } })}
      pagination={{ current: page, pageSize: 20, total: villages.data?.total ?? 0, size: 'small', onChange: setPage }}
      columns={[
        { title: '村（地区）', dataIndex: 'regionName', ellipsis: true },
        { title: '漏评', dataIndex: 'missed', width: 52, align: 'right' },
        { title: '错评', dataIndex: 'wrong', width: 52, align: 'right' },
        { title: '错退', dataIndex: 'risk', width: 52, align: 'right' },
        { title: '待评议', dataIndex: 'undecided', width: 64, align: 'right' },
      ]}
    />
  );
}

export function ScreeningRunPage() {
  const id = useIdParam();
  const run = useScreeningRun(id);
  const canDecide = can(useMe().data, 'compare.decide');
  const [village, setVillage] = useState<string | undefined>();
  const [kind, setKind] = useState<ScreeningKind | 'all'>('all');
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<number | null>(null);
  const filters: FlagFilters = { village, kind: kind === 'all' ? undefined : kind };
  const flags = useFlags(id, filters, page, 50);

  if (run.isError || !run.data) return <NotLoaded query={run} />;
  const r = run.data;
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/screening">漏评错评错退排查</Link> }, { title: `排查结果（编号 ${r.id}）` }]} style={{ marginBottom: 12 }} />
      <Typography.Title level={3}>排查结果（编号 {r.id}）</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} data-testid="screening-summary">
        <Descriptions.Item label="排查地区">{r.regionName}</Descriptions.Item>
        <Descriptions.Item label="建档立卡人数">{r.persons.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label="名单行数">{r.listRows.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label="漏评 / 错评 / 错退（本人管辖范围内）">
          {r.inScope.missed.toLocaleString()} / {r.inScope.wrong.toLocaleString()} / {r.inScope.risk.toLocaleString()}
        </Descriptions.Item>
        <Descriptions.Item label="待评议">{r.inScope.undecided.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label="运行">
          {r.userName} {formatDateTime(r.startedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="排查名单" span={3}>
          <Space wrap>
            {r.lists.length === 0 ? '（未选名单，只排查错评和错退）' : r.lists.map((l) => <Tag key={l.id}>{l.department ? `${l.department}：` : ''}{l.name}</Tag>)}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <ScreeningRule />
      <Row gutter={24}>
        <Col xs={24} xl={8}>
          <Typography.Title level={5}>按村汇总（点击查看该村）</Typography.Title>
          <VillageTable runId={r.id} selected={village} onSelect={(c) => (setVillage(c), setPage(1))} />
        </Col>
        <Col xs={24} xl={16}>
          <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
            <Segmented options={[{ value: 'all', label: '全部' }, ...SCREENING_KINDS.map((k) => ({ value: k, label: k }))]} value={kind} onChange={(v) => (setKind(v as ScreeningKind | 'all'), setPage(1))} />
            <Button icon={<DownloadOutlined />} href={withQuery(`/api/screening/runs/${r.id}/flags/export.xlsx`, filters)} download data-testid="screening-export">
              导出 .xlsx
            </Button>
          </Space>
          {flags.isError && <ErrorResult error={flags.error} onRetry={() => void flags.refetch()} />}
          <Table<Flag>
            data-testid="screening-flags"
            rowKey="id"
            size="small"
            loading={flags.isFetching}
            dataSource={flags.data?.items ?? []}
            scroll={{ x: 860 }}
            locale={{ emptyText: '没有符合条件的线索' }}
            pagination={{ current: page, pageSize: 50, total: flags.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
            columns={[
              { title: '类别', dataIndex: 'kind', width: 64, render: (k: ScreeningKind) => <Tag color={KIND_COLORS[k]}>{k}</Tag> },
              { title: '姓名（户主）', dataIndex: 'personName', width: 100, render: (v: string, f) => (f.householdId ? <Link to={`/registry/households/${f.householdId}`}>{v || '—'}</Link> : v) },
              { title: '身份证号', dataIndex: 'idNumber', width: 170 },
              { title: '村（地区）', dataIndex: 'regionName', width: 160, ellipsis: true },
              {
                title: '线索',
                ellipsis: { showTitle: true },
                render: (_: unknown, f) => (f.kind === '漏评' ? `${f.listKind}名单“${f.listName ?? ''}”第 ${f.rowNo} 行：${f.detail || '—'}` : f.reasons.map((x) => `${x.label}：${x.reason}`).join('；')),
              },
              { title: '评议', width: 76, render: (_: unknown, f) => (f.decision ? <Tag color={DECISION_COLORS[f.decision]}>{f.decision}</Tag> : <Tag color="orange">待评议</Tag>) },
              {
                title: '',
                width: 80,
                render: (_: unknown, f) => (
                  <Button size="small" icon={<AuditOutlined />} onClick={() => setDeciding(f.id)}>
                    {canDecide ? '评议' : '查看'}
                  </Button>
                ),
              },
            ]}
          />
        </Col>
      </Row>
      {deciding !== null && <FlagDecisionModal flagId={deciding} canDecide={canDecide} onClose={() => setDeciding(null)} />}
    </>
  );
}
