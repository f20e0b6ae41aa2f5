import { SaveOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage, type FieldError } from '../app/api';
import { problemsOf, showFieldErrors } from '../app/forms';
import { householdCreate, type HouseholdInput } from '../../contract/registry/households';
import { currentYear } from '../app/format';
import { useCreateHousehold } from './api';
import { FACT_FIELDS, formFields, HOUSEHOLD_FORM_LABELS, HouseholdFactsFields, MembersFields, newHouseholdValues, SaveFailedAlert, type HouseholdValues } from './HouseholdForm';

const CREATE_FIELDS = ['villageCode', 'identifiedOn', ...FACT_FIELDS];

export function HouseholdCreatePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateHousehold();
  const [form] = Form.useForm<HouseholdValues>();
  const [others, setOthers] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (v: HouseholdValues) => {
    setOthers([]);
    setFailure(null);
    const input: HouseholdInput = {
      ...v,
      number: v.number.trim(),
      identifiedOn: v.identifiedOn || undefined,
      secondaryCauses: v.secondaryCauses ?? [],
      persons: v.persons.map((p) => ({ ...p, idNumber: p.idNumber.trim().toUpperCase() })),
    };
    // The endpoint's own schema first: what it refuses is shown on its field before anything is sent.
    const problems = problemsOf(householdCreate, input, HOUSEHOLD_FORM_LABELS);
    const refused = (message: string, errors: unknown) => {
      setFailure(message);
      setOthers(showFieldErrors(form, errors, formFields(form, CREATE_FIELDS)));
    };
    if (problems.length) return refused('填写的内容有误', problems);
    create.mutate(input, {
      onSuccess: (h) => {
        void message.success('贫困户已建档');
        navigate(`/registry/households/${h.id}`);
      },
      onError: (e) => refused(errorMessage(e), e),
    });
  };

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/registry">建档立卡</Link> }, { title: '新增贫困户' }]} style={{ marginBottom: 12 }} />
      <Typography.Title level={3}>新增贫困户</Typography.Title>
      <Form<HouseholdValues>
        form={form}
        name="household"
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={newHouseholdValues(params.get('village') ?? undefined, currentYear())}
      >
        <Card size="small" title="户基本情况" style={{ marginBottom: 16 }}>
          <HouseholdFactsFields creating />
        </Card>

        <Card size="small" title="家庭成员" style={{ marginBottom: 16 }}>
          <MembersFields />
        </Card>

        {failure && <SaveFailedAlert failure={failure} others={others} />}
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending}>
          保存建档
        </Button>
      </Form>
    </>
  );
}
