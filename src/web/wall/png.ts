/** 下载 PNG: a chart's canvas (ECharts) or an SVG poster turned into a PNG file the browser downloads. */
import * as echarts from 'echarts/core';

function downloadHref(href: string, fileName: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** The PNG of the ECharts chart inside `box` (twice its pixels, on white). */
export function downloadChartPng(box: HTMLElement, fileName: string): boolean {
  const el = box.querySelector<HTMLElement>('[role="img"]');
  const chart = el ? echarts.getInstanceByDom(el) : undefined;
  if (!chart) return false;
  downloadHref(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), fileName);
  return true;
}

/** The PNG of an SVG element: serialised, drawn as an image onto a canvas of twice its size, on white. */
export async function downloadSvgPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('图片生成失败'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('图片生成失败');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    downloadHref(canvas.toDataURL('image/png'), fileName);
  } finally {
    URL.revokeObjectURL(url);
  }
}
