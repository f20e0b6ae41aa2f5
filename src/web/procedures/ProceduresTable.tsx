/**
 * A table of procedures, used by 程序办理 and by the household and village pages. The list API names the village and
 * the subject of each row; `Subject` (used by the detail page, whose answer does not name them) looks them up.
 */
import { Table, Tag, type TablePaginationConfig } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../app/format';
import { fetchRegion } from '../shared/regions';
import { useHousehold } from '../shared/households';
import { STATE_COLORS, STATE_LABELS, useDefinitions, type ProcedureItem } from './api';

function VillageName({ code }: { code: string }) {
  const q = useQuery({ queryKey: ['regions', 'one', code], queryFn: () => fetchRegion(code), staleTime: Infinity });
  return <Link to={`/registry/villages/${code}`}>{q.data?.name ?? code}</Link>;
}

function HouseholdName({ id }: { id: number }) {
  const h = useHousehold(id).data;
  const head = h?.persons.find((p) => p.relation === '户主')?.name;
  return <Link to={`/registry/households/${id}`}>{h ? `${head ?? '（无户主）'}户（${h.number}）` : `贫困户 ${id}`}</Link>;
}

/** Who the procedure is about: a household, an applicant not yet in the registry, or a village. */
export function Subject({ p }: { p: Pick<ProcedureItem, 'kind' | 'householdId' | 'villageCode' | 'applicant'> }) {
  if (p.householdId) return <HouseholdName id={p.householdId} />;
  if (p.kind === 'identification') {
    const head = p.applicant?.persons.find((x) => x.relation === '户主')?.name;
    return <span>申请户 {head ?? '（无户主）'}</span>;
  }
  return <VillageName code={p.villageCode} />;
}

export function ProceduresTable({
  rows,
  loading,
  pagination,
  showVillage = true,
  testId,
}: {
  rows: ProcedureItem[];
  loading?: boolean;
  pagination?: false | TablePaginationConfig;
  showVillage?: boolean;
  testId?: string;
}) {
  const definitions = useDefinitions().data ?? [];
  const stepName = (p: ProcedureItem) => definitions.find((d) => d.id === p.definitionId)?.steps[p.currentStep]?.name;
  return (
    <Table<ProcedureItem>
      data-testid={testId}
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '暂无程序' }}
      columns={[
        { title: '编号', dataIndex: 'id', width: 70, render: (id: number) => <Link to={`/procedures/${id}`}>{id}</Link> },
        { title: '程序', dataIndex: 'kindLabel', width: 110 },
        {
          title: '办理对象',
          width: 180,
          render: (_, p) =>
            p.householdId ? (
              <Link to={`/registry/households/${p.householdId}`}>{p.subjectName}</Link>
            ) : p.kind === 'identification' ? (
              p.subjectName
            ) : (
              <Link to={`/registry/villages/${p.villageCode}`}>{p.subjectName}</Link>
            ),
        },
        ...(showVillage
          ? [
              {
                title: '所在村',
                width: 140,
                render: (_: unknown, p: ProcedureItem) => <Link to={`/registry/villages/${p.villageCode}`}>{p.villageName}</Link>,
              },
            ]
          : []),
        { title: '年度', dataIndex: 'year', width: 70, render: (v: number | null) => v ?? '—' },
        {
          title: '办理进度',
          width: 220,
          render: (_, p) =>
            p.state === 'completed' ? (
              p.certificateNo ? `已颁证（${p.certificateNo}）` : '全部步骤已办结'
            ) : (
              <span>
                第 {p.currentStep + 1} 步{stepName(p) ? `：${stepName(p)}` : ''}
              </span>
            ),
        },
        { title: '状态', dataIndex: 'state', width: 80, render: (s: ProcedureItem['state']) => <Tag color={STATE_COLORS[s]}>{STATE_LABELS[s]}</Tag> },
        { title: '启动时间', dataIndex: 'startedAt', width: 140, render: (v: string) => formatDateTime(v) },
        { title: '操作', width: 70, fixed: 'right', render: (_, p) => <Link to={`/procedures/${p.id}`}>{p.state === 'running' ? '办理' : '查看'}</Link> },
      ]}
    />
  );
}
