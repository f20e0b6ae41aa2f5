import { Button, Checkbox, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Tag } from 'antd';
import type { FormInstance } from 'antd';
import { useMemo, useState } from 'react';
import { entryBody } from '../../contract/ledger';
import { FIELD_LABELS } from '../../domain/ledger/fields';
import { CONTENT_MAX, MIN_YEAR } from '../../domain/ledger/validate-entry';
import { ApiError, errorMessage, type FieldError } from '../app/api';
import { currentYear } from '../app/format';
import { namePath, problemsOf, schemaRule, showFieldErrors } from '../app/forms';
import { useMe } from '../shared/session';
import { useAllMembers } from '../shared/members';
import { MEMBER_STATUS_LABELS } from '../../domain/shared/members';
import { FormCell, FormSwitch } from '../shared/FormCell';
import { OrgSelect } from '../shared/OrgSelect';
import { RegionPicker, type RegionInfo } from '../shared/RegionPicker';
import { UNIT_HINTS, useCodebook, type Entry, type EntryInput } from './api';
import { entryToFormValues, FORM_FIELDS, formValuesToInput, toFormErrors, type EntryFormValues, type TargetKind } from './entry-form-values';
import { FormAlerts, FundsSection, Section, type DuplicateInfo } from './EntryFormParts';

/** The endpoint's schemas of the fields checked by their own rule (the domain checks the rest on the server). */
const documentNumberRule = schemaRule(entryBody.shape.documentNumber);
const targetTextRule = schemaRule(entryBody.shape.target.unwrap().shape.text);

export interface EntryFormProps {
  /** The entry being edited; absent when a new one is recorded. */
  entry?: Entry;
  submitText: string;
  onSubmit: (input: EntryInput) => Promise<void>;
  /** Called when the server says the entry was changed by someone else (409 STALE_VERSION). */
  onStale?: (error: ApiError) => void;
  onCancel?: () => void;
}

/**
 * The form for one 事项, driven by the codebook: category → sub-type (with the seed's explanation), unit,
 * target from the region tree or free text, five fund sources in 万元, participating members, and the
 * not-official-duty confirmation. Server field errors are shown on the fields they name.
 */
