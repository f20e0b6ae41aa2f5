import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { TOKEN_DAYS_DEFAULT, TOKEN_DAYS_MAX, tokenInput } from '../../contract/tokens';
import { errorMessage } from '../app/api';
import { formatDateTime } from '../app/format';
import { schemaRule } from '../app/forms';
import { useCreateToken, useOwnTokens, useRevokeToken, type TokenCreated, type TokenItem } from './api';
import { ItemsTable } from '../shared/tables';
import { useFormSend } from '../app/useFormSend';

interface Values {
  name: string;
  days: number;
}

function stateOf(t: TokenItem, now: number) {
  if (t.revokedAt) return <Tag>已撤销</Tag>;
  if (new Date(t.expiresAt).getTime() <= now) return <Tag color="orange">已过期</Tag>;
  return <Tag color="green">有效</Tag>;
}

/**
 * API 令牌 (issue 11): personal tokens a script sends as `Authorization: Bearer …` to act with the owner's permissions
 * (a department's data clerk uploading its lists); each is shown once when created, and can be revoked.
 */
export function TokensCard() {
  const tokens = useOwnTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { error, setError, send } = useFormSend(form, ['name', 'days']);
  const [made, setMade] = useState<TokenCreated | null>(null);
  const [now] = useState(() => Date.now());

  const submit = async (v: Values) => {
    setError(null);
    await send(
      () => create.mutateAsync({ name: v.name, days: v.days }),
      (token) => {
        setMade(token);
        form.resetFields();
      },
    );
  };

  return (
    <Card title="API 令牌">
      <Typography.Paragraph type="secondary">
        供其他系统或脚本调用本系统接口（如部门数据员定期上传名单）：请求头写 <Typography.Text code>Authorization: Bearer 令牌</Typography.Text>
        ，以您的账号和权限操作，每次使用都记入审计日志。不再使用的令牌请及时撤销。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {revoke.isError && <Alert type="error" showIcon title={errorMessage(revoke.error)} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} name="create-token" layout="inline" initialValues={{ days: TOKEN_DAYS_DEFAULT }} onFinish={(v) => void submit(v)} requiredMark={false} style={{ marginBottom: 16 }}>
        <Form.Item label="名称" name="name" validateFirst rules={[{ required: true, message: '请输入令牌名称（用途）' }, schemaRule(tokenInput.shape.name)]}>
          <Input placeholder="如：车辆管理所名单上传" maxLength={50} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label="有效天数" name="days" rules={[{ required: true, message: '请输入有效天数' }]}>
          <InputNumber min={1} max={TOKEN_DAYS_MAX} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            新建令牌
          </Button>
        </Form.Item>
      </Form>
      <ItemsTable<TokenItem>
        query={tokens}
        rowKey="id"
        size="small"
        pagination={false}
        locale={{ emptyText: '还没有 API 令牌' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '令牌开头', dataIndex: 'prefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          { title: '创建时间', dataIndex: 'createdAt', render: formatDateTime },
          { title: '有效期至', dataIndex: 'expiresAt', render: formatDateTime },
          { title: '最近使用', dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : '从未使用') },
          { title: '状态', key: 'state', render: (_v, t) => stateOf(t, now) },
          {
            title: '操作',
            key: 'actions',
            render: (_v, t) =>
              t.revokedAt ? null : (
                <Popconfirm
                  title="撤销这个令牌？"
                  description="使用该令牌的脚本将立即无法访问。"
                  okText="撤销"
                  cancelText="取消"
                  onConfirm={() => revoke.mutateAsync(t.id).then(() => void message.success('令牌已撤销'))}
                >
                  <Button size="small" danger>
                    撤销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal title="令牌已创建" open={!!made} onOk={() => setMade(null)} onCancel={() => setMade(null)} okText="我已保存" cancelButtonProps={{ style: { display: 'none' } }} maskClosable={false}>
        {made && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title="请立即复制并妥善保存：关闭后令牌不会再显示，遗失只能撤销后重新创建。" />
            <Typography.Text>
              {made.name}（有效期至 {formatDateTime(made.expiresAt)}）
            </Typography.Text>
            <Typography.Text code copyable data-testid="new-token" style={{ wordBreak: 'break-all' }}>
              {made.token}
            </Typography.Text>
          </Space>
        )}
      </Modal>
    </Card>
  );
}
