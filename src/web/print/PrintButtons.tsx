/**
 * The household forms as PDF (issue 12): each button opens the server's PDF in a new tab, where the browser's viewer
 * prints it as laid out (A4, the official form), not the page with its menu and buttons.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { CSSProperties } from 'react';
import { householdPrintUrl, villageHandbooksUrl } from '../../contract/print';

const FORMS = [
  { form: 'handbook', label: '打印扶贫手册' },
  { form: 'registration', label: '打印登记表' },
  { form: 'card', label: '打印明白卡' },
] as const;

export function PrintButtons({ householdId, style }: { householdId: number; style?: CSSProperties }) {
  return (
    <Space wrap size={8} style={style} data-testid="household-print">
      {FORMS.map((f) => (
        <Button key={f.form} icon={<PrinterOutlined />} href={householdPrintUrl(householdId, f.form)} target="_blank" rel="noopener" data-testid={`print-${f.form}`}>
          {f.label}
        </Button>
      ))}
    </Space>
  );
}

/** One PDF of every handbook of a village, each household from a new page. */
export function VillageHandbooksButton({ villageCode }: { villageCode: string }) {
  return (
    <Button icon={<PrinterOutlined />} href={villageHandbooksUrl(villageCode)} target="_blank" rel="noopener" data-testid="print-village-handbooks">
      批量打印本村扶贫手册
    </Button>
  );
}
