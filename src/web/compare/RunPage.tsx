/**
 * 比对结果: one comparison — the hits inside the user's scope per village, then grouped by household with their
 * evidence (which list, which row, what it says), each with the village assembly's decision.
 */
import { AuditOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Descriptions, Empty, Pagination, Row, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorResult, NotLoaded } from '../app/ErrorResult';
import { formatDateTime } from '../app/format';
import { can, useMe } from '../shared/session';
import { useRun, useRunHits, useRunVillages, type DecisionFilter, type Hit, type VillageHits } from './api';
import { DecisionModal } from './DecisionModal';
import { SeedRule } from './SeedRule';
import { useIdParam } from '../app/params';

const DECISION_COLORS: Record<string, string> = { 属实: 'red', 不属实: 'green' };
const FILTERS: Array<{ value: 'all' | DecisionFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'undecided', label: '待评议' },
  { value: '属实', label: '属实' },
  { value: '不属实', label: '不属实' },
];

interface HouseholdGroup {
  key: string;
  villageCode: string;
  villageName: string;
  householdId: number | null;
  procedureId: number | null;
  householdNumber: string | null;
  headName: string | null;
  hits: Hit[];
}

/** The page of hits (ordered by village, household, person) folded into households. */
function byHousehold(hits: Hit[]): HouseholdGroup[] {
  const groups: HouseholdGroup[] = [];
  for (const h of hits) {
    const key = `${h.villageCode}:${h.householdId ?? `p${h.procedureId ?? ''}`}`;
    const last = groups[groups.length - 1];
    if (last?.key === key) last.hits.push(h);
    else
      groups.push({
        key,
        villageCode: h.villageCode,
        villageName: h.villageName ?? h.villageCode,
        householdId: h.householdId,
        procedureId: h.procedureId,
        householdNumber: h.householdNumber,
        headName: h.headName,
        hits: [h],
      });
  }
  return groups;
}

function VillageTable({ runId, selected, onSelect }: { runId: number; selected?: string; onSelect: (code?: string) => void }) {
  const [page, setPage] = useState(1);
  const villages = useRunVillages(runId, page, 20);
  if (villages.isError) return <ErrorResult error={villages.error} onRetry={() => void villages.refetch()} />;
  return (
    <Table<VillageHits>
      data-testid="run-villages"
      rowKey="villageCode"
      size="small"
      loading={villages.isFetching}
      dataSource={villages.data?.items ?? []}
      rowClassName={(v) => (v.villageCode === selected ? 'ant-table-row-selected' : '')}
      onRow={(v) => ({ onClick: () => onSelect(v.villageCode === selected ? undefined : v.villageCode), style: { cursor: 'pointer' } })}
      pagination={{ current: page, pageSize: 20, total: villages.data?.total ?? 0, size: 'small', showTotal: (t) => `${t} 个村`, onChange: setPage }}
      columns={[
        { title: '村', dataIndex: 'villageName', ellipsis: true, render: (v: string, r) => <span title={`${v}（${r.villageCode}）`}>{v}</span> },
        { title: '户', dataIndex: 'households', width: 50, align: 'right' },
        { title: '线索', dataIndex: 'hits', width: 56, align: 'right' },
        { title: '待评议', dataIndex: 'undecided', width: 70, align: 'right', render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : <Tag color="green">0</Tag>) },
      ]}
    />
  );
}

