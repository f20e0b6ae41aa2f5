/** 帮扶责任人: the helpers of the user's region (and of the regions above it), searchable, with a form to register one. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { citeShort } from '../../domain/shared/sources';
import { can, useMe } from '../shared/session';
import { RegionPicker } from '../shared/RegionPicker';
import { helperCategoryLabel, useHelpers, type Helper, type HelperFilters } from './api';
import { HelperFormDrawer } from './HelperFormDrawer';
import { PagedTable, usePageParams } from '../shared/tables';
import { PairingNav } from './PairingNav';
import { FilterButtons } from '../shared/FilterButtons';
import { FilterCell, filterParams, PageFilters } from '../shared/PageFilters';
import { PageHeader } from '../shared/PageHeader';
import { BulkImportButton } from '../app/BulkImportButton';
import { ListExportButton } from '../shared/ListExportButton';

/** The filter form's values: the list's filters, with the state as the select holds it. */
type FilterValues = Omit<HelperFilters, 'active'> & { active?: 'true' | 'false' };

export function HelpersPage() {
  const { params, setParams, page, setPage } = usePageParams();
  const filters = useMemo<HelperFilters>(
    () => ({ region: params.get('region') ?? undefined, q: params.get('q') ?? undefined, active: params.get('active') === null ? undefined : params.get('active') === 'true' }),
    [params],
  );
  const list = useHelpers(filters, page.current, page.size);
  const mayEdit = can(useMe().data, 'pairing.manage');
  const [creating, setCreating] = useState(false);
  const limit = list.data?.limit ?? 3;

  const apply = (v: FilterValues) => setParams(filterParams(v, page.size));

  return (
    <>
      <PairingNav />
      <PageHeader
        title="帮扶责任人"
        extra={
          <Space wrap>
            <ListExportButton url="/api/pairing/helpers/export.xlsx" filters={filters} total={list.data?.total} testId="helpers-export" />
            {mayEdit && (
            <>
              <BulkImportButton
                what="帮扶责任人"
                templateUrl="/api/pairing/helpers/import/template.xlsx"
                importUrl="/api/pairing/helpers/import"
                invalidate="pairing"
                hint="村级干部、企业基层人员不能担任帮扶责任人。"
              />
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="helper-new">
                登记帮扶责任人
              </Button>
            </>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          帮扶责任人须为乡镇以上党政机关、事业单位在编干部或企业中层以上管理人员，每人联系的贫困户不超过 {limit} 户（依据：{citeShort('anhuiRectification2017')}）。贫困户的帮扶责任人在其扶贫手册页面确定、更换。
        </Typography.Paragraph>
      </PageHeader>
      <PageFilters<FilterValues>
        key={params.toString()}
        name="helper-filters"
        layout="vertical"
        initialValues={{ region: filters.region, q: filters.q, active: filters.active === undefined ? undefined : filters.active ? 'true' : 'false' }}
        onFinish={apply}
      >
        <FilterCell span={{ xs: 24, md: 8 }} label="姓名或单位" name="q">
          <Input allowClear />
        </FilterCell>
        <FilterCell span={{ xs: 12, md: 4 }} label="状态" name="active">
          <Select allowClear placeholder="全部" options={[{ value: 'true', label: '在岗' }, { value: 'false', label: '已停用' }]} />
        </FilterCell>
        <FilterCell span={{ xs: 24, md: 8 }} label="地区" name="region">
          <RegionPicker maxLevel={4} placeholder="全部（管辖范围内）" />
        </FilterCell>
        <FilterCell span={{ xs: 24, md: 4 }} label=" ">
          <FilterButtons onReset={() => setParams(new URLSearchParams())} />
        </FilterCell>
      </PageFilters>
      <PagedTable<Helper>
        data-testid="helper-list"
        rowKey="id"
        bordered
        scroll={{ x: 'max-content' }}
        query={list}
        page={page}
        unit="人"
        onPage={setPage}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (v: string, h) => <Link to={`/pairing/helpers/${h.id}`}>{v}</Link> },
          { title: '工作单位', dataIndex: 'unit' },
          { title: '职务', dataIndex: 'post', render: (v: string) => v || '—' },
          { title: '人员类别', dataIndex: 'kind', render: (k: Helper['kind'], h) => helperCategoryLabel(k, h.level) },
          { title: '联系电话', dataIndex: 'phone', render: (v: string) => v || '—' },
          {
            title: '现联系户数',
            dataIndex: 'households',
            align: 'right',
            render: (n: number) => <Tag color={n > limit ? 'red' : n === limit ? 'orange' : n === 0 ? 'default' : 'green'}>{n} / {limit}</Tag>,
          },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">在岗</Tag> : <Tag>已停用</Tag>) },
        ]}
      />
      {mayEdit && <HelperFormDrawer open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
