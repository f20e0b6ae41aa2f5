/** Small pieces the funds pages share: the list filters with their region and buttons, a year cell, a date field, the list actions, a search select. */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Tabs, type SelectProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate, type SetURLSearchParams } from 'react-router-dom';
import type { RegionLevel } from '../../contract/regions';
import { withQuery, type Query } from '../app/api';
import { FilterButtons } from '../shared/FilterButtons';
import { ListExportButton } from '../shared/ListExportButton';
import { FilterCell, filterParams, PageFilters } from '../shared/PageFilters';
import { RegionPicker } from '../shared/RegionPicker';

/**
 * A funds list's filters: the page's own cells, then 地区 (down to `regionLevel`) and 查询 / 重置. Applied, they
 * become the address's params (the page size kept); 重置 empties them.
 */
export function FundsFilters<V extends object>(props: {
  name: string;
  values: V;
  setParams: SetURLSearchParams;
  pageSize?: number;
  regionLevel: RegionLevel;
  regionSpan: number;
  children: ReactNode;
}) {
  return (
    <PageFilters<V>
      key={JSON.stringify(props.values)}
      name={props.name}
      layout="vertical"
      initialValues={props.values}
      onFinish={(v) => props.setParams(filterParams(v as Record<string, unknown>, props.pageSize))}
    >
      {props.children}
      <FilterCell span={{ xs: 24, md: props.regionSpan }} label="地区" name="region">
        <RegionPicker maxLevel={props.regionLevel} placeholder="全部（管辖范围内）" />
      </FilterCell>
      <FilterCell span={{ xs: 24, md: 4 }} label=" ">
        <FilterButtons onReset={() => props.setParams(new URLSearchParams())} />
      </FilterCell>
    </PageFilters>
  );
}

/** The year of a list's filters (empty: every year, unless `required`). */
export function YearCell({ md, label = '年度', required = false }: { md: number; label?: string; required?: boolean }) {
  return (
    <FilterCell span={{ xs: 12, md }} label={label} name="year">
      <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} placeholder={required ? undefined : '全部'} />
    </FilterCell>
  );
}

/** A 4-digit year from the address, or undefined. */
export const yearParam = (v: string | null): number | undefined => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);

/** A required date of a form (`YYYY-MM-DD`, the browser's date input). */
export function DateItem({ label, name, what }: { label: string; name: string; what?: string }) {
  return (
    <Form.Item label={label} name={name} rules={[{ required: true, message: `请选择${what ?? label}` }]}>
      <Input type="date" style={{ width: 180 }} />
    </Form.Item>
  );
}

/** A list page's actions: 导出 (the list under its filters) and, for a user who may, the page's main action. */
export function ListActions(props: { exportUrl: string; filters: Query; total: number | undefined; testId: string; extra?: ReactNode; action?: { label: string; onClick: () => void } }) {
  return (
    <Space wrap>
      <ListExportButton url={props.exportUrl} filters={props.filters} total={props.total} testId={`${props.testId}-export`} />
      {props.extra}
      {props.action && (
        <Button type="primary" icon={<PlusOutlined />} onClick={props.action.onClick} data-testid={`${props.testId}-new`}>
          {props.action.label}
        </Button>
      )}
    </Space>
  );
}

/** A download of a spreadsheet under the filters shown, beside 导出 (e.g. the payments under the allocations' filters). */
export function DownloadButton({ url, filters, label, testId }: { url: string; filters: Query; label: string; testId: string }) {
  return (
    <Button icon={<DownloadOutlined />} href={withQuery(url, filters)} download data-testid={testId}>
      {label}
    </Button>
  );
}

/**
 * A select whose choices the server finds for the text typed: `useChoices(text)`, a hook (the same one on every
 * render), answers them; one or several chosen.
 */
export function SearchSelect<T extends number | number[]>({
  useChoices,
  ...select
}: Omit<SelectProps<T>, 'showSearch' | 'options' | 'loading'> & { useChoices: (text: string) => { options: SelectProps['options']; loading: boolean } }) {
  const [text, setText] = useState('');
  const found = useChoices(text.trim());
  return <Select<T> allowClear {...select} showSearch={{ filterOption: false, onSearch: setText }} options={found.options} loading={found.loading} />;
}

/** Tabs over a feature's pages: the one whose path the address is in (the longest) is shown active. */
export function PathTabs({ pages }: { pages: ReadonlyArray<{ path: string; label: string }> }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = pages.filter((p) => pathname === p.path || pathname.startsWith(`${p.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
  return <Tabs activeKey={active?.path} onChange={(key) => navigate(key)} items={pages.map((p) => ({ key: p.path, label: p.label }))} style={{ marginBottom: 8 }} />;
}

/** A choice among the filters (empty: 全部). */
export function SelectCell({ md, label, name, options }: { md: number; label: string; name: string; options: SelectProps['options'] }) {
  return (
    <FilterCell span={{ xs: 12, md }} label={label} name={name}>
      <Select allowClear placeholder="全部" options={options} />
    </FilterCell>
  );
}
