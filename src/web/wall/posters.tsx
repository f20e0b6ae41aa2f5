/** The SVG posters: the 贫困村分布图 tile map, the organisation charts and the text posters (duties, rules). */
import type { ReactNode } from 'react';
import type { WallVillage } from './api';
import { shortVillageName } from './api';
import { boxLines, layoutTree, linesTop, subtitleTop, TITLE_LINE, TITLE_TOP, titleLines, wrapText, type OrgNode } from './layout';
import { tileColumns } from '../../domain/wall/charts';

export const POSTER_FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
export const POSTER_CLASS = 'wall-poster-svg';

export const STANDING_COLORS: Record<WallVillage['standing'], { fill: string; stroke: string; text: string }> = {
  贫困村: { fill: '#fde0dc', stroke: '#c62828', text: '#8e0000' },
  已出列: { fill: '#dcedc8', stroke: '#2e7d32', text: '#1b5e20' },
  非贫困村: { fill: '#eceff1', stroke: '#90a4ae', text: '#37474f' },
};

/** The frame every poster shares: a title on top, the picture, and the caption (region, date, basis) at the bottom. */
function Poster({ width, height, title, caption, label, children }: { width: number; height: number; title: string; caption: string[]; label: string; children: ReactNode }) {
  const full = height + 90 + caption.length * 22;
  return (
    <svg
      className={POSTER_CLASS}
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={full}
      viewBox={`0 0 ${width} ${full}`}
      role="img"
      aria-label={label}
      style={{ maxWidth: '100%', height: 'auto', fontFamily: POSTER_FONT }}
      fontFamily={POSTER_FONT}
    >
      <rect x={0} y={0} width={width} height={full} fill="#fff" />
      <text x={width / 2} y={44} textAnchor="middle" fontSize={28} fontWeight="bold" fill="#b71c1c">
        {title}
      </text>
      <g transform="translate(0, 70)">{children}</g>
      {caption.map((c, i) => (
        <text key={i} x={width / 2} y={height + 90 + i * 22} textAnchor="middle" fontSize={13} fill="#555">
          {c}
        </text>
      ))}
    </svg>
  );
}

/** 全乡贫困村分布图: a box per village (no boundaries offline), coloured by its standing, with its poor households. */
export function TileMap({ title, villages, caption }: { title: string; villages: WallVillage[]; caption: string[] }) {
  const cols = tileColumns(villages.length);
  const tileW = 170;
  const tileH = 96;
  const gap = 14;
  const rows = Math.max(1, Math.ceil(villages.length / cols));
  const width = Math.max(720, cols * (tileW + gap) + 40);
  const left = (width - (cols * (tileW + gap) - gap)) / 2;
  const legendY = rows * (tileH + gap) + 20;
  return (
    <Poster width={width} height={legendY + 40} title={title} caption={caption} label={`${title}：${villages.map((v) => `${shortVillageName(v.name)}${v.standing}贫困户${v.poorHouseholds}户`).join('，')}`}>
      {villages.map((v, i) => {
        const c = STANDING_COLORS[v.standing];
        const x = left + (i % cols) * (tileW + gap);
        const y = Math.floor(i / cols) * (tileH + gap);
        return (
          <g key={v.code} data-village={v.code}>
            <rect x={x} y={y} width={tileW} height={tileH} rx={8} fill={c.fill} stroke={c.stroke} strokeWidth={2} />
            <text x={x + tileW / 2} y={y + 30} textAnchor="middle" fontSize={17} fontWeight="bold" fill={c.text}>
              {shortVillageName(v.name)}
            </text>
            <text x={x + tileW / 2} y={y + 54} textAnchor="middle" fontSize={13} fill={c.text}>
              {v.standing}
              {v.standing === '已出列' && v.exitYear ? `（${v.exitYear}年）` : ''}
            </text>
            <text x={x + tileW / 2} y={y + 78} textAnchor="middle" fontSize={14} fill="#212121">
              贫困户 {v.poorHouseholds} 户 {v.poorPersons} 人
            </text>
          </g>
        );
      })}
      {(Object.keys(STANDING_COLORS) as Array<WallVillage['standing']>).map((s, i) => {
        const count = villages.filter((v) => v.standing === s).length;
        const x = width / 2 - 240 + i * 170;
        return (
          <g key={s}>
            <rect x={x} y={legendY} width={22} height={16} fill={STANDING_COLORS[s].fill} stroke={STANDING_COLORS[s].stroke} />
            <text x={x + 30} y={legendY + 13} fontSize={14} fill="#333">
              {s} {count} 个
            </text>
          </g>
        );
      })}
    </Poster>
  );
}

