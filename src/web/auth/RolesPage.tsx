import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Popconfirm, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { roleInput, rolePatch } from '../../contract/roles';
import { API_FIELD_LABELS } from '../../contract/zod';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { problemsOf, schemaRule, showFieldErrors } from '../app/forms';
import { useCreateRole, useDeleteRole, useMe, usePermissionGroups, useRoles, useUpdateRole, type PermissionGroups, type RoleInput, type RoleItem } from './api';
import { ItemsTable } from '../shared/tables';
import { useFormSend } from '../app/useFormSend';

const ROLE_FIELDS = ['name', 'description', 'permissions'];
const FIELD_LABELS: Record<string, string> = { ...API_FIELD_LABELS, name: '角色名称', description: '说明', permissions: '权限' };
const OWN_LABELS: Record<string, string> = { entries: '本人参与的台账事项', households: '本人联系的贫困户', lists: '本部门的名单', rounds: '所在的考核轮次' };

/** The permission checkboxes, grouped by module; a permission the signed-in user lacks cannot be given (DESIGN). */
function PermissionPicker({
  groups,
  held,
  disabled,
  value = [],
  onChange,
}: {
  groups: PermissionGroups['modules'];
  held: readonly string[];
  disabled?: boolean;
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {groups.map((g) => {
        const codes = g.permissions.map((p) => p.code as string);
        return (
          <div key={g.module}>
            <Typography.Text strong>{g.module}</Typography.Text>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4, marginLeft: 12 }}
              disabled={disabled}
              value={value.filter((p) => codes.includes(p))}
              onChange={(checked) => onChange?.([...value.filter((p) => !codes.includes(p)), ...(checked as string[])])}
              options={g.permissions.map((p) => ({
                value: p.code,
                label: held.includes(p.code) ? p.label : `${p.label}（您没有此权限，不能授予）`,
                disabled: !held.includes(p.code) && !value.includes(p.code),
              }))}
            />
          </div>
        );
      })}
    </Space>
  );
}

type RoleFormValues = RoleInput;

/** The drawer of one role: a new one, a defined one to change, or a shipped one to look at. */
function RoleDrawer({ role, open, onClose }: { role: RoleItem | null; open: boolean; onClose: () => void }) {
  const me = useMe().data;
  const groups = usePermissionGroups();
  const create = useCreateRole();
  const update = useUpdateRole();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleFormValues>();
  const { error, setError, send } = useFormSend(form, ROLE_FIELDS);
  const readOnly = !!role && (role.shipped || !role.grantable || !role.changeable);

  const submit = async () => {
    setError(null);
    const v = await form.validateFields();
    const input = { name: v.name.trim(), description: v.description?.trim() ?? '', permissions: v.permissions ?? [] };
    const problems = role ? problemsOf(rolePatch, { ...input, version: role.version ?? 0 }, FIELD_LABELS) : problemsOf(roleInput, input, FIELD_LABELS);
    if (problems.length) {
      const rest = showFieldErrors(form, problems, ROLE_FIELDS);
      if (rest.length) setError(rest.map((p) => `${p.label}：${p.message}`).join('；'));
      return;
    }
    await send(
      () => (role?.id ? update.mutateAsync({ id: role.id, ...input, version: role.version ?? 0 }) : create.mutateAsync(input)),
      () => {
        void message.success(role ? '已保存，该角色的用户随即按新权限使用' : `已新建角色“${input.name}”`);
        onClose();
      },
    );
  };

  return (
    <Drawer
      open={open}
      title={role ? (readOnly ? `查看角色：${role.name}` : `修改角色：${role.name}`) : '新建角色'}
      size="large"
      onClose={onClose}
      destroyOnHidden
      extra={
        readOnly ? null : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void submit().catch(() => undefined)}>
              {role ? '保存' : '创建'}
            </Button>
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {role?.shipped && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="内置角色的权限由系统规定，不能修改。" />}
      {role && !role.shipped && (!role.grantable || !role.changeable) && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={role.changeable ? '该角色含有您没有的权限，您不能修改或删除它。' : '该角色由上级单位定义，您不能修改或删除它。'} />
      )}
      {groups.isError && <ErrorResult error={groups.error} onRetry={() => void groups.refetch()} />}
      <Form<RoleFormValues>
        form={form}
        name="role-edit"
        layout="vertical"
        preserve={false}
        disabled={readOnly}
        initialValues={{ name: role?.name ?? '', description: role?.description ?? '', permissions: role?.permissions ?? [] }}
      >
        <Form.Item label="角色名称" name="name" validateFirst rules={[{ required: true, whitespace: true, message: '请填写角色名称' }, schemaRule(roleInput.shape.name)]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="说明" name="description" rules={[schemaRule(roleInput.shape.description)]}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
        </Form.Item>
        {role?.own && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`数据范围：只看${OWN_LABELS[role.own] ?? role.own}`} />}
        <Form.Item label="权限" name="permissions" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项权限' }]}>
          <PermissionPicker groups={groups.data?.modules ?? []} held={me?.permissions ?? []} disabled={readOnly} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** 角色管理 (issue 11: “Administrators can define further roles from the permission list in the UI”). */
export function RolesPage() {
  const me = useMe().data;
  const mayManage = !!me?.permissions.includes('roles.manage');
  const roles = useRoles(mayManage);
  const remove = useDeleteRole();
  const { message } = App.useApp();
  const [drawer, setDrawer] = useState<{ role: RoleItem | null } | null>(null);

  if (!mayManage) return <Result status="403" title="没有权限" subTitle="需要“角色管理”权限。" />;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          角色管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ role: null })}>
          新建角色
        </Button>
      </Space>
      <ItemsTable<RoleItem>
        query={roles}
        rowKey="code"
        pagination={false}
        columns={[
          { title: '角色名称', dataIndex: 'name', render: (v: string, r) => (r.shipped ? <Space>{v}<Tag>内置</Tag></Space> : v) },
          { title: '说明', dataIndex: 'description' },
          { title: '权限', dataIndex: 'permissions', render: (p: string[]) => `${p.length} 项` },
          { title: '数据范围', dataIndex: 'own', render: (own: string | null) => (own ? `只看${OWN_LABELS[own] ?? own}` : '本单位及下级') },
          { title: '用户数', dataIndex: 'users' },
          {
            title: '操作',
            key: 'actions',
            render: (_v, r) => (
              <Space size={4}>
                <Button size="small" onClick={() => setDrawer({ role: r })}>
                  {r.shipped || !r.grantable || !r.changeable ? '查看' : '修改'}
                </Button>
                {!r.shipped && r.grantable && r.changeable && r.id !== null && (
                  <Popconfirm
                    title={`删除角色“${r.name}”？`}
                    description={r.users > 0 ? `仍有 ${r.users} 个用户使用该角色，须先为他们改用其他角色。` : '删除后不能恢复。'}
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() =>
                      remove
                        .mutateAsync(r.id!)
                        .then(() => void message.success('已删除'))
                        .catch((e: unknown) => void message.error(errorMessage(e)))
                    }
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {drawer && <RoleDrawer role={drawer.role} open onClose={() => setDrawer(null)} />}
    </>
  );
}
