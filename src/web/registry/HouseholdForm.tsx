/**
 * The pieces of the household form shared by 新增贫困户 and 修改贫困户: the household's facts, the members (家庭成员),
 * the mapping of the server's field errors onto the form and the list of the errors that belong to no field.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, type FormInstance } from 'antd';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { FieldError } from '../app/api';
import { showFieldErrors } from '../app/forms';
import { personInput } from '../../contract/registry/households';
import { currentYear } from '../app/format';
import { FormCell, FormSwitch } from '../shared/FormCell';
import { FormErrorList } from '../shared/FormErrorList';
import { RegionPicker } from '../shared/RegionPicker';
import { CAUSES } from '../../domain/registry/causes';
import { LABOUR_KINDS } from '../../domain/registry/labour';
import { ATTRIBUTES, HEALTH, HOUSEHOLD_LABELS, PERSON_LABELS, RELATIONS, SCHOOLING } from '../../domain/registry/validate-household';
import type { HouseholdInput, PersonInput } from './api';
import { idNumberRules } from './id-number-rule';

/** 身份证号: checked as typed and on leaving the field, with the GB 11643 check digit. */
const ID_NUMBER_RULES = idNumberRules();

export type PersonValues = Required<Pick<PersonInput, 'name' | 'idNumber' | 'relation' | 'labour'>> & Omit<PersonInput, 'name' | 'idNumber' | 'relation' | 'labour'>;

export interface HouseholdValues extends Omit<HouseholdInput, 'persons'> {
  persons: PersonValues[];
}

/** A member as the form adds one: the common defaults filled in. */
export const NEW_PERSON: Partial<PersonValues> = { schooling: '已毕业', health: '健康', medicalEligible: true, medicalInsured: true, workMonths: 0, workIncome: 0 };

/**
 * A new household's form as it opens: this year, 一般贫困户, food and clothing secure, a head to fill in. 住房安全 and
 * 饮水安全 open unset, a required 是/否 choice: they are facts to be checked at the house (seed 004 counts 安全住房
 * among the 三保障 a household must have to exit), and a default 否 recorded facts nobody had entered.
 */
export const newHouseholdValues = (villageCode: string | undefined, year: number) => ({
  villageCode,
  attribute: '一般贫困户',
  identifiedYear: year,
  secondaryCauses: [],
  foodSecure: true,
  clothingSecure: true,
  persons: [{ ...NEW_PERSON, relation: '户主' }],
});

/** A new household's values as they are sent: the number trimmed, the members' ID numbers trimmed and upper-case. */
export function newHouseholdInput<V extends Pick<HouseholdValues, 'number' | 'secondaryCauses' | 'persons'>>(v: V) {
  return {
    ...v,
    number: v.number.trim(),
    secondaryCauses: v.secondaryCauses ?? [],
    persons: v.persons.map((p) => ({ ...p, idNumber: p.idNumber.trim().toUpperCase() })),
  };
}

/**
 * A new household's form and what refused it: `refused(message, errors)` puts the errors on the fields shown (the
 * `facts` named and every member's) and lists the rest under the message, above the submit button; `saved(text, path)`
 * tells the user and opens what the save made.
 */
export function useNewHouseholdForm<V extends object>(facts: readonly string[]) {
  const [form] = Form.useForm<V>();
  const [failure, setFailure] = useState<{ message: string; others: FieldError[] } | null>(null);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refused = (message: string, errors: unknown) => setFailure({ message, others: showFieldErrors(form, errors, formFields(form, facts)) });
  /** Saved: says so and opens what the save made. */
  const saved = (text: string, path: string) => {
    void message.success(text);
    navigate(path);
  };
  return { form, failure, clearFailure: () => setFailure(null), refused, saved };
}

/**
 * The form of a household not recorded yet (新增贫困户, 新识别贫困户申请), opening on the village of `?village=`: the
 * facts card (`facts`), the members, the refusal and the submit button.
 */
