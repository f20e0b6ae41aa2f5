import { SaveOutlined } from '@ant-design/icons';
import { Breadcrumb, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../app/api';
import { problemsOf } from '../app/forms';
import { householdCreate, type HouseholdInput } from '../../contract/registry/households';
import { useCreateHousehold } from './api';
import { FACT_FIELDS, HOUSEHOLD_FORM_LABELS, HouseholdFactsFields, newHouseholdInput, NewHouseholdForm, useNewHouseholdForm, type HouseholdValues } from './HouseholdForm';

const CREATE_FIELDS = ['villageCode', 'identifiedOn', ...FACT_FIELDS];

export function HouseholdCreatePage() {
  const create = useCreateHousehold();
  const { form, failure, clearFailure, refused, saved } = useNewHouseholdForm<HouseholdValues>(CREATE_FIELDS);

  const submit = (v: HouseholdValues) => {
    clearFailure();
    const input: HouseholdInput = { ...newHouseholdInput(v), identifiedOn: v.identifiedOn || undefined };
    // The endpoint's own schema first: what it refuses is shown on its field before anything is sent.
    const problems = problemsOf(householdCreate, input, HOUSEHOLD_FORM_LABELS);
    if (problems.length) return refused('填写的内容有误', problems);
    create.mutate(input, {
      onSuccess: (h) => saved('贫困户已建档', `/registry/households/${h.id}`),
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
