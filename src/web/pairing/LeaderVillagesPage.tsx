/**
 * 领导联系村与帮扶村 (seed 002, 一、帮扶对象): villages linked to a chair or vice-chair, the office's own village (机关定点
 * 帮扶村), villages of the 经促分会 and of the 工商联's chambers — who, which village, from when to when.
 */
import { DeleteOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Input, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../app/api';
import { failureMessage, schemaRule } from '../app/forms';
import { todayIso } from '../app/format';
import { can, useMe } from '../shared/session';
import { useAllMembers } from '../shared/members';
import { OrgSelect } from '../shared/OrgSelect';
import { RegionPicker } from '../shared/RegionPicker';
import { leaderVillageInput } from '../../contract/pairing';
import {
  LEADER_VILLAGE_KINDS,
  useCreateLeaderVillage,
  useDeleteLeaderVillage,
  useLeaderVillages,
  useUpdateLeaderVillage,
  type LeaderVillage,
  type LeaderVillageFilters,
  type LeaderVillageInput,
} from './api';
import { PagedTable, usePageState } from '../shared/tables';
import { PairingNav } from './PairingNav';
import { PageHeader } from '../shared/PageHeader';

const KIND_COLORS: Record<string, string> = { 领导联系村: 'red', 机关定点帮扶村: 'blue', 经促分会帮扶村: 'purple', 工商联商会帮扶村: 'gold' };
const FIELDS = Object.keys(leaderVillageInput.shape);
const field = leaderVillageInput.shape;

function LinkForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<LeaderVillageInput>();
  const create = useCreateLeaderVillage();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const orgId = Form.useWatch('orgId', form);
  const members = useAllMembers(orgId);

  const submit = (v: LeaderVillageInput) => {
    setError(null);
    create.mutate(
      { ...v, toOn: v.toOn || null },
      {
        onSuccess: () => {
          void message.success('已保存');
          form.resetFields(['memberId', 'holder', 'villageCode']);
          onClose();
        },
        onError: (e) => setError(failureMessage(form, e, FIELDS)),
      },
    );
  };

  return (
    <Modal title="新增帮扶村" open={open} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon title="未保存" description={error} style={{ marginBottom: 12 }} />}
      <Form<LeaderVillageInput> form={form} name="leader-village" layout="vertical" initialValues={{ kind: '领导联系村', fromOn: todayIso() }} onFinish={submit}>
        <Form.Item label="帮扶类别" name="kind" rules={[{ required: true, message: '请选择帮扶类别' }]}>
          <Select options={LEADER_VILLAGE_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item label="政协组织" name="orgId" rules={[{ required: true, message: '请选择政协组织' }]}>
          <OrgSelect placeholder="如：政协安化县委员会" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={kind === '领导联系村' ? '联系领导（主席、副主席）' : '委员（可选）'}
          name="memberId"
          rules={kind === '领导联系村' ? [{ required: true, message: '请选择联系的主席或副主席' }] : []}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!orgId}
            loading={members.isFetching}
            placeholder={orgId ? '选择委员' : '请先选择政协组织'}
            options={(members.data ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
          />
        </Form.Item>
        {kind !== '领导联系村' && (
          <Form.Item label="帮扶单位" name="holder" rules={[schemaRule(field.holder)]} extra={kind === '经促分会帮扶村' ? '经促分会名称' : kind === '工商联商会帮扶村' ? '乡镇基层商会、行业商会或会员企业名称' : '如：机关帮扶责任人、扶贫工作队'}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item label="帮扶村" name="villageCode" rules={[{ required: true, message: '请选择村' }]}>
          <RegionPicker leafOnly placeholder="省 / 市 / 县 / 乡镇 / 村" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="起始日期" name="fromOn" rules={[{ required: true, message: '请填写起始日期' }, schemaRule(field.fromOn)]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="结束日期" name="toOn" rules={[schemaRule(field.toOn)]}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          保存
        </Button>
      </Form>
    </Modal>
  );
}

export function LeaderVillagesPage() {
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<LeaderVillageFilters>({ current: true });
  const { page, setPage, toFirst } = usePageState();
  const list = useLeaderVillages(filters, page.current, page.size);
  const mayEdit = can(useMe().data, 'pairing.manage');
  const update = useUpdateLeaderVillage();
  const remove = useDeleteLeaderVillage();
  const [creating, setCreating] = useState(false);

  const end = (l: LeaderVillage) => {
    let toOn = todayIso();
    modal.confirm({
      title: `结束“${l.villageName}”的帮扶联系？`,
      content: <Input type="date" defaultValue={toOn} aria-label="结束日期" onChange={(e) => (toOn = e.target.value)} />,
      okText: '结束联系',
      cancelText: '取消',
      onOk: () => update.mutateAsync({ id: l.id, toOn }).then(() => void message.success('已结束')).catch((e: unknown) => void message.error(errorMessage(e))),
    });
  };
  const del = (l: LeaderVillage) =>
    modal.confirm({
      title: '删除这条记录？',
      content: '只用于删除录入错误的记录；正常结束的帮扶联系请用“结束联系”，保留起止日期。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => remove.mutateAsync(l.id).then(() => void message.success('已删除')).catch((e: unknown) => void message.error(errorMessage(e))),
    });

  return (
    <>
      <PairingNav />
      <PageHeader
        title="领导联系村与帮扶村"
        extra={
          mayEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增帮扶村
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">主席、副主席按照统一安排帮扶联系贫困村；政协机关定点帮扶村；各经促分会、工商联所属商会及会员企业帮扶的贫困村。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgSelect allowClear placeholder="全部政协组织" value={filters.orgId} onChange={(orgId) => (setFilters({ ...filters, orgId }), toFirst())} />
        <Select
          allowClear
          placeholder="全部类别"
          style={{ width: 170 }}
          value={filters.kind}
          onChange={(kind?: string) => (setFilters({ ...filters, kind }), toFirst())}
          options={LEADER_VILLAGE_KINDS.map((k) => ({ value: k, label: k }))}
        />
        <Select
          style={{ width: 130 }}
          value={filters.current === undefined ? 'all' : filters.current ? 'current' : 'ended'}
          onChange={(v: string) => (setFilters({ ...filters, current: v === 'all' ? undefined : v === 'current' }), toFirst())}
          options={[
            { value: 'current', label: '联系中' },
            { value: 'ended', label: '已结束' },
            { value: 'all', label: '全部' },
          ]}
        />
      </Space>
      <PagedTable<LeaderVillage> data-testid="leader-villages" rowKey="id" bordered scroll={{ x: 'max-content' }} query={list} page={page} onPage={setPage} unit="条"
        columns={[
          { title: '类别', dataIndex: 'kind', render: (k: string) => <Tag color={KIND_COLORS[k]}>{k}</Tag> },
          { title: '政协组织', dataIndex: 'orgName' },
          { title: '联系领导 / 帮扶单位', render: (_, l) => [l.memberName, l.holder].filter(Boolean).join('、') || '—' },
          { title: '帮扶村', dataIndex: 'villageName' },
          { title: '起始日期', dataIndex: 'fromOn', width: 110 },
          { title: '结束日期', dataIndex: 'toOn', width: 110, render: (v: string | null, l) => (l.current ? <Tag color="green">联系中</Tag> : v) },
          ...(mayEdit
            ? [
                {
                  title: '操作',
                  width: 190,
                  render: (_: unknown, l: LeaderVillage) =>
                    l.editable && (
                      <Space size={4}>
                        {l.current && (
                          <Button size="small" icon={<StopOutlined />} onClick={() => end(l)}>
                            结束联系
                          </Button>
                        )}
                        <Button size="small" danger icon={<DeleteOutlined />} onClick={() => del(l)}>
                          删除
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {mayEdit && <LinkForm open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