export function NewHouseholdForm<V extends object>({
  form,
  name,
  onFinish,
  factsTitle,
  facts,
  failure,
  submitText,
  submitIcon,
  pending,
}: {
  form: FormInstance<V>;
  name: string;
  onFinish: (values: V) => void;
  factsTitle: string;
  facts: ReactNode;
  failure: { message: string; others: FieldError[] } | null;
  submitText: string;
  submitIcon: ReactNode;
  pending: boolean;
}) {
  const [params] = useSearchParams();
  return (
    <Form<V>
      form={form}
      name={name}
      layout="vertical"
      onFinish={onFinish}
      scrollToFirstError
      initialValues={newHouseholdValues(params.get('village') ?? undefined, currentYear())}
    >
      <Card size="small" title={factsTitle} style={{ marginBottom: 16 }}>
        {facts}
      </Card>
      <Card size="small" title="家庭成员" style={{ marginBottom: 16 }}>
        <MembersFields />
      </Card>
      {failure && <SaveFailedAlert failure={failure.message} others={failure.others} />}
      <Button type="primary" htmlType="submit" icon={submitIcon} loading={pending}>
        {submitText}
      </Button>
    </Form>
  );
}

/** The household facts a server error may name, besides the members' `persons.N.field`. */
export const FACT_FIELDS = ['number', 'attribute', 'identifiedYear', 'mainCause', 'secondaryCauses'] as const;

const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

/** The members' fields a server error may name (`persons.N.field`). */
const PERSON_FIELDS = Object.keys(personInput.shape);

/**
 * The fields of the form that the server's (or the schema's) errors may be put on: `facts`, and every field of every
 * member in the form. Errors on other fields (or on the members as a whole) are listed above the save button.
 */
export function formFields(form: FormInstance, facts: Iterable<string>, withMembers = true): string[] {
  const members = withMembers ? ((form.getFieldValue('persons') as unknown[] | undefined) ?? []) : [];
  return [...facts, ...members.flatMap((_, i) => PERSON_FIELDS.map((f) => `persons.${i}.${f}`))];
}

/** Labels of the household's and the members' fields, for the schema's problems. */
export const HOUSEHOLD_FORM_LABELS: Readonly<Record<string, string>> = { ...HOUSEHOLD_LABELS, ...PERSON_LABELS, identifiedOn: '识别日期', reason: '变更原因' };

