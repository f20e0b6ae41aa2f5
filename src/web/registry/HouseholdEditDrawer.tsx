/**
 * 修改贫困户: the household's facts and its members, in a drawer over the household page. Only what changed is sent
 * (PATCH with the version as loaded); a change of the members is dated today by the server and recorded in the status
 * history with the reason given here.
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Form, Input, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage, type FieldError } from '../app/api';
import { namePath, problemsOf, showFieldErrors } from '../app/forms';
import { FormStaleAlert } from '../shared/FormStaleAlert';
import { householdPatch } from '../../contract/registry/households';
import { useHousehold, useUpdateHousehold, type Household, type HouseholdPatch, type Person, type PersonInput } from './api';
import { isChangeRequest, useChangeAction, type ChangeRequest } from './change-requests-api';
import { FACT_FIELDS, formFields, HOUSEHOLD_FORM_LABELS, HouseholdFactsFields, MembersFields, SaveFailedAlert, type HouseholdValues, type PersonValues } from './HouseholdForm';

type EditValues = Omit<HouseholdValues, 'villageCode' | 'identifiedOn' | 'persons'> & { persons?: PersonValues[]; reason?: string };
type Changes = Omit<HouseholdPatch, 'version'>;

const FLAGS = ['foodSecure', 'clothingSecure', 'housingSafe', 'drinkingWaterSafe'] as const;

/** Whether the members came with masked ID numbers (a role that may not see them): such members cannot be saved back. */
const idNumbersMasked = (persons: Person[]) => persons.some((p) => p.idNumber.includes('*'));

function personValues({ id: _id, sex: _sex, birthDate: _birthDate, disabilityGrade, ...rest }: Person): PersonValues {
  return { ...rest, disabilityGrade: disabilityGrade ?? undefined };
}

/** A member as the server stores it (its defaults applied), to tell whether the members changed and to send them. */
function normalPerson(p: PersonValues): PersonInput {
  const schooling = p.schooling ?? '已毕业';
  const health = p.health ?? '健康';
  return {
    name: (p.name ?? '').trim(),
    idNumber: (p.idNumber ?? '').trim().toUpperCase(),
    relation: p.relation,
    schooling,
    dropoutForPoverty: schooling === '辍学' && !!p.dropoutForPoverty,
    health,
    disabilityGrade: health === '残疾' ? (p.disabilityGrade ?? null) : null,
    labour: p.labour,
    hasQualification: !!p.hasQualification,
    workMonths: p.workMonths ?? 0,
    workPlace: (p.workPlace ?? '').trim(),
    workIncome: p.workIncome ?? 0,
    medicalEligible: p.medicalEligible ?? true,
    medicalInsured: !!p.medicalInsured,
    seriousIllnessInsured: !!p.seriousIllnessInsured,
    pensionInsured: !!p.pensionInsured,
  };
}

function valuesOf(h: Household, withMembers: boolean): EditValues {
  return {
    number: h.number,
    attribute: h.attribute,
    identifiedYear: h.identifiedYear,
    mainCause: h.mainCause,
    secondaryCauses: h.secondaryCauses,
    foodSecure: h.foodSecure,
    clothingSecure: h.clothingSecure,
    housingSafe: h.housingSafe,
    drinkingWaterSafe: h.drinkingWaterSafe,
    ...(withMembers ? { persons: h.persons.map(personValues) } : {}),
  };
}

/** What the form changed against the household as loaded: only these are sent. */
function changesOf(base: Household, v: EditValues, withMembers: boolean): Changes {
  const out: Changes = {};
  const number = v.number.trim();
  if (number !== base.number) out.number = number;
  if (v.attribute !== base.attribute) out.attribute = v.attribute;
  if (v.identifiedYear !== base.identifiedYear) out.identifiedYear = v.identifiedYear;
  if (v.mainCause !== base.mainCause) out.mainCause = v.mainCause;
  const secondary = v.secondaryCauses ?? [];
  if (secondary.join('|') !== base.secondaryCauses.join('|')) out.secondaryCauses = secondary;
  for (const flag of FLAGS) if (!!v[flag] !== base[flag]) out[flag] = !!v[flag];
  if (withMembers && v.persons) {
    const persons = v.persons.map(normalPerson);
    if (JSON.stringify(persons) !== JSON.stringify(base.persons.map((p) => normalPerson(personValues(p))))) {
      out.persons = persons;
    }
  }
  const reason = v.reason?.trim();
  if (reason && Object.keys(out).length) out.reason = reason;
  return out;
}

const EDIT_FIELDS = [...FACT_FIELDS, 'reason'];

