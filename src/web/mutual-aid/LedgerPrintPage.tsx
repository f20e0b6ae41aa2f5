/**
 * The 运行台账 of a fund as a printed sheet (opened in a new tab from 打印): a year's months and the year, or a month's
 * journal with its opening and closing lines; A4 landscape, then the print dialog.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { NotLoaded } from '../app/ErrorResult';
import { currentYear } from '../app/format';
import { useFundLedger, type FundLedger } from './api';

const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
html, body { background: #fff; margin: 0; }
.ledger-print { max-width: 273mm; margin: 0 auto; padding: 8px; font-size: 12px; }
.ledger-print h1 { font-size: 18px; text-align: center; margin: 4px 0 8px; }
.ledger-print table { width: 100%; border-collapse: collapse; }
.ledger-print th, .ledger-print td { border: 1px solid #000; padding: 3px 4px; }
.ledger-print td.n { text-align: right; white-space: nowrap; }
.ledger-print .sign { display: flex; justify-content: space-between; margin-top: 24px; }
.ledger-print-wrap { overflow-x: auto; }
@media print { .ledger-print-actions { display: none; } }
`;

const n = (v: number) => v.toLocaleString('zh-CN');

function YearTable({ l }: { l: FundLedger }) {
  const rows = [...l.sheets, { ...l.total, period: '全年' }];
  return (
    <table>
      <thead>
        <tr>
          {['月份', '期初库存现金', '资本金入账', '借出笔数', '借出本金', '收回本金', '收取占用费', '其他支出', '期末库存现金', '期末借款余额', '逾期笔数', '逾期金额'].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.period}>
            <td>{s.period}</td>
            {[s.openingCash, s.capitalIn, s.loansCount, s.loansOut, s.principalBack, s.feeIn, s.expenses, s.closingCash, s.outstanding, s.overdueCount, s.overdueAmount].map((v, i) => (
              <td className="n" key={i}>
                {n(v)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MonthTable({ l }: { l: FundLedger }) {
  const t = l.total;
  return (
    <table>
      <thead>
        <tr>
          {['日期', '类别', '摘要', '收入', '支出', '库存现金'].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{t.from}</td>
          <td>期初</td>
          <td>上月结转</td>
          <td />
          <td />
          <td className="n">{n(t.openingCash)}</td>
        </tr>
        {l.journal.map((j, i) => (
          <tr key={i}>
            <td>{j.on}</td>
            <td>{j.kind}</td>
            <td>{j.summary}</td>
            <td className="n">{j.cashIn ? n(j.cashIn) : ''}</td>
            <td className="n">{j.cashOut ? n(j.cashOut) : ''}</td>
            <td className="n">{n(j.cash)}</td>
          </tr>
        ))}
        <tr>
          <td>{t.to}</td>
          <td>期末</td>
          <td>{`本月合计；借款余额 ${n(t.outstanding)} 元，逾期 ${t.overdueCount} 笔 ${n(t.overdueAmount)} 元`}</td>
          <td className="n">{n(t.capitalIn + t.principalBack + t.feeIn)}</td>
          <td className="n">{n(t.loansOut + t.expenses)}</td>
          <td className="n">{n(t.closingCash)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function Sheet({ l }: { l: FundLedger }) {
  const title = `${l.fund.name}运行台账（${l.year}年${l.month ? `${l.month}月` : ''}）`;
  useEffect(() => {
    document.title = title;
    if (navigator.webdriver) return;
    const timer = window.setTimeout(() => window.print(), 600);
    return () => window.clearTimeout(timer);
  }, [title]);
  const t = l.total;
  return (
    <div className="ledger-print" data-testid="ledger-print">
      <style>{PRINT_CSS}</style>
      <div className="ledger-print-actions" style={{ textAlign: 'right' }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      <h1>{title}</h1>
      <div>
        {`${l.fund.villageName} · 单位：元 · `}期末资本金 {n(t.capital)}，累计占用费 {n(t.feeReceived)}，累计其他支出 {n(t.expensesTotal)}，借款余额 {n(t.outstanding)}，库存现金 {n(t.closingCash)}（{t.balanced ? '账实平衡' : '账实不平衡'}）
      </div>
      <div className="ledger-print-wrap">{l.month ? <MonthTable l={l} /> : <YearTable l={l} />}</div>
      <div>{l.identity}</div>
      <div className="sign">
        <span>理事长：</span>
        <span>会计：</span>
        <span>出纳：</span>
        <span>监事长：</span>
      </div>
    </div>
  );
}

export function LedgerPrintPage() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || currentYear();
  const month = Number(params.get('month')) || undefined;
  const q = useFundLedger(id, year, month);
  return q.data ? <Sheet l={q.data} /> : <NotLoaded query={q} />;
}
