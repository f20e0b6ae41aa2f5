/** 漏评错评错退排查: start a run over a region with the screening lists, and the runs so far. */
import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { isScreeningList } from '../../domain/compare/departments';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { formatDateTime } from '../app/format';
import { useDepartmentLists } from '../compare/api';
import { PageHeader } from '../shared/PageHeader';
import { RegionPicker } from '../shared/RegionPicker';
import { can, useMe } from '../shared/session';
import { PagedTable, usePageParams } from '../shared/tables';
import { useScreeningRuns, useStartScreening, type RunRow } from './api';
import { ScreeningRule } from './ScreeningRule';

function RunForm() {
  const lists = useDepartmentLists();
  const start = useStartScreening();
  const navigate = useNavigate();
  const screening = (lists.data ?? []).filter((l) => isScreeningList(l.department));
  const submit = async (v: { region?: string; listIds?: number[] }) => {
    const run = await start.mutateAsync({ region: v.region || undefined, listIds: v.listIds ?? [] });
    navigate(`/screening/runs/${run.id}`);
  };
  return (
    <Form layout="vertical" name="screening-run" onFinish={(v) => void submit(v)} style={{ maxWidth: 720 }}>
      <Form.Item label="排查地区" name="region" extra="默认为本人管辖范围；按村运行时，漏评线索直接交该村核实。">
        <RegionPicker placeholder="全部（管辖范围内）" />
      </Form.Item>
      <Form.Item label="排查名单（漏评）" name="listIds" extra={<>在“部门比对 → 导入部门名单”中按“漏评排查名单”导入低保户、特困供养（五保）户、重度残疾、大病、老人户、申请户、信访户名单。不选名单时只排查错评和错退。</>}>
        {lists.isError ? (
          <ErrorResult error={lists.error} onRetry={() => void lists.refetch()} />
        ) : screening.length === 0 ? (
          <Typography.Text type="secondary">尚未导入排查名单</Typography.Text>
        ) : (
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={screening.map((l) => ({ value: l.id, label: `${l.department}：${l.name}（${l.rows.toLocaleString()} 行，${l.regionName}）` }))} />
        )}
      </Form.Item>
      {start.isError && <Alert type="error" showIcon title={errorMessage(start.error)} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={start.isPending}>
        开始排查
      </Button>
    </Form>
  );
}

function RunsTable() {
  const { page, setPage } = usePageParams();
  const runs = useScreeningRuns(page.current, page.size);
  return (
    <PagedTable<RunRow>
      query={runs}
      page={page}
      onPage={setPage}
      unit="次"
      rowKey="id"
      data-testid="screening-runs"
      scroll={{ x: 760 }}
      locale={{ emptyText: '尚未运行排查' }}
      columns={[
        { title: '地区', dataIndex: 'regionName', ellipsis: true },
        { title: '漏评', dataIndex: 'missed', width: 70, align: 'right' },
        { title: '错评', dataIndex: 'wrong', width: 70, align: 'right' },
        { title: '错退', dataIndex: 'risk', width: 70, align: 'right' },
        { title: '待评议', dataIndex: 'undecided', width: 80, align: 'right', render: (v: number) => (v > 0 ? <Tag color="orange">{v.toLocaleString()}</Tag> : <Tag color="green">0</Tag>) },
        { title: '运行人', dataIndex: 'userName', width: 100 },
        { title: '时间', dataIndex: 'startedAt', width: 150, render: (v: string) => formatDateTime(v) },
        { title: '', width: 90, render: (_: unknown, r) => <Link to={`/screening/runs/${r.id}`}>查看线索</Link> },
      ]}
    />
  );
}

export function ScreeningPage() {
  const mayRun = can(useMe().data, 'compare.run');
  return (
    <>
      <PageHeader title="漏评、错评、错退排查">
        <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
          按身份证号把低保户、重残户、大病户、老人户以及申请户、信访户名单与建档立卡户比对，找出未纳入的人员（漏评）；按识别标准复核未脱贫户、返贫户（错评）；按脱贫标准复核已脱贫户、稳定脱贫户的“两不愁、三保障”和收入（错退、返贫风险）。
        </Typography.Paragraph>
      </PageHeader>
      <ScreeningRule />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {mayRun && <RunForm />}
        <RunsTable />
      </Space>
    </>
  );
}
