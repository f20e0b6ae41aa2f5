/**
 * One village's 互助资金: its position today (capital by source, cash, loans outstanding, overdue), its loans with
 * their repayments, members and committee, capital and expenses, and the 运行台账 by month with its export and print.
 */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Form, InputNumber, List, Radio, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { capitalInput, committeeInput, expenseInput, loanInput, LOAN_STATES, memberInput, repaymentInput } from '../../contract/mutual-aid';
import { CAPITAL_SOURCES, COMMITTEE_ROLES } from '../../domain/funds/mutual-aid';
import { NotLoaded } from '../app/ErrorResult';
import { currentYear, todayIso } from '../app/format';
import { schemaRule } from '../app/forms';
import { PageHeader } from '../shared/PageHeader';
import { ListTable, usePageState } from '../shared/tables';
import {
  ledgerXlsxUrl,
  useAddCapital,
  useAddExpense,
  useAddLoan,
  useAddMember,
  useAddSeat,
  useFund,
  useFundLedger,
  useFundLoans,
  useRepay,
  type CapitalInput,
  type CommitteeInput,
  type ExpenseInput,
  type FundDetail,
  type LedgerSheet,
  type LoanInput,
  type LoanItem,
  type MemberInput,
  type RepaymentInput,
} from './api';
import { AddButton, DateField, EventModal, EventsTable, HouseholdPicker, MoneyField, MutualAidNav, TextField, yuan } from './parts';


type Dialog = 'loan' | 'member' | 'seat' | 'capital' | 'expense' | null;

