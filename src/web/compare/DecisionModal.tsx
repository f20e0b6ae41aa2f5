/**
 * 评议结果: the village assembly's decision on one hit (属实 / 不属实) with what it found, and the history of the
 * decisions. Recording it changes nothing else: a household is cleared only by its removal procedure.
 */
import { Alert, App, Descriptions, Form, Input, Modal, Radio, Spin, Timeline, Typography } from 'antd';
import { useEffect } from 'react';
import { decisionBody } from '../../contract/compare';
import { MAX_OUTCOME } from '../../domain/compare/decision';
import { ApiError, errorMessage } from '../app/api';
import { formatDateTime } from '../app/format';
import { schemaRule, showFieldErrors } from '../app/forms';
import { DECISION_MEANING, DECISIONS, useDecide, useHit, type Decision } from './api';

const outcomeRule = schemaRule(decisionBody.shape.outcome);

interface Values {
  decision?: Decision;
  outcome: string;
}

export function DecisionModal({ hitId, canDecide, onClose }: { hitId: number; canDecide: boolean; onClose: () => void }) {
  const hit = useHit(hitId);
  const decide = useDecide(hitId);
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('decision', form);
  const { message } = App.useApp();
  const h = hit.data;

  useEffect(() => {
    if (h) form.setFieldsValue({ decision: h.decision ?? undefined, outcome: h.outcome ?? '' });
  }, [h, form]);

  const submit = async () => {
    if (!h) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    try {
      await decide.mutateAsync({ decision: v.decision!, outcome: v.outcome.trim(), expectedDecidedAt: h.decidedAt });
      void message.success('评议结果已记录');
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        void message.warning('该线索的评议结果已被他人更新，已重新载入，请核对后再提交');
        void hit.refetch();
      } else if (e instanceof ApiError && e.fields.length) {
        const rest = showFieldErrors(form, e, ['decision', 'outcome']);
        if (rest.length) void message.error(rest.map((f) => `${f.label}：${f.message}`).join('；'));
      } else void message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title="村民代表大会评议"
      width={720}
      okText="记录评议结果"
      cancelText={canDecide ? '取消' : '关闭'}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ hidden: !canDecide, loading: decide.isPending }}
      destroyOnHidden
    >
      {hit.isLoading && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {hit.isError && <Alert type="error" showIcon title="加载失败" description={errorMessage(hit.error)} />}
      {h && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="姓名">{h.personName}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{h.idNumber}</Descriptions.Item>
            <Descriptions.Item label="所在村" span={2}>
              {h.villageName ?? h.villageCode}
            </Descriptions.Item>
            <Descriptions.Item label="名单">{h.listName ?? `已删除的名单（编号 ${h.listId}）`}</Descriptions.Item>
            <Descriptions.Item label="部门 / 行号">
              {h.department} / 第 {h.rowNo} 行
            </Descriptions.Item>
            <Descriptions.Item label="名单内容" span={2}>
              {h.detail || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Form<Values> form={form} layout="vertical" name="hit-decision" disabled={!canDecide}>
            <Form.Item label="评议结果" name="decision" rules={[{ required: true, message: '请选择“属实”或“不属实”' }]}>
              <Radio.Group options={DECISIONS.map((d) => ({ value: d, label: d }))} />
            </Form.Item>
            {chosen && <Alert type={chosen === '属实' ? 'warning' : 'success'} showIcon title={DECISION_MEANING[chosen]} style={{ marginBottom: 16 }} />}
            <Form.Item
              label="评议情况"
              name="outcome"
              rules={[
                { required: true, whitespace: true, message: '请填写核实和评议的情况' },
                { max: MAX_OUTCOME, message: `不能超过 ${MAX_OUTCOME} 个字` },
                outcomeRule,
              ]}
              extra="写明入户核实情况、村民代表大会评议的日期、结论和理由。"
            >
              <Input.TextArea rows={4} placeholder="如：2020年7月2日村民代表大会评议，该车为亲属借名登记，家庭收入未超过标准，评议不属实。" />
            </Form.Item>
          </Form>
          {h.history.length > 0 && (
            <>
              <Typography.Title level={5}>评议记录</Typography.Title>
              <Timeline
                items={h.history.map((e) => ({
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
