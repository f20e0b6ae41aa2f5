/** 核实评议: the village's decision on one screening flag (属实 / 不属实) with what it found, and the decisions' history. */
import { Alert, App, Descriptions, Form, Input, List, Modal, Radio, Spin, Timeline, Typography } from 'antd';
import { useEffect } from 'react';
import { decisionBody } from '../../contract/screening';
import { ApiError, errorMessage } from '../app/api';
import { formatDateTime } from '../app/format';
import { schemaRule, showFieldErrors } from '../app/forms';
import { DECISIONS, MAX_OUTCOME, useDecideFlag, useFlag, type Decision } from './api';

const outcomeRule = schemaRule(decisionBody.shape.outcome);

interface Values {
  decision?: Decision;
  outcome: string;
}

export function FlagDecisionModal({ flagId, canDecide, onClose }: { flagId: number; canDecide: boolean; onClose: () => void }) {
  const flag = useFlag(flagId);
  const decide = useDecideFlag(flagId);
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('decision', form);
  const { message } = App.useApp();
  const f = flag.data;

  useEffect(() => {
    if (f) form.setFieldsValue({ decision: f.decision ?? undefined, outcome: f.outcome ?? '' });
  }, [f, form]);

  const submit = async () => {
    if (!f) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await decide.mutateAsync({ decision: v.decision!, outcome: v.outcome.trim(), expectedDecidedAt: f.decidedAt });
      void message.success('评议结果已记录');
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        void message.warning('该线索的评议结果已被他人更新，已重新载入，请核对后再提交');
        void flag.refetch();
      } else if (e instanceof ApiError && e.fields.length) {
        const rest = showFieldErrors(form, e, ['decision', 'outcome']);
        if (rest.length) void message.error(rest.map((x) => `${x.label}：${x.message}`).join('；'));
      } else void message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title={f ? `${f.kind}线索核实评议` : '核实评议'}
      width={720}
      okText="记录评议结果"
      cancelText={canDecide ? '取消' : '关闭'}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ hidden: !canDecide, loading: decide.isPending }}
      destroyOnHidden
    >
      {flag.isLoading && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {flag.isError && <Alert type="error" showIcon title="加载失败" description={errorMessage(flag.error)} />}
      {f && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={f.kind === '漏评' ? '姓名' : '户主'}>{f.personName || '—'}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{f.idNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="地区" span={2}>
              {f.regionName}
            </Descriptions.Item>
            {f.kind === '漏评' ? (
              <>
                <Descriptions.Item label="名单">{f.listName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="种类 / 行号">
                  {f.listKind} / 第 {f.rowNo} 行
                </Descriptions.Item>
                <Descriptions.Item label="名单内容" span={2}>
                  {f.detail || '—'}
                </Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label="户编号" span={2}>
                {f.householdNumber ?? '—'}
              </Descriptions.Item>
            )}
          </Descriptions>
          {f.reasons.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>不符合的标准</Typography.Text>}
              dataSource={f.reasons}
              style={{ marginBottom: 16 }}
              renderItem={(r) => (
                <List.Item>
                  <List.Item.Meta title={`${r.label}：${r.reason}`} description={`依据：“${r.citation}”`} />
                </List.Item>
              )}
            />
          )}
          <Form<Values> form={form} layout="vertical" name="flag-decision" disabled={!canDecide}>
            <Form.Item label="评议结果" name="decision" rules={[{ required: true, message: '请选择“属实”或“不属实”' }]}>
              <Radio.Group options={DECISIONS.map((d) => ({ value: d, label: d }))} />
            </Form.Item>
            {chosen && <Alert type={chosen === '属实' ? 'warning' : 'success'} showIcon title={f.meaning[chosen]} style={{ marginBottom: 16 }} />}
            <Form.Item
              label="评议情况"
              name="outcome"
              rules={[{ required: true, whitespace: true, message: '请填写核实和评议的情况' }, { max: MAX_OUTCOME, message: `不能超过 ${MAX_OUTCOME} 个字` }, outcomeRule]}
              extra="写明入户核实情况、评议的日期、结论和理由。"
            >
              <Input.TextArea rows={4} />
            </Form.Item>
          </Form>
          {f.history.length > 0 && (
            <>
              <Typography.Title level={5}>评议记录</Typography.Title>
              <Timeline
                items={f.history.map((e) => ({
                  content: (
                    <>
                      <Typography.Text strong>{formatDateTime(e.at)}</Typography.Text> {e.userName}：
                      {e.changes.map((c) => (
                        <div key={c.field}>
                          {c.label}：{c.before === null ? '（无）' : String(c.before)} → {c.after === null ? '（无）' : String(c.after)}
                        </div>
                      ))}
                    </>
                  ),
                }))}
              />
            </>
          )}
        </>
      )}
    </Modal>
  );
}