function HouseholdCard({ group, onDecide, canDecide }: { group: HouseholdGroup; onDecide: (id: number) => void; canDecide: boolean }) {
  const title =
    group.householdId !== null ? (
      <Space wrap>
        <Link to={`/registry/households/${group.householdId}`}>
          户编号 {group.householdNumber} · 户主 {group.headName ?? '—'}
        </Link>
        <Typography.Text type="secondary">{group.villageName}</Typography.Text>
      </Space>
    ) : (
      <Space wrap>
        {group.procedureId !== null ? <Link to={`/procedures/${group.procedureId}`}>程序 {group.procedureId} 的申请户</Link> : '比对对象'}
        <Typography.Text type="secondary">{group.villageName}</Typography.Text>
      </Space>
    );
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid="hit-household">
      <Table<Hit>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={group.hits}
        tableLayout="fixed"
        scroll={{ x: 1080 }}
        columns={[
          { title: '姓名', dataIndex: 'personName', width: 90 },
          { title: '关系', dataIndex: 'relation', width: 70, render: (v: string | null) => v ?? '—' },
          { title: '身份证号', dataIndex: 'idNumber', width: 180 },
          { title: '部门', dataIndex: 'department', width: 120, render: (v: string) => <Tag>{v}</Tag> },
          { title: '名单 / 行号', width: 200, ellipsis: true, render: (_: unknown, h) => `${h.listName ?? `已删除的名单（编号 ${h.listId}）`} 第 ${h.rowNo} 行` },
          { title: '名单内容', dataIndex: 'detail', width: 240, ellipsis: { showTitle: true } },
          {
            title: '评议结果',
            width: 120,
            render: (_: unknown, h) =>
              h.decision ? (
                <span title={`${h.decidedByName ?? ''} ${formatDateTime(h.decidedAt)}：${h.outcome ?? ''}`} data-testid="hit-decision">
                  <Tag color={DECISION_COLORS[h.decision]}>{h.decision}</Tag>
                </span>
              ) : (
                <Tag color="orange" data-testid="hit-decision">
                  待评议
                </Tag>
              ),
          },
          {
            title: '',
            width: 90,
            render: (_: unknown, h) => (
              <Button size="small" icon={<AuditOutlined />} onClick={() => onDecide(h.id)}>
                {canDecide ? '评议' : '查看'}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function RunPage() {
  const id = useIdParam();
  const run = useRun(id);
  const canDecide = can(useMe().data, 'compare.decide');
  const [village, setVillage] = useState<string | undefined>();
  const [filter, setFilter] = useState<'all' | DecisionFilter>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [deciding, setDeciding] = useState<number | null>(null);
  const hits = useRunHits(id, { village, decision: filter === 'all' ? undefined : filter }, page, pageSize);
  const groups = useMemo(() => byHousehold(hits.data?.items ?? []), [hits.data]);

  if (run.isError || !run.data) return <NotLoaded query={run} />;
  const r = run.data;
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/compare?tab=runs">部门比对</Link> }, { title: `比对结果（编号 ${r.id}）` }]} style={{ marginBottom: 12 }} />
      <Typography.Title level={3}>比对结果（编号 {r.id}）</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} data-testid="run-summary">
        <Descriptions.Item label="比对对象">
          {r.scope === 'registry' ? `${r.regionName} 建档立卡户` : <Link to={`/procedures/${r.procedureId}`}>程序 {r.procedureId} 的申请人</Link>}
        </Descriptions.Item>
        <Descriptions.Item label="比对人数">{r.persons.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label="命中线索（本人管辖范围内）">
          {r.inScope.hits.toLocaleString()}（{r.inScope.villages} 个村 {r.inScope.households} 户 {r.inScope.persons} 人）
        </Descriptions.Item>
        <Descriptions.Item label="待评议">{r.inScope.undecided.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label="评议属实">{r.inScope.confirmed.toLocaleString()}</Descriptions.Item>
        <Descriptions.Item label="运行">
          {r.userName} {formatDateTime(r.startedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="比对名单" span={3}>
          <Space wrap>
            {r.lists.map((l) => (
              <Tag key={l.id} color={l.deleted ? 'default' : 'blue'}>
                {l.department ? `${l.department}：` : ''}
                {l.name}
                {l.deleted ? '' : `（${l.rows.toLocaleString()} 行）`}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <SeedRule />
      {r.inScope.hits === 0 ? (
        <Empty description="本次比对在您的管辖范围内没有命中" />
      ) : (
        <Row gutter={24}>
          <Col xs={24} xxl={7}>
            <Typography.Title level={5}>按村汇总（点击查看该村）</Typography.Title>
            <VillageTable
              runId={r.id}
              selected={village}
              onSelect={(code) => {
                setVillage(code);
                setPage(1);
              }}
            />
          </Col>
          <Col xs={24} xxl={17}>
            <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {village ? (groups[0]?.villageName ?? village) : '全部村'}的线索（按户）
                {village && (
                  <Button type="link" size="small" onClick={() => setVillage(undefined)}>
                    显示全部村
                  </Button>
                )}
              </Typography.Title>
              <Segmented
                options={FILTERS}
                value={filter}
                onChange={(v) => {
                  setFilter(v as 'all' | DecisionFilter);
                  setPage(1);
                }}
              />
            </Space>
            {hits.isError && <ErrorResult error={hits.error} onRetry={() => void hits.refetch()} />}
            <Spin spinning={hits.isFetching}>
              {groups.length === 0 && !hits.isFetching ? <Empty description="没有符合条件的线索" /> : groups.map((g) => <HouseholdCard key={g.key} group={g} canDecide={canDecide} onDecide={setDeciding} />)}
            </Spin>
            <Pagination
              style={{ marginTop: 12, textAlign: 'right' }}
              current={page}
              pageSize={pageSize}
              total={hits.data?.total ?? 0}
              showSizeChanger
              pageSizeOptions={[20, 50, 100, 200]}
              showTotal={(t) => `共 ${t.toLocaleString()} 条线索`}
              onChange={(p, s) => {
                setPage(s !== pageSize ? 1 : p);
                setPageSize(s);
              }}
            />
          </Col>
        </Row>
      )}
      {deciding !== null && <DecisionModal hitId={deciding} canDecide={canDecide} onClose={() => setDeciding(null)} />}
    </>
  );
}
