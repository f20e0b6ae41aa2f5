import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage, type FieldError } from '../app/api';
import { currentYear } from '../app/format';
import { RegionPicker } from '../regions/RegionPicker';
import { CAUSES } from '../../domain/registry/causes';
import { LABOUR_KINDS } from '../../domain/registry/labour';
import { ATTRIBUTES, HEALTH, RELATIONS, SCHOOLING } from '../../domain/registry/validate-household';
import { useCreateHousehold, type HouseholdInput, type PersonInput } from './api';

type PersonValues = Required<Pick<PersonInput, 'name' | 'idNumber' | 'relation' | 'labour'>> & Omit<PersonInput, 'name' | 'idNumber' | 'relation' | 'labour'>;

interface HouseholdValues extends Omit<HouseholdInput, 'persons'> {
  persons: PersonValues[];
}

const NEW_PERSON: Partial<PersonValues> = { schooling: '已毕业', health: '健康', medicalEligible: true, medicalInsured: true, workMonths: 0, workIncome: 0 };

const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

/** A server field name (`persons.1.labour`) as a form path. */
function toPath(field: string): Array<string | number> {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function PersonCard({ index, onRemove, canRemove }: { index: number; onRemove: () => void; canRemove: boolean }) {
  const form = Form.useFormInstance<HouseholdValues>();
  const health = Form.useWatch(['persons', index, 'health'], form) as string | undefined;
  const schooling = Form.useWatch(['persons', index, 'schooling'], form) as string | undefined;
  return (
    <Card
      size="small"
      type="inner"
      title={`第 ${index + 1} 位成员`}
      style={{ marginBottom: 12 }}
      extra={
        canRemove && (
          <Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove}>
            删除
          </Button>
        )
      }
      data-testid={`person-${index}`}
    >
      <Row gutter={12}>
        <Col xs={12} md={4}>
          <Form.Item label="姓名" name={[index, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="身份证号" name={[index, 'idNumber']} rules={[{ required: true, message: '请填写身份证号' }, { len: 18, message: '应为 18 位' }]}>
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label="与户主关系" name={[index, 'relation']} rules={[{ required: true, message: '请选择' }]}>
            <Select options={opts(RELATIONS)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item label="劳动能力" name={[index, 'labour']} rules={[{ required: true, message: '请选择劳动能力' }]}>
            <Select options={opts(LABOUR_KINDS)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item label="技能证书" name={[index, 'hasQualification']} valuePropName="checked">
            <Checkbox>有执业资格证书</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label="在校情况" name={[index, 'schooling']}>
            <Select options={opts(SCHOOLING)} />
          </Form.Item>
        </Col>
        {schooling === '辍学' && (
          <Col xs={12} md={4}>
            <Form.Item label="辍学原因" name={[index, 'dropoutForPoverty']} valuePropName="checked">
              <Checkbox>因贫辍学</Checkbox>
            </Form.Item>
          </Col>
        )}
        <Col xs={12} md={4}>
          <Form.Item label="健康状况" name={[index, 'health']}>
            <Select options={opts(HEALTH)} />
          </Form.Item>
        </Col>
        {health === '残疾' && (
          <Col xs={12} md={3}>
            <Form.Item label="残疾等级" name={[index, 'disabilityGrade']} rules={[{ required: true, message: '请填写' }]}>
              <Select options={[1, 2, 3, 4].map((g) => ({ value: g, label: `${g} 级` }))} />
            </Form.Item>
          </Col>
        )}
        <Col xs={8} md={3}>
          <Form.Item label="务工（月）" name={[index, 'workMonths']}>
            <InputNumber precision={0} min={0} max={12} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={8} md={3}>
          <Form.Item label="务工收入（元）" name={[index, 'workIncome']}>
            <InputNumber precision={0} min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item label="务工地点" name={[index, 'workPlace']}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
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

export function HouseholdCreatePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateHousehold();
  const [form] = Form.useForm<HouseholdValues>();
  const [others, setOthers] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const mainCause = Form.useWatch('mainCause', form);

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
          const known = new Set(['villageCode', 'number', 'attribute', 'identifiedYear', 'identifiedOn', 'mainCause', 'secondaryCauses']);
          const onFields = e.fields.filter((f) => known.has(f.field) || /^persons\.\d+\./.test(f.field));
          form.setFields(onFields.map((f) => ({ name: toPath(f.field) as never, errors: [f.message] })));
          setOthers(e.fields.filter((f) => !onFields.includes(f)));
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
        initialValues={{
          villageCode: params.get('village') ?? undefined,
          attribute: '一般贫困户',
          identifiedYear: currentYear(),
          secondaryCauses: [],
          foodSecure: true,
          clothingSecure: true,
          housingSafe: false,
          drinkingWaterSafe: false,
          persons: [{ ...NEW_PERSON, relation: '户主' }],
        }}
      >
        <Card size="small" title="户基本情况" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item label="所在村" name="villageCode" rules={[{ required: true, message: '请选择所在村' }]}>
                <RegionPicker leafOnly placeholder="逐级选择到村" />
              </Form.Item>
            </Col>
            <Col xs={12} lg={4}>
              <Form.Item label="户编号" name="number" rules={[{ required: true, whitespace: true, message: '请填写户编号' }]}>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={4}>
              <Form.Item label="贫困户属性" name="attribute" rules={[{ required: true, message: '请选择' }]}>
                <Select options={opts(ATTRIBUTES)} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={4}>
              <Form.Item label="识别年度" name="identifiedYear" rules={[{ required: true, message: '请填写识别年度' }]}>
                <InputNumber precision={0} min={2013} max={currentYear()} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={4}>
              <Form.Item label="识别日期" name="identifiedOn" extra="不填为识别年度的 12 月 31 日">
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item label="主要致贫原因" name="mainCause" rules={[{ required: true, message: '请选择主要致贫原因' }]}>
                <Select options={opts(CAUSES)} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={10}>
              <Form.Item
                label="次要致贫原因（不超过 2 个，不与主要原因重复）"
                name="secondaryCauses"
                rules={[
                  {
                    validator: (_, v: string[] | undefined) =>
                      (v ?? []).length > 2 ? Promise.reject(new Error('次要致贫原因不超过 2 个')) : Promise.resolve(),
                  },
                ]}
              >
                <Select mode="multiple" maxCount={2} options={CAUSES.filter((c) => c !== mainCause).map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={14}>
              <Form.Item label="两不愁三保障">
                <Space wrap size="large">
                  {(
                    [
                      ['foodSecure', '不愁吃'],
                      ['clothingSecure', '不愁穿'],
                      ['housingSafe', '住房安全'],
                      ['drinkingWaterSafe', '饮水安全'],
                    ] as const
                  ).map(([name, label]) => (
                    <Space key={name} size={4}>
                      <span>{label}</span>
                      <Form.Item name={name} valuePropName="checked" noStyle>
                        <Switch checkedChildren="是" unCheckedChildren="否" aria-label={label} />
                      </Form.Item>
                    </Space>
                  ))}
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title="家庭成员" style={{ marginBottom: 16 }}>
          <Form.List name="persons">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <PersonCard key={f.key} index={f.name} canRemove={fields.length > 1} onRemove={() => remove(f.name)} />
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ ...NEW_PERSON, relation: '之子' })}>
                  添加成员
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        {failure && (
          <Alert
            type="error"
            showIcon
            title="未保存"
            data-testid="household-errors"
            description={
              others.length ? (
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {others.map((f, i) => (
                    <li key={i}>
                      {f.label}：{f.message}
                    </li>
                  ))}
                </ul>
              ) : (
                `${failure.replace(/[。.]$/, '')}。请按标出的字段修改。`
              )
            }
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending}>
          保存建档
        </Button>
      </Form>
    </>
  );
}
