/**
 * The open step of a running procedure: a form with only what the step requires (a notice's start date and
 * objections, an assembly's attendance and votes, who confirmed, or a note about the comparison), and the actions
 * 通过本步 / 退回 / 撤销程序. The server decides; its field errors are shown at the fields, a stale version asks for a
 * reload.
 */
import { CheckOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { actionBody, type NoticeInput } from '../../contract/procedures';
import { ApiError, errorMessage, type FieldError } from '../app/api';
import { namePath, problemsOf, showFieldErrors } from '../app/forms';
import { FormCell } from '../shared/FormCell';
import { FormStaleAlert } from '../shared/FormStaleAlert';
import { LEVELS, useProcedureAction, type ActionInput, type Procedure } from './api';
import { FINAL_EFFECT, requirementLabels } from './labels';
import { noticeHint, quorumHint, type AssemblyValues } from './step-hints';

/** The step form's values: the record as typed (numbers possibly empty) and the note. */
interface PassValues {
  notice?: Partial<NoticeInput>;
  assembly?: AssemblyValues;
  confirmedBy?: string;
  reason?: string;
}

interface ReturnValues {
  to?: number;
  reason?: string;
}

const PASS_FIELDS = ['notice.from', 'notice.objections', 'assembly.representatives', 'assembly.present', 'assembly.votesFor', 'assembly.votesAgainst', 'confirmedBy', 'reason'];

/** Labels of the action's fields, for problems found before sending (the server words its own). */
const LABELS: Record<string, string> = {
  'record.notice.from': '公示开始日期',
  'record.notice.objections': '异议情况',
  'record.assembly.representatives': '应到代表人数',
  'record.assembly.present': '实到人数',
  'record.assembly.votesFor': '同意票',
  'record.assembly.votesAgainst': '反对票',
  'record.confirmedBy': '确认人',
  reason: '办理意见',
  to: '退回到',
};

interface Failure {
  message: string;
  /** The errors that no field of the form shows. */
  others: FieldError[];
  /** The first error shown at a field, if any. */
  first?: FieldError;
}

/**
 * Puts field errors (the server's, or those `actionBody` finds before sending) on the form's `fields`; the refusal to
 * show above the buttons. A step's record is `record.notice.from` in the request and `notice.from` on the form.
 */
function placeErrors(form: FormInstance, e: unknown, fields: readonly string[]): Failure {
  const all = (e instanceof ApiError ? e.fields : Array.isArray(e) ? (e as FieldError[]) : []).map((f) => ({ ...f, field: f.field.replace(/^record\./, '') }));
  const others = showFieldErrors(form, all, fields);
  return { message: Array.isArray(e) ? '请按标出的字段修改后重新提交。' : errorMessage(e), others, first: all.find((f) => !others.includes(f)) };
}

/** Sends an action after checking it with the endpoint's schema; a problem found is refused here like the server's. */
function checked(input: ActionInput): Promise<ActionInput> {
  const problems = problemsOf(actionBody, input, LABELS);
  return problems.length ? Promise.reject(problems) : Promise.resolve(input);
}

const isStale = (e: unknown) => e instanceof ApiError && e.code === 'STALE_VERSION';

/**
 * An action on the open step, for one form: checked with the endpoint's schema, then sent; a refusal's field errors
 * land on the form's `fields` (the rest is kept to show above the buttons), a stale version goes to `onStale`.
 * `send` resolves to the procedure after the action, or undefined when it did not go ahead.
 */
function useStepAction(procedure: Procedure, form: FormInstance, fields: readonly string[], onStale: () => void) {
  const action = useProcedureAction(procedure.id);
  const [refusal, setRefusal] = useState<Failure | null>(null);
  const send = (input: ActionInput): Promise<Procedure | undefined> => {
    setRefusal(null);
    return checked(input)
      .then((valid) => action.mutateAsync(valid))
      .catch((e: unknown) => {
        if (isStale(e)) onStale();
        else {
          const failure = placeErrors(form, e, fields);
          setRefusal(failure);
          if (failure.first) form.scrollToField(namePath(failure.first.field), { block: 'center' });
        }
        return undefined;
      });
  };
  return { send, refusal, pending: action.isPending };
}

/** The refusal: the errors no field shows, else a pointer to the fields marked, else the server's message. */
function Refusal({ title, failure: { message, others, first }, testId }: { title: string; failure: Failure; testId: string }) {
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={title}
      description={
        others.length ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {others.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        ) : first ? (
          '请按标出的字段修改后重新提交。'
        ) : (
          message
        )
      }
      style={{ marginBottom: 12 }}
    />
  );
}

