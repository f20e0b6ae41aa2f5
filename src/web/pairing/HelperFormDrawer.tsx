/** The form of a 帮扶责任人 (new or edited), checked with the same eligibility rule as the server (seed 004). */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { failureMessage, schemaRule } from '../app/forms';
import { helperInput } from '../../contract/pairing';
import { HELPER_PHONE } from '../../domain/pairing/helper-record';
import { RegionPicker } from '../shared/RegionPicker';
import {
  CADRE_LEVELS,
  ENTERPRISE_LEVELS,
  HELPER_KIND_LABELS,
  HELPER_KINDS,
  helperEligibilityProblem,
  LEVEL_LABELS,
  useCreateHelper,
  useUpdateHelper,
  type HelperDetail,
  type HelperInput,
  type HelperKind,
} from './api';

const FIELDS = Object.keys(helperInput.shape);
const field = helperInput.shape;

export function HelperFormDrawer({ open, helper, onClose, onSaved }: { open: boolean; helper?: HelperDetail; onClose: () => void; onSaved?: (h: HelperDetail) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<HelperInput>();
  const create = useCreateHelper();
  const update = useUpdateHelper();
  const [error, setError] = useState<string | null>(null);
  const kind = (Form.useWatch('kind', form) ?? 'cadre') as HelperKind;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (helper) form.setFieldsValue({ name: helper.name, unit: helper.unit, kind: helper.kind, level: helper.level, post: helper.post, phone: helper.phone, regionCode: helper.regionCode });
  }, [open, helper, form]);

  const submit = (v: HelperInput) => {
    setError(null);
    const done = (h: HelperDetail) => {
      void message.success(helper ? '帮扶责任人信息已保存' : `已登记帮扶责任人“${h.name}”`);
      onSaved?.(h);
      onClose();
    };
    const fail = (e: unknown) => setError(failureMessage(form, e, FIELDS));
    if (helper) update.mutate({ id: helper.id, ...v, version: helper.version }, { onSuccess: done, onError: fail });
    else create.mutate(v, { onSuccess: done, onError: fail });
  };

  const levels: readonly string[] = kind === 'enterprise' ? ENTERPRISE_LEVELS : CADRE_LEVELS;
  return (
    <Drawer title={helper ? `编辑帮扶责任人：${helper.name}` : '登记帮扶责任人'} open={open} onClose={onClose} size={520} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        帮扶责任人须为乡镇以上党政机关、事业单位在编干部，或企业中层以上管理人员；村干部不能担任。每名帮扶责任人联系的贫困户不超过 3 户。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title="未保存" description={error} style={{ marginBottom: 12 }} data-testid="helper-error" />}
      <Form<HelperInput> form={form} name="helper" layout="vertical" initialValues={{ kind: 'cadre', level: '乡' }} onFinish={submit}>
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, schemaRule(field.name)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="人员类别" name="kind" rules={[{ required: true, message: '请选择人员类别' }]}>
          <Radio.Group
            options={HELPER_KINDS.map((k) => ({ value: k, label: HELPER_KIND_LABELS[k] }))}
            onChange={(e) => form.setFieldValue('level', e.target.value === 'enterprise' ? '中层' : '乡')}
          />
        </Form.Item>
        <Form.Item
          label={LEVEL_LABELS[kind]}
          name="level"
          dependencies={['kind']}
          rules={[
            { required: true, message: `请选择${LEVEL_LABELS[kind]}` },
            {
              validator: (_, level: string) => {
                const problem = helperEligibilityProblem(form.getFieldValue('kind') as string, level);
                return problem ? Promise.reject(new Error(problem.message)) : Promise.resolve();
              },
            },
          ]}
          extra={kind === 'enterprise' ? '企业中层以上管理人员可担任' : '单位所在层级：乡镇及以上可担任'}
        >
          <Select options={levels.map((l) => ({ value: l, label: kind === 'cadre' ? `${l}级` : l }))} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="工作单位" name="unit" rules={[{ required: true, whitespace: true, message: '请填写工作单位' }, schemaRule(field.unit)]}>
          <Input maxLength={100} placeholder="如：新城镇人民政府、昭觉县农业农村局" />
        </Form.Item>
        <Space size="middle" style={{ width: '100%' }} align="start">
          <Form.Item label="职务" name="post" rules={[schemaRule(field.post)]}>
            <Input maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="联系电话" name="phone" rules={[{ pattern: HELPER_PHONE, message: '电话号码格式不正确' }]}>
            <Input maxLength={20} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item label="所在地区（工作单位所在地）" name="regionCode" rules={[{ required: true, message: '请选择所在地区' }]} extra="本地区及下级地区的贫困户可由其联系">
          <RegionPicker maxLevel={4} placeholder="省 / 市 / 县 / 乡镇" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending || update.isPending}>
          保存
        </Button>
      </Form>
    </Drawer>
  );
}