/** An organisation chart: boxes of offices with their people, joined by elbow lines. */
export function OrgChart({ title, root, caption }: { title: string; root: OrgNode; caption: string[] }) {
  const { nodes, width: w, height } = layoutTree(root);
  const width = Math.max(720, w);
  const shift = (width - w) / 2;
  return (
    <Poster width={width} height={height} title={title} caption={caption} label={`${title}：${nodes.map((n) => [n.node.title, ...n.node.lines].join(' ')).join('；')}`}>
      <g transform={`translate(${shift}, 0)`}>
        {nodes.map((n, i) => {
          if (n.parent < 0) return null;
          const p = nodes[n.parent]!;
          const x1 = p.x + p.width / 2;
          const y1 = p.y + p.height;
          const x2 = n.x + n.width / 2;
          const mid = n.y - 28;
          return <path key={`l${i}`} d={`M${x1},${y1} V${mid} H${x2} V${n.y}`} fill="none" stroke="#b71c1c" strokeWidth={1.6} />;
        })}
        {nodes.map((n, i) => {
          const lines = boxLines(n.node.lines);
          return (
            <g key={i}>
              <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={6} fill={i === 0 ? '#b71c1c' : '#fff8f6'} stroke="#b71c1c" strokeWidth={1.6} />
              {titleLines(n.node).map((t, k) => (
                <text key={k} x={n.x + n.width / 2} y={n.y + TITLE_TOP + k * TITLE_LINE} textAnchor="middle" fontSize={15} fontWeight="bold" fill={i === 0 ? '#fff' : '#8e0000'}>
                  {t}
                </text>
              ))}
              {n.node.subtitle && (
                <text x={n.x + n.width / 2} y={n.y + subtitleTop(n.node) + 2} textAnchor="middle" fontSize={12} fill={i === 0 ? '#ffebee' : '#777'}>
                  {n.node.subtitle}
                </text>
              )}
              {lines.map((l, k) => (
                <text key={k} x={n.x + 12} y={n.y + linesTop(n.node) + 12 + k * 20} fontSize={13} fill={i === 0 ? '#fff' : '#212121'}>
                  {l.length > 17 ? `${l.slice(0, 16)}…` : l}
                </text>
              ))}
            </g>
          );
        })}
      </g>
    </Poster>
  );
}

/** A text poster: numbered items (一、二、…) or paragraphs, wrapped to the width. */
export function TextPoster({ title, items, caption, numbered = true }: { title: string; items: ReadonlyArray<string>; caption: string[]; numbered?: boolean }) {
  const width = 900;
  const perLine = 36;
  const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
  const blocks = items.map((it, i) => wrapText(numbered ? `${ordinals[i] ?? i + 1}、${it}` : it, perLine));
  const lineH = 34;
  const height = blocks.reduce((a, b) => a + b.length * lineH + 14, 0) + 20;
  let y = 20;
  return (
    <Poster width={width} height={height} title={title} caption={caption} label={`${title}：${items.join('；')}`}>
      {blocks.map((b, i) => {
        const top = y;
        y += b.length * lineH + 14;
        return (
          <g key={i}>
            {b.map((line, k) => (
              <text key={k} x={k === 0 ? 60 : 60 + 40} y={top + k * lineH + 20} fontSize={21} fill="#212121">
                {line}
              </text>
            ))}
          </g>
        );
      })}
    </Poster>
  );
}