function NoticeFields({ minDays, today, earliest }: { minDays?: number; today: string; earliest: string | null }) {
  const form = Form.useFormInstance<PassValues>();
  const from = Form.useWatch(['notice', 'from'], form) as string | undefined;
  const hint = noticeHint(from, minDays, today);
  return (
    <Row gutter={12}>
      <FormCell xs={24} md={8} label="公示开始日期" name={['notice', 'from']} rules={[{ required: true, message: '请填写公示开始日期' }]}>
        <Input type="date" min={earliest ?? undefined} max={today} />
      </FormCell>
      <FormCell xs={24} md={16} label="异议情况" name={['notice', 'objections']} extra="公示期间无异议的不填；有异议的如实记录，不能通过本步，应核实后退回相应步骤。">
        <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder="无异议" />
      </FormCell>
      <Col xs={24}>
        {hint ? (
          <Alert type={hint.ended ? 'success' : 'warning'} showIcon title={hint.text} data-testid="notice-hint" style={{ marginBottom: 16 }} />
        ) : (
          <Typography.Paragraph type="secondary">
            公示期 {minDays ?? 7} 天，自开始日期起算；期满次日起方可通过本步（今天是 {today}）。{earliest && `本步于上一步办结后开始，公示开始日期不能早于 ${earliest}。`}
          </Typography.Paragraph>
        )}
      </Col>
    </Row>
  );
}

function AssemblyFields() {
  const form = Form.useFormInstance<PassValues>();
  const values = (Form.useWatch('assembly', form) ?? {}) as AssemblyValues;
  const hint = quorumHint(values);
  const count = (name: keyof AssemblyValues, label: string) => (
    <FormCell xs={12} md={6} label={label} name={['assembly', name]} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber precision={0} min={0} style={{ width: '100%' }} />
    </FormCell>
  );
  return (
    <Row gutter={12}>
      {count('representatives', '应到代表人数')}
      {count('present', '实到人数')}
      {count('votesFor', '同意票')}
      {count('votesAgainst', '反对票')}
      <Col xs={24}>
        {hint ? (
          <Alert type={hint.quorate && hint.majority !== false ? 'success' : 'warning'} showIcon title={hint.text} data-testid="quorum-hint" style={{ marginBottom: 16 }} />
        ) : (
          <Typography.Paragraph type="secondary">须有三分之二以上的代表到会方可召开，决定须经到会人员过半数同意。</Typography.Paragraph>
        )}
      </Col>
    </Row>
  );
}

/** A dialog that confirms a return or a withdrawal: its danger button submits `form`; closing it drops what was typed. */
function ActionModal({
  open,
  title,
  okText,
  pending,
  form,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  okText: string;
  pending: boolean;
  form: FormInstance;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, loading: pending }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}

/** The required reason of a return or a withdrawal. */
function ReasonItem({ label, placeholder }: { label: string; placeholder: string }) {
  return (
    <Form.Item label={label} name="reason" rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
      <Input.TextArea rows={3} maxLength={500} placeholder={placeholder} />
    </Form.Item>
  );
}

