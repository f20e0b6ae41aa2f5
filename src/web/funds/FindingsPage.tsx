/** 审计整改: the audit and inspection findings of the user's scope by state and overdue, with 登记问题 and 整改. */
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { FINDING_STATES, type FindingQuery } from '../../contract/funds';
import { can, useMe } from '../shared/session';
import { PagedTable, usePageParams } from '../shared/tables';
import { useFindings, type Finding } from './api';
import { CreateFindingModal, RectifyModal } from './FindingForms';
import { findingColumns } from './findingColumns';
import { FundsFilters, SelectCell } from './fields';
import { FundsPage } from './FundsNav';
import { FINDING_STATE_LABELS } from './labels';

type Filters = Omit<FindingQuery, 'page' | 'pageSize'>;
type State = (typeof FINDING_STATES)[number];
const OVERDUE_OPTIONS = [
  { value: 'true', label: '已逾期' },
  { value: 'false', label: '未逾期' },
];

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
    <FundsPage
      title="审计整改"
      note="审计、督查发现的扶贫资金和项目问题，逐条登记整改期限，跟踪整改到位；超过期限未整改的标为逾期。"
      actions={
        mayManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="finding-new">
            登记问题
          </Button>
        )
      }
    >
      <FundsFilters<Filters> name="finding-filters" values={filters} setParams={setParams} pageSize={page.size} regionLevel={5} regionSpan={10}>
        <SelectCell md={4} label="整改状态" name="state" options={FINDING_STATES.map((s) => ({ value: s, label: FINDING_STATE_LABELS[s] }))} />
        <SelectCell md={4} label="是否逾期" name="overdue" options={OVERDUE_OPTIONS} />
      </FundsFilters>
      <PagedTable<Finding> data-testid="finding-list" rowKey="id" bordered scroll={{ x: 'max-content' }} query={list} page={page} unit="条" onPage={setPage} columns={columns} />
      {mayManage && <CreateFindingModal open={creating} onClose={() => setCreating(false)} />}
      <RectifyModal key={rectifying?.id} finding={rectifying} onClose={() => setRectifying(null)} />
    </FundsPage>
  );
}
