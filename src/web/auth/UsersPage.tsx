import { FormModal } from '../shared/FormModal';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Radio, Result, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import type { ZodType } from 'zod';
import { useState } from 'react';
import { resetPasswordBody, userInput, userPatch } from '../../contract/auth';
import { API_FIELD_LABELS } from '../../contract/zod';
import { passwordProblems } from '../../domain/auth/password-policy';
import { DEPARTMENTS, DEPARTMENT_HINTS } from '../../domain/compare/departments';
import { USERNAME_PATTERN, USERNAME_RULE } from '../../domain/auth/username';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { problemsOf, schemaRule, showFieldErrors } from '../app/forms';
import { useAllMembers } from '../shared/members';
import { OrgField } from '../shared/OrgSelect';
import { PASSWORD_RULE_TEXT } from './ChangePasswordForm';
import { SessionsTable } from './SessionColumns';
import {
  can,
  useCreateUser,
  useHelperChoices,
  useMe,
  useResetPassword,
  useRevokeUserSessions,
  useRoles,
  useSetUserDisabled,
  useUpdateUser,
  useUsers,
  useUserSessions,
  type RoleItem,
  type User,
  type UserInput,
  type UserPatch,
} from './api';
import { PageHeader } from '../shared/PageHeader';
import { BulkImportButton, FirstPasswords } from '../app/BulkImportButton';
import type { UserImportResult } from '../../contract/bulk-import';
import { ItemsTable } from '../shared/tables';
import { useFormSend } from '../app/useFormSend';

/** The password policy of src/domain/auth as a form rule (the server checks it again). */
const policyRule = (username: () => string | undefined) => ({
  validator: async (_r: unknown, value: string | undefined) => {
    const problems = value ? passwordProblems(value, { username: username() }) : [];
    if (problems.length) throw new Error(problems[0]);
  },
});

type UserFormValues = UserInput;
const USER_FIELDS = ['username', 'displayName', 'password', 'role', 'orgId', 'memberId', 'helperId', 'department'];
/** The contract's field labels, with the two links of issue 11 the shared list does not name yet. */
const FIELD_LABELS: Record<string, string> = { ...API_FIELD_LABELS, memberId: '对应委员', helperId: '对应帮扶责任人', department: '所属部门' };

/** The links the chosen role needs (its `own` narrowing): a member, a helper, a department. */
/**
 * The endpoint's own schema, before anything is sent: its problems go on the form's fields (the rest above the form).
 * True when the values were refused.
 */
function refusedBySchema(form: FormInstance, schema: ZodType, values: unknown, fields: string[], setError: (e: string) => void): boolean {
  const problems = problemsOf(schema, values, FIELD_LABELS);
  if (!problems.length) return false;
  const rest = showFieldErrors(form, problems, fields);
  if (rest.length) setError(rest.map((p) => `${p.label}：${p.message}`).join('；'));
  return true;
}

function linksOf(role: RoleItem | undefined, v: { memberId?: number | null; helperId?: number | null; department?: string | null }) {
  return {
    ...(role?.own === 'entries' && v.memberId ? { memberId: v.memberId } : {}),
    ...(role?.own === 'households' && v.helperId ? { helperId: v.helperId } : {}),
    ...(role?.own === 'lists' && v.department ? { department: v.department as UserInput['department'] } : {}),
  };
}