function PersonCard({ index, onRemove }: { index: number; onRemove?: () => void }) {
  const form = Form.useFormInstance();
  const health = Form.useWatch(['persons', index, 'health'], form) as string | undefined;
  const schooling = Form.useWatch(['persons', index, 'schooling'], form) as string | undefined;
  const name = Form.useWatch(['persons', index, 'name'], form) as string | undefined;
  return (
    <Card
      size="small"
      type="inner"
      title={`第 ${index + 1} 位成员${name?.trim() ? `：${name.trim()}` : ''}`}
      style={{ marginBottom: 12 }}
      extra={
        onRemove && (
          <Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove}>
            删除
          </Button>
        )
      }
      data-testid={`person-${index}`}
    >
      <Row gutter={12}>
        <FormCell xs={12} md={4} label="姓名" name={[index, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </FormCell>
        <FormCell xs={12} md={6} label="身份证号" name={[index, 'idNumber']} validateTrigger={['onChange', 'onBlur']} rules={ID_NUMBER_RULES}>
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </FormCell>
        <FormCell xs={12} md={4} label="与户主关系" name={[index, 'relation']} rules={[{ required: true, message: '请选择' }]}>
          <Select options={opts(RELATIONS)} />
        </FormCell>
        <FormCell xs={12} md={5} label="劳动能力" name={[index, 'labour']} rules={[{ required: true, message: '请选择劳动能力' }]}>
          <Select options={opts(LABOUR_KINDS)} />
        </FormCell>
        <FormCell xs={12} md={5} label="技能证书" name={[index, 'hasQualification']} valuePropName="checked">
          <Checkbox>有执业资格证书</Checkbox>
        </FormCell>
        <FormCell xs={12} md={4} label="在校情况" name={[index, 'schooling']}>
          <Select options={opts(SCHOOLING)} />
        </FormCell>
        {schooling === '辍学' && (
          <FormCell xs={12} md={4} label="辍学原因" name={[index, 'dropoutForPoverty']} valuePropName="checked">
            <Checkbox>因贫辍学</Checkbox>
          </FormCell>
        )}
        <FormCell xs={12} md={4} label="健康状况" name={[index, 'health']}>
          <Select options={opts(HEALTH)} />
        </FormCell>
        {health === '残疾' && (
          <FormCell xs={12} md={3} label="残疾等级" name={[index, 'disabilityGrade']} rules={[{ required: true, message: '请填写' }]}>
            <Select options={[1, 2, 3, 4].map((g) => ({ value: g, label: `${g} 级` }))} />
          </FormCell>
        )}
        <FormCell xs={8} md={3} label="务工（月）" name={[index, 'workMonths']}>
          <InputNumber precision={0} min={0} max={12} style={{ width: '100%' }} />
        </FormCell>
        <FormCell xs={8} md={3} label="务工收入（元）" name={[index, 'workIncome']}>
          <InputNumber precision={0} min={0} style={{ width: '100%' }} />
        </FormCell>
        <FormCell xs={8} md={4} label="务工地点" name={[index, 'workPlace']}>
          <Input maxLength={100} />
        </FormCell>
        <Col xs={24}>
          <Space wrap size="large">
            <Form.Item name={[index, 'medicalEligible']} valuePropName="checked" noStyle>
              <Checkbox>应参加基本医保</Checkbox>
            </Form.Item>
            <Form.Item name={[index, 'medicalInsured']} valuePropName="checked" noStyle>
              <Checkbox>已参加基本医保</Checkbox>
            </Form.Item>
            <Form.Item name={[index, 'seriousIllnessInsured']} valuePropName="checked" noStyle>
              <Checkbox>大病保险</Checkbox>
            </Form.Item>
            <Form.Item name={[index, 'pensionInsured']} valuePropName="checked" noStyle>
              <Checkbox>养老保险</Checkbox>
            </Form.Item>
          </Space>
        </Col>
      </Row>
    </Card>
  );
}

/**
 * 户基本情况. On creation the village and the identification date are chosen as well; a household's village and
 * identification date are not changed afterwards.
 */
export function HouseholdFactsFields({ creating, newHousehold = creating }: { creating: boolean; newHousehold?: boolean }) {
  const form = Form.useFormInstance();
  const mainCause = Form.useWatch('mainCause', form) as string | undefined;
  return (
    <Row gutter={16}>
      {creating && (
        <FormCell xs={24} lg={12} label="所在村" name="villageCode" rules={[{ required: true, message: '请选择所在村' }]}>
          <RegionPicker leafOnly placeholder="逐级选择到村" />
        </FormCell>
      )}
      <FormCell xs={12} lg={4} label="户编号" name="number" rules={[{ required: true, whitespace: true, message: '请填写户编号' }]}>
        <Input maxLength={30} />
      </FormCell>
      <FormCell xs={12} lg={4} label="贫困户属性" name="attribute" rules={[{ required: true, message: '请选择' }]}>
        <Select options={opts(ATTRIBUTES)} />
      </FormCell>
      <FormCell xs={12} lg={4} label="识别年度" name="identifiedYear" rules={[{ required: true, message: '请填写识别年度' }]}>
        <InputNumber precision={0} min={2013} max={currentYear()} style={{ width: '100%' }} />
      </FormCell>
      {creating && (
        <FormCell xs={12} lg={4} label="识别日期" name="identifiedOn" extra="不填为识别年度的 12 月 31 日">
          <Input type="date" />
        </FormCell>
      )}
      <FormCell xs={12} lg={6} label="主要致贫原因" name="mainCause" rules={[{ required: true, message: '请选择主要致贫原因' }]}>
        <Select options={opts(CAUSES)} />
      </FormCell>
      <FormCell
        xs={24}
        lg={10}
        label="次要致贫原因（不超过 2 个，不与主要原因重复）"
        name="secondaryCauses"
        dependencies={['mainCause']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, v: string[] | undefined) =>
              (v ?? []).length > 2
                ? Promise.reject(new Error('次要致贫原因不超过 2 个'))
                : (v ?? []).includes(getFieldValue('mainCause') as string)
                  ? Promise.reject(new Error('次要致贫原因不能与主要致贫原因重复'))
                  : Promise.resolve(),
          }),
        ]}
      >
        <Select mode="multiple" maxCount={2} options={CAUSES.filter((c) => c !== mainCause).map((c) => ({ value: c, label: c }))} />
      </FormCell>
      <FormCell xs={24} lg={14} label="两不愁三保障">
        <SecuritySwitches chooseUnset={newHousehold} />
      </FormCell>
    </Row>
  );
}

