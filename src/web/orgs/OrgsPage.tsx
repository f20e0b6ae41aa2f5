import { FormModal } from '../shared/FormModal';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Select, Space, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { orgInput, type OrgInput } from '../../contract/orgs';
import { ApiError, errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { schemaRule, showFieldErrors } from '../app/forms';
import { can, useMe } from '../shared/session';
import { RegionPicker } from '../shared/RegionPicker';
import {
  buildOrgTree,
  ORG_KINDS,
  ORG_LEVELS,
  useCreateOrg,
  useDeleteOrg,
  useOrgs,
  useUpdateOrg,
  type Org,
  type OrgLevel,
  type OrgNode,
} from './api';
import { PageHeader } from '../shared/PageHeader';

function toTreeData(nodes: readonly OrgNode[]): DataNode[] {
  return nodes.map((n) => ({
    key: n.id,
    title: (
      <span>
        {n.name} <Tag style={{ marginInlineStart: 4 }}>{n.kind}</Tag>
      </span>
    ),
    children: toTreeData(n.children),
  }));
}

type OrgFormValues = Omit<OrgInput, 'parentId'>;
const ORG_FIELDS = ['name', 'kind', 'level', 'regionCode'];

/** Puts the server's field errors on the form; whether any of them found its field. */
function placedOnForm(form: ReturnType<typeof Form.useForm<OrgFormValues>>[0], e: unknown): boolean {
  return e instanceof ApiError && showFieldErrors(form, e, ORG_FIELDS).length < e.fields.length;
}

/** The level of a body's children: one below the parent's (省 → 市 → 县 → 乡 → 村). */
function levelBelow(level: OrgLevel | undefined): OrgLevel {
  if (!level) return ORG_LEVELS[0];
  return ORG_LEVELS[Math.min(ORG_LEVELS.indexOf(level) + 1, ORG_LEVELS.length - 1)]!;
}

/**
 * What the server allows as a body's region (issue 9): within the parent body's region — except under the root body —
 * and never outside the user's own scope.
 */
function regionRule(parent: Org | null | undefined): string {
  return parent && parent.parentId !== null ? `须在上级单位所在地区（${parent.regionName ?? parent.regionCode ?? '—'}）之内` : '不能超出您的管辖范围';
}

function OrgFields({ mode, parent }: { mode: 'create' | 'edit'; parent: Org | null | undefined }) {
  return (
    <>
      <Form.Item label="名称" name="name" validateFirst rules={[{ required: true, whitespace: true, message: '请填写名称' }, schemaRule(orgInput.shape.name)]}>
        <Input placeholder="如：昭觉县政协" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={ORG_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="层级" name="level" rules={[{ required: true, message: '请选择层级' }]}>
            <Select disabled={mode === 'edit'} options={ORG_LEVELS.map((l) => ({ value: l, label: l }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="所在行政区划" name="regionCode" extra={regionRule(parent)} rules={[{ required: true, message: '请选择所在行政区划' }]}>
        <RegionPicker maxLevel={5} placeholder="省 / 市 / 县 / 乡镇 / 村" />
      </Form.Item>
    </>
  );
}

function OrgDetail({ org, parent, canEdit, onCreateChild, onDeleted }: { org: Org; parent: Org | undefined; canEdit: boolean; onCreateChild: () => void; onDeleted: () => void }) {
  const [form] = Form.useForm<OrgFormValues>();
  const update = useUpdateOrg();
  const remove = useDeleteOrg();
  const { message, modal } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const save = async (v: OrgFormValues) => {
    setError(null);
    try {
      await update.mutateAsync({ id: org.id, name: v.name.trim(), kind: v.kind, regionCode: v.regionCode, version: org.version });
      void message.success('已保存');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') void message.warning('该单位已被他人修改，已重新载入最新内容，请核对后再保存');
      else if (!placedOnForm(form, e)) setError(errorMessage(e));
    }
  };

  const confirmDelete = () =>
    modal.confirm({
      title: `确认删除“${org.name}”？`,
      content: '只能删除没有下级单位、委员和台账事项的单位。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await remove.mutateAsync(org.id);
          void message.success('已删除');
          onDeleted();
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });

  return (
    <Card
      title={org.name}
      extra={
        canEdit && (
          <Space>
            <Button icon={<PlusOutlined />} onClick={onCreateChild}>
              新增下级单位
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
              删除
            </Button>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="上级单位">{parent?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="层级">{org.level}</Descriptions.Item>
        <Descriptions.Item label="类型">{org.kind}</Descriptions.Item>
        <Descriptions.Item label="行政区划">{org.regionName ?? org.regionCode ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginBottom: 16 }}>
        <Link to={`/members?orgId=${org.id}`}>查看委员</Link>
        <Link to={`/ledger?orgId=${org.id}`}>查看台账</Link>
        <Link to={`/summary?orgId=${org.id}`}>查看汇总</Link>
      </Space>
      {canEdit && (
        <>
          <Typography.Title level={5}>修改单位信息</Typography.Title>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form<OrgFormValues>
            form={form}
            name="org-edit"
            layout="vertical"
            initialValues={{ name: org.name, kind: org.kind, level: org.level, regionCode: org.regionCode ?? undefined }}
            onFinish={(v) => void save(v)}
            style={{ maxWidth: 560 }}
          >
            <OrgFields mode="edit" parent={parent} />
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              保存
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

function CreateOrgModal({ parent, open, onClose, onCreated }: { parent: Org | null; open: boolean; onClose: () => void; onCreated: (org: Org) => void }) {
  const [form] = Form.useForm<OrgFormValues>();
  const create = useCreateOrg();
  const [error, setError] = useState<string | null>(null);
  const nextLevel = levelBelow(parent?.level);

  const submit = async () => {
    if (!parent) return;
    setError(null);
    const v = await form.validateFields();
    try {
      const org = await create.mutateAsync({ parentId: parent.id, name: v.name.trim(), kind: v.kind, level: v.level, regionCode: v.regionCode ?? '' });
      form.resetFields();
      onCreated(org);
    } catch (e) {
      if (!placedOnForm(form, e)) setError(errorMessage(e));
    }
  };

  return (
    <FormModal open={open} title={parent ? `新增“${parent.name}”的下级单位` : '新增单位'} okText="创建" pending={create.isPending} error={error} onSubmit={submit} onClose={onClose} width={620}>
      <Form<OrgFormValues>
        form={form}
        name="org-create"
        layout="vertical"
        preserve={false}
        initialValues={{ kind: '政协', level: nextLevel, regionCode: parent?.regionCode ?? undefined }}
      >
        <OrgFields mode="create" parent={parent} />
      </Form>
    </FormModal>
  );
}

export function OrgsPage() {
  const me = useMe().data;
  const orgs = useOrgs();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [createFor, setCreateFor] = useState<Org | undefined>(undefined);
  const { message } = App.useApp();
  const canEdit = can(me, 'orgs.manage');

  const tree = useMemo(() => buildOrgTree(orgs.data ?? []), [orgs.data]);
  const treeData = useMemo(() => toTreeData(tree), [tree]);
  const byId = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);
  const selected = selectedId !== null ? byId.get(selectedId) : undefined;
  // The root body stands for the whole installation: a top-level body is created as its child.
  const root = (orgs.data ?? []).find((o) => o.parentId === null);

  if (orgs.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (orgs.isError) return <ErrorResult error={orgs.error} onRetry={() => void orgs.refetch()} />;

  return (
    <>
      <PageHeader
        title="政协组织"
        extra={
          me?.role === 'sysadmin' && root && (
            <Button icon={<PlusOutlined />} onClick={() => setCreateFor(root)}>
              新增顶级单位
            </Button>
          )
        }
      />
      <Row gutter={16}>
        <Col xs={24} md={10} lg={8}>
          <Card size="small" title="组织树" styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}>
            {treeData.length === 0 ? (
              <Empty description="暂无单位" />
            ) : (
              <Tree
                aria-label="政协组织树"
                treeData={treeData}
                defaultExpandAll
                showLine
                selectedKeys={selectedId !== null ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys.length ? Number(keys[0]) : null)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} lg={16}>
          {selected ? (
            <OrgDetail
              key={`${selected.id}-${selected.version}`}
              org={selected}
              parent={selected.parentId !== null ? byId.get(selected.parentId) : undefined}
              canEdit={canEdit}
              onCreateChild={() => setCreateFor(selected)}
              onDeleted={() => setSelectedId(null)}
            />
          ) : (
            <Card>
              <Empty description="在左侧选择一个单位查看详情" />
            </Card>
          )}
        </Col>
      </Row>
      <CreateOrgModal
        open={createFor !== undefined}
        parent={createFor ?? null}
        onClose={() => setCreateFor(undefined)}
        onCreated={(org) => {
          setCreateFor(undefined);
          setSelectedId(org.id);
          void message.success(`已创建“${org.name}”`);
        }}
      />
    </>
  );
}
