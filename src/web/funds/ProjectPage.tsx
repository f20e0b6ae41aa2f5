/**
 * A project of the 项目库: what it is, where its approval stands (the procedure page holds the steps), the households
 * it reaches with what each received, its payments (拨付, with the form for funds.manage once 县审批 is past) and its
 * audit findings.
 */
import { NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { paymentInput } from '../../contract/funds';
import { ErrorResult, NotLoaded } from '../app/ErrorResult';
import { formatDateTime, todayIso } from '../app/format';
import { useIdParam } from '../app/params';
import { PageHeader } from '../shared/PageHeader';
import { can, useMe } from '../shared/session';
import { ListTable } from '../shared/tables';
import { MAX_PAGE_SIZE, useAddPayment, useAllocations, useProject, type Finding, type Payment, type PaymentInput, type Project, type ProjectHousehold } from './api';
import { CreateFindingModal, RectifyModal } from './FindingForms';
import { findingColumns } from './findingColumns';
import { DateItem } from './fields';
import { STAGE_COLORS } from './labels';
import { negativeListRule } from './negativeListRule';
import { useContractSend } from './useContractSend';
import { allocationLabel, payableAllocations, yuanText } from './view';

const PAYMENT_FIELDS = Object.keys(paymentInput.shape);

/** 拨付: money from an allocation of the project's county or above, to the project or (到户) one of its households. */
function PaymentForm({ project }: { project: Project }) {
  const [form] = Form.useForm<PaymentInput>();
  const pay = useAddPayment(project.id);
  const allocations = useAllocations({}, 1, MAX_PAGE_SIZE);
  const payable = useMemo(() => payableAllocations(allocations.data?.items ?? [], project.village.code, project.year), [allocations.data, project.village.code, project.year]);
  const { error, submit, saved } = useContractSend(form, paymentInput, PAYMENT_FIELDS);
  const left = project.budget - project.paid;

  const onFinish = async (v: PaymentInput) => {
    const input: PaymentInput = { ...v, householdId: project.reach === 'household' ? (v.householdId ?? null) : null };
    await submit(input, (i) => pay.mutateAsync(i), (p) => saved(`已拨付 ${yuanText(p.amount)}`));
  };

  return (
    <Card size="small" type="inner" title="拨付资金" style={{ marginTop: 12 }} data-testid="payment-form">
      {error && <Alert type="error" showIcon title="未拨付" description={error} style={{ marginBottom: 12 }} />}
      <Form<PaymentInput> form={form} name="payment" layout="vertical" initialValues={{ paidOn: todayIso() }} onFinish={(v) => void onFinish(v)}>
        <Form.Item label="资金" name="allocationId" rules={[{ required: true, message: '请选择拨付的资金' }]} extra="本县及上级下达、尚有结余的资金">
          <Select
            loading={allocations.isFetching}
            placeholder={payable.length ? '选择下达的资金' : '没有可拨付的资金'}
            options={payable.map((a) => ({ value: a.id, label: allocationLabel(a) }))}
          />
        </Form.Item>
        {project.reach === 'household' && (
          <Form.Item label="受益户" name="householdId" rules={[{ required: true, message: '到户项目请选择拨付到的受益户' }]}>
            <Select options={project.householdList.map((h) => ({ value: h.householdId, label: `${h.head ?? '（无户主）'} · ${h.number}（已拨 ${yuanText(h.paid)}）` }))} />
          </Form.Item>
        )}
        <Space wrap size="middle" align="start">
          <Form.Item label="金额（元）" name="amount" rules={[{ required: true, message: '请填写金额' }]} extra={`预算尚余 ${yuanText(left)}`}>
            <InputNumber min={1} max={left > 0 ? left : undefined} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <DateItem label="拨付日期" name="paidOn" />
          <Form.Item label="凭证号" name="voucherNo" rules={[{ required: true, whitespace: true, message: '请填写凭证号' }]}>
            <Input maxLength={60} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item label="用途" name="purpose" validateFirst rules={[{ required: true, whitespace: true, message: '请填写资金用途' }, negativeListRule]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pay.isPending} data-testid="payment-submit">
          拨付
        </Button>
      </Form>
    </Card>
  );
}

export function ProjectPage() {
  const id = useIdParam();
  return id === undefined ? <ErrorResult error={new Error('项目编号无效')} /> : <LoadedProject id={id} />;
}

function LoadedProject({ id }: { id: number }) {
  const query = useProject(id);
  return query.data ? <ProjectView p={query.data} /> : <NotLoaded query={query} />;
}

function ProjectView({ p }: { p: Project }) {
  const mayManage = can(useMe().data, 'funds.manage');
  const [addingFinding, setAddingFinding] = useState(false);
  const [rectifying, setRectifying] = useState<Finding | null>(null);
  const findingCols = useMemo(() => findingColumns({ onRectify: mayManage ? setRectifying : undefined }), [mayManage]);
  const addFinding = mayManage && (
    <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingFinding(true)} data-testid="project-finding-new">
      登记问题
    </Button>
  );
  const payable = p.stage === 'approved' || p.stage === 'done';
  const householdOf = new Map(p.householdList.map((h) => [h.householdId, h]));

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/funds/projects">项目库</Link> }, { title: p.name }]} />
      <PageHeader
        title={
          <>
            {p.name}
            <Tag color={STAGE_COLORS[p.stage]} style={{ marginLeft: 12, verticalAlign: 'middle' }} data-testid="project-stage">
              {p.stageLabel}
            </Tag>
          </>
        }
        extra={
          <Link to={`/procedures/${p.procedureId}`} data-testid="project-procedure">
            <NodeIndexOutlined /> {p.stage === 'running' && p.currentStep ? `办理审批（待${p.currentStep}）` : '查看审批程序'}
          </Link>
        }
      />
      <Card size="small" title="项目情况" style={{ marginBottom: 16 }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="project-facts">
          <Descriptions.Item label="年度">{p.year}</Descriptions.Item>
          <Descriptions.Item label="所在村">{p.village.name}</Descriptions.Item>
          <Descriptions.Item label="项目类别">{p.reachLabel}</Descriptions.Item>
          <Descriptions.Item label="正面清单类别">{p.use ? p.useLabel : `${p.useLabel}（理由：${p.useReason || '—'}）`}</Descriptions.Item>
          <Descriptions.Item label="预算">{yuanText(p.budget)}</Descriptions.Item>
          <Descriptions.Item label="已拨付">{yuanText(p.paid)}</Descriptions.Item>
          <Descriptions.Item label="审批">{p.currentStep ? `${p.stageLabel}，待${p.currentStep}` : p.stageLabel}</Descriptions.Item>
          <Descriptions.Item label="申报时间">{formatDateTime(p.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="建设内容" span={{ xs: 1, md: 2, xl: 3 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.content}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {p.reach === 'household' && (
        <Card size="small" title={`受益户（${p.householdList.length} 户）`} style={{ marginBottom: 16 }}>
          <ListTable<ProjectHousehold & { id: number }>
            data-testid="project-households"
            empty="没有登记受益户"
            dataSource={p.householdList.map((h) => ({ ...h, id: h.householdId }))}
            columns={[
              { title: '户编号', dataIndex: 'number', render: (v: string, h) => <Link to={`/registry/households/${h.householdId}`}>{v}</Link> },
              { title: '户主', dataIndex: 'head', render: (v: string | null) => v ?? '—' },
              { title: '已拨付到户', dataIndex: 'paid', align: 'right', render: yuanText },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="拨付记录" style={{ marginBottom: 16 }}>
        <ListTable<Payment>
          data-testid="project-payments"
          empty="尚未拨付"
          dataSource={p.payments}
          columns={[
            { title: '拨付日期', dataIndex: 'paidOn' },
            { title: '金额', dataIndex: 'amount', align: 'right', render: yuanText },
            { title: '资金', key: 'fund', render: (_, x) => `${x.fundYear} 年${x.sourceLabel}` },
            { title: '用途', dataIndex: 'purpose' },
            { title: '凭证号', dataIndex: 'voucherNo' },
            ...(p.reach === 'household'
              ? [{ title: '受益户', key: 'household', render: (_: unknown, x: Payment) => (x.householdId ? (householdOf.get(x.householdId)?.head ?? householdOf.get(x.householdId)?.number ?? '—') : '—') }]
              : []),
          ]}
        />
        {mayManage && (payable ? <PaymentForm project={p} /> : <Alert type="info" showIcon style={{ marginTop: 12 }} title="县审批通过后方可拨付资金" />)}
      </Card>
      <Card size="small" title="审计问题与整改" style={{ marginBottom: 16 }} extra={addFinding}>
        <ListTable<Finding> data-testid="project-findings" empty="没有审计问题" dataSource={p.findings} columns={findingCols} />
      </Card>
      {mayManage && <CreateFindingModal open={addingFinding} projectId={p.id} onClose={() => setAddingFinding(false)} />}
      <RectifyModal key={rectifying?.id} finding={rectifying} onClose={() => setRectifying(null)} />
    </>
  );
}
