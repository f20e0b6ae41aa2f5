import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { useAllMembers } from '../members/api';
import { OrgSelect } from '../orgs/OrgSelect';
import { isAdmin, ROLE_LABELS, useCreateUser, useMe, useUsers, type Role, type User, type UserInput } from './api';

interface UserFormValues {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  orgId: number;
  memberId?: number;
}

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe().data;
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const orgId = Form.useWatch('orgId', form);
  const role = Form.useWatch('role', form);
  const members = useAllMembers(role === 'member' ? orgId : undefined);

  const roles: Role[] = me?.role === 'sysadmin' ? ['sysadmin', 'org_admin', 'member'] : ['org_admin', 'member'];

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
    try {
      const u = await create.mutateAsync(input);
      void message.success(`已创建用户“${u.displayName}”`);
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        const known = ['username', 'displayName', 'password', 'role', 'orgId', 'memberId'];
        form.setFields(e.fields.filter((f) => known.includes(f.field)).map((f) => ({ name: f.field as keyof UserFormValues, errors: [f.message] })));
      }
      setError(errorMessage(e));
    }
  };

  return (
    <Modal open={open} title="新增用户" okText="创建" cancelText="取消" onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={create.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<UserFormValues> form={form} name="user-create" layout="vertical" preserve={false} initialValues={{ role: 'org_admin', orgId: me?.orgId }}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请填写用户名' }, { pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: '3～40 位字母、数字、下划线、点或连字符' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="初始密码" name="password" rules={[{ required: true, message: '请设置初始密码' }, { min: 8, message: '密码至少 8 位' }]}>
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

export function UsersPage() {
  const me = useMe().data;
  const users = useUsers();
  const [creating, setCreating] = useState(false);

  if (!isAdmin(me)) return <Result status="403" title="没有权限" subTitle="只有管理员可以管理用户。" />;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          用户管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新增用户
        </Button>
      </Space>
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
            render: (r: Role) => <Tag color={r === 'sysadmin' ? 'red' : r === 'org_admin' ? 'blue' : 'default'}>{ROLE_LABELS[r] ?? r}</Tag>,
          },
          { title: '所属单位', dataIndex: 'orgName', render: (v: string | undefined, u) => v ?? `#${u.orgId}` },
          {
            title: '对应委员',
            dataIndex: 'memberName',
            render: (v: string | null | undefined, u) => v || (u.memberId ? '已关联委员' : '—'),
          },
        ]}
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
