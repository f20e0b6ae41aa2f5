import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { INCOME_ITEM_LABELS, VILLAGE_FIELD_LABELS } from '../../domain/audit/labels';
import { CORRECTION_STATE_LABELS, REPORT_STATE_LABELS } from '../../domain/reports/reports';
import { errorMessage } from '../app/api';
import { ErrorResult } from '../app/ErrorResult';
import { currentYear } from '../app/format';
import { FormModal } from '../shared/FormModal';
import { PageHeader } from '../shared/PageHeader';
import { can, useMe } from '../shared/session';
import { PagedTable, usePageState } from '../shared/tables';
import {
  useCorrections,
  useDecideCorrection,
  useDecideReport,
  useOwnReport,
  useProposeCorrection,
  useReports,
  useSubmitReport,
  type Correction,
  type CorrectionCreate,
  type Report,
  type ReportFigures,
} from './api';

const STATE_COLORS: Record<string, string> = { submitted: 'processing', approved: 'success', returned: 'warning', pending: 'processing', rejected: 'default' };
const YEARS = Array.from({ length: currentYear() - 2013 + 1 }, (_, i) => currentYear() - i);
const FIELD_LABELS: Record<string, string> = { ...INCOME_ITEM_LABELS, collectiveIncome: VILLAGE_FIELD_LABELS.collectiveIncome!, plannedHouseholds: VILLAGE_FIELD_LABELS.plannedHouseholds!, plannedPersons: VILLAGE_FIELD_LABELS.plannedPersons! };
const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString());

/** A report's figures: households and persons by status at year end, exits, income, the villages' year figures. */
function Figures({ figures }: { figures: ReportFigures }) {
  return (
    <Descriptions size="small" bordered column={2}>
      <Descriptions.Item label="统计截至">{figures.asOf}</Descriptions.Item>
      <Descriptions.Item label="未脱贫与返贫人口">{n(figures.poorPersons)} 人</Descriptions.Item>
      <Descriptions.Item label="按状态" span={2}>
        {figures.byStatus.length ? figures.byStatus.map((s) => `${s.status} ${s.households} 户 ${s.persons} 人`).join('；') : '无'}
      </Descriptions.Item>
      <Descriptions.Item label="当年脱贫">{`${n(figures.exits.households)} 户 ${n(figures.exits.persons)} 人`}</Descriptions.Item>
      <Descriptions.Item label="当年新识别">{`${n(figures.identified.households)} 户 ${n(figures.identified.persons)} 人`}</Descriptions.Item>
      <Descriptions.Item label="户年人均纯收入（元）">{figures.meanPerCapita.mean === null ? '—' : `${n(figures.meanPerCapita.mean)}（${figures.meanPerCapita.households} 户）`}</Descriptions.Item>
      <Descriptions.Item label="村集体经济收入（元）">{n(figures.villages.collectiveIncome)}</Descriptions.Item>
      <Descriptions.Item label="脱贫规划（户 / 人）">{`${n(figures.villages.plannedHouseholds)} / ${n(figures.villages.plannedPersons)}`}</Descriptions.Item>
      <Descriptions.Item label="已填报年度数据的村">{n(figures.villages.reported)} 个</Descriptions.Item>
    </Descriptions>
  );
}

