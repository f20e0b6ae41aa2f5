import { CalculatorOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { Household, HouseholdHit } from '../../contract/registry/households';
import { currentYear } from '../app/format';
import { errorMessage, get } from '../app/api';
import type { Page } from '../../contract/page';
import { FormCell } from '../shared/FormCell';
import { RegionPicker } from '../shared/RegionPicker';
import { SCHOOLING } from '../../domain/registry/validate-household';
import { ATTRIBUTES } from '../../domain/registry/validate-household';
import { STATUSES } from '../../domain/registry/status-transition';
import { INCOME_FIELDS, useTrialHousehold, useTrialVillage, yuan, type IncomeItems, type TrialHouseholdInput, type TrialVillageInput } from './api';
import { SecuritySwitches } from './HouseholdForm';
import { IncomeTrace, VerdictView } from './VerdictView';
import { trialValuesFromHousehold } from './trial-from-household';

/** Picks a household of the registry (by 户编号, head's name or ID number) to start the trial from. */
function HouseholdStart({ onPicked }: { onPicked: (h: Household) => void }) {
  const { message } = App.useApp();
  const [hits, setHits] = useState<HouseholdHit[]>([]);
  const [searching, setSearching] = useState(false);
  const search = async (q: string) => {
    if (!q.trim()) return setHits([]);
    setSearching(true);
    try {
      setHits((await get<Page<HouseholdHit>>('/api/registry/households', { q: q.trim(), page: 1, pageSize: 20 })).items);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSearching(false);
    }
  };
  return (
    <Form.Item label="从已有贫困户带入（可选）" extra="带入该户的村、家庭人口、成员和最近一年的收入，可再修改后测算；不保存任何数据。">
      <Select<number>
        showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
        allowClear
        loading={searching}
        placeholder="输入户编号、户主姓名或身份证号查找"
        notFoundContent={null}
        options={hits.map((h) => ({ value: h.id, label: `户编号 ${h.number}（户主 ${h.head ?? '—'}）${h.villageName ? ` · ${h.villageName}` : ''}` }))}
        onChange={(id) => {
          if (id === undefined) return;
          get<Household>(`/api/registry/households/${id}`)
            .then((h) => onPicked(h))
            .catch((e: unknown) => message.error(errorMessage(e)));
        }}
        data-testid="trial-from-household"
      />
    </Form.Item>
  );
}

/** The trial form: the trial's body with the income items flat, as the household page enters them. */
type HouseholdTrialValues = Omit<TrialHouseholdInput, 'income'> & IncomeItems;

function HouseholdTrial() {
  const trial = useTrialHousehold();
  const [form] = Form.useForm<HouseholdTrialValues>();
  const members = Form.useWatch('members', form);
  const r = trial.data;

  const run = (v: HouseholdTrialValues) => {
    const n = (k: keyof IncomeItems) => v[k] ?? 0;
    trial.mutate({
      regionCode: v.regionCode,
      year: v.year,
      status: v.status,
      attribute: v.attribute,
      income: {
        wages: n('wages'),
        business: n('business'),
        property: n('property'),
        transfer: { subsidies: n('subsidies'), minimumLiving: n('minimumLiving'), extremePoverty: n('extremePoverty'), pension: n('pension'), ecological: n('ecological'), other: n('otherTransfer') },
        businessCosts: n('businessCosts'),
        illnessCosts: n('illnessCosts'),
        schoolingCosts: n('schoolingCosts'),
      },
      householdSize: v.householdSize,
      foodSecure: v.foodSecure,
      clothingSecure: v.clothingSecure,
      housingSafe: v.housingSafe,
      drinkingWaterSafe: v.drinkingWaterSafe,
      members: (v.members ?? []).map((m, i) => ({ ...m, name: m.name?.trim() || `成员${i + 1}`, dropoutForPoverty: m.schooling === '辍学' && !!m.dropoutForPoverty })),
    });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xxl={11}>
        <Form<HouseholdTrialValues>
          form={form}
          name="trial-household"
          layout="vertical"
          onFinish={run}
          initialValues={{
            year: currentYear(),
            status: '已脱贫',
            attribute: '一般贫困户',
            householdSize: 1,
            foodSecure: true,
            clothingSecure: true,
            housingSafe: true,
            drinkingWaterSafe: true,
            members: [{ name: '', schooling: '已毕业', medicalEligible: true, medicalInsured: true }],
            ...Object.fromEntries(INCOME_FIELDS.map((f) => [f.key, 0])),
          }}
        >
          <HouseholdStart onPicked={(h) => form.setFieldsValue(trialValuesFromHousehold(h))} />
          <Form.Item label="地区（确定适用的扶贫标准）" name="regionCode" rules={[{ required: true, message: '请选择地区' }]}>
            <RegionPicker />
          </Form.Item>
          <Space wrap>
            <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber precision={0} min={2013} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item label="家庭人口" name="householdSize" rules={[{ required: true, message: '请填写家庭人口' }]}>
              <InputNumber precision={0} min={0} max={50} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item label="状态（稳定脱贫标注用）" name="status">
              <Select style={{ width: 130 }} options={STATUSES.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
            <Form.Item label="属性" name="attribute">
              <Select style={{ width: 150 }} options={ATTRIBUTES.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Space>
          <Card size="small" type="inner" title="分项收入（元）" style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              {INCOME_FIELDS.map((f) => (
                <FormCell xs={12} md={8} key={f.key} label={f.label} name={f.key} style={{ marginBottom: 8 }}>
                  <InputNumber precision={0} min={0} style={{ width: '100%' }} />
                </FormCell>
              ))}
            </Row>
          </Card>
          <SecuritySwitches style={{ marginBottom: 12 }} />
          <Card size="small" type="inner" title="家庭成员（义务教育、基本医疗）" style={{ marginBottom: 12 }}>
            <Form.List name="members">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} wrap style={{ marginBottom: 8 }}>
                      <Form.Item name={[f.name, 'name']} noStyle>
                        <Input placeholder="姓名" style={{ width: 90 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'schooling']} noStyle>
                        <Select style={{ width: 100 }} options={SCHOOLING.map((s) => ({ value: s, label: s }))} />
                      </Form.Item>
                      {members?.[f.name]?.schooling === '辍学' && (
                        <Form.Item name={[f.name, 'dropoutForPoverty']} valuePropName="checked" noStyle>
                          <Checkbox>因贫</Checkbox>
                        </Form.Item>
                      )}
                      <Form.Item name={[f.name, 'medicalEligible']} valuePropName="checked" noStyle>
                        <Checkbox>应参保</Checkbox>
                      </Form.Item>
                      <Form.Item name={[f.name, 'medicalInsured']} valuePropName="checked" noStyle>
                        <Checkbox>已参保</Checkbox>
                      </Form.Item>
                      <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除成员" />
                    </Space>
                  ))}
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', schooling: '已毕业', medicalEligible: true, medicalInsured: true })}>
                    添加成员
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
          <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={trial.isPending}>
            测算
          </Button>
        </Form>
      </Col>
      <Col xs={24} xxl={13}>
        {trial.isError && <Alert type="error" showIcon title="测算失败" description={errorMessage(trial.error)} style={{ marginBottom: 12 }} />}
        {r ? (
          <div data-testid="trial-household-result">
            <Typography.Paragraph>
              人均纯收入 <Typography.Text strong>{yuan(r.income.perCapita)}</Typography.Text>；适用 {r.line.year} 年{r.line.scope} {yuan(r.line.yuan)}
              {r.line.source ? `（${r.line.source}）` : ''}
            </Typography.Paragraph>
            <IncomeTrace result={r.income} />
            <div style={{ height: 16 }} />
            <VerdictView title="贫困户识别" verdict={r.identification} passText="符合识别标准" failText="不符合识别标准" />
            <VerdictView title="贫困户脱贫" verdict={r.exit} passText="达到脱贫标准" failText="未达到脱贫标准" />
            <VerdictView title="稳定脱贫标注" verdict={r.stableExit} passText="可标注稳定脱贫" failText="不能标注稳定脱贫" />
          </div>
        ) : (
          <Alert type="info" showIcon title="按录入情况判断识别、脱贫和稳定脱贫，不保存任何数据。" />
        )}
      </Col>
    </Row>
  );
}

