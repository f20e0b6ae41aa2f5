/**
 * 扶贫小额信贷 and 入股分红 by household (seed 004: “扶贫小额信贷发展不平衡，资金使用效率不高，未实现应贷尽贷。户贷户用占比不高，
 * 贫困户入股企业的分红协议、股权证等资料不完善”): the three figures of the region, the loans with their repayments, the
 * agreements with their papers and dividends.
 */
import { Button, Card, Col, Form, InputNumber, List, Row, Select, Space, Statistic, Switch, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { creditLoanInput, creditRepaymentInput, CREDIT_STATES, dividendInput, dividendPaymentInput, dividendUpdate } from '../../contract/mutual-aid';
import { CREDIT_USES } from '../../domain/funds/credit';
import { NotLoaded } from '../app/ErrorResult';
import { todayIso } from '../app/format';
import { schemaRule } from '../app/forms';
import { PageHeader } from '../shared/PageHeader';
import { can, useMe } from '../shared/session';
import { usePageState } from '../shared/tables';
import {
  useCreateCreditLoan,
  useCreateDividend,
  useCreditLoans,
  useCreditReport,
  useCreditRepay,
  useDividends,
  usePayDividend,
  useUpdateDividend,
  type CreditLoanInput,
  type CreditLoanItem,
  type CreditRepaymentInput,
  type DividendInput,
  type DividendItem,
  type DividendPaymentInput,
  type DividendUpdate,
} from './api';
import { AddButton, DateField, EventModal, EventsTable, HouseholdPicker, MoneyField, MutualAidNav, TextField, yuan } from './parts';

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);
const required = (label: string) => ({ required: true, message: `请填写${label}` });
const householdLink = (r: { householdId: number; head: string; villageName: string; householdNumber: string }) => (
  <Link to={`/registry/households/${r.householdId}`}>{`${r.head}（${r.villageName} ${r.householdNumber}）`}</Link>
);

