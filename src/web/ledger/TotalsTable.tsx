import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TdHTMLAttributes } from 'react';
import { wan } from '../app/format';
import type { Totals, Figures } from './summary-api';

interface Row extends Figures {
  key: string;
  name: string;
  children?: Row[];
}

type ColumnKey = 'entries' | 'villages' | 'households' | 'donation' | 'personal' | 'social' | 'bank' | 'fiscal' | 'fundsTotal' | 'beneficiaries';

function cellValue(r: Figures, col: ColumnKey): string | number {
  switch (col) {
    case 'entries':
    case 'villages':
    case 'households':
    case 'beneficiaries':
      return r[col];
    case 'fundsTotal':
      return wan(r.fundsTotal);
    default:
      return wan(r.funds[col]);
  }
}

const numberColumn = (title: string, col: ColumnKey, width = 96): ColumnsType<Row>[number] => ({
  title,
  key: col,
  align: 'right',
  width,
  onCell: () => ({ 'data-col': col }) as TdHTMLAttributes<HTMLTableCellElement>,
  render: (_: unknown, r: Row) => (col === 'fundsTotal' ? <Typography.Text strong>{cellValue(r, col)}</Typography.Text> : cellValue(r, col)),
});

const COLUMNS: ColumnsType<Row> = [
  {
    title: '类别',
    dataIndex: 'name',
    key: 'name',
    width: 150,
    fixed: 'left',
    onCell: () => ({ 'data-col': 'name' }) as TdHTMLAttributes<HTMLTableCellElement>,
  },
  numberColumn('件数', 'entries', 72),
  numberColumn('村（个）', 'villages', 80),
  numberColumn('户', 'households', 72),
  {
    title: '资金（万元）',
    children: [
      numberColumn('个人捐款', 'donation', 104),
      numberColumn('个人资金', 'personal', 104),
      numberColumn('社会资金', 'social', 104),
      numberColumn('银行资金', 'bank', 104),
      numberColumn('财政资金', 'fiscal', 104),
      numberColumn('资金合计', 'fundsTotal', 116),
    ],
  },
  numberColumn('受益人数', 'beneficiaries', 96),
];

/** The totals of one set of entries: a row per category, expandable into its sub-types, with a total row. */
export function TotalsTable({ totals, testId }: { totals: Totals; testId?: string }) {
  const rows: Row[] = totals.categories.map((c) => ({
    ...c,
    key: `cat-${c.code}`,
    children: c.subtypes.map((s) => ({ ...s, key: `sub-${s.code}`, name: `${s.name}（${s.unit}）` })),
  }));
  const t = totals.total;
  return (
    <div data-testid={testId}>
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      columns={COLUMNS}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      expandable={{ indentSize: 20 }}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }} data-row-key="total">
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {(['entries', 'villages', 'households', 'donation', 'personal', 'social', 'bank', 'fiscal', 'fundsTotal', 'beneficiaries'] as const).map(
              (col, i) => (
                <Table.Summary.Cell key={col} index={i + 1} align="right">
                  <span data-col={col}>{cellValue(t, col)}</span>
                </Table.Summary.Cell>
              ),
            )}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
    </div>
  );
}