/** The village's figures the trial asks for, each a whole number. */
const VILLAGE_FIGURES = [
  ['remainingPoor', '剩余贫困人口（人）'],
  ['certifiedPopulation', '公安认定总人口（人）'],
  ['specialtyIndustries', '特色产业（项）'],
  ['collectiveIncomeYuan', '村集体经济收入（元，不含转移性收入）'],
] as const;

function VillageTrial() {
  const trial = useTrialVillage();
  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Form<TrialVillageInput>
          name="trial-village"
          layout="vertical"
          onFinish={(v) => trial.mutate(v)}
          initialValues={{ remainingPoor: 0, certifiedPopulation: 0, specialtyIndustries: 0, collectiveIncomeYuan: 0, infrastructureImproved: false, publicServicesImproved: false, minCollectiveIncomeYuan: 50000 }}
        >
          <Row gutter={12}>
            {VILLAGE_FIGURES.map(([name, label]) => (
              <FormCell key={name} span={12} label={label} name={name} rules={[{ required: true }]}>
                <InputNumber precision={0} min={0} style={{ width: '100%' }} />
              </FormCell>
            ))}
            <FormCell span={12} label="集体收入标准" name="minCollectiveIncomeYuan">
              <Select
                options={[
                  { value: 50000, label: '5万元以上' },
                  { value: 80000, label: '8万元以上（支撑材料）' },
                ]}
              />
            </FormCell>
            <Col span={12}>
              <Space orientation="vertical">
                <Form.Item name="infrastructureImproved" valuePropName="checked" noStyle>
                  <Checkbox>基础设施明显改善</Checkbox>
                </Form.Item>
                <Form.Item name="publicServicesImproved" valuePropName="checked" noStyle>
                  <Checkbox>基本公共服务明显改善</Checkbox>
                </Form.Item>
              </Space>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={trial.isPending} style={{ marginTop: 12 }}>
            测算
          </Button>
        </Form>
      </Col>
      <Col xs={24} xl={14}>
        {trial.isError && <Alert type="error" showIcon title="测算失败" description={errorMessage(trial.error)} style={{ marginBottom: 12 }} />}
        {trial.data ? (
          <VerdictView title="贫困村出列" verdict={trial.data} passText="达到出列标准" failText="未达到出列标准" testId="trial-village-result" />
        ) : (
          <Alert type="info" showIcon title="按录入情况判断贫困村是否达到出列标准，不保存任何数据。" />
        )}
      </Col>
    </Row>
  );
}

export function TrialPage() {
  return (
    <>
      <Typography.Title level={3}>测算</Typography.Title>
      <Tabs
        items={[
          { key: 'household', label: '贫困户识别与脱贫', children: <HouseholdTrial /> },
          { key: 'village', label: '贫困村出列', children: <VillageTrial /> },
        ]}
      />
    </>
  );
}
