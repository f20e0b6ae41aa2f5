/**
 * 户情变更审批 (issue 11, “Changes with a second pair of eyes”): the change requests of the user's region — what a
 * village proposed, before → after — with approve / return / reject for the township, and the rules saying which
 * kinds of change need approval in the user's region.
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Select, Space, Switch, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../app/api';
import { formatDateTime } from '../app/format';
import { filterParams, PageFilters } from '../shared/PageFilters';
import { PageHeader } from '../shared/PageHeader';
import { RegionPicker } from '../shared/RegionPicker';
import { PagedTable, usePageParams } from '../shared/tables';
import { ChangeRequestCard } from './ChangeRequestCard';
import { CHANGE_STATE_LABELS, CHANGE_STATES, useChangeRequests, useChangeRules, useSetChangeRules, type ChangeRequest } from './change-requests-api';

type Filters = { state?: string; region?: string };

function RulesCard() {
  const { message } = App.useApp();
  const rules = useChangeRules();
  const set = useSetChangeRules();
  const [form] = Form.useForm<Record<string, boolean>>();
  if (!rules.data) return null;
  const r = rules.data;
  const save = (v: Record<string, boolean>) =>
    set
      .mutateAsync({ items: r.items.map((i) => ({ kind: i.kind, required: !!v[i.kind] })) })
      .then(() => void message.success(`已保存${r.regionName}的审批规则`))
      .catch((e: unknown) => void message.error(errorMessage(e)));
  return (
    <Card size="small" title={`审批规则（${r.regionName}及下级）`} style={{ marginBottom: 16 }} data-testid="change-rules">
      <Typography.Paragraph type="secondary">
        打开的项目：村级提出的变更须经乡镇审核批准后才写入；关闭的项目：村级录入即生效。有“审批户情变更”权限的用户修改时直接生效。下级单位设置的规则优先于上级。
      </Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={Object.fromEntries(r.items.map((i) => [i.kind, i.required]))} onFinish={save}>
        {r.items.map((i) => (
          <Form.Item key={i.kind} label={i.label} name={i.kind} valuePropName="checked" extra={i.setFor ? `由${i.setFor.regionName}设置` : '默认'}>
            <Switch checkedChildren="须审核" unCheckedChildren="直接生效" disabled={!r.mayEdit} />
          </Form.Item>
        ))}
        {r.mayEdit && (
          <Form.Item>
            <Button htmlType="submit" icon={<SaveOutlined />} loading={set.isPending}>
              保存规则
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}

export function ChangeRequestsPage() {
  const { params, setParams, page, setPage } = usePageParams();
  const state = params.get('state') ?? 'pending';
  const region = params.get('region') ?? undefined;
  const mine = params.get('mine') === 'true' ? true : undefined;
  const list = useChangeRequests({ state: state === 'all' ? undefined : (state as ChangeRequest['state']), region, mine }, page.current, page.size);
  const [form] = Form.useForm<Filters>();

  return (
    <>
      <PageHeader title="户情变更审批">
        <Typography.Paragraph type="secondary">村级提出的户情、家庭成员和收入变更，经乡镇审核批准后写入（乡镇审核、县级备案）；退回的由提出人修改后重新提交。</Typography.Paragraph>
      </PageHeader>
      {mine && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="只显示我提出的变更" />}
      <PageFilters<Filters> form={form} name="change-requests-filters" layout="inline" initialValues={{ state, region }} onFinish={(v) => setParams(filterParams({ ...v, mine }, page.size))}>
        <Form.Item label="状态" name="state">
          <Select style={{ width: 120 }} options={[...CHANGE_STATES.map((s) => ({ value: s, label: CHANGE_STATE_LABELS[s] })), { value: 'all', label: '全部' }]} />
        </Form.Item>
        <Form.Item label="地区" name="region" style={{ minWidth: 520 }}>
          <RegionPicker />
        </Form.Item>
      </PageFilters>
      <PagedTable<ChangeRequest>
        data-testid="change-requests"
        rowKey="id"
        query={list}
        page={page}
        onPage={setPage}
        unit="项"
        expandable={{ expandedRowRender: (r) => <ChangeRequestCard request={r} /> }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 70 },
          {
            title: '贫困户',
            render: (_, r) => (
              <Link to={`/registry/households/${r.householdId}`}>
                {r.villageName ?? r.villageCode} · {r.householdNumber}
                {r.head ? `（${r.head}户）` : ''}
              </Link>
            ),
          },
          { title: '变更内容', dataIndex: 'kindLabel' },
          { title: '项数', width: 70, render: (_, r) => r.changes.length },
          { title: '提出人', dataIndex: 'proposedByName', width: 110 },
          { title: '提出时间', dataIndex: 'proposedAt', width: 160, render: (v: string) => formatDateTime(v) },
          {
            title: '状态',
            width: 150,
            render: (_, r) => (
              <Space size={2} wrap>
                <Tag>{r.stateLabel}</Tag>
                {r.stale && <Tag color="red">该户已被修改</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <RulesCard />
      </div>
    </>
  );
}
