import { DownloadOutlined, FileAddOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Tag, Tooltip } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { wan, yearsLabel } from '../app/format';
import { OrgSelect } from '../shared/OrgSelect';
import { PagedTable, usePageParams } from '../shared/tables';
import { exportUrl, TEMPLATE_URL, useCodebook, useEntries, type Entry, type EntryFilters } from './api';
import { FilterButtons } from '../shared/FilterButtons';
import { FilterCell, filterParams, PageFilters } from '../shared/PageFilters';
import { PageHeader } from '../shared/PageHeader';

/** The filter form: the list's filters, with the years clearable and the flag as the select's text. */
type FilterValues = Omit<EntryFilters, 'yearFrom' | 'yearTo' | 'deepPoverty'> & { yearFrom?: number | null; yearTo?: number | null; deepPoverty?: 'true' | 'false' };

function intParam(p: URLSearchParams, key: string): number | undefined {
  const v = p.get(key);
  if (!v || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

function filtersFromParams(p: URLSearchParams): EntryFilters {
  const dp = p.get('deepPoverty');
  return {
    orgId: intParam(p, 'orgId'),
    yearFrom: intParam(p, 'yearFrom'),
    yearTo: intParam(p, 'yearTo'),
    categoryCode: p.get('categoryCode') ?? undefined,
    subtypeCode: p.get('subtypeCode') ?? undefined,
    deepPoverty: dp === 'true' ? true : dp === 'false' ? false : undefined,
    q: p.get('q') ?? undefined,
  };
}

const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

function FilterBar({ initial, onApply, onReset }: { initial: FilterValues; onApply: (v: FilterValues) => void; onReset: () => void }) {
  const codebook = useCodebook();
  const [form] = Form.useForm<FilterValues>();
  const categoryCode = Form.useWatch('categoryCode', form);
  const categories = codebook.data?.categories ?? [];
  const category = categories.find((c) => c.code === categoryCode);
  return (
  <PageFilters<FilterValues>
    form={form}
    name="ledger-filters"
    layout="vertical"
    initialValues={initial}
    onFinish={onApply}
    onValuesChange={(changed) => {
      if ('categoryCode' in changed) form.setFieldValue('subtypeCode', undefined);
    }}
  >
    <FilterCell span={{ xs: 24, md: 8, lg: 6 }} label="填报单位" name="orgId">
      <OrgSelect allowClear placeholder="全部（本单位及下级）" style={{ width: '100%' }} />
    </FilterCell>
    <FilterCell span={{ xs: 12, md: 4, lg: 3 }} label="起始年度" name="yearFrom">
      <InputNumber precision={0} min={2013} max={2100} style={{ width: '100%' }} placeholder="不限" />
    </FilterCell>
    <FilterCell span={{ xs: 12, md: 4, lg: 3 }} label="截止年度" name="yearTo">
      <InputNumber precision={0} min={2013} max={2100} style={{ width: '100%' }} placeholder="不限" />
    </FilterCell>
    <FilterCell span={{ xs: 12, md: 4, lg: 3 }} label="大类" name="categoryCode">
      <Select allowClear placeholder="全部" options={categories.map((c) => ({ value: c.code, label: c.name }))} />
    </FilterCell>
    <FilterCell span={{ xs: 12, md: 4, lg: 3 }} label="小类" name="subtypeCode">
      <Select allowClear placeholder="全部" disabled={!category} options={(category?.subtypes ?? []).map((s) => ({ value: s.code, label: s.name }))} />
    </FilterCell>
    <FilterCell span={{ xs: 12, md: 4, lg: 3 }} label="深度贫困县" name="deepPoverty">
      <Select allowClear placeholder="全部" options={YES_NO} />
    </FilterCell>
    <FilterCell span={{ xs: 12, md: 8, lg: 3 }} label="关键词" name="q">
      <Input placeholder="内容、对象" allowClear />
    </FilterCell>
    <FilterCell span={{ xs: 24 }}>
      <FilterButtons onReset={onReset} />
    </FilterCell>
  </PageFilters>
  );
}

/** The fixed columns' widths and 200 px for 具体内容: below this the list scrolls sideways (a phone), not at 1440 px. */
const LIST_MIN_WIDTH = 1088;

/** A cell's text cut to its column with an ellipsis; the whole text in a tooltip. */
function CutText({ text }: { text: string }) {
  return (
    <Tooltip placement="topLeft" title={text}>
      <span>{text}</span>
    </Tooltip>
  );
}

export function LedgerListPage() {
  const { params, setParams, page, setPage } = usePageParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const entries = useEntries(filters, page.current, page.size);

  const initial: FilterValues = {
    orgId: filters.orgId,
    yearFrom: filters.yearFrom,
    yearTo: filters.yearTo,
    categoryCode: filters.categoryCode,
    subtypeCode: filters.subtypeCode,
    deepPoverty: filters.deepPoverty === undefined ? undefined : filters.deepPoverty ? 'true' : 'false',
    q: filters.q,
  };

  const apply = (v: FilterValues) => setParams(filterParams(v, page.size));

  return (
    <>
      <PageHeader
        title="活动台账"
        extra={
          <Space wrap>
            <Link to="/ledger/new">
              <Button type="primary" icon={<FileAddOutlined />}>
                录入事项
              </Button>
            </Link>
            <Link to="/ledger/import">
              <Button icon={<UploadOutlined />}>批量导入</Button>
            </Link>
            <Button icon={<DownloadOutlined />} href={exportUrl(filters)} download>
              导出台账（.xlsx）
            </Button>
            <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download>
              下载导入模板
            </Button>
          </Space>
        }
      />

      <FilterBar key={params.toString()} initial={initial} onApply={apply} onReset={() => setParams(new URLSearchParams())} />

      <PagedTable<Entry>
        rowKey="id"
        size="middle"
        // The columns fit the content box at 1440 px (200 px menu, 2 × 24 px margins, 2 × 24 px padding): the text columns
        // are narrow and cut with an ellipsis (the whole text in a tooltip), the money columns stay in view (issue 11).
        scroll={{ x: LIST_MIN_WIDTH }}
        query={entries}
        page={page}
        onPage={setPage}
        unit="件事项"
        columns={[
          { title: '年度', width: 72, render: (_, e) => yearsLabel(e.startYear, e.endYear) },
          { title: '填报单位', dataIndex: 'orgName', width: 110, ellipsis: { showTitle: false }, render: (v: string) => <CutText text={v} /> },
          { title: '类别', width: 140, ellipsis: { showTitle: false }, render: (_, e) => <CutText text={`${e.categoryName} · ${e.subtypeName}`} /> },
          { title: '帮扶对象', width: 140, ellipsis: { showTitle: false }, render: (_, e) => <CutText text={e.target.label} /> },
          { title: '具体内容', dataIndex: 'content', ellipsis: { showTitle: false }, render: (v: string) => <CutText text={v} /> },
          { title: '数量', width: 64, align: 'right', render: (_, e) => `${e.count}${e.unit}` },
          { title: '资金合计（万元）', width: 100, align: 'right', render: (_, e) => wan(e.fundsTotal) },
          { title: '受益人数', dataIndex: 'beneficiaries', width: 80, align: 'right' },
          {
            title: '深度贫困县',
            width: 86,
            align: 'center',
            render: (_, e) => (e.deepPoverty ? <Tag color="volcano">是</Tag> : <Tag>否</Tag>),
          },
          {
            title: '操作',
            width: 96,
            fixed: 'right',
            render: (_, e) => (
              <Space size="small">
                <Link to={`/ledger/${e.id}`}>查看</Link>
                <Link to={`/ledger/${e.id}/edit`}>修改</Link>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
