import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Radio, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { resetPasswordBody, userInput } from '../../contract/auth';
import { API_FIELD_LABELS } from '../../contract/zod';
import { passwordProblems } from '../../domain/auth/password-policy';
import { ROLE_DEFINITIONS, isShippedRole } from '../../domain/auth/roles';
import { USERNAME_PATTERN, USERNAME_RULE } from '../../domain/auth/username';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { problemsOf, schemaRule, showFieldErrors } from '../app/forms';
import { useAllMembers } from '../shared/members';
import { OrgSelect } from '../shared/OrgSelect';
import { PASSWORD_RULE_TEXT } from './ChangePasswordForm';
import { SessionsTable } from './SessionColumns';
import {
  can,
  ROLE_LABELS,
  ROLES,
  useCreateUser,
  useMe,
  useResetPassword,
  useRevokeUserSessions,
  useSetUserDisabled,
  useUsers,
  useUserSessions,
  type Role,
  type User,
  type UserInput,
} from './api';
import { PageHeader } from '../shared/PageHeader';

/** The password policy of src/domain/auth as a form rule (the server checks it again). */
const policyRule = (username: () => string | undefined) => ({
  validator: async (_r: unknown, value: string | undefined) => {
    const problems = value ? passwordProblems(value, { username: username() }) : [];
    if (problems.length) throw new Error(problems[0]);
  },
});

type UserFormValues = UserInput;
const USER_FIELDS = ['username', 'displayName', 'password', 'role', 'orgId', 'memberId'];

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe().data;
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const orgId = Form.useWatch('orgId', form);
  const role = Form.useWatch('role', form);
  const members = useAllMembers(role === 'member' ? orgId : undefined);

  const roles = ROLES.filter((r) => me && grantable(r, me.permissions));

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    const input: UserInput = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      password: v.password,
      role: v.role,
      orgId: v.orgId,
      ...(v.role === 'member' && v.memberId ? { memberId: v.memberId } : {}),
    };
    // The endpoint's own schema, before anything is sent.
    const problems = problemsOf(userInput, input, API_FIELD_LABELS);
    if (problems.length) {
      const rest = showFieldErrors(form, problems, USER_FIELDS);
      if (rest.length) setError(rest.map((p) => `${p.label}：${p.message}`).join('；'));
      return;
    }
    try {
      const u = await create.mutateAsync(input);
      void message.success(`已创建用户“${u.displayName}”`);
      form.resetFields();
      onClose();
    } catch (e) {
      showFieldErrors(form, e, USER_FIELDS);
      setError(errorMessage(e));
    }
  };

  return (
    <Modal open={open} title="新增用户" okText="创建" cancelText="取消" onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={create.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<UserFormValues> form={form} name="user-create" layout="vertical" preserve={false} initialValues={{ role: 'org_admin', orgId: me?.orgId }}>
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
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label="所属单位" name="orgId" rules={[{ required: true, message: '请选择所属单位' }]}>
          <OrgSelect style={{ width: '100%' }} />
        </Form.Item>
        {role === 'member' && (
          <Form.Item label="对应委员" name="memberId" extra="委员账号可关联到委员信息，录入事项时默认作为参与委员">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={members.isLoading}
              options={(members.data ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Reset a user's password: one the administrator types, or a generated one shown once. */
function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<{ mode: 'generate' | 'given'; password?: string }>();
  const reset = useResetPassword();
  const [error, setError] = useState<string | null>(null);
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
    try {
      const r = await reset.mutateAsync({ id: user.id, password: v.mode === 'given' ? v.password : undefined });
      setShown(r.password ?? null);
      setDone(true);
    } catch (e) {
      showFieldErrors(form, e, ['password']);
      setError(errorMessage(e));
    }
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

/** Whether the signed-in user holds every permission of a role (a shipped one; a defined role the server decides). */
function grantable(role: string, held: readonly string[]): boolean {
  return !isShippedRole(role) || ROLE_DEFINITIONS[role].permissions.every((p) => held.includes(p));
}

export function UsersPage() {
  const me = useMe().data;
  const users = useUsers();
  const [creating, setCreating] = useState(false);
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
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增用户
          </Button>
        }
      />
      {users.isError && <ErrorResult error={users.error} onRetry={() => void users.refetch()} />}
      <Table<User>
        rowKey="id"
        loading={users.isLoading}
        dataSource={users.data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个用户` }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (r: Role, u) => <Tag color={r === 'sysadmin' ? 'red' : r === 'org_admin' ? 'blue' : 'default'}>{u.roleName}</Tag>,
          },
          { title: '所属单位', dataIndex: 'orgName', render: (v: string, u) => v || `#${u.orgId}` },
          {
            title: '对应委员',
            dataIndex: 'memberId',
            render: (v: number | null) => (v ? '已关联委员' : '—'),
          },
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
              !me || u.id === me.id || !grantable(u.role, me.permissions) ? null : (
                <Space size={4} wrap>
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
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <SessionsModal user={viewingSessions} onClose={() => setViewingSessions(null)} />
    </>
  );
}
