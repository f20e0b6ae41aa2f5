/** 审计整改: the audit and inspection findings of the user's scope by state and overdue, with 登记问题 and 整改. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { FINDING_STATES, type FindingQuery } from '../../contract/funds';
import { FilterButtons } from '../shared/FilterButtons';
import { FilterCell, filterParams, PageFilters } from '../shared/PageFilters';
import { PageHeader } from '../shared/PageHeader';
import { RegionPicker } from '../shared/RegionPicker';
import { can, useMe } from '../shared/session';
import { PagedTable, usePageParams } from '../shared/tables';
import { useFindings, type Finding } from './api';
import { CreateFindingModal, RectifyModal } from './FindingForms';
import { findingColumns } from './findingColumns';
import { FundsNav } from './FundsNav';
import { FINDING_STATE_LABELS } from './labels';

type Filters = Omit<FindingQuery, 'page' | 'pageSize'>;
type State = (typeof FINDING_STATES)[number];

export function FindingsPage() {
  const { params, setParams, page, setPage } = usePageParams();
  const filters = useMemo<Filters>(() => {
    const state = params.get('state');
    const overdue = params.get('overdue');
    return {
      region: params.get('region') ?? undefined,
      state: FINDING_STATES.includes(state as State) ? (state as State) : undefined,
      overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    };
  }, [params]);
  const list = useFindings(filters, page.current, page.size);
  const mayManage = can(useMe().data, 'funds.manage');
  const [creating, setCreating] = useState(false);
  const [rectifying, setRectifying] = useState<Finding | null>(null);
  const columns = useMemo(() => findingColumns({ withProject: true, onRectify: mayManage ? setRectifying : undefined }), [mayManage]);

  return (
    <>
      <FundsNav />
      <PageHeader
        title="审计整改"
        extra={
          mayManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="finding-new">
              登记问题
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">审计、督查发现的扶贫资金和项目问题，逐条登记整改期限，跟踪整改到位；超过期限未整改的标为逾期。</Typography.Paragraph>
      </PageHeader>
      <PageFilters<Filters> key={params.toString()} name="finding-filters" layout="vertical" initialValues={filters} onFinish={(v) => setParams(filterParams(v, page.size))}>
        <FilterCell span={{ xs: 12, md: 4 }} label="整改状态" name="state">
          <Select allowClear placeholder="全部" options={FINDING_STATES.map((s) => ({ value: s, label: FINDING_STATE_LABELS[s] }))} />
        </FilterCell>
        <FilterCell span={{ xs: 12, md: 4 }} label="是否逾期" name="overdue">
          <Select
            allowClear
            placeholder="全部"
            options={[
              { value: 'true', label: '已逾期' },
              { value: 'false', label: '未逾期' },
            ]}
          />
        </FilterCell>
        <FilterCell span={{ xs: 24, md: 10 }} label="地区" name="region">
          <RegionPicker maxLevel={5} placeholder="全部（管辖范围内）" />
        </FilterCell>
        <FilterCell span={{ xs: 24, md: 6 }} label=" ">
          <FilterButtons onReset={() => setParams(new URLSearchParams())} />
        </FilterCell>
      </PageFilters>
      <PagedTable<Finding> data-testid="finding-list" rowKey="id" bordered scroll={{ x: 'max-content' }} query={list} page={page} unit="条" onPage={setPage} columns={columns} />
      {mayManage && <CreateFindingModal open={creating} onClose={() => setCreating(false)} />}
      <RectifyModal key={rectifying?.id} finding={rectifying} onClose={() => setRectifying(null)} />
    </>
  );
}
