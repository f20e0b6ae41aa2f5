import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { RegionPicker } from '../shared/RegionPicker';
import { filterParams, PageFilters } from '../shared/PageFilters';
import { PageHeader } from '../shared/PageHeader';
import { usePhone } from '../shared/responsive';
import { ErrorResult } from '../app/ErrorResult';
import { STATUSES } from '../../domain/registry/status-transition';
import { HOUSEHOLD_COUNT_CAP, type HouseholdHits, type HouseholdQuery } from '../../contract/registry/households';
import { householdsExportUrl, useHouseholdSearch, type HouseholdHit } from './api';
import { can, useMe } from '../shared/session';
import { householdColumns } from '../app/pages/VillagePage';

/** The search form: the route's filters without the page. */
type SearchValues = Omit<HouseholdQuery, 'page' | 'pageSize' | 'cursor'>;

const PAGE_SIZES = [20, 50, 100];

/**
 * How many households the search found, honestly: an exact count, or at most the cap for a text search (“1,000+ 户”,
 * the server stops counting there so a search never counts the registry).
 */
export function totalText(data: Pick<HouseholdHits, 'total' | 'totalIsExact'> | undefined): string {
  if (!data) return '';
  if (!data.totalIsExact) return `${HOUSEHOLD_COUNT_CAP.toLocaleString()}+ 户（只数到 ${HOUSEHOLD_COUNT_CAP.toLocaleString()} 户，可缩小地区或加上状态查找）`;
  return `共 ${data.total.toLocaleString()} 户`;
}

/**
 * 查找贫困户 (issue 13): pages follow the server's cursor (上一页 / 下一页), so a page reads only its own households
 * whatever the size of the registry. The cursors of the pages before are kept in the address (`c`, one per page), so
 * going back from a household returns to the same page.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const region = params.get('region') ?? undefined;
  const status = params.get('status') ?? undefined;
  const sizeParam = Number(params.get('pageSize'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : PAGE_SIZES[0]!;
  const cursors = params.getAll('c');
  const filters = { q: q || undefined, region, status };
  const list = useHouseholdSearch(filters, cursors.at(-1), pageSize);
  const [form] = Form.useForm<SearchValues>();
  const me = useMe().data;
  const phone = usePhone();
  const mayWrite = can(me, 'registry.write');
  // A part of an ID number: any 6+ characters for a role that sees whole numbers, the last 4 (what its mask shows) otherwise.
  const idPart = can(me, 'idNumbers.view') ? '身份证号（完整或连续 6 位以上）' : '身份证号（完整或后 4 位）';

  const apply = (v: SearchValues) => setParams(filterParams(v, pageSize));
  const withCursors = (next: string[], size = pageSize) => {
    const p = filterParams(filters, size);
    for (const c of next) p.append('c', c);
    setParams(p);
  };
  const data = list.data;
  const pageNo = cursors.length + 1;

  return (
    <>
      <PageHeader
        title="查找贫困户"
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={householdsExportUrl(filters)} download disabled={!data?.total} data-testid="households-export">
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
        <Form.Item label="姓名 / 身份证号 / 户编号" name="q" extra="姓名不足 3 个字时，请先选择乡镇或村（否则只查找以此开头的姓名）">
          <Input allowClear style={{ width: 260 }} placeholder={`姓名（可部分）、${idPart}或户编号`} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select allowClear style={{ width: 120 }} options={STATUSES.map((s) => ({ value: s, label: s }))} placeholder="全部" />
        </Form.Item>
        <Form.Item label="地区" name="region" style={{ minWidth: 520 }}>
          <RegionPicker />
        </Form.Item>
      </PageFilters>
      {data?.notice && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={data.notice} data-testid="registry-search-notice" />}
      {list.isError && <ErrorResult error={list.error} onRetry={() => void list.refetch()} />}
      <div data-testid="registry-search-results">
        <Table<HouseholdHit>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={data?.items ?? []}
          columns={householdColumns}
          pagination={false}
          scroll={phone ? { x: 'max-content' } : undefined}
        />
        <Space wrap style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }} data-testid="registry-search-pager">
          <Typography.Text data-testid="registry-search-total">{totalText(data)}</Typography.Text>
          <Typography.Text type="secondary">第 {pageNo} 页</Typography.Text>
          <Button disabled={cursors.length === 0} onClick={() => withCursors(cursors.slice(0, -1))}>
            上一页
          </Button>
          <Button disabled={!data?.nextCursor} onClick={() => data?.nextCursor && withCursors([...cursors, data.nextCursor])}>
            下一页
          </Button>
          {!phone && (
            <Select
              aria-label="每页户数"
              value={pageSize}
              style={{ width: 110 }}
              options={PAGE_SIZES.map((n) => ({ value: n, label: `${n} 户/页` }))}
              // A new page size starts again from the first page.
              onChange={(n: number) => withCursors([], n)}
            />
          )}
        </Space>
      </div>
    </>
  );
}
