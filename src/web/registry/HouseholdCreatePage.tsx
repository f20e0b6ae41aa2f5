import { SaveOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage, type FieldError } from '../app/api';
import { currentYear } from '../app/format';
import { useCreateHousehold } from './api';
import { FACT_FIELDS, HouseholdFactsFields, isMemberField, MembersFields, newHouseholdValues, SaveFailedAlert, showFieldErrors, type HouseholdValues } from './HouseholdForm';

const CREATE_FIELDS = new Set<string>(['villageCode', 'identifiedOn', ...FACT_FIELDS]);

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
    create.mutate(
      { ...v, number: v.number.trim(), secondaryCauses: v.secondaryCauses ?? [], persons: v.persons.map((p) => ({ ...p, idNumber: p.idNumber.trim().toUpperCase() })) },
      {
        onSuccess: (h) => {
          void message.success('贫困户已建档');
          navigate(`/registry/households/${h.id}`);
        },
        onError: (e) => {
          setFailure(errorMessage(e));
          if (!(e instanceof ApiError)) return;
          setOthers(showFieldErrors(form, e.fields, (f) => CREATE_FIELDS.has(f) || isMemberField(f)).others);
        },
      },
    );
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
