import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { Link } from 'react-router-dom';
import { RegionPicker } from '../shared/RegionPicker';
import { filterParams, PageFilters } from '../shared/PageFilters';
import { PageHeader } from '../shared/PageHeader';
import { PagedTable, usePageParams } from '../shared/tables';
import { STATUSES } from '../../domain/registry/status-transition';
import type { HouseholdQuery } from '../../contract/registry/households';
import { householdsExportUrl, useHouseholds, type HouseholdHit } from './api';
import { can, useMe } from '../shared/session';
import { householdColumns } from '../app/pages/VillagePage';

/** The search form: the route's filters without the page. */
type SearchValues = Omit<HouseholdQuery, 'page' | 'pageSize'>;

export function SearchPage() {
  const { params, setParams, page, setPage } = usePageParams();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? undefined;
  const status = params.get('status') ?? undefined;
  const list = useHouseholds({ q: q || undefined, region, status }, page.current, page.size);
  const [form] = Form.useForm<SearchValues>();
  const me = useMe().data;
  const mayWrite = can(me, 'registry.write');
  // A part of an ID number: any 6+ characters for a role that sees whole numbers, the last 4 (what its mask shows) otherwise.
  const idPart = can(me, 'idNumbers.view') ? '身份证号（完整或连续 6 位以上）' : '身份证号（完整或后 4 位）';

  const apply = (v: SearchValues) => setParams(filterParams(v, page.size));

  return (
    <>
      <PageHeader
        title="查找贫困户"
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={householdsExportUrl({ q: q || undefined, region, status })} download disabled={!list.data?.total} data-testid="households-export">
              导出
            </Button>
            {mayWrite && (
              <Link to="/registry/households/new">
                <Button icon={<PlusOutlined />}>新增贫困户</Button>
              </Link>
            )}
          </Space>
        }
      />
      <PageFilters<SearchValues>
        form={form}
        name="registry-search"
        layout="inline"
        submit="查找"
        initialValues={{ q, region, status }}
        onFinish={apply}
      >
        <Form.Item label="姓名 / 身份证号 / 户编号" name="q">
          <Input allowClear style={{ width: 260 }} placeholder={`姓名（可部分）、${idPart}或户编号`} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear style={{ width: 120 }} options={STATUSES.map((s) => ({ value: s, label: s }))} placeholder="全部" />
        </Form.Item>
        <Form.Item label="地区" name="region" style={{ minWidth: 520 }}>
          <RegionPicker />
        </Form.Item>
      </PageFilters>
      <PagedTable<HouseholdHit> data-testid="registry-search-results" rowKey="id" query={list} page={page} onPage={setPage} unit="户" columns={householdColumns} />
    </>
  );
}
