import { EditOutlined, SaveOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Row, Select, Space, Spin, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api';
import { showFieldErrors } from '../forms';
import { ErrorResult } from '../ErrorResult';
import { can, useMe } from '../../shared/session';
import { currentYear, formatDateTime, todayIso } from '../format';
import { statusChangeProblem, STATUSES } from '../../../domain/registry/status-transition';
import { emptyIncomeItems, type StatusChange as StatusChangeBody } from '../../../contract/registry/households';
import { useLockedFigure } from '../../reports/locked';
import { INCOME_FIELDS, STATUS_COLORS, useChangeStatus, useHousehold, useSaveIncome, yuan, type Household, type IncomeItems, type Person } from '../../registry/api';
import { HouseholdEditDrawer } from '../../registry/HouseholdEditDrawer';
import { ChangeRequestCard } from '../../registry/ChangeRequestCard';
import { isChangeRequest, useChangeAction, useChangeRequests, type ChangeRequest } from '../../registry/change-requests-api';
import { IncomeTrace, Mark, VerdictView } from '../../registry/VerdictView';
import { StartProcedureButtons } from '../../procedures/StartProcedureButtons';
import { HandbookCheckPanel } from '../../quality/HandbookCheckPanel';
import { HandbookCheckCard } from '../../rosters/HandbookCheckCard';
import { HouseholdHelpersPanel } from '../../pairing/HouseholdHelpersPanel';
import { HouseholdReceiptsPanel } from '../../funds/HouseholdReceiptsPanel';
import { HouseholdBenefitsCard } from '../../benefits/HouseholdBenefitsCard';
// issue 15: measures
import { HouseholdMeasuresCard } from '../../measures/HouseholdMeasuresCard';
import { useIdParam } from '../params';
import { RegistryBreadcrumb } from './VillagePage';
import { usePhone } from '../../shared/responsive';
import { PrintButtons } from '../../print/PrintButtons';

function Flag({ ok, label }: { ok: boolean; label: string }) {
  return (
    <Tag color={ok ? 'green' : 'red'} style={{ marginBottom: 4 }}>
      {label}：{ok ? '✓ 有保障' : '✗ 未保障'}
    </Tag>
  );
}

function MembersTable({ persons }: { persons: Person[] }) {
  return (
    <Table<Person>
      data-testid="household-members"
      size="small"
      bordered
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={persons}
      columns={[
        { title: '姓名', dataIndex: 'name', fixed: 'left', width: 90 },
        { title: '与户主关系', dataIndex: 'relation', width: 90 },
        { title: '身份证号', dataIndex: 'idNumber', width: 180, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
        { title: '性别', dataIndex: 'sex', width: 56 },
        { title: '出生日期', dataIndex: 'birthDate', width: 110 },
        { title: '在校情况', dataIndex: 'schooling', width: 110, render: (v: string, p) => (v === '辍学' && p.dropoutForPoverty ? '辍学（因贫）' : v) },
        { title: '健康状况', dataIndex: 'health', width: 110, render: (v: string, p) => (v === '残疾' && p.disabilityGrade ? `残疾（${p.disabilityGrade} 级）` : v) },
        { title: '劳动能力', dataIndex: 'labour', width: 100 },
        { title: '务工', width: 160, render: (_, p) => (p.workMonths ? `${p.workMonths} 个月${p.workPlace ? `，${p.workPlace}` : ''}，${yuan(p.workIncome)}` : '—') },
        {
          title: '保险',
          width: 220,
          render: (_, p) => (
            <Space size={2} wrap>
              <Tag color={!p.medicalEligible ? 'default' : p.medicalInsured ? 'green' : 'red'}>基本医保{!p.medicalEligible ? '（不适用）' : p.medicalInsured ? '✓' : '✗'}</Tag>
              <Tag color={p.seriousIllnessInsured ? 'green' : 'default'}>大病保险{p.seriousIllnessInsured ? '✓' : '✗'}</Tag>
              <Tag color={p.pensionInsured ? 'green' : 'default'}>养老保险{p.pensionInsured ? '✓' : '✗'}</Tag>
            </Space>
          ),
        },
      ]}
    />
  );
}

const EMPTY_ITEMS = emptyIncomeItems();

type IncomeValues = IncomeItems & { year: number };

function IncomeSection({ household, returned }: { household: Household; returned: ChangeRequest[] }) {
  const { message } = App.useApp();
  const save = useSaveIncome();
  const locked = useLockedFigure();
  const resubmit = useChangeAction();
  // A reader (领导查阅, 帮扶责任人) sees the incomes without the form that changes them.
  const mayWrite = can(useMe().data, 'registry.write');
  const [form] = Form.useForm<IncomeValues>();
  const year = Form.useWatch('year', form);
  const latest = household.incomes[household.incomes.length - 1];
  const [tab, setTab] = useState<string | undefined>(latest ? String(latest.year) : undefined);

  useEffect(() => {
    if (!year) return;
    const row = household.incomes.find((i) => i.year === year);
    const items = row ? row.items : EMPTY_ITEMS;
    form.setFieldsValue(Object.fromEntries(INCOME_FIELDS.map((f) => [f.key, items[f.key]])) as Partial<IncomeValues>);
  }, [year, household.incomes, form]);

  const submit = (v: IncomeValues) => {
    const items = Object.fromEntries(INCOME_FIELDS.map((f) => [f.key, v[f.key] ?? 0])) as unknown as IncomeItems;
    const onError = (e: unknown) => {
      // A year a report locks (报送) offers a correction request for the figure instead.
      if (locked(e, { kind: 'income', householdId: household.id, year: v.year })) return;
      showFieldErrors(form, e);
      void message.error(errorMessage(e));
    };
    // That year's income change the township returned to the user is resubmitted as the same request (issue 11).
    const back = returned.find((r) => r.kind === 'income' && r.year === v.year);
    if (back) {
      resubmit.mutate({ id: back.id, action: 'resubmit', body: { income: items } }, { onSuccess: () => void message.success(`${v.year} 年收入已重新提交乡镇审核`), onError });
      return;
    }
    save.mutate(
      { id: household.id, year: v.year, items },
      {
        onSuccess: (result) => {
          if (isChangeRequest(result)) {
            void message.success(`${v.year} 年收入已提交乡镇审核，批准后生效`);
            return;
          }
          setTab(String(v.year));
          void message.success(`${v.year} 年收入已保存`);
        },
        onError,
      },
    );
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        {household.incomes.length === 0 ? (
          <Empty description="尚未填写收入" />
        ) : (
          <Tabs
            activeKey={tab ?? String(latest?.year)}
            onChange={setTab}
            items={[...household.incomes].reverse().map((inc) => ({
              key: String(inc.year),
              label: `${inc.year} 年`,
              children: (
                <>
                  <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 8 }}>
                    <Descriptions.Item label="年收入">{yuan(inc.result.annualIncome)}</Descriptions.Item>
                    <Descriptions.Item label="纯收入">{yuan(inc.result.netIncome)}</Descriptions.Item>
                    <Descriptions.Item label="家庭人口">{inc.result.householdSize} 人</Descriptions.Item>
                    <Descriptions.Item label="人均纯收入">
                      <Typography.Text strong>{yuan(inc.result.perCapita)}</Typography.Text>
                    </Descriptions.Item>
                  </Descriptions>
                  {inc.result.overspent && <Alert type="warning" showIcon title="因病、因学支出超过纯收入（入不敷出）" style={{ marginBottom: 8 }} />}
                  <Typography.Text strong>计算过程</Typography.Text>
                  <IncomeTrace result={inc.result} testId={`income-trace-${inc.year}`} />
                </>
              ),
            }))}
          />
        )}
      </Col>
      {mayWrite && (
      <Col xs={24} xl={10}>
        <Card size="small" title="填报分项收入（元）" type="inner">
          <Form<IncomeValues> form={form} name="household-income" layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }} initialValues={{ year: currentYear(), ...EMPTY_ITEMS }} onFinish={submit}>
            <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber precision={0} min={2013} max={currentYear()} style={{ width: '100%' }} />
            </Form.Item>
            {INCOME_FIELDS.map((f, i) => (
              <div key={f.key}>
                {(i === 0 || INCOME_FIELDS[i - 1]?.group !== f.group) && (
                  <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0' }}>
                    {f.group}
                  </Typography.Text>
                )}
                <Form.Item label={`${f.label}（元）`} name={f.key} style={{ marginBottom: 8 }}>
                  <InputNumber precision={0} min={0} style={{ width: '100%' }} />
                </Form.Item>
              </div>
            ))}
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending || resubmit.isPending}>
              保存收入
            </Button>
          </Form>
        </Card>
      </Col>
      )}
    </Row>
  );
}

