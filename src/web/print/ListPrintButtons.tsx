/**
 * The village's printed lists (issue 12): 贫困户精准扶贫一览表 (A3 landscape PDF) and the 花名册 of a year (A4 landscape
 * PDF) — 贫困户、减贫人口、测算减贫人口、低保户、五保户 — each opened in a new tab to print or save.
 */
import { DownloadOutlined, DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { ROSTER_KINDS, ROSTER_LABELS, YEARLY_ROSTERS, type RosterKind } from '../../contract/print-lists';
import { currentYear } from '../app/format';

export const villageOverviewPdfUrl = (code: string) => `/api/print/villages/${encodeURIComponent(code)}/overview.pdf`;
export const villageRosterPdfUrl = (code: string, kind: RosterKind, year: number) =>
  `/api/print/villages/${encodeURIComponent(code)}/rosters/${kind}.pdf${YEARLY_ROSTERS.includes(kind) ? `?year=${year}` : ''}`;

/** issue 15: the same roster as a workbook (.xlsx). */
export const villageRosterXlsxUrl = (code: string, kind: RosterKind, year: number) => villageRosterPdfUrl(code, kind, year).replace(`/${kind}.pdf`, `/${kind}.xlsx`);

export function ListPrintButtons({ code }: { code: string }) {
  const [year, setYear] = useState<number>(currentYear());
  const items = ROSTER_KINDS.map((kind) => ({
    key: kind,
    label: (
      <a href={villageRosterPdfUrl(code, kind, year)} target="_blank" rel="noreferrer" data-testid={`roster-${kind}`}>
        {YEARLY_ROSTERS.includes(kind) ? `${year} 年${ROSTER_LABELS[kind]}` : ROSTER_LABELS[kind]}
      </a>
    ),
  }));
  const workbooks = ROSTER_KINDS.map((kind) => ({
    key: kind,
    label: (
      <a href={villageRosterXlsxUrl(code, kind, year)} download data-testid={`roster-xlsx-${kind}`}>
        {YEARLY_ROSTERS.includes(kind) ? `${year} 年${ROSTER_LABELS[kind]}` : ROSTER_LABELS[kind]}（.xlsx）
      </a>
    ),
  }));
  return (
    <Space wrap size={8} data-testid="list-print-buttons">
      <Button icon={<PrinterOutlined />} href={villageOverviewPdfUrl(code)} target="_blank" rel="noreferrer">
        打印一览表（A3）
      </Button>
      <Space.Compact>
        <InputNumber aria-label="花名册年度" min={2013} max={2100} value={year} onChange={(v) => v && setYear(v)} style={{ width: 90 }} suffix="年" />
        <Dropdown menu={{ items }} trigger={['click']}>
          <Button icon={<PrinterOutlined />}>
            打印花名册 <DownOutlined />
          </Button>
        </Dropdown>
      </Space.Compact>
      {/* Its own item, so that on a 390 px phone it wraps below the year and the print menu instead of widening them. */}
      <Dropdown menu={{ items: workbooks }} trigger={['click']}>
        <Button icon={<DownloadOutlined />}>
          导出花名册 <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