/** Asks for a reason (退回, 驳回) and sends the decision. */
function ReasonModal({ title, okText, open, onClose, send }: { title: string; okText: string; open: boolean; onClose: () => void; send: (reason: string) => Promise<unknown> }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setPending(true);
    setError(null);
    try {
      await send(v.reason.trim());
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <FormModal open={open} title={title} okText={okText} pending={pending} error={error} onSubmit={submit} onClose={onClose}>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 更正申请 for a locked figure: a village's year figures, or one household's income items of the year. */
function CorrectionModal({ open, onClose, year, villageCode, householdId }: { open: boolean; onClose: () => void; year: number; villageCode: string | null; householdId?: number }) {
  const { message } = App.useApp();
  const propose = useProposeCorrection();
  const [form] = Form.useForm<{ kind: 'village_year' | 'income'; villageCode?: string; householdId?: number; field: string; value: number; reason: string }>();
  const kind = Form.useWatch('kind', form) ?? 'village_year';
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    const body: CorrectionCreate =
      v.kind === 'village_year'
        ? { kind: 'village_year', villageCode: (v.villageCode ?? '').trim(), year, values: { [v.field]: v.value }, reason: v.reason.trim() }
        : { kind: 'income', householdId: v.householdId!, year, values: { [v.field]: v.value }, reason: v.reason.trim() };
    setError(null);
    try {
      await propose.mutateAsync(body);
      void message.success('已提出更正申请，待上级审核批准后数据才会更正');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const fields = kind === 'village_year' ? ['collectiveIncome', 'plannedHouseholds', 'plannedPersons'] : Object.keys(INCOME_ITEM_LABELS);
  return (
    <FormModal open={open} title={`提出更正申请（${year} 年度）`} okText="提出申请" pending={propose.isPending} error={error} onSubmit={submit} onClose={onClose}>
      <Form form={form} layout="vertical" preserve={false} initialValues={householdId ? { kind: 'income', householdId, field: 'wages' } : { kind: 'village_year', villageCode: villageCode ?? '', field: 'collectiveIncome' }}>
        <Form.Item label="更正的数据" name="kind">
          <Select
            options={[
              { value: 'village_year', label: '村集体经济收入与年度脱贫规划' },
              { value: 'income', label: '贫困户年度收入' },
            ]}
            onChange={(k) => form.setFieldValue('field', k === 'village_year' ? 'collectiveIncome' : 'wages')}
          />
        </Form.Item>
        {kind === 'village_year' ? (
          <Form.Item label="村（12 位行政区划代码）" name="villageCode" rules={[{ required: true, pattern: /^\d{12}$/, message: '请填写 12 位村级行政区划代码' }]}>
            <Input maxLength={12} />
          </Form.Item>
        ) : (
          <Form.Item label="贫困户编号（扶贫手册页面地址中的编号）" name="householdId" rules={[{ required: true, message: '请填写贫困户编号' }]}>
            <InputNumber precision={0} min={1} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item label="项目" name="field">
          <Select options={fields.map((f) => ({ value: f, label: FIELD_LABELS[f] ?? f }))} />
        </Form.Item>
        <Form.Item label="更正为" name="value" rules={[{ required: true, message: '请填写更正后的数值' }]}>
          <InputNumber precision={0} min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="更正原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** My region's report of a year: its figures and state, and 报送 (again after a return). */
function OwnReportCard({ year }: { year: number }) {
  const { message } = App.useApp();
  const own = useOwnReport(year);
  const submit = useSubmitReport();
  if (own.isError) return <ErrorResult error={own.error} onRetry={() => void own.refetch()} />;
  const data = own.data;
  const report = data?.report ?? null;
  const mayReport = !report || report.state === 'returned';
  return (
    <Card
      size="small"
      loading={own.isLoading}
      title={data ? `本级：${data.region.name} ${year} 年度` : '本级报送'}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          {report && <Tag color={STATE_COLORS[report.state]}>{REPORT_STATE_LABELS[report.state]}</Tag>}
          {!report && <Tag>未报送</Tag>}
          <Popconfirm
            title={`报送 ${year} 年度数据？`}
            description="报送后，该年度的村集体经济收入、脱贫规划和贫困户收入在上级审核期间不能修改；审核通过后锁定，只能通过更正申请修改。"
            okText="报送"
            cancelText="取消"
            disabled={!mayReport}
            onConfirm={() =>
              submit.mutateAsync({ year, version: report?.version ?? null }).then(
                () => void message.success(`已报送 ${year} 年度数据，等待上级审核`),
                (e) => void message.error(errorMessage(e)),
              )
            }
          >
            <Button type="primary" disabled={!mayReport} loading={submit.isPending}>
              {report?.state === 'returned' ? '重新报送' : '报送'}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {report?.state === 'returned' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`上级已退回：${report.returnReason ?? ''}`} />}
      {report?.state === 'approved' && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`${year} 年度数据已由${report.decidedByName ?? '上级'}审核锁定；如需修改，请提出更正申请。`} />}
      {report && report.state !== 'returned' ? (
        <>
          <Typography.Paragraph type="secondary">
            {report.submittedByName} 于 {new Date(report.submittedAt).toLocaleString('zh-CN')} 报送的数据：
          </Typography.Paragraph>
          <Figures figures={report.figures} />
        </>
      ) : (
        data && (
          <>
            <Typography.Paragraph type="secondary">目前的数据（报送时按此时的数据保存）：</Typography.Paragraph>
            <Figures figures={data.current} />
          </>
        )
      )}
    </Card>
  );
}

/** For the approver: the reports of the regions below, with 审核通过 and 退回. */
function BelowCard({ year }: { year: number }) {
  const { message } = App.useApp();
  const [state, setState] = useState<Report['state'] | undefined>('submitted');
  const { page, setPage } = usePageState();
  const reports = useReports({ year, state, page: page.current, pageSize: page.size }, true);
  const decide = useDecideReport();
  const [returning, setReturning] = useState<Report | null>(null);
  const [shown, setShown] = useState<Report | null>(null);
  return (
    <Card
      size="small"
      title="下级报送"
      style={{ marginBottom: 16 }}
      extra={
        <Select
          style={{ width: 140 }}
          allowClear
          placeholder="全部状态"
          value={state}
          onChange={(v) => setState(v)}
          options={Object.entries(REPORT_STATE_LABELS).map(([value, label]) => ({ value, label }))}
        />
      }
    >
      <PagedTable<Report>
        query={reports}
        page={page}
        onPage={setPage}
        unit="份"
        rowKey="id"
        locale={{ emptyText: '没有符合条件的报送' }}
        columns={[
          { title: '地区', render: (_, r) => r.region.name },
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '状态', render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag> },
          { title: '报送人', dataIndex: 'submittedByName' },
          { title: '未脱贫与返贫人口', render: (_, r) => n(r.figures.poorPersons) },
          {
            title: '操作',
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => setShown(r)}>
                  查看数据
                </Button>
                {r.mayDecide && (
                  <>
                    <Popconfirm
                      title={`审核通过 ${r.region.name} ${r.year} 年度数据？`}
                      description="通过后该年度数据锁定，之后只能通过更正申请修改。"
                      okText="审核通过"
                      cancelText="取消"
                      onConfirm={() => decide.mutateAsync({ id: r.id, action: 'approve', version: r.version }).then(() => void message.success('已审核通过并锁定'), (e) => void message.error(errorMessage(e)))}
                    >
                      <Button size="small" type="primary">
                        审核通过
                      </Button>
                    </Popconfirm>
                    <Button size="small" danger onClick={() => setReturning(r)}>
                      退回
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {shown && (
        <Card size="small" title={`${shown.region.name} ${shown.year} 年度报送的数据`} extra={<Button size="small" onClick={() => setShown(null)}>关闭</Button>}>
          <Figures figures={shown.figures} />
        </Card>
      )}
      <ReasonModal
        open={!!returning}
        title={returning ? `退回 ${returning.region.name} ${returning.year} 年度报送` : ''}
        okText="退回"
        onClose={() => setReturning(null)}
        send={(reason) => decide.mutateAsync({ id: returning!.id, action: 'return', version: returning!.version, reason }).then(() => void message.success('已退回'))}
      />
    </Card>
  );
}

/** 更正申请: the list, 提出 for a locked figure, and 批准 / 驳回 for the approver. */
function CorrectionsCard({ year, villageCode, asked }: { year: number; villageCode: string | null; asked: { village?: string; household?: number } | null }) {
  const { message } = App.useApp();
  const { page, setPage } = usePageState();
  const corrections = useCorrections({ year, page: page.current, pageSize: page.size });
  const decide = useDecideCorrection();
  // Opened for a figure whose edit was refused (the village or household page sends it here).
  const [creating, setCreating] = useState(!!asked);
  const [rejecting, setRejecting] = useState<Correction | null>(null);
  const change = (c: Correction) =>
    Object.keys(c.proposed)
      .filter((k) => c.before[k] !== c.proposed[k])
      .map((k) => `${FIELD_LABELS[k] ?? k}：${n(c.before[k])} → ${n(c.proposed[k])}`)
      .join('；');
  return (
    <Card size="small" title="更正申请" extra={<Button onClick={() => setCreating(true)}>提出更正申请</Button>}>
      <PagedTable<Correction>
        query={corrections}
        page={page}
        onPage={setPage}
        unit="条"
        rowKey="id"
        locale={{ emptyText: '没有更正申请' }}
        columns={[
          { title: '数据', render: (_, c) => `${c.village.name}${c.householdNumber ? ` 户 ${c.householdNumber}` : ''} · ${c.kindLabel}` },
          { title: '更正', render: (_, c) => change(c) },
          { title: '原因', dataIndex: 'reason' },
          { title: '申请人', dataIndex: 'proposedByName' },
          { title: '状态', render: (_, c) => <Tag color={STATE_COLORS[c.state]}>{CORRECTION_STATE_LABELS[c.state]}</Tag> },
          { title: '审核意见', render: (_, c) => c.decisionReason ?? '' },
          {
            title: '操作',
            render: (_, c) =>
              c.mayDecide && (
                <Space>
                  <Popconfirm
                    title="批准该更正申请？"
                    description="批准后数据随即更正，报送的数据一并重算。"
                    okText="批准"
                    cancelText="取消"
                    onConfirm={() => decide.mutateAsync({ id: c.id, action: 'approve', version: c.version }).then(() => void message.success('已批准，数据已更正'), (e) => void message.error(errorMessage(e)))}
                  >
                    <Button size="small" type="primary">
                      批准
                    </Button>
                  </Popconfirm>
                  <Button size="small" danger onClick={() => setRejecting(c)}>
                    驳回
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {creating && <CorrectionModal open year={year} villageCode={asked?.village ?? villageCode} householdId={asked?.household} onClose={() => setCreating(false)} />}
      <ReasonModal
        open={!!rejecting}
        title="驳回更正申请"
        okText="驳回"
        onClose={() => setRejecting(null)}
        send={(reason) => decide.mutateAsync({ id: rejecting!.id, action: 'reject', version: rejecting!.version, reason }).then(() => void message.success('已驳回，数据不变'))}
      />
    </Card>
  );
}

/**
 * 年度报送 (issue 11: “each level reports (报送) its year's figures upward, the level above approves them, and approved
 * figures are locked — a later correction goes through a correction request with its reason and approval”).
 */
export function ReportsPage() {
  const me = useMe().data;
  const [params] = useSearchParams();
  const askedYear = Number(params.get('year'));
  const [year, setYear] = useState(YEARS.includes(askedYear) ? askedYear : currentYear() - 1);
  const household = Number(params.get('household'));
  const asked = params.get('kind') ? { village: params.get('village') ?? undefined, household: Number.isInteger(household) && household > 0 ? household : undefined } : null;
  const own = useOwnReport(year);
  const villageCode = own.data?.region.level === 5 ? own.data.region.code : null;
  return (
    <>
      <PageHeader title="年度报送" extra={<Select style={{ width: 120 }} value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: `${y} 年度` }))} />}>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
          各级逐年向上级报送本级年度数据，上级审核通过后该年度数据锁定：村集体经济收入、年度脱贫规划和贫困户当年收入不能再直接修改，需提出更正申请，写明原因，经上级批准后更正。
        </Typography.Paragraph>
      </PageHeader>
      <OwnReportCard year={year} />
      {can(me, 'reports.approve') && <BelowCard year={year} />}
      <CorrectionsCard year={year} villageCode={villageCode} asked={asked} />
    </>
  );
}
