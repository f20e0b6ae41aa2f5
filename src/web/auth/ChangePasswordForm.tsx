import { Alert, Button, Form, Input } from 'antd';
import { changePasswordBody } from '../../contract/auth';
import { passwordProblems } from '../../domain/auth/password-policy';
import { schemaRule } from '../app/forms';
import { useChangePassword } from './api';
import { useFormSend } from '../app/useFormSend';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export const PASSWORD_RULE_TEXT = '至少 10 个字符，含小写字母、大写字母、数字、符号中的至少 3 类（或不少于 16 个字符）；不能是常见密码，不能包含用户名。';

/** Change one's own password (the current one needed); the server ends every other session of the user. */
export function ChangePasswordForm({ username, onDone }: { username: string; onDone?: () => void }) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const { error, setError, send, saved } = useFormSend(form, ['currentPassword', 'newPassword']);

  const submit = async (v: Values) => {
    setError(null);
    await send(
      () => change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
      () => saved('密码已修改，其他设备上的登录已结束', onDone),
    );
  };

  return (
    <Form<Values> form={form} name="change-password" layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} style={{ maxWidth: 420 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item label="当前密码" name="currentPassword" validateFirst rules={[{ required: true, message: '请输入当前密码' }, schemaRule(changePasswordBody.shape.currentPassword)]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra={PASSWORD_RULE_TEXT}
        validateFirst
        rules={[
          { required: true, message: '请输入新密码' },
          schemaRule(changePasswordBody.shape.newPassword),
          {
            validator: async (_r, value: string | undefined) => {
              const problems = value ? passwordProblems(value, { username }) : [];
              if (problems.length) throw new Error(problems[0]);
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_r, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        修改密码
      </Button>
    </Form>
  );
}
