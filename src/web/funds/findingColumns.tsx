import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { Finding } from './api';
import { FINDING_STATE_COLORS } from './labels';

/** The columns of a list of audit findings; with `onRectify`, a 整改 button on each (funds.manage). */
export function findingColumns(options: { onRectify?: (f: Finding) => void; withProject?: boolean } = {}): ColumnsType<Finding> {
  const columns: ColumnsType<Finding> = [
    { title: '发现日期', dataIndex: 'foundOn', width: 100 },
    { title: '检查单位', dataIndex: 'foundBy' },
    { title: '地区', key: 'region', render: (_, f) => f.region.name },
    { title: '问题', dataIndex: 'problem', width: 260 },
    {
      title: '整改期限',
      dataIndex: 'deadline',
      render: (v: string, f) => (
        <>
          {v}
          {f.overdue && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              逾期
            </Tag>
          )}
        </>
      ),
    },
    { title: '状态', dataIndex: 'stateLabel', render: (v: string, f) => <Tag color={FINDING_STATE_COLORS[f.state]}>{v}</Tag> },
    { title: '整改情况', dataIndex: 'rectification', width: 240, render: (v: string, f) => (v ? `${v}${f.rectifiedOn ? `（${f.rectifiedOn} 完成）` : ''}` : '—') },
  ];
  if (options.withProject)
    columns.splice(3, 0, { title: '涉及项目', dataIndex: 'projectId', render: (id: number | null) => (id ? <Link to={`/funds/projects/${id}`}>查看项目</Link> : '—') });
  if (options.onRectify) {
    const onRectify = options.onRectify;
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, f) => (
        <Button size="small" onClick={() => onRectify(f)} data-testid={`finding-rectify-${f.id}`}>
          整改
        </Button>
      ),
    });
  }
  return columns;
}
