/** 扶贫资金 · 资金下达: the allocations of the user's scope by year, source and region, the form that allocates, the export. */
import { Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { allocationInput } from '../../contract/funds';
import type { FundSource } from '../../domain/funds/catalog';
import { currentYear, todayIso } from '../app/format';
import { FormModal } from '../shared/FormModal';
import { RegionPicker } from '../shared/RegionPicker';
import { can, useMe } from '../shared/session';
import { PagedTable, usePageParams } from '../shared/tables';
import { ALLOCATIONS_EXPORT, MAX_PAGE_SIZE, PAYMENTS_EXPORT, useAllocations, useCreateAllocation, type Allocation, type AllocationInput, type AllocationQuery } from './api';
import { DateItem, DownloadButton, FundsFilters, ListActions, SelectCell, YearCell, yearParam } from './fields';
import { FundsPage } from './FundsNav';
import { SOURCE_OPTIONS } from './labels';
import { useContractSend } from './useContractSend';
import { allocationLabel, isAtOrAbove, yuanText } from './view';

type Filters = Omit<AllocationQuery, 'page' | 'pageSize'>;
const FIELDS = Object.keys(allocationInput.shape);

function AllocateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<AllocationInput>();
  const create = useCreateAllocation();
  const { error, submit, saved } = useContractSend(form, allocationInput, FIELDS);
  const year = Form.useWatch('year', form);
  const source = Form.useWatch('source', form);
  const regionCode = Form.useWatch('regionCode', form);
  // The allocation it comes from: one of the same year and source, of a region above the one it goes to.
  const above = useAllocations({ year: year ?? undefined, source: source ?? undefined }, 1, MAX_PAGE_SIZE, open && !!year && !!source && !!regionCode);
  const parents = (above.data?.items ?? []).filter((a) => regionCode && a.region.code !== regionCode && isAtOrAbove(a.region, regionCode));

  const onSubmit = async () => {
    const v = await form.validateFields();
    const input: AllocationInput = { ...v, parentId: v.parentId ?? null, note: v.note?.trim() || undefined };
    await submit(input, (i) => create.mutateAsync(i), (a) => saved(`已下达 ${a.year} 年${a.sourceLabel} ${yuanText(a.amount)}`, onClose));
  };

  return (
    <FormModal open={open} title="下达资金" okText="下达" pending={create.isPending} error={error} onSubmit={onSubmit} onClose={onClose} width={620}>
      <Form<AllocationInput> form={form} name="allocation" layout="vertical" preserve={false} initialValues={{ year: currentYear(), allocatedOn: todayIso() }}>
        <Space wrap size="middle" style={{ width: '100%' }} align="start">
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={1900} max={2100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label="资金来源" name="source" rules={[{ required: true, message: '请选择资金来源' }]}>
            <Select options={SOURCE_OPTIONS} style={{ width: 240, maxWidth: '100%' }} />
          </Form.Item>
        </Space>
        <Form.Item label="下达到（省 / 市 / 县）" name="regionCode" rules={[{ required: true, message: '请选择下达到的地区' }]}>
          <RegionPicker maxLevel={3} placeholder="省 / 市 / 县" />
        </Form.Item>
        <Form.Item label="从上级下达的资金中安排" name="parentId" extra="上级资金已录入本系统时选择；下达给下级的合计不能超过上级资金">
          <Select allowClear placeholder={parents.length ? '不选：本级安排' : '无可选的上级资金'} loading={above.isFetching} options={parents.map((a) => ({ value: a.id, label: allocationLabel(a) }))} />
        </Form.Item>
        <Space wrap size="middle" style={{ width: '100%' }} align="start">
          <Form.Item label="金额（元）" name="amount" rules={[{ required: true, message: '请填写金额' }]}>
            <InputNumber min={1} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <DateItem label="下达日期" name="allocatedOn" />
        </Space>
        <Form.Item label="文号" name="documentNo" rules={[{ required: true, whitespace: true, message: '请填写下达文件的文号' }]}>
          <Input maxLength={60} placeholder="如：皖财农〔2017〕100号" />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

const COLUMNS: ColumnsType<Allocation> = [
  { title: '年度', dataIndex: 'year', width: 64 },
  { title: '资金来源', dataIndex: 'sourceLabel' },
  { title: '地区', key: 'region', render: (_, a) => a.region.name },
  { title: '文号', dataIndex: 'documentNo' },
  { title: '下达日期', dataIndex: 'allocatedOn' },
  { title: '下达金额', dataIndex: 'amount', align: 'right', render: yuanText },
  { title: '已下达下级', dataIndex: 'passedDown', align: 'right', render: yuanText },
  { title: '已拨付项目', dataIndex: 'paid', align: 'right', render: yuanText },
  { title: '结余', dataIndex: 'balance', align: 'right', render: (n: number) => <Typography.Text strong>{yuanText(n)}</Typography.Text> },
  { title: '备注', dataIndex: 'note', render: (v: string) => v || '—' },
];

export function AllocationsPage() {
  const { params, setParams, page, setPage } = usePageParams();
  const filters = useMemo<Filters>(() => {
    return {
      region: params.get('region') ?? undefined,
      year: yearParam(params.get('year')),
      source: (params.get('source') as FundSource | null) ?? undefined,
    };
  }, [params]);
  const list = useAllocations(filters, page.current, page.size);
  const mayManage = can(useMe().data, 'funds.manage');
  const [creating, setCreating] = useState(false);
  // The payments paid from the allocations listed, beside their own export.
  const payments = <DownloadButton url={PAYMENTS_EXPORT} filters={filters} label="导出拨付明细" testId="payments-export" />;
  const allocate = mayManage ? { label: '下达资金', onClick: () => setCreating(true) } : undefined;

  return (
    <FundsPage
      title="扶贫资金"
      note="各级财政专项扶贫资金按年度逐级下达；结余 = 下达金额 − 已下达下级 − 已拨付项目。"
      actions={<ListActions exportUrl={ALLOCATIONS_EXPORT} filters={filters} total={list.data?.total} testId="allocation" extra={payments} action={allocate} />}
    >
      <FundsFilters<Filters> name="allocation-filters" values={filters} setParams={setParams} pageSize={page.size} regionLevel={3} regionSpan={10}>
        <YearCell md={4} />
        <SelectCell md={6} label="资金来源" name="source" options={SOURCE_OPTIONS} />
      </FundsFilters>
      <PagedTable<Allocation> data-testid="allocation-list" rowKey="id" bordered scroll={{ x: 'max-content' }} query={list} page={page} unit="笔" onPage={setPage} columns={COLUMNS} />
      {mayManage && <AllocateModal open={creating} onClose={() => setCreating(false)} />}
    </FundsPage>
  );
}
