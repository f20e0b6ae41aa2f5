/** 程序办理: the procedures in the user's region, filtered by kind, state, region and what waits at the user's level, in pages. */
import { UserAddOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../app/ErrorResult';
import { can, useMe } from '../shared/session';
import { RegionPicker } from '../shared/RegionPicker';
import { pagerOf, usePageParams } from '../shared/tables';
import { KIND_LABELS, PROCEDURE_KINDS, STATE_LABELS, useProcedures, type ProcedureFilters, type ProcedureState } from './api';
import { ProceduresTable } from './ProceduresTable';
import { FilterButtons } from '../shared/FilterButtons';
import { FilterCell, filterParams, PageFilters } from '../shared/PageFilters';
import { PageHeader } from '../shared/PageHeader';
import { WAITING } from '../../contract/procedures';
import { ListExportButton } from '../shared/ListExportButton';

const STATES = Object.keys(STATE_LABELS) as ProcedureState[];

/** The workbench's to-dos as a filter: what waits at the user's own office level. */
const WAITING_LABELS: Record<(typeof WAITING)[number], string> = {
  steps: '待本级办理',
  notices: '待本级办理：公示期已满或今日期满',
  assemblies: '待本级办理：待录入评议',
};
const waitingOf = (v: string | null) => (WAITING as readonly string[]).includes(v ?? '') ? (v as (typeof WAITING)[number]) : undefined;

function filtersOf(p: URLSearchParams): ProcedureFilters {
  return { kind: p.get('kind') ?? undefined, state: p.get('state') ?? undefined, region: p.get('region') ?? undefined, waiting: waitingOf(p.get('waiting')) };
}

export function ProcedureListPage() {
  const { params, setParams, page, setPage } = usePageParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const list = useProcedures(filters, page.current, page.size);
  const mayStart = can(useMe().data, 'procedures.handle');

  const apply = (v: ProcedureFilters) => setParams(filterParams(v, page.size));

  return (
    <>
      <PageHeader
        title="程序办理"
        extra={
          <Space wrap>
            <ListExportButton url="/api/procedures/export.xlsx" filters={filters} total={list.data?.total} testId="procedures-export" />
            {mayStart && (
              <Link to="/procedures/new-identification">
                <Button type="primary" icon={<UserAddOutlined />}>
                  新识别贫困户申请
                </Button>
              </Link>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          贫困户识别、脱贫、清退、稳定脱贫标注、返贫和贫困村出列，均须按规定程序逐步办理，每一步记录办理人、时间、结果和佐证材料。脱贫、清退、返贫等程序从贫困户的扶贫手册页面启动，出列程序从村页面启动。
        </Typography.Paragraph>
      </PageHeader>

      <PageFilters<ProcedureFilters> key={params.toString()} name="procedure-filters" layout="vertical" initialValues={filters} onFinish={apply}>
        <FilterCell span={{ xs: 12, md: 6, lg: 4 }} label="程序种类" name="kind">
          <Select allowClear placeholder="全部" options={PROCEDURE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        </FilterCell>
        <FilterCell span={{ xs: 12, md: 6, lg: 4 }} label="办理状态" name="state">
          <Select allowClear placeholder="全部" options={STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} />
        </FilterCell>
        <FilterCell span={{ xs: 24, md: 12, lg: 6 }} label="地区" name="region">
          <RegionPicker placeholder="全部（管辖范围内）" />
        </FilterCell>
        <FilterCell span={{ xs: 24, md: 12, lg: 5 }} label="待办" name="waiting">
          <Select allowClear placeholder="全部" options={WAITING.map((w) => ({ value: w, label: WAITING_LABELS[w] }))} />
        </FilterCell>
        <FilterCell span={{ xs: 24, lg: 5 }} label=" ">
          <FilterButtons onReset={() => setParams(new URLSearchParams())} />
        </FilterCell>
      </PageFilters>

      {list.isError && <ErrorResult error={list.error} onRetry={() => void list.refetch()} />}
      <ProceduresTable
        testId="procedure-list"
        rows={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={pagerOf(list, page, setPage, '件')}
      />
    </>
  );
}