function LoanForm({ fund, onClose }: { fund: FundDetail; onClose: () => void }) {
  const add = useAddLoan(fund.id);
  const s = loanInput.shape;
  const members = fund.members.filter((m) => m.leftOn === null);
  return (
    <EventModal<LoanInput>
      title="借款"
      onClose={onClose}
      fields={s}
      send={add}
      initialValues={{ loanedOn: todayIso(), termMonths: 12, feeKind: 'rate', feeRate: 6 }}
      request={(v) => ({ ...v, feeRate: v.feeKind === 'rate' ? v.feeRate : undefined, feeFixed: v.feeKind === 'fixed' ? v.feeFixed : undefined })}
    >
      <Form.Item label="借款成员户" name="memberId" rules={[{ required: true, message: '请选择成员户' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={members.map((m) => ({ value: m.id, label: `${m.name}${m.poor ? '（贫困户）' : ''}` }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <DateField label="借款日期" name="loanedOn" schema={s.loanedOn} />
        </Col>
        <Col xs={24} sm={12}>
          <MoneyField label="借款金额" name="amount" schema={s.amount} min={1} extra={`库存现金 ${yuan(fund.position.cash)}${fund.maxLoan ? `，单笔上限 ${yuan(fund.maxLoan)}` : ''}`} />
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="借款期限（月）" name="termMonths" rules={[{ required: true, message: '请填写借款期限' }, schemaRule(s.termMonths)]}>
            <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="占用费" name="feeKind">
            <Radio.Group options={[{ value: 'rate', label: '按月费率' }, { value: 'fixed', label: '固定金额' }]} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item noStyle dependencies={['feeKind']}>
        {({ getFieldValue }) =>
          getFieldValue('feeKind') === 'fixed' ? (
            <MoneyField label="占用费（元）" name="feeFixed" schema={s.feeFixed} />
          ) : (
            <Form.Item label="占用费率（‰/月）" name="feeRate" rules={[{ required: true, message: '请填写占用费率' }, schemaRule(s.feeRate)]}>
              <InputNumber min={0} max={20} step={0.5} precision={2} style={{ width: '100%' }} suffix="‰/月" />
            </Form.Item>
          )
        }
      </Form.Item>
      <TextField label="用途" name="purpose" schema={s.purpose} max={200} placeholder="如：养殖西门塔尔牛" />
    </EventModal>
  );
}

function RepayForm({ loan, onClose }: { loan: LoanItem; onClose: () => void }) {
  const repay = useRepay();
  const s = repaymentInput.shape;
  const feeLeft = Math.max(loan.feeDue - loan.feeReceived, 0);
  return (
    <EventModal<RepaymentInput, RepaymentInput & { id: number }>
      title={`还款：${loan.memberName}（未还本金 ${yuan(loan.outstanding)}）`}
      onClose={onClose}
      fields={s}
      send={repay}
      initialValues={{ repaidOn: todayIso(), principal: loan.outstanding, fee: feeLeft }}
      request={(v) => ({ id: loan.id, ...v })}
    >
      <DateField label="还款日期" name="repaidOn" schema={s.repaidOn} />
      <MoneyField label="还款本金" name="principal" schema={s.principal} />
      <MoneyField label="占用费" name="fee" schema={s.fee} extra={`应收占用费 ${yuan(loan.feeDue)}，已收 ${yuan(loan.feeReceived)}`} />
    </EventModal>
  );
}

function MemberForm({ fund, onClose }: { fund: FundDetail; onClose: () => void }) {
  const add = useAddMember(fund.id);
  const s = memberInput.shape;
  const [linked, setLinked] = useState(true);
  return (
    <EventModal<MemberInput>
      title="登记成员户"
      onClose={onClose}
      fields={s}
      send={add}
      initialValues={{ joinedOn: todayIso() }}
      request={(v) => (linked ? { householdId: v.householdId, joinedOn: v.joinedOn } : { name: v.name, poor: false, joinedOn: v.joinedOn })}
    >
      <Radio.Group
        value={linked}
        onChange={(e) => setLinked(e.target.value as boolean)}
        style={{ marginBottom: 12 }}
        options={[
          { value: true, label: '本村建档立卡户' },
          { value: false, label: '本村其他农户' },
        ]}
      />
      {linked ? (
        <Form.Item label="建档立卡户" name="householdId" rules={[{ required: true, message: '请选择建档立卡户' }]} extra="户主姓名和是否贫困户取自建档立卡信息">
          <HouseholdPicker region={fund.villageCode} />
        </Form.Item>
      ) : (
        <TextField label="户主姓名" name="name" schema={s.name} max={50} />
      )}
      <DateField label="入会日期" name="joinedOn" schema={s.joinedOn} />
    </EventModal>
  );
}

function SeatForm({ fund, onClose }: { fund: FundDetail; onClose: () => void }) {
  const add = useAddSeat(fund.id);
  const s = committeeInput.shape;
  return (
    <EventModal<CommitteeInput> title="登记管理委员会成员" onClose={onClose} fields={s} send={add} initialValues={{ fromOn: todayIso() }} request={(v) => ({ ...v, toOn: v.toOn || null })}>
      <TextField label="姓名" name="name" schema={s.name} max={50} />
      <Form.Item label="职务" name="role" rules={[{ required: true, message: '请选择职务' }]}>
        <Select options={COMMITTEE_ROLES.map((r) => ({ value: r, label: r }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <DateField label="任职日期" name="fromOn" schema={s.fromOn} />
        </Col>
        <Col xs={24} sm={12}>
          <DateField optional label="离任日期" name="toOn" schema={s.toOn} />
        </Col>
      </Row>
      <TextField optional label="联系电话" name="phone" schema={s.phone} max={20} />
    </EventModal>
  );
}

function CapitalForm({ fund, onClose }: { fund: FundDetail; onClose: () => void }) {
  const add = useAddCapital(fund.id);
  const s = capitalInput.shape;
  return (
    <EventModal<CapitalInput> title="资本金入账" onClose={onClose} fields={s} send={add} initialValues={{ receivedOn: todayIso(), source: '财政扶持资金' }}>
      <Form.Item label="资金来源" name="source" rules={[{ required: true, message: '请选择资金来源' }]}>
        <Select options={CAPITAL_SOURCES.map((x) => ({ value: x, label: x }))} />
      </Form.Item>
      <MoneyField label="金额" name="amount" schema={s.amount} min={1} />
      <DateField label="入账日期" name="receivedOn" schema={s.receivedOn} />
      <TextField optional label="备注" name="note" schema={s.note} max={200} placeholder="如：县财政局拨付文号" />
    </EventModal>
  );
}

function ExpenseForm({ fund, onClose }: { fund: FundDetail; onClose: () => void }) {
  const add = useAddExpense(fund.id);
  const s = expenseInput.shape;
  return (
    <EventModal<ExpenseInput> title="其他支出" onClose={onClose} fields={s} send={add} initialValues={{ spentOn: todayIso() }} >
      <DateField label="支出日期" name="spentOn" schema={s.spentOn} />
      <MoneyField label="支出金额" name="amount" schema={s.amount} min={1} extra={`库存现金 ${yuan(fund.position.cash)}`} />
      <TextField label="用途" name="purpose" schema={s.purpose} max={200} placeholder="如：账簿印刷" />
    </EventModal>
  );
}

const STATE_COLORS: Record<string, string> = { 未还清: 'blue', 逾期: 'red', 已还清: 'green' };

function LoansTab({ fund }: { fund: FundDetail }) {
  const { page, setPage, toFirst } = usePageState();
  const [state, setState] = useState<LoanItem['state'] | undefined>();
  const loans = useFundLoans(fund.id, { state }, page.current, page.size);
  const [repaying, setRepaying] = useState<LoanItem | null>(null);
  return (
    <>
      <Select allowClear placeholder="全部借款" style={{ width: 140, marginBottom: 12 }} value={state} onChange={(v?: LoanItem['state']) => (setState(v), toFirst())} options={LOAN_STATES.map((s) => ({ value: s, label: s }))} />
      <EventsTable<LoanItem>
        data-testid="fund-loans"
        query={loans}
        page={page}
        onPage={setPage}
        unit="笔"
        events={(l) => l.repayments.map((r) => `${r.repaidOn} 还本金 ${yuan(r.principal)}，占用费 ${yuan(r.fee)}`)}
        columns={[
          { title: '成员户', dataIndex: 'memberName', render: (v: string, l) => (l.poor ? <Space size={4}>{v}<Tag color="orange">贫困户</Tag></Space> : v) },
          { title: '借款日期', dataIndex: 'loanedOn', width: 110 },
          { title: '金额', dataIndex: 'amount', align: 'right', render: yuan },
          { title: '期限', dataIndex: 'termMonths', render: (n: number) => `${n} 个月` },
          { title: '到期日', dataIndex: 'dueOn', width: 110 },
          { title: '占用费', render: (_, l) => (l.feeKind === 'rate' ? `${l.feeRate}‰/月，应收 ${yuan(l.feeDue)}` : `固定 ${yuan(l.feeFixed)}`) },
          { title: '已还本金', dataIndex: 'principalRepaid', align: 'right', render: yuan },
          { title: '已收占用费', dataIndex: 'feeReceived', align: 'right', render: yuan },
          { title: '未还本金', dataIndex: 'outstanding', align: 'right', render: yuan },
          { title: '状态', dataIndex: 'state', render: (s: string) => <Tag color={STATE_COLORS[s]}>{s}</Tag> },
          { title: '用途', dataIndex: 'purpose' },
          ...(fund.editable
            ? [{ title: '操作', key: 'repay', render: (_: unknown, l: LoanItem) => l.outstanding > 0 && <Button size="small" onClick={() => setRepaying(l)}>还款</Button> }]
            : []),
        ]}
      />
      {repaying && <RepayForm loan={repaying} onClose={() => setRepaying(null)} />}
    </>
  );
}

const SHEET_COLUMNS = [
  { title: '月份', dataIndex: 'period', fixed: 'left' as const },
  { title: '期初现金', dataIndex: 'openingCash', align: 'right' as const, render: yuan },
  { title: '资本金入账', dataIndex: 'capitalIn', align: 'right' as const, render: yuan },
  { title: '借出', dataIndex: 'loansOut', align: 'right' as const, render: (v: number, s: LedgerSheet) => `${yuan(v)}（${s.loansCount} 笔）` },
  { title: '收回本金', dataIndex: 'principalBack', align: 'right' as const, render: yuan },
  { title: '占用费', dataIndex: 'feeIn', align: 'right' as const, render: yuan },
  { title: '其他支出', dataIndex: 'expenses', align: 'right' as const, render: yuan },
  { title: '期末现金', dataIndex: 'closingCash', align: 'right' as const, render: yuan },
  { title: '借款余额', dataIndex: 'outstanding', align: 'right' as const, render: yuan },
  { title: '逾期', dataIndex: 'overdueCount', align: 'right' as const, render: (n: number, s: LedgerSheet) => (n ? `${n} 笔 ${yuan(s.overdueAmount)}` : '—') },
  { title: '平衡', dataIndex: 'balanced', render: (b: boolean) => (b ? <Tag color="green">平衡</Tag> : <Tag color="red">不平衡</Tag>) },
];

function LedgerTab({ fund }: { fund: FundDetail }) {
  const [year, setYear] = useState(currentYear());
  const [month, setMonth] = useState<number | undefined>();
  const ledger = useFundLedger(fund.id, year);
  const printUrl = `/mutual-aid/funds/${fund.id}/print?year=${year}${month ? `&month=${month}` : ''}`;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} suffix="年" style={{ width: 120 }} aria-label="年度" />
        <Select allowClear placeholder="全年" style={{ width: 100 }} value={month} onChange={setMonth} options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1} 月` }))} aria-label="月份" />
        <Button icon={<DownloadOutlined />} href={ledgerXlsxUrl(fund.id, year, month)} download>
          导出
        </Button>
        <Link to={printUrl} target="_blank">
          <Button icon={<PrinterOutlined />}>打印</Button>
        </Link>
      </Space>
      {ledger.data ? (
        <>
          <Typography.Paragraph type="secondary">{ledger.data.identity}</Typography.Paragraph>
          <Table<LedgerSheet>
            data-testid="fund-ledger"
            size="small"
            bordered
            rowKey="period"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={[...ledger.data.sheets, { ...ledger.data.total, period: `${year}年` }]}
            columns={SHEET_COLUMNS}
          />
        </>
      ) : (
        <NotLoaded query={ledger} />
      )}
    </>
  );
}

export function FundPage() {
  const id = Number(useParams().id);
  const q = useFund(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!q.data) return <NotLoaded query={q} />;
  const fund = q.data;
  const p = fund.position;
  const close = () => setDialog(null);
  const add = (d: Dialog, label: string) => <AddButton show={fund.editable} label={label} onClick={() => setDialog(d)} />;
  return (
    <>
      <MutualAidNav />
      <PageHeader
        title={fund.name}
        extra={<AddButton primary show={fund.editable} label="借款" onClick={() => setDialog('loan')} />}
      >
        <Typography.Paragraph type="secondary">
          {fund.villageName} · 成立于 {fund.establishedOn}
          {fund.maxLoan ? ` · 单笔借款上限 ${yuan(fund.maxLoan)}` : ''}
        </Typography.Paragraph>
      </PageHeader>
      {!p.balanced && <Alert type="error" showIcon title="账实不平衡：库存现金 ≠ 资本金 + 已收占用费 − 其他支出 − 借款余额" style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {[
          ['资本金', p.capital],
          ['库存现金', p.cash],
          ['借款余额', p.outstanding],
          ['已收占用费', p.feeReceived],
          ['逾期金额', p.overdueAmount],
        ].map(([label, value]) => (
          <Col xs={12} sm={8} md={4} key={label}>
            <Card size="small">
              <Statistic title={label} value={value as number} suffix="元" />
            </Card>
          </Col>
        ))}
        <Col xs={12} sm={8} md={4}>
          <Card size="small">
            <Statistic title="逾期笔数" value={p.overdueCount} suffix="笔" />
          </Card>
        </Col>
      </Row>
      <Tabs
        items={[
          { key: 'loans', label: '借款', children: <LoansTab fund={fund} /> },
          { key: 'ledger', label: '运行台账', children: <LedgerTab fund={fund} /> },
          {
            key: 'members',
            label: `成员户（${fund.members.length}）`,
            children: (
              <>
                <div style={{ marginBottom: 12 }}>{add('member', '登记成员户')}</div>
                <ListTable
                  empty="还没有成员户"
                  dataSource={fund.members}
                  columns={[
                    { title: '户主', dataIndex: 'name', render: (v: string, m) => (m.householdId ? <Link to={`/registry/households/${m.householdId}`}>{v}</Link> : v) },
                    { title: '贫困户', dataIndex: 'poor', render: (b: boolean) => (b ? <Tag color="orange">是</Tag> : '否') },
                    { title: '入会日期', dataIndex: 'joinedOn' },
                    { title: '退会日期', dataIndex: 'leftOn', render: (v: string | null) => v ?? '—' },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'committee',
            label: '管理委员会',
            children: (
              <>
                <div style={{ marginBottom: 12 }}>{add('seat', '登记成员')}</div>
                <ListTable
                  empty="还没有登记管理委员会"
                  dataSource={fund.committee}
                  columns={[
                    { title: '职务', dataIndex: 'role' },
                    { title: '姓名', dataIndex: 'name' },
                    { title: '任职日期', dataIndex: 'fromOn' },
                    { title: '离任日期', dataIndex: 'toOn', render: (v: string | null) => v ?? '—' },
                    { title: '联系电话', dataIndex: 'phone' },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'capital',
            label: '资本金与支出',
            children: (
              <>
                <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 12 }} items={CAPITAL_SOURCES.map((s) => ({ key: s, label: s, children: yuan(p.capitalBySource[s]) }))} />
                <Space wrap style={{ marginBottom: 12 }}>
                  {add('capital', '资本金入账')}
                  {add('expense', '其他支出')}
                </Space>
                <ListTable
                  empty="还没有资本金"
                  dataSource={fund.capital}
                  columns={[
                    { title: '入账日期', dataIndex: 'receivedOn' },
                    { title: '资金来源', dataIndex: 'source' },
                    { title: '金额', dataIndex: 'amount', align: 'right', render: yuan },
                    { title: '备注', dataIndex: 'note' },
                  ]}
                />
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  其他支出（共 {yuan(p.expenses)}）
                </Typography.Title>
                <ListTable
                  empty="没有其他支出"
                  dataSource={fund.expenses}
                  columns={[
                    { title: '支出日期', dataIndex: 'spentOn' },
                    { title: '金额', dataIndex: 'amount', align: 'right', render: yuan },
                    { title: '用途', dataIndex: 'purpose' },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'rules',
            label: '章程与制度',
            children: (
              <>
                <Descriptions size="small" bordered column={1} items={[{ key: 'charter', label: '管理章程', children: fund.charter || '—' }, { key: 'rules', label: '管理制度', children: fund.rules || '—' }]} />
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  本系统执行的规则
                </Typography.Title>
                <List size="small" bordered dataSource={fund.basis} renderItem={(t) => <List.Item>{t}</List.Item>} />
              </>
            ),
          },
        ]}
      />
      {dialog === 'loan' && <LoanForm fund={fund} onClose={close} />}
      {dialog === 'member' && <MemberForm fund={fund} onClose={close} />}
      {dialog === 'seat' && <SeatForm fund={fund} onClose={close} />}
      {dialog === 'capital' && <CapitalForm fund={fund} onClose={close} />}
      {dialog === 'expense' && <ExpenseForm fund={fund} onClose={close} />}
    </>
  );
}
