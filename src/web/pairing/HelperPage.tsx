/** One 帮扶责任人: who they are, whether they qualify, and the households they hold now and held before. */
import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { can, useMe } from '../shared/session';
import { STATUS_COLORS } from '../shared/households';
import { splitReason } from '../../domain/pairing/handovers';
import { helperCategoryLabel, useHelper, useUpdateHelper, type HelperAssignment } from './api';
import { HelperFormDrawer } from './HelperFormDrawer';
import { ListTable } from '../shared/tables';
import { useIdParam } from '../app/params';

export function HelperPage() {
  const id = useIdParam();
  const query = useHelper(id);
  const h = query.data;
  const mayEdit = can(useMe().data, 'pairing.manage') && !!h?.editable;
  const update = useUpdateHelper();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState(false);

  if (id === undefined) return <ErrorResult error={new Error('帮扶责任人编号无效')} />;
  if (query.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (query.isError || !h) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const setActive = (active: boolean) =>
    modal.confirm({
      title: active ? `恢复“${h.name}”为在岗？` : `停用“${h.name}”？`,
      content: active ? '恢复后可再联系贫困户。' : '停用后不能再联系贫困户；仍联系的户须先办理更换。',
      okText: active ? '恢复' : '停用',
      cancelText: '取消',
      onOk: () =>
        update
          .mutateAsync({ id: h.id, active, version: h.version })
          .then(() => void message.success(active ? '已恢复' : '已停用'))
          .catch((e: unknown) => void message.error(errorMessage(e))),
    });

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/pairing">帮扶责任人</Link> }, { title: h.name }]} />
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} data-testid="helper-title">
          {h.name}
          {!h.active && <Tag style={{ marginLeft: 12, verticalAlign: 'middle' }}>已停用</Tag>}
        </Typography.Title>
        {mayEdit && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              编辑
            </Button>
            {h.active ? (
              <Button danger icon={<StopOutlined />} onClick={() => setActive(false)}>
                停用
              </Button>
            ) : (
              <Button icon={<UndoOutlined />} onClick={() => setActive(true)}>
                恢复在岗
              </Button>
            )}
          </Space>
        )}
      </Space>
      {!h.eligible && <Alert type="error" showIcon title="不符合帮扶责任人条件" description={h.eligibilityProblem} style={{ marginBottom: 16 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="工作单位">{h.unit}</Descriptions.Item>
          <Descriptions.Item label="职务">{h.post || '—'}</Descriptions.Item>
          <Descriptions.Item label="人员类别">{helperCategoryLabel(h.kind, h.level)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{h.phone || '—'}</Descriptions.Item>
          <Descriptions.Item label="所在地区">{h.region.path.map((p) => p.name).join(' / ')}</Descriptions.Item>
          <Descriptions.Item label="现联系户数">
            <Tag color={h.households >= h.limit ? 'orange' : 'green'} data-testid="helper-households">
              {h.households} / {h.limit} 户
            </Tag>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="联系的贫困户">
        <ListTable<HelperAssignment>
          data-testid="helper-assignments"
          dataSource={h.assignments}
          empty="尚未联系贫困户"
          columns={[
            {
              title: '贫困户',
              render: (_, a) =>
                a.household ? (
                  <Link to={`/registry/households/${a.household.id}`}>
                    {a.household.villageName} · 户编号 {a.household.number}
                    {a.household.head ? `（户主 ${a.household.head}）` : ''}
                  </Link>
                ) : (
                  <Typography.Text type="secondary">不在您管辖范围内的户</Typography.Text>
                ),
            },
            { title: '状态', render: (_, a) => (a.household ? <Tag color={STATUS_COLORS[a.household.status]}>{a.household.status}</Tag> : '—') },
            { title: '起始日期', dataIndex: 'fromOn', width: 110 },
            { title: '结束日期', dataIndex: 'toOn', width: 110, render: (v: string | null, a) => (a.current ? <Tag color="green">联系中</Tag> : v) },
            {
              title: '备注',
              dataIndex: 'reason',
              render: (r: string) => {
                const { start, end } = splitReason(r);
                return [start, end && `结束：${end}`].filter(Boolean).join('；') || '—';
              },
            },
          ]}
        />
      </Card>
      {mayEdit && <HelperFormDrawer open={editing} helper={h} onClose={() => setEditing(false)} />}
    </>
  );
}
