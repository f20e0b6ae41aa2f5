/** One wall chart as an A3 poster page (opened in a new tab from 打印（A3）): only the chart, then the print dialog. */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { NotLoaded } from '../app/ErrorResult';
import { useTownshipWall, useVillageWall } from './api';
import { townshipCharts, villageCharts, type ChartDef } from './defs';

/** The A3 sheet: 297 × 420 mm, portrait, 12 mm margins; the poster fills the width. */
const PRINT_CSS = `
@page { size: A3 portrait; margin: 12mm; }
html, body { background: #fff; margin: 0; }
.wall-print { width: 273mm; margin: 0 auto; padding-top: 4mm; }
.wall-print svg { width: 100% !important; height: auto !important; max-height: 380mm; }
@media print { .wall-print-actions { display: none; } .wall-print { padding-top: 0; } }
`;

function Sheet({ def }: { def: ChartDef | undefined }) {
  useEffect(() => {
    if (!def) return;
    document.title = `${def.title}（A3）`;
    // An automated browser (tests, PDF capture) prints the page itself; a person gets the print dialog.
    if (navigator.webdriver) return;
    const t = window.setTimeout(() => window.print(), 800);
    return () => window.clearTimeout(t);
  }, [def]);
  if (!def || def.kind === 'pdf') return <Result status="404" title="没有这张上墙图表" />;
  return (
    <div className="wall-print" data-testid="wall-print" data-chart={def.key}>
      <style>{PRINT_CSS}</style>
      <div className="wall-print-actions" style={{ textAlign: 'right', padding: 8 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印（A3）
        </Button>
      </div>
      {def.render(true)}
    </div>
  );
}

function TownshipSheet({ code, chart }: { code: string; chart: string }) {
  const q = useTownshipWall(code);
  if (q.isError || !q.data) return <NotLoaded query={q} />;
  return <Sheet def={townshipCharts(q.data).find((d) => d.key === chart)} />;
}

function VillageSheet({ code, chart }: { code: string; chart: string }) {
  const q = useVillageWall(code);
  if (q.isError || !q.data) return <NotLoaded query={q} />;
  return <Sheet def={villageCharts(q.data).find((d) => d.key === chart)} />;
}

export function WallPrintPage() {
  const { level = '', code = '', chart = '' } = useParams();
  if (level === 'townships') return <TownshipSheet code={code} chart={chart} />;
  if (level === 'villages') return <VillageSheet code={code} chart={chart} />;
  return <Result status="404" title="没有这张上墙图表" />;
}