/** The form over one loaded state of the household; a reload builds a new one (a form keeps its values otherwise). */
function EditForm({ base, onDone, onReload, returned }: { base: Household; onDone: () => void; onReload: () => Promise<void>; returned?: ChangeRequest }) {
  const { message } = App.useApp();
  const update = useUpdateHousehold();
  const resubmit = useChangeAction();
  const [form] = Form.useForm<EditValues>();
  const [stale, setStale] = useState(false);
  // The refusal: `others` are the errors no field shows; when no field shows one, the list is scrolled into view.
  const [failure, setFailure] = useState<{ message: string; others: FieldError[]; onField: boolean } | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const withMembers = !idNumbersMasked(base.persons);

  useEffect(() => {
    if (failure && !failure.onField) failureRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [failure]);

  const submit = (v: EditValues) => {
    setFailure(null);
    const changes = changesOf(base, v, withMembers);
    if (Object.keys(changes).length === 0) {
      void message.info('没有修改');
      onDone();
      return;
    }
    // Errors go on their fields (the members' only when they can be edited); the others are listed, and when no field
    // shows one the list is scrolled into view.
    const refused = (message: string, errors: unknown) => {
      const all: FieldError[] = errors instanceof ApiError ? errors.fields : Array.isArray(errors) ? (errors as FieldError[]) : [];
      const others = showFieldErrors(form, errors, formFields(form, EDIT_FIELDS, withMembers));
      const first = all.find((f) => !others.includes(f));
      setFailure({ message, others, onField: !!first });
      if (first) form.scrollToField(namePath(first.field), { block: 'center' });
    };
    const body: HouseholdPatch = { version: base.version, ...changes };
    const problems = problemsOf(householdPatch, body, HOUSEHOLD_FORM_LABELS);
    if (problems.length) return refused('填写的内容有误', problems);
    const onError = (e: unknown) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        setStale(true);
        return;
      }
      refused(errorMessage(e), e);
    };
    // A change the township returned is edited and resubmitted as the same request (issue 11).
    if (returned) {
      const done = () => {
        void message.success('已重新提交乡镇审核');
        onDone();
      };
      resubmit.mutate({ id: returned.id, action: 'resubmit', body: { household: body } }, { onSuccess: done, onError });
      return;
    }
    update.mutate(
      { id: base.id, ...body },
      {
        // Issue 11: a change that needs approval is answered with its change request (202), nothing applied yet.
        onSuccess: (result) => {
          void message.success(isChangeRequest(result) ? '已提交乡镇审核，批准后生效' : '修改已保存');
          onDone();
        },
        onError,
      },
    );
  };

  return (
    <Form<EditValues> form={form} name="household-edit" layout="vertical" onFinish={submit} scrollToFirstError initialValues={valuesOf(base, withMembers)}>
      <Card size="small" title="户基本情况" style={{ marginBottom: 16 }}>
        <HouseholdFactsFields creating={false} />
      </Card>

      <Card size="small" title="家庭成员" style={{ marginBottom: 16 }}>
        {withMembers ? (
          <>
            <MembersFields confirmRemoval />
          </>
        ) : (
          <Alert
            type="info"
            showIcon
            data-testid="household-members-masked"
            title="不能在此修改家庭成员"
            description="您的账号看到的身份证号已部分隐去，无法据此保存家庭成员，本次只能修改户的基本情况。如需增减或修改家庭成员，请由能查看完整身份证号的管理员办理。"
          />
        )}
      </Card>

      <Form.Item
        label="变更原因"
        name="reason"
        extra="贫困户属性、主要致贫原因、家庭人口或成员劳动能力有变化时，以今天为生效日期记入状态变更并附此原因；不填则自动写明变化内容（如“家庭成员由 2 人变更为 3 人”）。"
      >
        <Input maxLength={200} placeholder="如：新生儿落户、子女婚嫁迁出、成员去世、经复核更正致贫原因" />
      </Form.Item>

      <div ref={failureRef}>{failure && <SaveFailedAlert failure={failure.message} others={failure.others} />}</div>
      <div style={{ position: 'sticky', bottom: 0, zIndex: 2, background: '#fff', padding: '12px 0', borderTop: '1px solid #f0f0f0' }}>
        {stale && (
          <FormStaleAlert
            testId="household-stale"
            title="该户信息已被他人修改，本次修改未保存"
            description="您打开编辑后，其他用户修改了该户。请重新载入最新内容，核对后再修改并保存（重新载入会放弃本次填写的内容）。"
            onReload={onReload}
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={update.isPending || resubmit.isPending} disabled={stale}>
            {returned ? '重新提交审核' : '保存修改'}
          </Button>
          <Button onClick={onDone}>取消</Button>
        </Space>
      </div>
    </Form>
  );
}

/** The household as the form was loaded from: a refetch behind the drawer does not overwrite what is being typed. */
function Editor({ household, onDone, returned }: { household: Household; onDone: () => void; returned?: ChangeRequest }) {
  const { message } = App.useApp();
  const query = useHousehold(household.id);
  const [loaded, setLoaded] = useState({ base: household, n: 0 });

  const reload = async () => {
    const r = await query.refetch();
    if (!r.data) {
      void message.error(errorMessage(r.error));
      return;
    }
    const base = r.data;
    setLoaded((l) => ({ base, n: l.n + 1 }));
    void message.info('已载入最新内容，请核对后重新修改');
  };

  return <EditForm key={loaded.n} base={loaded.base} onDone={onDone} onReload={reload} returned={returned} />;
}

/** The drawer; its form is built afresh from the household each time it opens. */
/** `returned`: the user's change of this household that the township returned; saving resubmits it. */
export function HouseholdEditDrawer({ household, open, onClose, returned }: { household: Household; open: boolean; onClose: () => void; returned?: ChangeRequest }) {
  const head = household.persons.find((p) => p.relation === '户主');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      size="min(1180px, 100vw)"
      title={`修改贫困户 · 户编号 ${household.number}${head ? `（${head.name}户）` : ''}`}
    >
      {returned && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`乡镇退回了您提出的变更（申请 ${returned.id}）`} description={`退回原因：${returned.decisionReason ?? ''}。修改后保存即重新提交审核。`} />}
      <Editor household={household} onDone={onClose} returned={returned} />
    </Drawer>
  );
}