type StatusValues = Omit<StatusChangeBody, 'version'>;

function StatusChange({ household }: { household: Household }) {
  const { message, modal } = App.useApp();
  const change = useChangeStatus();
  const [form] = Form.useForm<StatusValues>();
  const [error, setError] = useState<string | null>(null);
  const status = Form.useWatch('status', form);
  const from = household.status;
  const targets = STATUSES.filter((s) => statusChangeProblem(from, s) === null);

  const submit = (v: StatusValues) => {
    setError(null);
    modal.confirm({
      title: `确认将该户状态由“${from}”变更为“${v.status}”？`,
      content: `生效日期 ${v.effectiveOn}；原因：${v.reason}`,
      okText: '确认变更',
      cancelText: '取消',
      onOk: () =>
        change
          .mutateAsync({ id: household.id, status: v.status, year: v.status === '已脱贫' ? (v.year ?? null) : undefined, effectiveOn: v.effectiveOn, reason: v.reason, version: household.version })
          .then(() => {
            form.resetFields(['status', 'reason']);
            void message.success(`已变更为“${v.status}”`);
          })
          .catch((e: unknown) => {
            showFieldErrors(form, e);
            setError(errorMessage(e));
          }),
    });
  };

  if (targets.length === 0) return <Typography.Text type="secondary">“{from}”的户不能再变更状态。</Typography.Text>;
  return (
    <>
      {error && <Alert type="error" showIcon title="状态未变更" description={error} style={{ marginBottom: 12 }} data-testid="status-error" closable={{ onClose: () => setError(null) }} />}
      <Form<StatusValues> form={form} name="household-status" layout="inline" initialValues={{ year: currentYear(), effectiveOn: todayIso() }} onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item label="变更为" name="status" rules={[{ required: true, message: '请选择状态' }]}>
          <Select style={{ width: 130 }} options={targets.map((s) => ({ value: s, label: s }))} placeholder="选择状态" />
        </Form.Item>
        {status === '已脱贫' && (
          <Form.Item label="脱贫年度" name="year" rules={[{ required: true, message: '请填写脱贫年度' }]}>
            <InputNumber precision={0} min={2013} max={2100} style={{ width: 100 }} />
          </Form.Item>
        )}
        <Form.Item label="生效日期" name="effectiveOn" rules={[{ required: true, message: '请填写生效日期' }]}>
          <Input type="date" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写变更原因' }]}>
          <Input style={{ width: 280 }} placeholder="如：经入户核实，收入稳定超过标准" maxLength={200} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SwapOutlined />} loading={change.isPending}>
            变更状态
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

export function HouseholdPage() {
  const id = useIdParam();
  const query = useHousehold(id);
  const h = query.data;
  // Only the roles that may write the registry (系统管理员、单位管理员) are offered 编辑.
  const me = useMe().data;
  const mayEdit = can(me, 'registry.write');
  const [editing, setEditing] = useState(false);
  // Issue 12: on a phone a user who records visits finds 帮扶责任人与走访 (and its visit form) right under the title.
  const visitsFirst = usePhone() && can(me, 'visits.write');
  // Issue 11: the household's change requests; the open ones (待审批, 已退回) are shown before → after at the top.
  const requests = useChangeRequests({ householdId: id }, 1, 50, id !== undefined);
  const open = (requests.data?.items ?? []).filter((r) => r.state === 'pending' || r.state === 'returned');
  const decided = (requests.data?.items ?? []).filter((r) => r.state !== 'pending' && r.state !== 'returned');
  const returnedToMe = open.filter((r) => r.mayResubmit);

  if (id === undefined) return <ErrorResult error={new Error('贫困户编号无效')} />;
  if (query.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (query.isError || !h) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const head = h.persons.find((p) => p.relation === '户主');
  const path = h.village.path;
  const v = h.verdicts;

  return (
    <>
      <RegistryBreadcrumb path={path} last={[<Link to={`/registry/villages/${h.villageCode}`}>{h.village.name}</Link>, `户编号 ${h.number}`]} />
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} data-testid="household-title">
          扶贫手册 · {head?.name ?? '（无户主）'}户
          <Tag color={STATUS_COLORS[h.status]} style={{ marginLeft: 12, verticalAlign: 'middle' }} data-testid="household-status">
            {h.status}
            {h.status === '已脱贫' && h.statusYear ? `（${h.statusYear} 年）` : ''}
          </Tag>
        </Typography.Title>
        {mayEdit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="household-edit">
            编辑
          </Button>
        )}
      </Space>
      <PrintButtons householdId={h.id} style={{ marginBottom: 12 }} />
      {mayEdit && <HouseholdEditDrawer household={h} open={editing} onClose={() => setEditing(false)} returned={returnedToMe.find((r) => r.kind === 'household')} />}
      {visitsFirst && <HouseholdHelpersPanel household={h} />}

      {open.length > 0 && (
        <Card size="small" title="待审核的户情变更" style={{ marginBottom: 16, borderColor: '#faad14' }} data-testid="household-pending-changes">
          <Typography.Paragraph type="secondary">以下变更已提交乡镇审核，批准后才写入本户信息。</Typography.Paragraph>
          {open.map((r) => (
            <ChangeRequestCard key={r.id} request={r} />
          ))}
        </Card>
      )}

      <Card size="small" title="一、基本情况" style={{ marginBottom: 16 }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="household-facts">
          <Descriptions.Item label="所在村" span={2}>
            <Link to={`/registry/villages/${h.villageCode}`}>{path.map((p) => p.name).join(' / ')}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="户编号">{h.number}</Descriptions.Item>
          <Descriptions.Item label="户主">{head?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="家庭人口">{h.persons.length} 人</Descriptions.Item>
          <Descriptions.Item label="贫困户属性">{h.attribute}</Descriptions.Item>
          <Descriptions.Item label="识别年度">
            {h.identifiedYear} 年（{h.identifiedOn}）
          </Descriptions.Item>
          <Descriptions.Item label="主要致贫原因">{h.mainCause}</Descriptions.Item>
          <Descriptions.Item label="次要致贫原因">{h.secondaryCauses.length ? h.secondaryCauses.join('、') : '无'}</Descriptions.Item>
          <Descriptions.Item label="两不愁三保障" span={3}>
            <Flag ok={h.foodSecure} label="不愁吃" />
            <Flag ok={h.clothingSecure} label="不愁穿" />
            <Flag ok={h.housingSafe} label="住房安全" />
            <Flag ok={h.drinkingWaterSafe} label="饮水安全" />
            <Flag ok={!h.persons.some((p) => p.schooling === '辍学' && p.dropoutForPoverty)} label="义务教育（无因贫辍学）" />
            <Flag ok={h.persons.every((p) => !p.medicalEligible || p.medicalInsured)} label="基本医疗（应保尽保）" />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title="二、家庭成员" style={{ marginBottom: 16 }}>
        <MembersTable persons={h.persons} />
      </Card>

      <Card size="small" title="三、家庭收入（元）" style={{ marginBottom: 16 }}>
        <IncomeSection household={h} returned={returnedToMe} />
      </Card>

      {/* issue 15: benefits — 政策享受, imported from departments */}
      <HouseholdBenefitsCard householdId={h.id} />
      {/* issue 15: measures — 帮扶措施, 脱贫时限和脱贫计划 */}
      <HouseholdMeasuresCard householdId={h.id} />

      <Card size="small" title={`四、识别与脱贫标准${h.verdictYear ? `（${h.verdictYear} 年收入）` : ''}`} style={{ marginBottom: 16 }} data-testid="household-verdicts">
        {v ? (
          <>
            <Typography.Paragraph type="secondary">
              适用扶贫标准：{v.line.year} 年{v.line.scope} {yuan(v.line.yuan)}
              {v.line.source ? `（${v.line.source}）` : ''}
            </Typography.Paragraph>
            <VerdictView title="贫困户识别" verdict={v.identification} passText="符合识别标准" failText="不符合识别标准" testId="verdict-identification" />
            <VerdictView title="贫困户脱贫" verdict={v.exit} passText="达到脱贫标准" failText="未达到脱贫标准" testId="verdict-exit" />
            <VerdictView title="稳定脱贫标注" verdict={v.stableExit} passText="可标注稳定脱贫" failText="不能标注稳定脱贫" testId="verdict-stable" />
          </>
        ) : h.incomes.length ? (
          <Alert type="warning" showIcon title={`缺少 ${h.verdictYear ?? h.incomes[h.incomes.length - 1]?.year} 年适用于该地区的扶贫标准，无法判断`} description="请系统管理员在“扶贫标准”中设置。" />
        ) : (
          <Empty description="填写收入后按标准判断" />
        )}
      </Card>

      <StartProcedureButtons household={h} />
      <Card size="small" title="五、状态变更" style={{ marginBottom: 16 }}>
        <Timeline
          data-testid="household-history"
          items={h.history.map((s) => ({
            color: STATUS_COLORS[s.status] === 'default' ? 'gray' : STATUS_COLORS[s.status],
            content: (
              <Space wrap>
                <Typography.Text strong>{s.effectiveOn}</Typography.Text>
                <Tag color={STATUS_COLORS[s.status]}>
                  {s.status}
                  {s.year && s.status === '已脱贫' ? `（${s.year} 年）` : ''}
                </Tag>
                <span>{s.reason}</span>
                <Typography.Text type="secondary">
                  {s.persons} 人 · {s.userName} · 录入于 {formatDateTime(s.at)}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
        {can(me, 'registry.correct') && (
          <Card size="small" type="inner" title="数据更正（系统管理员）" style={{ marginTop: 8 }}>
            <Typography.Paragraph type="secondary">状态应通过办结动态调整程序变更；此处只用于更正错误的数据，须写明原因。</Typography.Paragraph>
            <StatusChange household={h} />
          </Card>
        )}
      </Card>
      {decided.length > 0 && (
        <Card size="small" title="户情变更记录（经审核）" style={{ marginBottom: 16 }} data-testid="household-change-history">
          {decided.map((r) => (
            <ChangeRequestCard key={r.id} request={r} />
          ))}
        </Card>
      )}
      {!visitsFirst && <HouseholdHelpersPanel household={h} />}
      {can(me, 'funds.read') && <HouseholdReceiptsPanel householdId={h.id} />}
      {can(me, 'quality.read') && <HandbookCheckPanel household={h} />}
      {can(me, 'registry.read') && <HandbookCheckCard householdId={h.id} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <Mark passed /> 符合 <Mark passed={false} /> 不符合 <Mark passed={null} /> 仅供参考（不作为判断条件）
      </Typography.Text>
    </>
  );
}
