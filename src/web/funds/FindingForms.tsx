/** The two forms of 审计整改: 登记问题 (a finding of an audit or inspection, with its deadline) and 整改 (its state and what was done). */
import { Form, Input, Radio, Select, Space, Typography } from 'antd';
import { FINDING_STATES, findingInput, findingUpdate } from '../../contract/funds';
import { todayIso } from '../app/format';
import { FormModal } from '../shared/FormModal';
import { MAX_PAGE_SIZE, useAllocations, useCreateFinding, useProjects, useUpdateFinding, type Finding, type FindingInput, type FindingUpdate } from './api';
import { DateItem, SearchSelect } from './fields';
import { FINDING_STATE_LABELS } from './labels';
import { useContractSend } from './useContractSend';
import { allocationLabel } from './view';

const CREATE_FIELDS = Object.keys(findingInput.shape);
const UPDATE_FIELDS = Object.keys(findingUpdate.shape);

/** The projects whose name holds the text (the 项目库 search), as choices. */
function useProjectChoices(text: string) {
  const list = useProjects({ q: text || undefined }, 1, 20);
  return { loading: list.isFetching, options: (list.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year} 年 ${p.name}（${p.village.name}）` })) };
}

export function CreateFindingModal({ open, projectId, onClose }: { open: boolean; projectId?: number; onClose: () => void }) {
  const [form] = Form.useForm<FindingInput>();
  const create = useCreateFinding();
  const allocations = useAllocations({}, 1, MAX_PAGE_SIZE, open && projectId === undefined);
  const { error, submit, saved } = useContractSend(form, findingInput, CREATE_FIELDS);

  const onSubmit = async () => {
    const v = await form.validateFields();
    const input: FindingInput = { ...v, projectId: projectId ?? v.projectId ?? null, allocationId: v.allocationId ?? null };
    await submit(input, (i) => create.mutateAsync(i), () => saved('已登记问题', onClose));
  };

  return (
    <FormModal open={open} title="登记问题" okText="登记" pending={create.isPending} error={error} onSubmit={onSubmit} onClose={onClose} width={600}>
      <Form<FindingInput> form={form} name="finding" layout="vertical" preserve={false} initialValues={{ foundOn: todayIso() }}>
        {projectId === undefined && (
          <>
            <Form.Item label="涉及项目" name="projectId" normalize={(v?: number) => v ?? null}>
              <SearchSelect<number> useChoices={useProjectChoices} placeholder="输入项目名称查找（可不选）" />
            </Form.Item>
            <Form.Item label="涉及资金" name="allocationId">
              <Select allowClear placeholder="可不选" loading={allocations.isFetching} options={(allocations.data?.items ?? []).map((a) => ({ value: a.id, label: allocationLabel(a) }))} />
            </Form.Item>
          </>
        )}
        <Space wrap size="middle" align="start">
          <DateItem label="发现日期" name="foundOn" />
          <DateItem label="整改期限" name="deadline" />
        </Space>
        <Form.Item label="检查单位" name="foundBy" rules={[{ required: true, whitespace: true, message: '请填写检查单位' }]}>
          <Input maxLength={60} placeholder="如：县审计局、省扶贫办督查组" />
        </Form.Item>
        <Form.Item label="问题" name="problem" rules={[{ required: true, whitespace: true, message: '请填写发现的问题' }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

type RectifyValues = Omit<FindingUpdate, 'version'>;

export function RectifyModal({ finding, onClose }: { finding: Finding | null; onClose: () => void }) {
  const [form] = Form.useForm<RectifyValues>();
  const update = useUpdateFinding();
  const { error, submit, saved } = useContractSend(form, findingUpdate, UPDATE_FIELDS);
  const state = Form.useWatch('state', form);
  if (!finding) return null;

  const onSubmit = async () => {
    const v = await form.validateFields();
    const input: FindingUpdate = {
      state: v.state,
      rectification: v.rectification?.trim() || undefined,
      rectifiedOn: v.state === 'rectified' ? v.rectifiedOn || undefined : undefined,
      version: finding.version,
    };
    // A stale version is refused with the server's message; the list is refreshed, so reopening shows the newest.
    await submit(input, (i) => update.mutateAsync({ id: finding.id, ...i }), () => saved('整改情况已保存', onClose));
  };

  return (
    <FormModal open title="整改情况" okText="保存" pending={update.isPending} error={error} onSubmit={onSubmit} onClose={onClose} width={600}>
      <Typography.Paragraph type="secondary">
        {finding.foundBy}（{finding.foundOn}）：{finding.problem}
        <br />
        整改期限：{finding.deadline}
      </Typography.Paragraph>
      <Form<RectifyValues>
        form={form}
        name="rectify"
        layout="vertical"
        preserve={false}
        initialValues={{ state: finding.state, rectification: finding.rectification || undefined, rectifiedOn: finding.rectifiedOn ?? todayIso() }}
      >
        <Form.Item label="整改状态" name="state" rules={[{ required: true, message: '请选择整改状态' }]}>
          <Radio.Group options={FINDING_STATES.map((s) => ({ value: s, label: FINDING_STATE_LABELS[s] }))} />
        </Form.Item>
        <Form.Item label="整改情况" name="rectification" rules={state === 'rectified' ? [{ required: true, whitespace: true, message: '请填写整改情况' }] : []}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        {state === 'rectified' && (
          <DateItem label="整改完成日期" name="rectifiedOn" />
        )}
      </Form>
    </FormModal>
  );
}
