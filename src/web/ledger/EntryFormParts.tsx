/** Parts of the entry form: its section heading, the funds section, and the alerts above the form. */
import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Divider, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatWanYuan, parseWanYuan } from '../../domain/ledger/money';
import type { FieldError } from '../app/api';
import { FormCell } from '../shared/FormCell';
import { FormErrorList } from '../shared/FormErrorList';
import { FUND_FIELDS } from './api';
import type { EntryFormValues } from './entry-form-values';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 8 }}>
        {title}
      </Divider>
      {children}
    </>
  );
}

/** An amount in 万元 as the domain reads it (at most 4 decimals, not negative). */
const fundRule = {
  validator: (_: unknown, value: unknown) => {
    if (value === undefined || value === null || value === '') return Promise.resolve();
    const parsed = parseWanYuan(typeof value === 'number' ? value : String(value));
    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.message));
  },
};

/** The five sources of funds in 万元 (seed 000's explanations as tooltips), the beneficiaries, and the running total. */
export function FundsSection() {
  const form = Form.useFormInstance<EntryFormValues>();
  const funds = Form.useWatch('funds', form);
  const fundsTotal = useMemo(() => {
    let yuan = 0;
    for (const { key } of FUND_FIELDS) {
      const p = parseWanYuan(funds?.[key] ?? '');
      if (p.ok) yuan += p.yuan;
    }
    return formatWanYuan(yuan);
  }, [funds]);
  return (
    <Section title="资金（万元）与受益人数">
      <Row gutter={16}>
        {FUND_FIELDS.map((f) => (
          <FormCell
            key={f.key}
            xs={24}
            sm={12}
            md={8}
            label={`${f.label}（万元）`}
            name={['funds', f.key]}
            tooltip={{ title: f.help, icon: <InfoCircleOutlined /> }}
            rules={[fundRule]}
          >
            <Input inputMode="decimal" placeholder="0.0000" suffix="万元" autoComplete="off" />
          </FormCell>
        ))}
        <FormCell
          xs={24}
          sm={12}
          md={8}
          label="受益人数"
          name="beneficiaries"
          tooltip={{ title: '帮扶事项中明确的可量化的受益群众人数', icon: <InfoCircleOutlined /> }}
          rules={[{ type: 'number', min: 0, message: '应为不小于 0 的整数' }]}
        >
          <InputNumber precision={0} min={0} style={{ width: '100%' }} suffix="人" />
        </FormCell>
      </Row>
      <Typography.Paragraph>
        资金合计：<Typography.Text strong data-testid="funds-total">{fundsTotal}</Typography.Text> 万元
      </Typography.Paragraph>
    </Section>
  );
}

export interface DuplicateInfo {
  message: string;
  existingId: number | null;
}

/** What went wrong with the last save and has no field of its own: the same deed already recorded, or other errors. */
export function FormAlerts({ duplicate, generalError, otherErrors }: { duplicate: DuplicateInfo | null; generalError: string | null; otherErrors: FieldError[] }) {
  return (
    <>
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="该事项已录入台账"
          description={
            <Space orientation="vertical" size={4}>
              <span>{duplicate.message}</span>
              {duplicate.existingId !== null && (
                <Space>
                  <Link to={`/ledger/${duplicate.existingId}/edit`} data-testid="duplicate-edit-link">
                    编辑已有事项
                  </Link>
                  <Link to={`/ledger/${duplicate.existingId}`}>查看已有事项</Link>
                </Space>
              )}
            </Space>
          }
        />
      )}
      {generalError && <Alert type="error" showIcon title="保存失败" description={generalError} style={{ marginBottom: 16 }} />}
      {otherErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="保存失败"
          description={
            <FormErrorList errors={otherErrors} indent={18} />
          }
        />
      )}
    </>
  );
}
