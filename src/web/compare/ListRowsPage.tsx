/** One department list: what it is, and its rows page by page (row numbers as in the department's file). */
import { DeleteOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Descriptions, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorResult } from '../app/ErrorResult';
import { formatDateTime } from '../app/format';
import { PagedTable, usePageState } from '../shared/tables';
import { useDepartmentList, useListRows, type ListRow } from './api';
import { useConfirmDeleteList } from './useConfirmDeleteList';
import { useIdParam } from '../app/params';
import { PageHeader } from '../shared/PageHeader';

export function ListRowsPage() {
  const id = useIdParam();
  const navigate = useNavigate();
  const list = useDepartmentList(id);
  const [q, setQ] = useState('');
  const { page, setPage, toFirst } = usePageState();
  const rows = useListRows(list.data?.canManage ? id : undefined, q, page.current, page.size);
  const confirmDelete = useConfirmDeleteList();

  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const l = list.data;
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/compare">部门比对</Link> }, { title: l?.name ?? '部门名单' }]} style={{ marginBottom: 12 }} />
      <PageHeader
        title={l?.name ?? '部门名单'}
        extra={
          l?.canManage && (
            <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(l, () => navigate('/compare'))}>
              删除名单
            </Button>
          )
        }
      />
      {l && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ margin: '16px 0' }}>
          <Descriptions.Item label="部门">
            <Tag>{l.department}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="行数">{l.rows.toLocaleString()}</Descriptions.Item>
          <Descriptions.Item label="文件">{l.fileName}</Descriptions.Item>
          <Descriptions.Item label="导入单位所在地区">{l.regionName}</Descriptions.Item>
          <Descriptions.Item label="导入人">{l.userName}</Descriptions.Item>
          <Descriptions.Item label="导入时间">{formatDateTime(l.at)}</Descriptions.Item>
        </Descriptions>
      )}
      {l && !l.canManage && <Typography.Paragraph type="secondary">这是上级单位导入的名单，可用于比对，但不能查看其内容。</Typography.Paragraph>}
      {l?.canManage && (
        <>
          <Input.Search
            allowClear
            placeholder="按身份证号（前几位）或姓名查找"
            style={{ maxWidth: 360, marginBottom: 12 }}
            onSearch={(v) => {
              setQ(v.trim());
              toFirst();
            }}
          />
          <PagedTable<ListRow>
            data-testid="list-rows"
            rowKey="rowNo"
            query={rows}
            page={page}
            onPage={setPage}
            unit="行"
            columns={[
              { title: '文件中的行号', dataIndex: 'rowNo', width: 110, align: 'right' },
              { title: '身份证号', dataIndex: 'idNumber', width: 190 },
              { title: '姓名', dataIndex: 'name', width: 120 },
              { title: '详情', dataIndex: 'detail' },
            ]}
          />
        </>
      )}
    </>
  );
}