function ReturnModal({ procedure, open, onClose, onStale }: { procedure: Procedure; open: boolean; onClose: () => void; onStale: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReturnValues>();
  const { send, refusal, pending } = useStepAction(procedure, form, ['to', 'reason'], () => (onClose(), onStale()));
  const steps = procedure.definition.steps.slice(0, procedure.currentStep);

  const submit = (v: ReturnValues) =>
    void send({ type: 'return', step: procedure.currentStep, to: v.to ?? -1, reason: v.reason?.trim() ?? '', version: procedure.version }).then((p) => {
      if (!p) return;
      void message.success(`已退回至第 ${p.currentStep + 1} 步`);
      onClose();
    });

  return (
    <ActionModal
      open={open}
      title={`退回：第 ${procedure.currentStep + 1} 步“${procedure.definition.steps[procedure.currentStep]?.name ?? ''}”`}
      okText="确认退回"
      pending={pending}
      form={form}
      onClose={onClose}
    >
      <Form<ReturnValues> form={form} name="procedure-return" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item label="退回到" name="to" rules={[{ required: true, message: '请选择退回到哪一步' }]}>
          <Select placeholder="选择此前的步骤" options={steps.map((s, i) => ({ value: i, label: `第 ${i + 1} 步：${s.name}（${s.level}级）` }))} />
        </Form.Item>
        <ReasonItem label="退回原因" placeholder="如：乡镇审核发现务工收入证明不全，退回重新核实" />
      </Form>
      <Typography.Paragraph type="secondary">退回后，从所选步骤起重新逐步办理；已办理的记录保留在办理记录中。</Typography.Paragraph>
      {refusal && <Refusal title="未退回" failure={refusal} testId="return-error" />}
    </ActionModal>
  );
}

function WithdrawModal({ procedure, open, onClose, onStale }: { procedure: Procedure; open: boolean; onClose: () => void; onStale: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const { send, refusal, pending } = useStepAction(procedure, form, ['reason'], () => (onClose(), onStale()));

  const submit = (v: { reason?: string }) =>
    void send({ type: 'withdraw', reason: v.reason?.trim() ?? '', version: procedure.version }).then((p) => {
      if (!p) return;
      void message.success('程序已撤销');
      onClose();
    });

  return (
    <ActionModal open={open} title={`撤销“${procedure.kindLabel}”程序？`} okText="确认撤销" pending={pending} form={form} onClose={onClose}>
      <Typography.Paragraph>撤销后该程序不能继续办理，贫困户或村的状态不变；如需办理，应重新启动程序。</Typography.Paragraph>
      <Form form={form} name="procedure-withdraw" layout="vertical" onFinish={submit} preserve={false}>
        <ReasonItem label="撤销原因" placeholder="如：经核实，该户收入不稳定，暂不脱贫" />
      </Form>
      {refusal && <Refusal title="未撤销" failure={refusal} testId="withdraw-error" />}
    </ActionModal>
  );
}

/** The form of the open step; built afresh for each version of the procedure (a passed step opens the next one). */
export function StepForm({ procedure, onReload }: { procedure: Procedure; onReload: () => Promise<unknown> }) {
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<PassValues>();
  const [stale, setStale] = useState(false);
  const { send: act, refusal, pending } = useStepAction(procedure, form, PASS_FIELDS, () => setStale(true));
  const [returning, setReturning] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);

  const index = procedure.currentStep;
  const step = procedure.definition.steps[index];
  if (!step) return null;
  const last = index === procedure.definition.steps.length - 1;
  const needs = new Set(step.requires);
  const levelTooLow = LEVELS.indexOf(procedure.userLevel) < LEVELS.indexOf(step.level);

  const send = (v: PassValues) => {
    const record: NonNullable<ActionInput['record']> = {};
    if (needs.has('notice')) record.notice = { from: v.notice?.from ?? '', objections: v.notice?.objections?.trim() ?? '' };
    if (needs.has('assembly')) {
      const a = v.assembly ?? {};
      record.assembly = { representatives: a.representatives ?? 0, present: a.present ?? 0, votesFor: a.votesFor ?? 0, votesAgainst: a.votesAgainst ?? 0 };
    }
    if (needs.has('confirmation')) record.confirmedBy = v.confirmedBy?.trim() ?? '';
    return act({ type: 'pass', step: index, record, reason: v.reason?.trim() ?? '', version: procedure.version }).then((p) => {
      if (p) void message.success(p.state === 'completed' ? `“${procedure.kindLabel}”程序已办结` : `第 ${index + 1} 步已通过，转入第 ${p.currentStep + 1} 步`);
    });
  };

  const submit = (v: PassValues) => {
    if (!last) return void send(v);
    modal.confirm({
      title: `通过最后一步“${step.name}”，办结程序？`,
      content: `办结后${FINAL_EFFECT[procedure.kind]}。`,
      okText: '确认办结',
      cancelText: '取消',
      onOk: () => send(v),
    });
  };

  return (
    <div data-testid="step-form-card">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="current-step">
          第 {index + 1} 步：{step.name}
        </Typography.Text>
        <Tag color="blue">{step.level}级办理</Tag>
        {requirementLabels(step).map((r) => (
          <Tag key={r}>{r}</Tag>
        ))}
      </Space>
      {levelTooLow && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本步应由${step.level}级及以上办理`}
          description={`您的账号属于${procedure.userLevel}级，只能查看本步、上传佐证材料或撤销程序。`}
        />
      )}
      <Form<PassValues> form={form} name="procedure-step" layout="vertical" onFinish={submit} scrollToFirstError>
        {needs.has('assembly') && <AssemblyFields />}
        {needs.has('notice') && <NoticeFields minDays={step.minDays} today={procedure.today} earliest={procedure.noticeEarliest} />}
        {needs.has('confirmation') && (
          <Form.Item label="确认人" name="confirmedBy" rules={[{ required: true, whitespace: true, message: '请填写确认人' }]} extra="如拟退出户认可、告知本人：由谁确认（姓名及身份），书面材料请作为佐证上传。">
            <Input maxLength={50} placeholder="如：吉克阿呷（户主）" />
          </Form.Item>
        )}
        {needs.has('comparison') && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="comparison-note"
            title="本步须已进行部门数据比对（一比对）"
            description="请先对申请户的全部家庭成员运行一比对（车辆、商品房、工商注册、财政供养、死亡等名单）；尚未比对的，通过本步时将被拒绝。比对命中的情况应交村民代表大会评议核实，不直接取消资格。"
          />
        )}
        {step.requires.length === 0 && <Typography.Paragraph type="secondary">本步无需填写其他记录，核实后即可通过；会议记录、审核报告等请作为佐证材料上传。</Typography.Paragraph>}
        <Form.Item label="办理意见（可不填）" name="reason">
          <Input maxLength={500} placeholder="如：经审核，材料齐全" />
        </Form.Item>

        {stale && (
          <FormStaleAlert
            testId="procedure-stale"
            title="该程序已被他人办理，本次操作未保存"
            description="您打开本页后，其他用户办理了该程序。请重新载入，核对当前步骤后再办理。"
            onReload={onReload}
          />
        )}
        {refusal && <Refusal title="本步未通过" failure={refusal} testId="step-error" />}
        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={pending} disabled={stale || levelTooLow}>
            通过本步
          </Button>
          <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} disabled={stale || levelTooLow || index === 0}>
            退回
          </Button>
          <Button danger icon={<StopOutlined />} onClick={() => setWithdrawing(true)} disabled={stale}>
            撤销程序
          </Button>
        </Space>
      </Form>
      <ReturnModal procedure={procedure} open={returning} onClose={() => setReturning(false)} onStale={() => setStale(true)} />
      <WithdrawModal procedure={procedure} open={withdrawing} onClose={() => setWithdrawing(false)} onStale={() => setStale(true)} />
    </div>
  );
}
