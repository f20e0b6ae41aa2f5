import { SaveOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Form, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage, type FieldError } from '../app/api';
import { problemsOf, showFieldErrors } from '../app/forms';
import { householdCreate, type HouseholdInput } from '../../contract/registry/households';
import { useCreateHousehold } from './api';
import { FACT_FIELDS, formFields, HOUSEHOLD_FORM_LABELS, HouseholdFactsFields, newHouseholdInput, NewHouseholdForm, type HouseholdValues } from './HouseholdForm';

const CREATE_FIELDS = ['villageCode', 'identifiedOn', ...FACT_FIELDS];

export function HouseholdCreatePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateHousehold();
  const [form] = Form.useForm<HouseholdValues>();
  const [failure, setFailure] = useState<{ message: string; others: FieldError[] } | null>(null);

  const submit = (v: HouseholdValues) => {
    setFailure(null);
    const input: HouseholdInput = { ...newHouseholdInput(v), identifiedOn: v.identifiedOn || undefined };
    // The endpoint's own schema first: what it refuses is shown on its field before anything is sent.
    const problems = problemsOf(householdCreate, input, HOUSEHOLD_FORM_LABELS);
    const refused = (message: string, errors: unknown) => {
      setFailure({ message, others: showFieldErrors(form, errors, formFields(form, CREATE_FIELDS)) });
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
      <NewHouseholdForm<HouseholdValues>
        form={form}
        name="household"
        onFinish={submit}
        factsTitle="户基本情况"
        facts={<HouseholdFactsFields creating />}
        failure={failure}
        submitText="保存建档"
        submitIcon={<SaveOutlined />}
        pending={create.isPending}
      />
    </>
  );
}
