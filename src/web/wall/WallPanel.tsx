import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Space } from 'antd';
import { useRef, type ReactNode } from 'react';
import type { ChartDef } from './defs';
import { downloadChartPng, downloadSvgPng } from './png';
import { POSTER_CLASS } from './posters';

/** One chart of a wall: the chart, 打印（A3） (its poster page in a new tab) and 下载 PNG. */
export function WallPanel({ def, printHref, fileName, extra, children }: { def: ChartDef; printHref: string; fileName: string; extra?: ReactNode; children?: ReactNode }) {
  const { message } = App.useApp();
  const box = useRef<HTMLDivElement>(null);

  const download = async () => {
    const el = box.current;
    if (!el) return;
    try {
      if (def.kind === 'echarts') {
        if (!downloadChartPng(el, fileName)) message.warning('该图表暂无数据，无法下载');
        return;
      }
      const svg = el.querySelector<SVGSVGElement>(`svg.${POSTER_CLASS}`);
      if (!svg) {
        message.warning('该图表暂无数据，无法下载');
        return;
      }
      await downloadSvgPng(svg, fileName);
    } catch (e) {
      message.error(e instanceof Error ? e.message : '图片生成失败');
    }
  };

  return (
    <Card
      title={def.title}
      data-testid={`wall-${def.key}`}
      extra={
        <Space wrap>
          {extra}
          {def.kind !== 'pdf' && (
            <>
              <Button icon={<PrinterOutlined />} onClick={() => window.open(printHref, '_blank', 'noopener')}>
                打印（A3）
              </Button>
              <Button icon={<DownloadOutlined />} onClick={() => void download()}>
                下载 PNG
              </Button>
            </>
          )}
        </Space>
      }
    >
      <div ref={box} style={{ overflowX: 'auto' }}>
        {def.render(false)}
        {children}
      </div>
    </Card>
  );
}