function Report() {
  const r = useCreditReport();
  if (!r.data) return <NotLoaded query={r} />;
  const d = r.data;
  const cards: Array<[string, string, string]> = [
    ['应贷尽贷', pct(d.coverage), `${d.poorWithLoan} / ${d.poorHouseholds} 户`],
    ['户贷户用占比（笔数）', pct(d.ownUseShare), `${d.ownUseLoans} / ${d.loans} 笔`],
    ['户贷户用占比（金额）', pct(d.ownUseAmountShare), `${yuan(d.ownUseAmount)} / ${yuan(d.loanAmount)}`],
    ['贷款余额', yuan(d.outstanding), `逾期 ${d.overdueLoans} 笔 ${yuan(d.overdueAmount)}`],
    ['缺分红协议或股权证', `${d.agreementsMissingPapers} 份`, `共 ${d.agreements} 份入股协议，已分红 ${yuan(d.dividendsPaid)}`],
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 8 }}>
        {cards.map(([title, value, note]) => (
          <Col xs={24} sm={12} md={8} xl={4} key={title}>
            <Card size="small">
              <Statistic title={title} value={value} />
              <Typography.Text type="secondary">{note}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <List size="small" dataSource={d.basis} renderItem={(t) => <List.Item style={{ color: 'rgba(0,0,0,0.45)' }}>{t}</List.Item>} style={{ marginBottom: 16 }} />
    </>
  );
}

function CreditLoanForm({ onClose }: { onClose: () => void }) {
  const create = useCreateCreditLoan();
  const s = creditLoanInput.shape;
  return (
    <EventModal<CreditLoanInput> title="登记扶贫小额信贷" onClose={onClose} fields={s} send={create} initialValues={{ loanedOn: todayIso(), termMonths: 36, use: '户贷户用', rate: 4.35 }} >
      <Form.Item label="贫困户" name="householdId" rules={[{ required: true, message: '请选择贫困户' }]}>
        <HouseholdPicker />
      </Form.Item>
      <TextField label="贷款银行" name="bank" schema={s.bank} max={100} placeholder="如：县农村信用合作联社" />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <MoneyField label="贷款金额" name="amount" schema={s.amount} min={1} />
        </Col>
        <Col xs={24} sm={12}>
          <DateField label="放款日期" name="loanedOn" schema={s.loanedOn} />
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="贷款期限（月）" name="termMonths" rules={[required('贷款期限'), schemaRule(s.termMonths)]}>
            <InputNumber min={1} max={36} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="年利率" name="rate" rules={[required('年利率'), schemaRule(s.rate)]}>
            <InputNumber min={0} max={24} step={0.05} precision={2} style={{ width: '100%' }} suffix="%" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="资金使用方式" name="use" rules={[{ required: true, message: '请选择' }]}>
        <Select options={CREDIT_USES.map((u) => ({ value: u, label: u }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['use']}>
        {({ getFieldValue }) =>
          getFieldValue('use') === '户贷企用' && (
            <TextField label="使用资金的企业（合作社）" name="enterprise" schema={s.enterprise} max={100} />
          )
        }
      </Form.Item>
      <TextField optional label="备注" name="note" schema={s.note} max={200} />
    </EventModal>
  );
}

function CreditRepayForm({ loan, onClose }: { loan: CreditLoanItem; onClose: () => void }) {
  const repay = useCreditRepay();
  const s = creditRepaymentInput.shape;
  return (
    <EventModal<CreditRepaymentInput, CreditRepaymentInput & { id: number }> title={`还款：${loan.head}（未还本金 ${yuan(loan.outstanding)}）`} onClose={onClose} fields={s} send={repay} initialValues={{ repaidOn: todayIso(), principal: loan.outstanding, interest: 0 }} request={(v) => ({ id: loan.id, ...v })}>
      <DateField label="还款日期" name="repaidOn" schema={s.repaidOn} />
      <MoneyField label="还款本金" name="principal" schema={s.principal} />
      <MoneyField label="利息" name="interest" schema={s.interest} />
    </EventModal>
  );
}

const CREDIT_COLORS: Record<string, string> = { 未到期: 'blue', 逾期: 'red', 已结清: 'green' };

function LoansTab({ mayWrite }: { mayWrite: boolean }) {
  const { page, setPage, toFirst } = usePageState();
  const [state, setState] = useState<CreditLoanItem['state'] | undefined>();
  const [use, setUse] = useState<CreditLoanItem['use'] | undefined>();
  const loans = useCreditLoans({ state, use }, page.current, page.size);
  const [adding, setAdding] = useState(false);
  const [repaying, setRepaying] = useState<CreditLoanItem | null>(null);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="全部状态" style={{ width: 120 }} value={state} onChange={(v?: CreditLoanItem['state']) => (setState(v), toFirst())} options={CREDIT_STATES.map((s) => ({ value: s, label: s }))} />
        <Select allowClear placeholder="全部使用方式" style={{ width: 140 }} value={use} onChange={(v?: CreditLoanItem['use']) => (setUse(v), toFirst())} options={CREDIT_USES.map((u) => ({ value: u, label: u }))} />
        <AddButton primary show={mayWrite} label="登记贷款" onClick={() => setAdding(true)} />
      </Space>
      <EventsTable<CreditLoanItem>
        data-testid="credit-loans"
        query={loans}
        page={page}
        onPage={setPage}
        unit="笔"
        events={(l) => l.repayments.map((r) => `${r.repaidOn} 还本金 ${yuan(r.principal)}，利息 ${yuan(r.interest)}`)}
        columns={[
          { title: '贫困户', render: (_, l) => householdLink(l) },
          { title: '贷款银行', dataIndex: 'bank' },
          { title: '金额', dataIndex: 'amount', align: 'right', render: yuan },
          { title: '放款日期', dataIndex: 'loanedOn', width: 110 },
          { title: '期限', dataIndex: 'termMonths', render: (n: number) => `${n} 个月` },
          { title: '年利率', dataIndex: 'rate', render: (v: number) => `${v}%` },
          { title: '使用方式', dataIndex: 'use', render: (u: string, l) => (u === '户贷企用' ? <Tag color="gold">{`${u}：${l.enterprise}`}</Tag> : <Tag color="green">{u}</Tag>) },
          { title: '未还本金', dataIndex: 'outstanding', align: 'right', render: yuan },
          { title: '状态', dataIndex: 'state', render: (s: string) => <Tag color={CREDIT_COLORS[s]}>{s}</Tag> },
          ...(mayWrite ? [{ title: '操作', key: 'op', render: (_: unknown, l: CreditLoanItem) => l.outstanding > 0 && <Button size="small" onClick={() => setRepaying(l)}>还款</Button> }] : []),
        ]}
      />
      {adding && <CreditLoanForm onClose={() => setAdding(false)} />}
      {repaying && <CreditRepayForm loan={repaying} onClose={() => setRepaying(null)} />}
    </>
  );
}

function DividendForm({ onClose }: { onClose: () => void }) {
  const create = useCreateDividend();
  const s = dividendInput.shape;
  return (
    <EventModal<DividendInput> title="登记贫困户入股" onClose={onClose} fields={s} send={create} initialValues={{ signedOn: todayIso(), shares: 0 }} >
      <Form.Item label="贫困户" name="householdId" rules={[{ required: true, message: '请选择贫困户' }]}>
        <HouseholdPicker />
      </Form.Item>
      <TextField label="入股企业（合作社）" name="enterprise" schema={s.enterprise} max={100} />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="股数" name="shares" rules={[schemaRule(s.shares)]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <MoneyField label="入股金额" name="amount" schema={s.amount} />
        </Col>
      </Row>
      <DateField label="入股日期" name="signedOn" schema={s.signedOn} />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <TextField optional label="分红协议编号" name="agreementNo" schema={s.agreementNo} max={50} extra="没有分红协议的，留空（列入资料不完善）" />
        </Col>
        <Col xs={24} sm={12}>
          <TextField optional label="股权证编号" name="certificateNo" schema={s.certificateNo} max={50} />
        </Col>
      </Row>
    </EventModal>
  );
}

function PapersForm({ a, onClose }: { a: DividendItem; onClose: () => void }) {
  const update = useUpdateDividend();
  const s = dividendUpdate.shape;
  return (
    <EventModal<DividendUpdate, DividendUpdate & { id: number }> title={`补录资料：${a.head} · ${a.enterprise}`} onClose={onClose} fields={s} send={update} initialValues={{ agreementNo: a.agreementNo, certificateNo: a.certificateNo }} request={(v) => ({ id: a.id, ...v, version: a.version })}>
      <TextField optional label="分红协议编号" name="agreementNo" schema={s.agreementNo} max={50} />
      <TextField optional label="股权证编号" name="certificateNo" schema={s.certificateNo} max={50} />
    </EventModal>
  );
}

function PaymentForm({ a, onClose }: { a: DividendItem; onClose: () => void }) {
  const pay = usePayDividend();
  const s = dividendPaymentInput.shape;
  return (
    <EventModal<DividendPaymentInput, DividendPaymentInput & { id: number }> title={`登记分红：${a.head} · ${a.enterprise}`} onClose={onClose} fields={s} send={pay} initialValues={{ paidOn: todayIso() }} request={(v) => ({ id: a.id, ...v })}>
      <DateField label="分红日期" name="paidOn" schema={s.paidOn} />
      <MoneyField label="分红金额" name="amount" schema={s.amount} min={1} />
    </EventModal>
  );
}

function DividendsTab({ mayWrite }: { mayWrite: boolean }) {
  const { page, setPage, toFirst } = usePageState();
  const [missing, setMissing] = useState(false);
  const list = useDividends({ missing: missing || undefined }, page.current, page.size);
  const [adding, setAdding] = useState(false);
  const [papers, setPapers] = useState<DividendItem | null>(null);
  const [paying, setPaying] = useState<DividendItem | null>(null);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Space>
          <Switch checked={missing} onChange={(v) => (setMissing(v), toFirst())} aria-label="只看资料不完善" />
          只看缺分红协议或股权证的
        </Space>
        <AddButton primary show={mayWrite} label="登记入股" onClick={() => setAdding(true)} />
      </Space>
      <EventsTable<DividendItem>
        data-testid="dividends"
        query={list}
        page={page}
        onPage={setPage}
        unit="份"
        events={(a) => a.payments.map((p) => `${p.paidOn} 分红 ${yuan(p.amount)}`)}
        columns={[
          { title: '贫困户', render: (_, a) => householdLink(a) },
          { title: '入股企业（合作社）', dataIndex: 'enterprise' },
          { title: '股数', dataIndex: 'shares', align: 'right' },
          { title: '入股金额', dataIndex: 'amount', align: 'right', render: yuan },
          { title: '入股日期', dataIndex: 'signedOn', width: 110 },
          { title: '分红协议', dataIndex: 'agreementNo', render: (v: string) => v || <Tag color="red">缺</Tag> },
          { title: '股权证', dataIndex: 'certificateNo', render: (v: string) => v || <Tag color="red">缺</Tag> },
          { title: '已分红', dataIndex: 'dividendsPaid', align: 'right', render: yuan },
          ...(mayWrite
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, a: DividendItem) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => setPaying(a)}>
                        分红
                      </Button>
                      {a.missing.length > 0 && (
                        <Button size="small" onClick={() => setPapers(a)}>
                          补录资料
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <DividendForm onClose={() => setAdding(false)} />}
      {papers && <PapersForm a={papers} onClose={() => setPapers(null)} />}
      {paying && <PaymentForm a={paying} onClose={() => setPaying(null)} />}
    </>
  );
}

export function CreditPage() {
  const mayWrite = can(useMe().data, 'projects.declare');
  return (
    <>
      <MutualAidNav />
      <PageHeader title="扶贫小额信贷与入股分红" />
      <Report />
      <Tabs
        items={[
          { key: 'loans', label: '扶贫小额信贷', children: <LoansTab mayWrite={mayWrite} /> },
          { key: 'dividends', label: '入股分红', children: <DividendsTab mayWrite={mayWrite} /> },
        ]}
      />
    </>
  );
}
