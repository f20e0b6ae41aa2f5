import { DownloadOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Checkbox, Col, Descriptions, Form, InputNumber, Row, Segmented, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../api';
import { useLockedFigure } from '../../reports/locked';
import { showFieldErrors } from '../forms';
import { ErrorResult } from '../ErrorResult';
import { FormCell, FormSwitch } from '../../shared/FormCell';
import { PagedTable, usePageState } from '../../shared/tables';
import { currentYear, percent } from '../format';
import { FACILITIES, STATUS_COLORS, useHouseholds, useSaveVillage, useSaveVillageYear, useVillage, villageOverviewUrl, yuan, type HouseholdHit, type Village, type VillageInput, type VillageYear } from '../../registry/api';
import type { VillageYearInput } from '../../../contract/registry/villages';
import { VerdictView } from '../../registry/VerdictView';
import { StartVillageExit } from '../../procedures/StartProcedureButtons';
import { ListPrintButtons } from '../../print/ListPrintButtons';
import { VillageHandbooksButton } from '../../print/PrintButtons';

/** The profile form: the body of PUT /api/registry/villages/:code, with the facilities in place as a list of keys. */
type ProfileValues = Omit<VillageInput, 'facilities' | 'version'> & { facilities: string[] };

function profileValues(v: Village): ProfileValues {
  const p = v.profile;
  return {
    poorVillage: p?.poorVillage ?? false,
    identifiedYear: p?.identifiedYear ?? null,
    exited: p?.exited ?? false,
    exitYear: p?.exitYear ?? null,
    certifiedPopulation: p?.certifiedPopulation ?? null,
    populationYear: p?.populationYear ?? null,
    specialtyIndustries: p?.specialtyIndustries ?? [],
    facilities: Object.entries(p?.facilities ?? {})
      .filter(([, on]) => on)
      .map(([k]) => k),
    infrastructureImproved: p?.infrastructureImproved ?? false,
    publicServicesImproved: p?.publicServicesImproved ?? false,
  };
}

/** A 是/否 of the village's profile and the year it happened, asked (and required) only when it is 是. */
function FlagWithYear({ flag, flagLabel, year, yearLabel, required }: { flag: 'poorVillage' | 'exited'; flagLabel: string; year: 'identifiedYear' | 'exitYear'; yearLabel: string; required: string }) {
  const on = Form.useWatch(flag, Form.useFormInstance<ProfileValues>());
  return (
    <>
      <FormCell xs={12} md={6} label={flagLabel} name={flag} valuePropName="checked">
        <FormSwitch />
      </FormCell>
      <FormCell xs={12} md={6} label={yearLabel} name={year} rules={[{ required: !!on, message: required }]}>
        <InputNumber precision={0} min={2013} max={2100} disabled={!on} style={{ width: '100%' }} />
      </FormCell>
    </>
  );
}

function ProfileForm({ village }: { village: Village }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const save = useSaveVillage(village.region.code);

  useEffect(() => {
    form.setFieldsValue(profileValues(village));
  }, [village, form]);

  const submit = (v: ProfileValues) => {
    save.mutate(
      {
        poorVillage: v.poorVillage,
        identifiedYear: v.poorVillage ? (v.identifiedYear ?? null) : null,
        exited: v.exited,
        exitYear: v.exited ? (v.exitYear ?? null) : null,
        certifiedPopulation: v.certifiedPopulation ?? null,
        populationYear: v.populationYear ?? null,
        specialtyIndustries: v.specialtyIndustries,
        facilities: Object.fromEntries(FACILITIES.map((f) => [f.key, v.facilities.includes(f.key)])),
        infrastructureImproved: v.infrastructureImproved,
        publicServicesImproved: v.publicServicesImproved,
        version: village.profile?.version ?? null,
      },
      {
        onSuccess: () => void message.success('村情已保存'),
        onError: (e) => {
          showFieldErrors(form, e);
          void message.error(errorMessage(e));
        },
      },
    );
  };

  return (
    <Form<ProfileValues> form={form} name="village-profile" layout="vertical" initialValues={profileValues(village)} onFinish={submit}>
      <Row gutter={16}>
        <FlagWithYear flag="poorVillage" flagLabel="贫困村" year="identifiedYear" yearLabel="识别年度" required="贫困村须填写识别年度" />
        <FlagWithYear flag="exited" flagLabel="已出列" year="exitYear" yearLabel="出列年度" required="已出列的村须填写出列年度" />
        <FormCell xs={12} md={6} label="公安认定总人口（人）" name="certifiedPopulation">
          <InputNumber precision={0} min={0} style={{ width: '100%' }} />
        </FormCell>
        <FormCell xs={12} md={6} label="人口证明年度" name="populationYear">
          <InputNumber precision={0} min={2000} max={2100} style={{ width: '100%' }} />
        </FormCell>
        <FormCell xs={24} md={12} label="特色产业" name="specialtyIndustries" extra="输入后按回车添加，可填多项">
          <Select mode="tags" open={false} placeholder="如：花椒种植、肉牛养殖" />
        </FormCell>
        <FormCell xs={24} md={12} label="基础设施和公共服务" name="facilities">
          <Checkbox.Group options={FACILITIES.map((f) => ({ value: f.key, label: f.label }))} />
        </FormCell>
        <FormCell xs={12} md={6} label="基础设施明显改善" name="infrastructureImproved" valuePropName="checked">
          <FormSwitch />
        </FormCell>
        <FormCell xs={12} md={6} label="基本公共服务明显改善" name="publicServicesImproved" valuePropName="checked">
          <FormSwitch />
        </FormCell>
      </Row>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
        保存村情
      </Button>
    </Form>
  );
}

function YearsCard({ village }: { village: Village }) {
  const { message } = App.useApp();
  const save = useSaveVillageYear(village.region.code);
  const locked = useLockedFigure();
  const [form] = Form.useForm<VillageYearInput & { year: number }>();
  const year = Form.useWatch('year', form);

  // Filling in a year that is already there shows its figures for editing.
  useEffect(() => {
    const row = village.years.find((y) => y.year === year);
    if (row) form.setFieldsValue({ collectiveIncome: row.collectiveIncome, plannedHouseholds: row.plannedHouseholds, plannedPersons: row.plannedPersons });
  }, [year, village.years, form]);

  return (
    <>
      <Table<VillageYear>
        size="small"
        bordered
        rowKey="year"
        pagination={false}
        dataSource={village.years}
        locale={{ emptyText: '尚未填写' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '村集体经济收入（不含转移性收入）', dataIndex: 'collectiveIncome', align: 'right', render: (v: number | null) => yuan(v) },
          { title: '计划脱贫户数', dataIndex: 'plannedHouseholds', align: 'right', render: (v: number | null) => v ?? '—' },
          { title: '计划脱贫人数', dataIndex: 'plannedPersons', align: 'right', render: (v: number | null) => v ?? '—' },
        ]}
      />
      <Form
        form={form}
        name="village-year"
        layout="inline"
        initialValues={{ year: currentYear() }}
        style={{ marginTop: 12, rowGap: 8 }}
        onFinish={(v) =>
          save.mutate(
            { year: v.year, collectiveIncome: v.collectiveIncome ?? null, plannedHouseholds: v.plannedHouseholds ?? null, plannedPersons: v.plannedPersons ?? null },
            {
              onSuccess: () => void message.success(`${v.year} 年度数据已保存`),
              onError: (e) => {
                if (locked(e, { kind: 'village_year', villageCode: village.region.code, year: v.year })) return;
                showFieldErrors(form, e);
                void message.error(errorMessage(e));
              },
            },
          )
        }
      >
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber precision={0} min={2013} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label="集体经济收入（元）" name="collectiveIncome">
          <InputNumber precision={0} min={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="计划脱贫户数" name="plannedHouseholds">
          <InputNumber precision={0} min={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label="计划脱贫人数" name="plannedPersons">
          <InputNumber precision={0} min={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
            保存年度数据
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

/**
 * Where a village page stands in 建档立卡: the regions above the village (each its registry list), then `last` (the
 * village's name, or for a household the village's link and the household).
 */
export function RegistryBreadcrumb({ path, last }: { path: ReadonlyArray<{ code: string; name: string }>; last: ReactNode | ReactNode[] }) {
  const tail = Array.isArray(last) ? last : [last];
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[
        { title: <Link to="/registry">建档立卡</Link> },
        ...path.slice(0, -1).map((p) => ({ title: <Link to={`/registry?region=${p.code}`}>{p.name}</Link> })),
        ...tail.map((title) => ({ title })),
      ]}
    />
  );
}

export function HouseholdsTable({ region, testId }: { region: string; testId?: string }) {
  const { page, setPage } = usePageState();
  const list = useHouseholds({ region }, page.current, page.size);
  return <PagedTable<HouseholdHit> data-testid={testId} rowKey="id" query={list} page={page} onPage={setPage} unit="户" columns={householdColumns} />;
}

export const householdColumns = [
  { title: '户编号', dataIndex: 'number', render: (v: string, r: HouseholdHit) => <Link to={`/registry/households/${r.id}`}>{v}</Link> },
  { title: '户主', dataIndex: 'head', render: (v: string | null, r: HouseholdHit) => <Link to={`/registry/households/${r.id}`}>{v ?? '（无）'}</Link> },
  { title: '所在村', dataIndex: 'villageName', render: (v: string | null, r: HouseholdHit) => <Link to={`/registry/villages/${r.villageCode}`}>{v ?? r.villageCode}</Link> },
  { title: '人口', dataIndex: 'size', align: 'right' as const },
  { title: '属性', dataIndex: 'attribute' },
  { title: '主要致贫原因', dataIndex: 'mainCause' },
  {
    title: '状态',
    dataIndex: 'status',
    render: (v: string, r: HouseholdHit) => (
      <Tag color={STATUS_COLORS[v]}>
        {v}
        {v === '已脱贫' && r.statusYear ? `（${r.statusYear}）` : ''}
      </Tag>
    ),
  },
];

export function VillagePage() {
  const { code = '' } = useParams();
  const [threshold, setThreshold] = useState<number>(50000);
  const village = useVillage(code, threshold);
  const v = village.data;

  if (village.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (village.isError || !v) return <ErrorResult error={village.error} onRetry={() => void village.refetch()} />;

  const path = v.region.path;
  const population = v.profile?.certifiedPopulation ?? 0;
  return (
    <>
      <RegistryBreadcrumb path={path} last={v.region.name} />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="village-title">
          {v.region.name}
          {v.profile?.poorVillage && (
            <Tag color={v.profile.exited ? 'green' : 'red'} style={{ marginLeft: 12, verticalAlign: 'middle' }}>
              {v.profile.exited ? `贫困村 · ${v.profile.exitYear} 年出列` : `贫困村 · ${v.profile.identifiedYear} 年识别`}
            </Tag>
          )}
        </Typography.Title>
        <Space wrap>
          <Link to={`/registry/households/new?village=${v.region.code}`}>
            <Button icon={<PlusOutlined />}>新增贫困户</Button>
          </Link>
          <Link to={`/wall/villages/${v.region.code}`}><Button>上墙图表</Button></Link>
          <Button icon={<DownloadOutlined />} href={villageOverviewUrl(v.region.code)} download>
            导出贫困户精准扶贫一览表（.xlsx）
          </Button>
          <ListPrintButtons code={v.region.code} />
          <VillageHandbooksButton villageCode={v.region.code} />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        {path.map((p) => p.name).join(' / ')}（区划代码 {v.region.code}）
      </Typography.Paragraph>

      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} data-testid="village-figures">
        <Descriptions.Item label="公安认定总人口">{v.profile?.certifiedPopulation != null ? `${v.profile.certifiedPopulation} 人（${v.profile.populationYear ?? '—'} 年）` : '未填写'}</Descriptions.Item>
        <Descriptions.Item label="剩余贫困人口">{v.remainingPoor} 人</Descriptions.Item>
        <Descriptions.Item label="贫困发生率">{population > 0 ? percent(v.remainingPoor / population) : '—'}</Descriptions.Item>
        {v.byStatus.map((b) => (
          <Descriptions.Item key={b.status} label={b.status}>
            {b.households} 户 {b.persons} 人
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="特色产业">{v.profile?.specialtyIndustries.length ? v.profile.specialtyIndustries.join('、') : '无'}</Descriptions.Item>
        <Descriptions.Item label="村集体经济收入">
          {v.collectiveIncomeYear ? `${yuan(v.years.find((y) => y.year === v.collectiveIncomeYear)?.collectiveIncome)}（${v.collectiveIncomeYear} 年）` : '未填写'}
        </Descriptions.Item>
      </Descriptions>

      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title="村情" style={{ marginBottom: 16 }}>
            <ProfileForm village={v} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="村集体经济收入与脱贫规划（元）" style={{ marginBottom: 16 }}>
            <YearsCard village={v} />
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title="贫困村出列检查"
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            <Typography.Text type="secondary">集体收入标准</Typography.Text>
            <Segmented<number>
              size="small"
              value={threshold}
              onChange={setThreshold}
              options={[
                { value: 50000, label: '5万元' },
                { value: 80000, label: '8万元' },
              ]}
            />
          </Space>
        }
      >
        <VerdictView title="出列标准" verdict={v.exitCheck} passText="达到出列标准" failText="未达到出列标准" testId="village-exit" />
      </Card>

      <StartVillageExit village={v} />
      <Card size="small" title="本村贫困户">
        <HouseholdsTable region={v.region.code} testId="village-households" />
      </Card>
    </>
  );
}