/** A searchable pick of the 帮扶责任人 records the signed-in user sees (the server checks the scope again). */
function HelperSelect({ value, onChange }: { value?: number | null; onChange?: (v: number | null) => void }) {
  const [q, setQ] = useState('');
  const helpers = useHelperChoices(q.trim());
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      loading={helpers.isFetching}
      placeholder="输入姓名或单位查找"
      options={(helpers.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.name}（${h.unit}）` }))}
    />
  );
}

/** The office and the role a user form holds now: the role's links (member, helper, department) follow them. */
function useChosenRole<V extends { orgId?: number; role?: string }>(form: FormInstance<V>, roles: RoleItem[]) {
  const orgId = Form.useWatch<number | undefined>('orgId', form);
  const roleCode = Form.useWatch<string | undefined>('role', form);
  return { orgId, role: roles.find((r) => r.code === roleCode) };
}

/** The role select (roles the signed-in user may grant, with their descriptions) and the link the chosen role needs. */
function RoleFields({ roles, role, orgId }: { roles: RoleItem[]; role: RoleItem | undefined; orgId: number | undefined }) {
  const members = useAllMembers(role?.own === 'entries' ? orgId : undefined);
  return (
    <>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]} extra={role?.description}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={roles.map((r) => ({ value: r.code, label: r.name, description: r.description }))}
          optionRender={(o) => (
            <Space orientation="vertical" size={0}>
              <span>{o.label}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.data.description}
              </Typography.Text>
            </Space>
          )}
        />
      </Form.Item>
      {role?.own === 'entries' && (
        <Form.Item label="对应委员" name="memberId" rules={[{ required: true, message: '委员账号须对应一名委员' }]} extra="委员账号关联到委员信息，录入事项时默认作为参与委员">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={members.isLoading}
            options={(members.data ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
          />
        </Form.Item>
      )}
      {role?.own === 'households' && (
        <Form.Item label="对应帮扶责任人" name="helperId" rules={[{ required: true, message: '帮扶责任人账号须对应一名帮扶责任人' }]} extra="该账号只看和走访这名帮扶责任人联系的贫困户">
          <HelperSelect />
        </Form.Item>
      )}
      {role?.own === 'lists' && (
        <Form.Item label="所属部门" name="department" rules={[{ required: true, message: '部门数据员账号须选择所属部门' }]} extra="该账号上传本部门的名单，只看这些名单的比对结果">
          <Select options={DEPARTMENTS.map((d) => ({ value: d, label: `${d}（${DEPARTMENT_HINTS[d]}）` }))} />
        </Form.Item>
      )}
    </>
  );
}

function CreateUserModal({ open, onClose, roles }: { open: boolean; onClose: () => void; roles: RoleItem[] }) {
  const me = useMe().data;
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const { error, setError, send, saved } = useFormSend(form, USER_FIELDS);
  const { orgId, role } = useChosenRole(form, roles);
  const grantableRoles = roles.filter((r) => r.grantable);

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    const input: UserInput = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      password: v.password,
      role: v.role,
      orgId: v.orgId,
      ...linksOf(role, v),
    };
    // The endpoint's own schema, before anything is sent.
    if (refusedBySchema(form, userInput, input, USER_FIELDS, setError)) return;
    await send(
      () => create.mutateAsync(input),
      (u) => saved(`已创建用户“${u.displayName}”`, onClose),
    );
  };

  return (
    <FormModal open={open} title="新增用户" okText="创建" pending={create.isPending} error={error} onSubmit={submit} onClose={onClose}>
      <Form<UserFormValues> form={form} name="user-create" layout="vertical" preserve={false} initialValues={{ role: grantableRoles.some((r) => r.code === 'org_admin') ? 'org_admin' : undefined, orgId: me?.orgId }}>
        <Form.Item
          label="用户名"
          name="username"
          validateFirst
          rules={[
            { required: true, whitespace: true, message: '请填写用户名' },
            schemaRule(userInput.shape.username),
            { pattern: USERNAME_PATTERN, message: USERNAME_RULE },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" validateFirst rules={[{ required: true, whitespace: true, message: '请填写姓名' }, schemaRule(userInput.shape.displayName)]}>
          <Input />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          extra={PASSWORD_RULE_TEXT}
          validateFirst
          rules={[{ required: true, message: '请设置初始密码' }, schemaRule(userInput.shape.password), policyRule(() => form.getFieldValue('username') as string | undefined)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <OrgField />
        <RoleFields roles={grantableRoles} role={role} orgId={orgId} />
      </Form>
    </FormModal>
  );
}

/** The edit form holds the PATCH body itself (every part shown). */
type EditUserValues = UserPatch;
const EDIT_FIELDS = ['displayName', 'role', 'orgId', 'memberId', 'helperId', 'department'];

/** Change a user's name, role, office and link (PATCH /api/users/:id). */
function EditUserModal({ user, onClose, roles }: { user: User | null; onClose: () => void; roles: RoleItem[] }) {
  const [form] = Form.useForm<EditUserValues>();
  const update = useUpdateUser();
  const { message } = App.useApp();
  const { error, setError, send } = useFormSend(form, EDIT_FIELDS);
  const { orgId, role } = useChosenRole(form, roles);
  // The user's own role stays in the list even when the caller could not grant it anew.
  const choices = roles.filter((r) => r.grantable || r.code === user?.role);

  const submit = async () => {
    if (!user) return;
    setError(null);
    const v = await form.validateFields();
    const links = linksOf(role, v);
    const body: UserPatch = { displayName: (v.displayName ?? '').trim(), role: v.role, orgId: v.orgId, ...links };
    if (refusedBySchema(form, userPatch, body, EDIT_FIELDS, setError)) return;
    await send(
      () => update.mutateAsync({ id: user.id, ...body }),
      () => {
        void message.success('已保存');
        onClose();
      },
    );
  };

  return (
    <FormModal open={!!user} title={`修改用户：${user?.username ?? ''}`} okText="保存" pending={update.isPending} error={error} onSubmit={submit} onClose={onClose}>
      {user && (
        <Form<EditUserValues>
          form={form}
          name="user-edit"
          layout="vertical"
          preserve={false}
          initialValues={{ displayName: user.displayName, role: user.role, orgId: user.orgId, memberId: user.memberId, helperId: user.helperId, department: user.department as UserPatch['department'] }}
        >
          <Form.Item label="姓名" name="displayName" validateFirst rules={[{ required: true, whitespace: true, message: '请填写姓名' }, schemaRule(userInput.shape.displayName)]}>
            <Input />
          </Form.Item>
          <OrgField />
          <RoleFields roles={choices} role={role} orgId={orgId} />
        </Form>
      )}
    </FormModal>
  );
}

/** Reset a user's password: one the administrator types, or a generated one shown once. */
function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<{ mode: 'generate' | 'given'; password?: string }>();
  const reset = useResetPassword();
  const { error, setError, send } = useFormSend(form, ['password']);
  const [shown, setShown] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const mode = Form.useWatch('mode', form);
  const close = () => {
    setError(null);
    setShown(null);
    setDone(false);
    reset.reset();
    onClose();
  };
  const submit = async () => {
    if (!user) return;
    setError(null);
    const v = await form.validateFields();
    await send(
      () => reset.mutateAsync({ id: user.id, password: v.mode === 'given' ? v.password : undefined }),
      (r) => {
        setShown(r.password ?? null);
        setDone(true);
      },
    );
  };
  return (
    <Modal
      open={!!user}
      title={`重置密码：${user?.displayName ?? ''}（${user?.username ?? ''}）`}
      okText={done ? '完成' : '重置密码'}
      cancelText="取消"
      cancelButtonProps={done ? { style: { display: 'none' } } : undefined}
      onOk={() => (done ? close() : void submit().catch(() => undefined))}
      onCancel={close}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      {done ? (
        <Result
          status="success"
          title="密码已重置"
          subTitle="该用户的全部登录已结束，下次登录后须修改密码。"
          extra={
            shown && (
              <Space orientation="vertical">
                <Typography.Text>新密码（只显示这一次，请告知该用户）：</Typography.Text>
                <Typography.Text code copyable data-testid="generated-password">
                  {shown}
                </Typography.Text>
              </Space>
            )
          }
        />
      ) : (
        <>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="重置后该用户的全部登录立即结束，下次登录时须修改密码。" />
          <Form form={form} name="reset-password" layout="vertical" preserve={false} initialValues={{ mode: 'generate' }}>
            <Form.Item name="mode">
              <Radio.Group
                options={[
                  { value: 'generate', label: '随机生成' },
                  { value: 'given', label: '指定新密码' },
                ]}
              />
            </Form.Item>
            {mode === 'given' && (
              <Form.Item
                label="新密码"
                name="password"
                extra={PASSWORD_RULE_TEXT}
                validateFirst
                rules={[{ required: true, message: '请输入新密码' }, schemaRule(resetPasswordBody.unwrap().shape.password), policyRule(() => user?.username)]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            )}
          </Form>
        </>
      )}
    </Modal>
  );
}

/** A user's live sessions, each of which (or all) an administrator may end. */
function SessionsModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const sessions = useUserSessions(user?.id ?? null);
  const revoke = useRevokeUserSessions();
  const { message } = App.useApp();
  const items = sessions.data?.items ?? [];
  return (
    <Modal open={!!user} title={`登录会话：${user?.displayName ?? ''}（${user?.username ?? ''}）`} footer={null} onCancel={onClose} width={760} destroyOnHidden>
      <SessionsTable sessions={sessions} revokeError={revoke.isError ? revoke.error : null} onEnd={(x) => revoke.mutateAsync({ id: user!.id, sessionId: x.id })} />
      {items.length > 1 && (
        <Popconfirm
          title="结束该用户的全部会话？"
          okText="全部结束"
          cancelText="取消"
          onConfirm={() => revoke.mutateAsync({ id: user!.id }).then((r) => void message.success(`已结束 ${r.ended} 个会话`))}
        >
          <Button danger style={{ marginTop: 12 }}>
            全部结束
          </Button>
        </Popconfirm>
      )}
    </Modal>
  );
}

/** What a user's account is linked to, as the list shows it. */
function linkText(u: User): string {
  if (u.helperId) return `帮扶责任人 #${u.helperId}`;
  if (u.department) return `部门：${u.department}`;
  if (u.memberId) return '已关联委员';
  return '—';
}

export function UsersPage() {
  const me = useMe().data;
  const users = useUsers();
  const roles = useRoles(!!me?.permissions.includes('users.manage'));
  const roleItems = roles.data?.items ?? [];
  const grantable = (code: string) => roleItems.find((r) => r.code === code)?.grantable ?? false;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [viewingSessions, setViewingSessions] = useState<User | null>(null);
  const setDisabled = useSetUserDisabled();
  const { message } = App.useApp();

  if (!can(me, 'users.manage')) return <Result status="403" title="没有权限" subTitle="只有管理员可以管理用户。" />;

  return (
    <>
      <PageHeader
        title="用户管理"
        extra={
          <Space>
            <BulkImportButton<UserImportResult>
              what="用户"
              templateUrl="/api/users/import/template.xlsx"
              importUrl="/api/users/import"
              invalidate="users"
              hint="帮扶责任人账号须对应帮扶责任人名单中的一人；每个账号的初始密码由系统生成，只显示一次。"
              done={(result) => <FirstPasswords result={result} />}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增用户
            </Button>
          </Space>
        }
      />
      <ItemsTable<User>
        query={users}
        rowKey="id"
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个用户` }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (r: string, u) => <Tag color={r === 'sysadmin' ? 'red' : r === 'org_admin' ? 'blue' : 'default'}>{u.roleName}</Tag>,
          },
          { title: '所属单位', dataIndex: 'orgName', render: (v: string, u) => v || `#${u.orgId}` },
          { title: '关联', key: 'links', render: (_v, u) => linkText(u) },
          {
            title: '状态',
            key: 'status',
            render: (_v, u) => (
              <Space size={4} wrap>
                {u.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
                {u.locked && <Tag color="orange">已临时锁定</Tag>}
                {u.mustChangePassword && <Tag color="gold">待修改密码</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_v, u) =>
              !me || u.id === me.id || !grantable(u.role) ? null : (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setEditing(u)}>
                    修改
                  </Button>
                  <Button size="small" onClick={() => setResetting(u)}>
                    重置密码
                  </Button>
                  <Button size="small" onClick={() => setViewingSessions(u)}>
                    会话
                  </Button>
                  <Popconfirm
                    title={u.disabled ? `启用用户“${u.displayName}”？` : `停用用户“${u.displayName}”？`}
                    description={u.disabled ? '启用后该用户可以再次登录。' : '停用后该用户不能登录，已有的登录立即结束。'}
                    okText={u.disabled ? '启用' : '停用'}
                    okButtonProps={{ danger: !u.disabled }}
                    cancelText="取消"
                    onConfirm={() =>
                      setDisabled
                        .mutateAsync({ id: u.id, disabled: !u.disabled })
                        .then(() => void message.success(u.disabled ? '已启用' : '已停用'))
                        .catch((e: unknown) => void message.error(errorMessage(e)))
                    }
                  >
                    <Button size="small" danger={!u.disabled}>
                      {u.disabled ? '启用' : '停用'}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {roles.isError && <ErrorResult error={roles.error} onRetry={() => void roles.refetch()} />}
      <CreateUserModal open={creating} onClose={() => setCreating(false)} roles={roleItems} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} roles={roleItems} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <SessionsModal user={viewingSessions} onClose={() => setViewingSessions(null)} />
    </>
  );
}
