/**
 * 新识别贫困户申请: the applicant household (农户申请), entered with the registry's household form, starts the
 * identification procedure (两评议两公示一比对一公告). The household enters the registry only when its last step is
 * passed; the identification date is that day.
 */
import { SendOutlined } from '@ant-design/icons';
import { Breadcrumb, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../api';
import { FormCell } from '../../shared/FormCell';
import { RegionPicker } from '../../shared/RegionPicker';
import { FACT_FIELDS, HouseholdFactsFields, newHouseholdInput, NewHouseholdForm, useNewHouseholdForm, type HouseholdValues } from '../../registry/HouseholdForm';
import { useStartProcedure } from '../../procedures/api';

type ApplicantValues = Omit<HouseholdValues, 'identifiedOn'>;

const APPLICANT_FIELDS = ['villageCode', ...FACT_FIELDS];

export function NewIdentificationPage() {
  const start = useStartProcedure();
  const { form, failure, clearFailure, refused, saved } = useNewHouseholdForm<ApplicantValues>(APPLICANT_FIELDS);

  const submit = (v: ApplicantValues) => {
    clearFailure();
    const applicant = newHouseholdInput(v);
    start.mutate(
      { kind: 'identification', applicant },
      {
        onSuccess: (p) => saved('已受理申请，启动识别程序', `/procedures/${p.id}`),
        onError: (e) => {
          // The server names the applicant's fields `applicant.persons.0.labour`: shown on the same form fields.
          const fields = e instanceof ApiError ? e.fields.map((f) => ({ ...f, field: f.field.replace(/^applicant\./, '') })) : [];
          refused(errorMessage(e), fields);
        },
      },
    );
  };

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/procedures">动态调整程序</Link> }, { title: '新识别贫困户申请' }]} style={{ marginBottom: 12 }} />
      <Typography.Title level={3}>新识别贫困户申请</Typography.Title>
      <Typography.Paragraph type="secondary">
        农户提出申请后，按“两评议两公示一比对一公告”办理：村民小组评议 → 县级比对 → 村民代表大会评议并公示 → 乡镇审核并公示 → 县级审定并公告 → 入户采集录入。程序办结时该户录入建档立卡。
      </Typography.Paragraph>
      <NewHouseholdForm<ApplicantValues>
        form={form}
        name="identification-applicant"
        onFinish={submit}
        factsTitle="申请户基本情况"
        facts={
          <>
            <Row gutter={16}>
              <FormCell xs={24} lg={12} label="所在村" name="villageCode" rules={[{ required: true, message: '请选择所在村' }]}>
                <RegionPicker leafOnly placeholder="逐级选择到村" />
              </FormCell>
            </Row>
            <HouseholdFactsFields creating={false} newHousehold />
          </>
        }
        failure={failure}
        submitText="提交申请，启动识别程序"
        submitIcon={<SendOutlined />}
        pending={start.isPending}
      />
    </>
  );
}
