/** 部门比对: the department lists, a new comparison, and the comparisons run so far. */
import { CloudUploadOutlined, DeleteOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../app/ErrorResult';
import { formatDateTime } from '../app/format';
import { can, useMe } from '../shared/session';
import { PagedTable, usePageParams } from '../shared/tables';
import { useDepartmentLists, useRuns, type DepartmentList, type RunRow } from './api';
import { RunForm } from './RunForm';
import { SeedRule } from './SeedRule';
import { useConfirmDeleteList } from './useConfirmDeleteList';
import { PageHeader } from '../shared/PageHeader';

function ListsTable() {
  const lists = useDepartmentLists();
  const confirmDelete = useConfirmDeleteList();
  if (lists.isError) return <ErrorResult error={lists.error} onRetry={() => void lists.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/compare/lists/import">
          <Button type="primary" icon={<CloudUploadOutlined />}>
            导入部门名单
          </Button>
        </Link>
      </Space>
      <Table<DepartmentList>
        data-testid="compare-lists"
        rowKey="id"
        size="small"
        loading={lists.isFetching}
        dataSource={lists.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '尚未导入部门名单' }}
        columns={[
          { title: '名单名称', dataIndex: 'name', render: (v: string, l) => (l.canManage ? <Link to={`/compare/lists/${l.id}`}>{v}</Link> : v) },
          { title: '部门', dataIndex: 'department', width: 110, render: (v: string) => <Tag>{v}</Tag> },
          { title: '行数', dataIndex: 'rows', width: 100, align: 'right', render: (v: number) => v.toLocaleString() },
          { title: '导入单位所在地区', dataIndex: 'regionName', width: 220 },
          { title: '文件', dataIndex: 'fileName', width: 180, ellipsis: true },
          { title: '导入人', dataIndex: 'userName', width: 100 },
          { title: '导入时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: '操作',
            width: 150,
            render: (_: unknown, l) =>
              l.canManage ? (
                <Space size="small">
                  <Link to={`/compare/lists/${l.id}`}>
                    <Button size="small" icon={<EyeOutlined />}>
                      查看
                    </Button>
                  </Link>
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(l)}>
                    删除
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">上级名单，可用于比对</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}

function RunsTable() {
  // The runs' tab is the one shown, so the page kept in the address stays on it.
  const { page, setPage } = usePageParams();
  const runs = useRuns(page.current, page.size);
  return (
    <PagedTable<RunRow>
      data-testid="compare-runs"
      rowKey="id"
      locale={{ emptyText: '尚未进行比对' }}
      query={runs}
      page={page}
      onPage={setPage}
      unit="次"
      columns={[
        { title: '编号', dataIndex: 'id', width: 70, render: (v: number) => <Link to={`/compare/runs/${v}`}>{v}</Link> },
        {
          title: '比对对象',
          render: (_: unknown, r) => (r.scope === 'registry' ? `${r.regionName} 建档立卡户` : `程序 ${r.procedureId ?? ''} 的申请人（${r.regionName}）`),
        },
        { title: '名单', dataIndex: 'listIds', width: 70, align: 'right', render: (v: number[]) => `${v.length} 份` },
        { title: '比对人数', dataIndex: 'persons', width: 110, align: 'right', render: (v: number) => v.toLocaleString() },
        { title: '命中线索', dataIndex: 'hitsInScope', width: 100, align: 'right', render: (v: number) => v.toLocaleString() },
        {
          title: '待评议',
          dataIndex: 'undecided',
          width: 90,
          align: 'right',
          render: (v: number) => (v > 0 ? <Tag color="orange">{v.toLocaleString()}</Tag> : <Tag color="green">0</Tag>),
        },
        { title: '运行人', dataIndex: 'userName', width: 100 },
        { title: '时间', dataIndex: 'startedAt', width: 150, render: (v: string) => formatDateTime(v) },
        { title: '', width: 90, render: (_: unknown, r) => <Link to={`/compare/runs/${r.id}`}>查看线索</Link> },
      ]}
    />
  );
}

export function ComparePage() {
  const admin = can(useMe().data, 'compare.lists');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? (admin ? 'lists' : 'runs');
  const items = [
    ...(admin
      ? [
          { key: 'lists', label: '部门名单', children: <ListsTable /> },
          { key: 'run', label: '运行比对', children: <RunForm /> },
        ]
      : []),
    { key: 'runs', label: '比对记录', children: <RunsTable /> },
  ];
  return (
    <>
      <PageHeader title="部门比对（一比对）">
        <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
          导入车辆、商品房、工商注册、财政供养人员、死亡等部门名单（.xlsx 或 .csv），按身份证号与建档立卡户（或新识别申请户）的全部家庭成员比对。
          每条命中的线索都保留证据（哪份名单、第几行、内容），反馈到村，由村民代表大会评议“属实”或“不属实”并记录评议情况。
        </Typography.Paragraph>
      </PageHeader>
      <SeedRule />
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={items} />
    </>
  );
}
