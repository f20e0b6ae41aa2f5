import { describe, expect, it } from 'vitest';
import { BOX_WIDTH, boxLines, layoutTree, officeTrees, wrapText } from './layout';

describe('wrapText', () => {
  it.each([
    ['负责编制本乡镇扶贫开发中长期规划', 6, ['负责编制本乡', '镇扶贫开发中', '长期规划']],
    ['', 6, ['']],
    ['八个全覆盖', 5, ['八个全覆盖']],
  ])('%s in lines of %i', (text, n, lines) => expect(wrapText(text, n)).toEqual(lines));
});

describe('layoutTree', () => {
  const leaf = (title: string, lines: string[] = []) => ({ title, lines, children: [] });
  it('centres a parent over its children, side by side, one row below', () => {
    const { nodes, width } = layoutTree({ title: '领导小组', lines: [], children: [leaf('办公室'), leaf('工作站', ['甲 站长'])] }, 0);
    expect(nodes.map((n) => [n.node.title, n.parent])).toEqual([
      ['领导小组', -1],
      ['办公室', 0],
      ['工作站', 0],
    ]);
    expect(width).toBe(BOX_WIDTH * 2 + 24);
    expect(nodes[0]!.x).toBe((width - BOX_WIDTH) / 2);
    expect(nodes[1]!.x).toBe(0);
    expect(nodes[2]!.x).toBe(BOX_WIDTH + 24);
    expect(nodes[1]!.y).toBe(nodes[2]!.y);
    expect(nodes[1]!.y).toBeGreaterThan(nodes[0]!.y + nodes[0]!.height);
  });
  it('counts the people beyond a box', () => {
    const many = Array.from({ length: 20 }, (_, i) => `人${i}`);
    expect(boxLines(many)).toHaveLength(12);
    expect(boxLines(many).at(-1)).toBe('…… 等共 20 人');
  });
});

describe('officeTrees', () => {
  it('nests offices under their parent among them', () => {
    const trees = officeTrees(
      [
        { id: 1, parentId: null, name: '领导小组' },
        { id: 2, parentId: 1, name: '工作站' },
        { id: 3, parentId: 9, name: '工作队' },
      ],
      (o) => ({ title: o.name, lines: [] }),
    );
    expect(trees.map((t) => [t.title, t.children.map((c) => c.title)])).toEqual([
      ['领导小组', ['工作站']],
      ['工作队', []],
    ]);
  });
});