const SECURITY = [
  ['foodSecure', '不愁吃'],
  ['clothingSecure', '不愁穿'],
  ['housingSafe', '住房安全'],
  ['drinkingWaterSafe', '饮水安全'],
] as const;

/** The securities a new household's form leaves unset until the clerk chooses (see newHouseholdValues). */
const CHOSEN_SECURITY: ReadonlySet<string> = new Set(['housingSafe', 'drinkingWaterSafe']);

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/**
 * 两不愁三保障: a 是/否 switch for each of the household's four securities. With `chooseUnset` (a new household),
 * 住房安全 and 饮水安全 are a required 是/否 choice instead, which starts with neither.
 */
export function SecuritySwitches({ style, chooseUnset = false }: { style?: CSSProperties; chooseUnset?: boolean }) {
  return (
    <Space wrap size="large" style={style}>
      {SECURITY.map(([name, label]) => (
        <Space key={name} size={4}>
          <span>{label}</span>
          {chooseUnset && CHOSEN_SECURITY.has(name) ? (
            <Form.Item name={name} noStyle rules={[{ required: true, message: `请选择${label}：是或否` }]}>
              <Radio.Group optionType="button" buttonStyle="solid" size="small" options={YES_NO} aria-label={label} />
            </Form.Item>
          ) : (
            <Form.Item name={name} valuePropName="checked" noStyle>
              <FormSwitch aria-label={label} />
            </Form.Item>
          )}
        </Space>
      ))}
    </Space>
  );
}

/**
 * 家庭成员: one card per member, an 添加成员 button. With `confirmRemoval` a member is removed only after the user
 * confirms it (a recorded member; on creation the members were just typed in).
 */
export function MembersFields({ confirmRemoval = false }: { confirmRemoval?: boolean }) {
  const { modal } = App.useApp();
  const form = Form.useFormInstance();
  return (
    <Form.List name="persons">
      {(fields, { add, remove }) => {
        const removeAt = (index: number) => {
          if (!confirmRemoval) return remove(index);
          const name = (form.getFieldValue(['persons', index, 'name']) as string | undefined)?.trim();
          modal.confirm({
            title: `确认删除第 ${index + 1} 位成员${name ? `“${name}”` : ''}？`,
            content: '保存后该成员即从本户移除，家庭人口的变化以今天为生效日期记入状态变更。',
            okText: '删除',
            okButtonProps: { danger: true },
            cancelText: '取消',
            onOk: () => remove(index),
          });
        };
        return (
          <>
            {fields.map((f) => (
              <PersonCard key={f.key} index={f.name} onRemove={fields.length > 1 ? () => removeAt(f.name) : undefined} />
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ ...NEW_PERSON, relation: fields.length ? '之子' : '户主' })}>
              添加成员
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}

/** “未保存”: the server's refusal, with the errors that no field of the form shows. */
export function SaveFailedAlert({ failure, others }: { failure: string; others: FieldError[] }) {
  return (
    <Alert
      type="error"
      showIcon
      title="未保存"
      data-testid="household-errors"
      description={
        others.length ? (
          <FormErrorList errors={others} />
        ) : (
          `${failure.replace(/[。.]$/, '')}。请按标出的字段修改。`
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
