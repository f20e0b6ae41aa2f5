/**
 * 申报项目: a village's project (户申请、村申报), its 正面清单 category or a reason why none fits, what it builds, its
 * budget and, for a 到户 project, the village's households it reaches. The 负面清单 is checked as the server checks it;
 * a refusal of the server stands on its field.
 */
import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { projectInput } from '../../contract/funds';
import type { PositiveUse, ProjectReach } from '../../domain/funds/catalog';
import { currentYear } from '../app/format';
import { RegionPicker } from '../shared/RegionPicker';
import { useDeclareProject, type ProjectInput } from './api';
import { HouseholdPick } from './HouseholdPick';
import { NO_USE, REACH_OPTIONS, USE_LISTS_BASIS, USE_OPTIONS } from './labels';
import { useContractSend } from './useContractSend';
import { negativeListRule } from './negativeListRule';

const FIELDS = Object.keys(projectInput.shape);

type Values = Omit<ProjectInput, 'use'> & { use?: PositiveUse | typeof NO_USE };

export function DeclareProjectDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const declare = useDeclareProject();
  const navigate = useNavigate();
  const { error, submit, saved } = useContractSend(form, projectInput, FIELDS);
  const reach = Form.useWatch('reach', form) as ProjectReach | undefined;
  const use = Form.useWatch('use', form);
  const villageCode = Form.useWatch('villageCode', form);

  const onFinish = async (v: Values) => {
    const input: ProjectInput = {
      year: v.year,
      name: v.name,
      villageCode: v.villageCode,
      reach: v.reach,
      use: !v.use || v.use === NO_USE ? null : v.use,
      useReason: v.use === NO_USE ? v.useReason?.trim() : undefined,
      content: v.content,
      budget: v.budget,
      householdIds: v.reach === 'household' ? (v.householdIds ?? []) : undefined,
    };
    await submit(input, (i) => declare.mutateAsync(i), (p) => saved(`已申报项目“${p.name}”，进入审批`, () => navigate(`/funds/projects/${p.id}`)));
  };

  return (
    <Drawer title="申报项目" open={open} onClose={onClose} size={600} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {USE_LISTS_BASIS}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title="未申报" description={error} style={{ marginBottom: 12 }} data-testid="project-error" />}
      <Form<Values> form={form} name="project" layout="vertical" initialValues={{ year: currentYear(), reach: 'village' }} onFinish={(v) => void onFinish(v)}>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={1900} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="项目名称" name="name" validateFirst rules={[{ required: true, whitespace: true, message: '请填写项目名称' }, negativeListRule]}>
          <Input maxLength={100} placeholder="如：新城村光伏扶贫电站" />
        </Form.Item>
        <Form.Item label="所在村" name="villageCode" rules={[{ required: true, message: '请选择项目所在村' }]}>
          <RegionPicker maxLevel={5} leafOnly placeholder="省 / 市 / 县 / 乡镇 / 村" />
        </Form.Item>
        <Form.Item label="项目类别" name="reach" rules={[{ required: true, message: '请选择项目类别' }]}>
          <Radio.Group options={REACH_OPTIONS} />
        </Form.Item>
        <Form.Item label="正面清单类别" name="use" rules={[{ required: true, message: '请选择资金用途类别' }]}>
          <Select options={USE_OPTIONS} placeholder="按正面清单选择" />
        </Form.Item>
        {use === NO_USE && (
          <Form.Item label="不在正面清单内的理由" name="useReason" rules={[{ required: true, whitespace: true, message: '资金用途不在正面清单内，请说明用于脱贫攻坚的理由' }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        <Form.Item label="建设内容" name="content" validateFirst rules={[{ required: true, whitespace: true, message: '请填写建设内容' }, negativeListRule]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item label="预算（元）" name="budget" rules={[{ required: true, message: '请填写预算' }]}>
          <InputNumber min={1} precision={0} style={{ width: 200 }} />
        </Form.Item>
        {reach === 'household' && (
          <Form.Item label="受益户（本村建档立卡户）" name="householdIds" rules={[{ required: true, type: 'array', min: 1, message: '到户项目请选择受益户' }]}>
            <HouseholdPick villageCode={villageCode} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={declare.isPending} data-testid="project-submit">
            申报
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
