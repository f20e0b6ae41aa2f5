import { FormModal } from '../shared/FormModal';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Radio, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { memberInput, memberPatch } from '../../contract/members';
import { ApiError, errorMessage } from '../app/api';
import { schemaRule, showFieldErrors } from '../app/forms';
import { todayIso } from '../app/format';
import { can, useMe } from '../shared/session';
import { OrgField, OrgSelect } from '../shared/OrgSelect';
import { PagedTable, usePageParams } from '../shared/tables';
import { MEMBER_STATUS_LABELS, useCreateMember, useMembers, useUpdateMember, type Member, type MemberInput, type MemberPatch, type MemberStatus } from './api';
import { PageHeader } from '../shared/PageHeader';
import { BulkImportButton } from '../app/BulkImportButton';
import { useFormSend } from '../app/useFormSend';

type StatusValues = Pick<MemberPatch, 'status' | 'unableReason' | 'unableFrom'>;

/** 委员信息管理: marks a member 正常 or 特殊情况不能履职 (with a reason and a from-date), after a confirmation. */
function StatusModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const [form] = Form.useForm<StatusValues>();
  const update = useUpdateMember();
  const { modal, message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const status = Form.useWatch('status', form);

  if (!member) return null;

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    const unable = v.status === 'unable';
    modal.confirm({
      title: unable ? `确认将委员“${member.name}”标注为“特殊情况不能履职”？` : `确认将委员“${member.name}”恢复为“正常”？`,
      content: unable
        ? `自 ${v.unableFrom ?? ''} 起，该委员不再填写参与情况，不能再加入新的台账事项，也不计入委员参与率。`
        : '恢复后该委员可以参与台账事项，并计入委员参与率。',
      okText: '确认标注',
      cancelText: '取消',
      onOk: async () => {
        try {
          await update.mutateAsync({
            id: member.id,
            version: member.version,
            status: v.status ?? member.status,
            unableReason: unable ? (v.unableReason ?? '').trim() : null,
            unableFrom: unable ? (v.unableFrom ?? null) : null,
          });
          void message.success(`已将“${member.name}”标注为“${MEMBER_STATUS_LABELS[v.status ?? member.status]}”`);
          onClose();
        } catch (e) {
          if (e instanceof ApiError && e.code === 'STALE_VERSION') setError('该委员信息已被他人修改，列表已刷新，请关闭后重新标注。');
          else if (e instanceof ApiError && e.fields.length) {
            showFieldErrors(form, e, ['status', 'unableReason', 'unableFrom']);
            setError(e.message);
          } else setError(errorMessage(e));
        }
      },
    });
  };

  return (
    <FormModal open title={`标注委员状态：${member.name}`} okText="保存" pending={update.isPending} error={error} onSubmit={submit} onClose={onClose}>
      <Typography.Paragraph type="secondary">有特殊情况不能履职的委员在此标注状态，不再填写参与情况。</Typography.Paragraph>
      <Form<StatusValues>
        form={form}
        name="member-status"
        layout="vertical"
        initialValues={{
          status: member.status,
          unableReason: member.unableReason ?? undefined,
          unableFrom: member.unableFrom ?? todayIso(),
        }}
      >
        <Form.Item label="委员状态" name="status" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'normal', label: MEMBER_STATUS_LABELS.normal },
              { value: 'unable', label: MEMBER_STATUS_LABELS.unable },
            ]}
          />
        </Form.Item>
        {status === 'unable' && (
          <>
            <Form.Item
              label="不能履职原因"
              name="unableReason"
              validateFirst
              rules={[{ required: true, whitespace: true, message: '请填写不能履职的原因' }, schemaRule(memberPatch.shape.unableReason)]}
            >
              <Input.TextArea rows={3} placeholder="如：长期病休、出国（境）学习等" />
            </Form.Item>
            <Form.Item label="起始日期" name="unableFrom" validateFirst rules={[{ required: true, message: '请选择起始日期' }, schemaRule(memberPatch.shape.unableFrom)]}>
              <Input type="date" style={{ width: 200 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}

type MemberFormValues = Pick<MemberInput, 'orgId' | 'name' | 'sector' | 'phone' | 'skills'>;
const MEMBER_FIELDS = ['orgId', 'name', 'sector', 'phone', 'skills'];

function CreateMemberModal({ open, defaultOrgId, onClose }: { open: boolean; defaultOrgId?: number; onClose: () => void }) {
  const [form] = Form.useForm<MemberFormValues>();
  const create = useCreateMember();
  const { error, setError, send, saved } = useFormSend(form, MEMBER_FIELDS);

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    const input = {
      orgId: v.orgId,
      name: (v.name ?? '').trim(),
      sector: v.sector?.trim() || undefined,
      phone: v.phone?.trim() || undefined,
      skills: v.skills?.trim() || undefined,
    };
    await send(
      () => create.mutateAsync(input),
      (m) => saved(`已新增委员“${m.name}”`, onClose),
    );
  };

  return (
    <FormModal open={open} title="新增委员" okText="保存" pending={create.isPending} error={error} onSubmit={submit} onClose={onClose}>
      <Form<MemberFormValues> form={form} name="member-create" layout="vertical" preserve={false} initialValues={{ orgId: defaultOrgId }}>
        <OrgField />
        <Form.Item label="姓名" name="name" validateFirst rules={[{ required: true, whitespace: true, message: '请填写姓名' }, schemaRule(memberInput.shape.name)]}>
          <Input />
        </Form.Item>
        <Form.Item label="界别" name="sector" rules={[schemaRule(memberInput.shape.sector)]}>
          <Input placeholder="如：经济界" />
        </Form.Item>
        <Form.Item label="联系电话" name="phone" rules={[schemaRule(memberInput.shape.phone)]}>
          <Input />
        </Form.Item>
        <Form.Item label="专长" name="skills" rules={[schemaRule(memberInput.shape.skills)]}>
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function MembersPage() {
  const me = useMe().data;
  const { params, setParams, page } = usePageParams();
  const orgParam = params.get('orgId');
  const orgId = orgParam && /^\d+$/.test(orgParam) ? Number(orgParam) : me?.orgId;
  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status: MemberStatus | undefined = statusParam === 'normal' || statusParam === 'unable' ? statusParam : undefined;
  const members = useMembers({ orgId, q: q || undefined, status, page: page.current, pageSize: page.size });
  const [marking, setMarking] = useState<Member | null>(null);
  const [creating, setCreating] = useState(false);
  const canEdit = can(me, 'members.manage');

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title="委员信息管理"
        extra={
          canEdit && (
            <Space>
              <BulkImportButton what="委员" templateUrl="/api/members/import/template.xlsx" importUrl="/api/members/import" invalidate="members" />
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增委员
              </Button>
            </Space>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgSelect aria-label="所属单位" value={orgId} onChange={(v) => update({ orgId: v ? String(v) : undefined })} />
        <Input.Search
          aria-label="按姓名搜索"
          placeholder="按姓名、界别搜索"
          allowClear
          defaultValue={q}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          style={{ width: 240 }}
        />
        <Select<MemberStatus>
          aria-label="委员状态"
          allowClear
          placeholder="全部状态"
          value={status}
          onChange={(v) => update({ status: v })}
          style={{ width: 180 }}
          options={[
            { value: 'normal', label: MEMBER_STATUS_LABELS.normal },
            { value: 'unable', label: MEMBER_STATUS_LABELS.unable },
          ]}
        />
      </Space>
      <PagedTable<Member>
        rowKey="id"
        size="middle"
        query={members}
        page={page}
        onPage={(p) => update({ page: String(p.current), pageSize: String(p.size) })}
        unit="名委员"
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '所属单位', dataIndex: 'orgName', width: 160 },
          { title: '界别', dataIndex: 'sector', width: 120, render: (v: string) => v || '—' },
          { title: '联系电话', dataIndex: 'phone', width: 140, render: (v: string) => v || '—' },
          { title: '专长', dataIndex: 'skills', ellipsis: true, render: (v: string) => v || '—' },
          {
            title: '状态',
            width: 220,
            render: (_, m) =>
              m.status === 'unable' ? (
                <Tooltip title={m.unableReason}>
                  <Tag color="orange">{MEMBER_STATUS_LABELS.unable}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    自 {m.unableFrom}
                  </Typography.Text>
                  {m.unableReason && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        原因：{m.unableReason}
                      </Typography.Text>
                    </div>
                  )}
                </Tooltip>
              ) : (
                <Tag color="green">{MEMBER_STATUS_LABELS.normal}</Tag>
              ),
          },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  width: 110,
                  render: (_: unknown, m: Member) => (
                    <Button size="small" onClick={() => setMarking(m)} aria-label={`标注${m.name}的状态`}>
                      标注状态
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {marking && <StatusModal member={marking} onClose={() => setMarking(null)} />}
      <CreateMemberModal open={creating} defaultOrgId={orgId} onClose={() => setCreating(false)} />
    </>
  );
}
