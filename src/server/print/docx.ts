/**
 * A 公示 / 公告 as a Word document (.docx, the `docx` package), so that a county office can edit the wording before it
 * posts it: the same `NoticeDoc` as the PDF, A4 portrait, 宋体 (SimSun) with the title in 黑体 (SimHei).
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { chineseDate } from './list-format';
import type { NoticeDoc } from './notice-text';

const BODY_FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };

const run = (text: string, opts: { bold?: boolean; size?: number; font?: typeof BODY_FONT } = {}) => new TextRun({ text, bold: opts.bold, size: opts.size ?? 24, font: opts.font ?? BODY_FONT });

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(line, { bold: header, size: 20 })] })),
  });
}

export async function noticeDocx(n: NoticeDoc): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: n.columns.map((c) => cell(c, true)) }),
      ...(n.rows.length ? n.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })) : [new TableRow({ children: [new TableCell({ columnSpan: n.columns.length, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('（无）')] })] })] })]),
    ],
  });
  const doc = new Document({
    creator: '台账',
    title: n.title,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run(n.title, { bold: true, size: 36, font: TITLE_FONT })] }),
          ...n.paragraphs.map((p) => new Paragraph({ indent: { firstLine: 480 }, spacing: { line: 420, after: 120 }, children: [run(p)] })),
          table,
          new Paragraph({ spacing: { before: 240 }, children: [run(n.supervision)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [run(n.issuer)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(chineseDate(n.issuedOn))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