export function EntryForm({ entry, submitText, onSubmit, onStale, onCancel }: EntryFormProps) {
  const [form] = Form.useForm<EntryFormValues>();
  const me = useMe().data;
  const codebook = useCodebook();
  const [submitting, setSubmitting] = useState(false);
  const [duplicate, setDuplicate] = useState<DuplicateInfo | null>(null);
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [proposal, setProposal] = useState<RegionInfo | null>(null);

  const maxYear = currentYear();
  const initialValues = useMemo<EntryFormValues>(
    () =>
      entry
        ? entryToFormValues(entry)
        : {
            orgId: me?.orgId,
            targetKind: 'region',
            funds: {},
            count: 1,
            deepPoverty: false,
            startYear: maxYear,
            memberIds: me?.memberId ? [me.memberId] : [],
            notOfficialDuty: false,
          },
    [entry, me?.orgId, me?.memberId, maxYear],
  );

  const categoryCode = Form.useWatch('categoryCode', form);
  const subtypeCode = Form.useWatch('subtypeCode', form);
  const targetKind = Form.useWatch('targetKind', form) ?? initialValues.targetKind;
  const orgId = Form.useWatch('orgId', form);
  const startYear = Form.useWatch('startYear', form);

  const categories = useMemo(() => codebook.data?.categories ?? [], [codebook.data]);
  const category = categories.find((c) => c.code === categoryCode);
  const subtype = category?.subtypes.find((s) => s.code === subtypeCode);
  const members = useAllMembers(orgId ?? undefined);

  /** Field errors (the server's, or the endpoint schema's before sending) on their fields; the rest above the form. */
  const showErrors = (fields: readonly FieldError[], f: FormInstance<EntryFormValues>) => {
    const { onForm, others } = toFormErrors(fields, f.getFieldValue('targetKind') as TargetKind);
    setOtherErrors([...showFieldErrors(f, onForm, FORM_FIELDS), ...others]);
    const first = onForm[0];
    if (first) f.scrollToField(namePath(first.field), { block: 'center' });
    else window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const onFinish = async (values: EntryFormValues) => {
    setDuplicate(null);
    setOtherErrors([]);
    setGeneralError(null);
    setSubmitting(true);
    const input = formValuesToInput(values, subtype);
    const problems = problemsOf(entryBody, input, FIELD_LABELS);
    if (problems.length) {
      showErrors(problems, form);
      setSubmitting(false);
      return;
    }
    try {
      await onSubmit(input);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DUPLICATE') {
        const id = e.details.existingId;
        setDuplicate({ message: e.message, existingId: typeof id === 'number' ? id : typeof id === 'string' ? Number(id) : null });
        window.scrollTo({ top: 0, behavior: 'smooth' });
      } else if (e instanceof ApiError && e.code === 'STALE_VERSION' && onStale) {
        onStale(e);
      } else if (e instanceof ApiError && e.fields.length > 0) {
        showErrors(e.fields, form);
      } else {
        setGeneralError(errorMessage(e));
        window.scrollTo({ top: 0, behavior: 'smooth' });
      }
    } finally {
      setSubmitting(false);
    }
  };

  const onValuesChange = (changed: Partial<EntryFormValues>) => {
    if ('categoryCode' in changed) {
      const cat = categories.find((c) => c.code === changed.categoryCode);
      // A category with a single sub-type (其他) chooses it at once.
      form.setFieldValue('subtypeCode', cat && cat.subtypes.length === 1 ? cat.subtypes[0]?.code : undefined);
    }
    if ('subtypeCode' in changed) {
      const st = categories.flatMap((c) => c.subtypes).find((s) => s.code === changed.subtypeCode);
      if (st?.needsDocumentNumber) form.setFieldValue('count', 1);
      if (st?.code === '0701') form.setFieldValue('targetKind', 'region');
    }
    if ('orgId' in changed) form.setFieldValue('memberIds', []);
    if ('targetKind' in changed) setProposal(null);
    if ('startYear' in changed) void form.validateFields(['endYear']).catch(() => undefined);
  };

  const onRegionChosen = (code: string | undefined, info?: RegionInfo) => {
    if (!code || !info) {
      setProposal(null);
      return;
    }
    setProposal(info);
    form.setFieldValue('deepPoverty', info.deepPoverty);
  };

  const memberOptions = (members.data ?? []).map((m) => ({
    value: m.id,
    label: `${m.name}${m.orgName ? `（${m.orgName}）` : ''}${m.status === 'unable' ? ` — ${MEMBER_STATUS_LABELS.unable}` : ''}`,
    disabled: m.status === 'unable',
  }));

  const needsDoc = subtype?.needsDocumentNumber ?? false;

  return (
    <Form<EntryFormValues>
      form={form}
      name="entry"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => void onFinish(v)}
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }}
      onValuesChange={onValuesChange}
      scrollToFirstError={false}
      style={{ maxWidth: 1080 }}
    >
      <FormAlerts duplicate={duplicate} generalError={generalError} otherErrors={otherErrors} />

      <Section title="填报单位与年度">
        <Row gutter={16}>
          <FormCell xs={24} md={12} label="填报单位" name="orgId" rules={[{ required: true, message: '请选择填报单位' }]}>
            <OrgSelect />
          </FormCell>
          <FormCell
            xs={12}
            md={6}
            label="开始年度"
            name="startYear"
            rules={[
              { required: true, message: '请填写开始年度' },
              { type: 'number', min: MIN_YEAR, max: maxYear, message: `应在 ${MIN_YEAR} 至 ${maxYear} 年之间` },
            ]}
          >
            <InputNumber precision={0} min={MIN_YEAR} max={maxYear} style={{ width: '100%' }} suffix="年" />
          </FormCell>
          <FormCell
            xs={12}
            md={6}
            label="结束年度"
            name="endYear"
            extra="跨年度事项填写；跨年度事项只录入 1 次"
            dependencies={['startYear']}
            rules={[
              {
                validator: (_, value: number | null | undefined) => {
                  if (value === null || value === undefined) return Promise.resolve();
                  if (typeof startYear === 'number' && value < startYear) return Promise.reject(new Error('结束年度不能早于开始年度'));
                  if (value > maxYear + 5) return Promise.reject(new Error(`不能晚于 ${maxYear + 5} 年`));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <InputNumber precision={0} min={MIN_YEAR} max={maxYear + 5} style={{ width: '100%' }} suffix="年" placeholder="当年事项不填" />
          </FormCell>
        </Row>
      </Section>

      <Section title="事项类别">
        <Row gutter={16}>
          <FormCell xs={24} md={8} label="大类" name="categoryCode" rules={[{ required: true, message: '请选择大类' }]}>
            <Select
              placeholder="请选择大类"
              loading={codebook.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              options={categories.map((c) => ({ value: c.code, label: c.name }))}
            />
          </FormCell>
          <FormCell
            xs={24}
            md={10}
            label="小类"
            name="subtypeCode"
            rules={[{ required: true, message: '请选择小类' }]}
            extra={subtype ? <span data-testid="subtype-explanation">{subtype.explanation}</span> : category ? '请选择小类，选择后显示该小类的指标解释' : '请先选择大类'}
          >
            <Select
              placeholder="请选择小类"
              disabled={!category}
              showSearch={{ optionFilterProp: 'label' }}
              options={(category?.subtypes ?? []).map((s) => ({ value: s.code, label: s.name }))}
            />
          </FormCell>
          <FormCell
            xs={24}
            md={6}
            label="件（个、户）数"
            name="count"
            extra={subtype ? `计量单位：${UNIT_HINTS[subtype.unit]}` : '“个”指贫困村个数，“户”指贫困户户数'}
            rules={[{ required: true, message: '请填写数量' }, { type: 'number', min: 1, message: '应为正整数' }]}
          >
            <InputNumber
              precision={0}
              min={1}
              disabled={needsDoc}
              style={{ width: '100%' }}
              suffix={subtype ? <Tag style={{ marginInlineEnd: 0 }}>{subtype.unit}</Tag> : undefined}
            />
          </FormCell>
        </Row>
        {needsDoc && (
          <Row gutter={16}>
            <FormCell
              xs={24}
              md={12}
              label="文号"
              name="documentNumber"
              extra="党委政府、组织、统战、扶贫等单位（部门）明确联系帮扶的发文文号；未经发文明确的联系帮扶请录入“其他”类"
              rules={[{ required: true, whitespace: true, message: '结对帮扶须填写发文文号' }, documentNumberRule]}
            >
              <Input placeholder="如：川委统〔2018〕12号" />
            </FormCell>
          </Row>
        )}
      </Section>

      <Section title="帮扶对象">
        <Form.Item label="帮扶对象类型" name="targetKind">
          <Radio.Group
            options={[
              { value: 'region', label: '从行政区划选择（村）', disabled: false },
              { value: 'text', label: '填写其他对象', disabled: subtype?.code === '0701' },
            ]}
          />
        </Form.Item>
        {targetKind === 'region' ? (
          <Form.Item
            label="帮扶对象（村）"
            name="targetRegion"
            rules={[{ required: true, message: '请选择帮扶的村（或乡镇、县）' }]}
            extra={subtype?.code === '0701' ? '结对帮扶贫困村应选择到村' : '逐级选择，或输入乡镇、村名搜索'}
          >
            <RegionPicker leafOnly={subtype?.code === '0701'} onChange={onRegionChosen} />
          </Form.Item>
        ) : (
          <Form.Item
            label="帮扶对象"
            name="targetText"
            rules={[
              { required: true, whitespace: true, message: '请填写帮扶对象' },
              targetTextRule,
            ]}
            extra="如贫困户姓名及所在村、学校、城镇贫困人口等"
          >
            <Input placeholder="填写帮扶对象" />
          </Form.Item>
        )}
      </Section>

      <Section title="具体内容">
        <Form.Item
          label="具体内容"
          name="content"
          rules={[
            { required: true, whitespace: true, message: '请完整、简要概述帮扶事项' },
            { max: CONTENT_MAX, message: `不能超过 ${CONTENT_MAX} 字` },
          ]}
          extra="完整、简要、概述相关帮扶事项。1件事的中间过程，包括多次、多个层面、多项内容都填入本项。"
        >
          <Input.TextArea rows={4} showCount maxLength={CONTENT_MAX} />
        </Form.Item>
      </Section>

      <FundsSection />

      <Section title="参与委员与深度贫困县标注">
        <Row gutter={16}>
          <FormCell
            xs={24}
            md={14}
            label="参与委员"
            name="memberIds"
            extra="特殊情况不能履职的委员不能选择（已在“委员信息管理”中标注）"
          >
            <Select
              mode="multiple"
              placeholder={orgId ? '选择参与本事项的委员' : '请先选择填报单位'}
              disabled={!orgId}
              loading={members.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              options={memberOptions}
              allowClear
            />
          </FormCell>
          <FormCell
            xs={24}
            md={10}
            label="深度贫困县事项"
            name="deepPoverty"
            valuePropName="checked"
            extra={
              proposal
                ? proposal.deepPoverty
                  ? `所选地区位于深度贫困县，已自动标注为深度贫困县事项（可修改）`
                  : '所选地区不在深度贫困县名单内，已自动取消标注（可修改）'
                : '聚焦聚力深度贫困地区助推脱贫攻坚工作的事项进行标注；选择帮扶村后自动建议'
            }
          >
            <FormSwitch />
          </FormCell>
        </Row>
      </Section>

      <Divider style={{ margin: '8px 0 16px' }} />
      <Form.Item
        name="notOfficialDuty"
        valuePropName="checked"
        rules={[
          {
            validator: (_, v: boolean) =>
              v ? Promise.resolve() : Promise.reject(new Error('请确认本事项不属于委员职务履职（履行本职工作的事项不录入）')),
          },
        ]}
      >
        <Checkbox>本事项不属于委员职务履职（职能部门、企（事）业单位领导履行本职工作的事项不录入）</Checkbox>
      </Form.Item>

      <Space>
        <Button type="primary" htmlType="submit" loading={submitting} size="large">
          {submitText}
        </Button>
        {onCancel && (
          <Button size="large" onClick={onCancel}>
            取消
          </Button>
        )}
      </Space>
    </Form>
  );
}
