/** Pure layout of the SVG posters: text wrapped to a width, the organisation tree placed in rows, the tile grid. */

/** Breaks text into lines of at most `perLine` characters (CJK text has no spaces to break at). */
export function wrapText(text: string, perLine: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  return lines.length ? lines : [''];
}

export interface OrgNode {
  title: string;
  subtitle?: string;
  lines: string[];
  children: OrgNode[];
}

export interface PlacedNode {
  node: OrgNode;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The index of the parent in the placed list (-1 for the root). */
  parent: number;
}

export const BOX_WIDTH = 250;
const GAP_X = 24;
const GAP_Y = 56;
const LINE = 20;
/** At most this many people are listed in a box; the rest are counted. */
export const MAX_LINES = 12;

/** The lines a box shows: its people, the rest counted (“等 N 人”). */
export function boxLines(lines: string[]): string[] {
  return lines.length <= MAX_LINES ? lines : [...lines.slice(0, MAX_LINES - 1), `…… 等共 ${lines.length} 人`];
}

/** Characters of a box's title per line (at most two lines). */
export const TITLE_CHARS = 14;
export const titleLines = (n: OrgNode) => wrapText(n.title, TITLE_CHARS).slice(0, 2);
/** Where a box's parts stand below its top: the title lines, the subtitle, then the people. */
export const TITLE_TOP = 24;
export const TITLE_LINE = 18;
export const subtitleTop = (n: OrgNode) => TITLE_TOP + titleLines(n).length * TITLE_LINE;
export const linesTop = (n: OrgNode) => subtitleTop(n) + (n.subtitle ? LINE : 0) + 8;

export const boxHeight = (n: OrgNode) => linesTop(n) + boxLines(n.lines).length * LINE + (n.lines.length ? 4 : 0);

/** Places a tree top down: each subtree as wide as its children side by side, a parent centred over them. */
export function layoutTree(root: OrgNode, margin = 20): { nodes: PlacedNode[]; width: number; height: number } {
  const widthOf = (n: OrgNode): number => (n.children.length ? Math.max(BOX_WIDTH, n.children.map(widthOf).reduce((a, w) => a + w, 0) + GAP_X * (n.children.length - 1)) : BOX_WIDTH);
  // Each depth's row is as tall as its tallest box.
  const rowHeights: number[] = [];
  const measure = (n: OrgNode, d: number) => {
    rowHeights[d] = Math.max(rowHeights[d] ?? 0, boxHeight(n));
    n.children.forEach((c) => measure(c, d + 1));
  };
  measure(root, 0);
  const rowY = rowHeights.map((_, d) => margin + rowHeights.slice(0, d).reduce((a, h) => a + h + GAP_Y, 0));
  const nodes: PlacedNode[] = [];
  const place = (n: OrgNode, left: number, d: number, parent: number) => {
    const w = widthOf(n);
    const index = nodes.length;
    nodes.push({ node: n, x: left + (w - BOX_WIDTH) / 2, y: rowY[d]!, width: BOX_WIDTH, height: boxHeight(n), parent });
    let x = left + (w - (n.children.map(widthOf).reduce((a, cw) => a + cw, 0) + GAP_X * Math.max(0, n.children.length - 1))) / 2;
    for (const c of n.children) {
      place(c, x, d + 1, index);
      x += widthOf(c) + GAP_X;
    }
  };
  place(root, margin, 0, -1);
  const last = rowHeights.length - 1;
  return { nodes, width: widthOf(root) + margin * 2, height: rowY[last]! + rowHeights[last]! + margin };
}

/** Builds a forest of offices (each with its parent among them) into trees, in the given order. */
export function officeTrees<T extends { id: number; parentId: number | null }>(offices: T[], toNode: (o: T) => Omit<OrgNode, 'children'>): OrgNode[] {
  const build = (o: T): OrgNode => ({ ...toNode(o), children: offices.filter((c) => c.parentId === o.id).map(build) });
  return offices.filter((o) => o.parentId === null || !offices.some((p) => p.id === o.parentId)).map(build);
}
