import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { RegionPicker } from '../shared/RegionPicker';
import { PagedTable, usePageParams } from '../shared/tables';
import { STATUSES } from '../../domain/registry/status-transition';
import type { HouseholdQuery } from '../../contract/registry/households';
import { useHouseholds, type HouseholdHit } from './api';
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

  const apply = (v: SearchValues) => {
    const next = new URLSearchParams();
    if (v.q?.trim()) next.set('q', v.q.trim());
    if (v.region) next.set('region', v.region);
    if (v.status) next.set('status', v.status);
    if (page.size !== 20) next.set('pageSize', String(page.size));
    setParams(next);
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          查找贫困户
        </Typography.Title>
        <Link to="/registry/households/new">
          <Button icon={<PlusOutlined />}>新增贫困户</Button>
        </Link>
      </Space>
      <Form<SearchValues>
        form={form}
        name="registry-search"
        layout="inline"
        initialValues={{ q, region, status }}
        onFinish={(v) => apply(v)}
        style={{ background: '#fafafa', padding: 12, borderRadius: 6, marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label="姓名 / 身份证号 / 户编号" name="q">
          <Input allowClear style={{ width: 260 }} placeholder="姓名（可部分）、完整身份证号或户编号" />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear style={{ width: 120 }} options={STATUSES.map((s) => ({ value: s, label: s }))} placeholder="全部" />
        </Form.Item>
        <Form.Item label="地区" name="region" style={{ minWidth: 520 }}>
          <RegionPicker />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查找
          </Button>
        </Form.Item>
      </Form>
      <PagedTable<HouseholdHit> data-testid="registry-search-results" rowKey="id" query={list} page={page} onPage={setPage} unit="户" columns={householdColumns} />
    </>
  );
}
