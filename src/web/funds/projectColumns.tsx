import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { ProjectItem } from './api';
import { STAGE_COLORS } from './labels';
import { yuanText } from './view';

/** The columns of a list of projects (项目库, a field check's draw): the name links to the project. */
export const PROJECT_COLUMNS: ColumnsType<ProjectItem> = [
  { title: '项目名称', dataIndex: 'name', render: (v: string, p) => <Link to={`/funds/projects/${p.id}`}>{v}</Link> },
  { title: '年度', dataIndex: 'year', width: 64 },
  { title: '所在村', key: 'village', render: (_, p) => p.village.name },
  { title: '项目类别', dataIndex: 'reachLabel' },
  { title: '正面清单类别', dataIndex: 'useLabel' },
  { title: '预算', dataIndex: 'budget', align: 'right', render: yuanText },
  { title: '已拨付', dataIndex: 'paid', align: 'right', render: yuanText },
  { title: '受益户', dataIndex: 'households', align: 'right', render: (n: number, p) => (p.reach === 'household' ? `${n} 户` : '—') },
  {
    title: '审批',
    key: 'stage',
    render: (_, p) => (
      <Space size={4} wrap>
        <Tag color={STAGE_COLORS[p.stage]}>{p.stageLabel}</Tag>
        {p.currentStep && <Typography.Text type="secondary">待{p.currentStep}</Typography.Text>}
      </Space>
    ),
  },
];
