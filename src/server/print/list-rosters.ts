/**
 * The 花名册 of seed 001's village archive (村级档案资料: “2014年测算减贫人口花名册”、“2015年计划减贫人口花名册”、
 * “低保户、五保户花名册”), A4 landscape: one row per person, the household's cells spanning its members, and the
 * columns of the roster's kind after them (the year it exited and the persons then, the income against the line, the
 * 低保金 / 特困供养金 of the year).
 */
import type { RosterKind } from '../../contract/print-lists';
import { html, printDocument, type Html } from './html';
import { LIST_CSS, listFooter, listHeading } from './list-format';

export interface RosterMember {
  name: string;
  relation: string;
  sex: string;
  idNumber: string;
  birthDate: string;
}

export interface RosterHousehold {
  number: string;
  attribute: string;
  status: string;
  members: RosterMember[];
  /** The cells of the kind's own columns, in `RosterPrint.columns`' order. */
  extra: string[];
}

export interface RosterPrint {
  kind: RosterKind;
  title: string;
  village: { code: string; name: string; fullName: string };
  year: number | null;
  /** What the list counts, under the title (e.g. `共 3 户 11 人`, and the village's plan of the year). */
  summary: string;
  note?: string;
  columns: string[];
  households: RosterHousehold[];
  printedOn: string;
}

/** One roster as a sheet (a township's print puts one sheet per village after another). */
export function rosterSheet(r: RosterPrint): Html {
  const persons = r.households.reduce((n, h) => n + h.members.length, 0);
  const span = (h: RosterHousehold) => Math.max(1, h.members.length);
  const rows: Html[] = [];
  r.households.forEach((h, i) => {
    const head = h.members.find((m) => m.relation === '户主') ?? h.members[0];
    const own = html`<td class="center" rowspan="${span(h)}">${i + 1}</td><td rowspan="${span(h)}">${h.number}</td><td rowspan="${span(h)}">${head?.name ?? ''}</td><td class="num" rowspan="${span(h)}">${h.members.length}</td>`;
    const extra = html`<td rowspan="${span(h)}">${h.attribute}</td>${h.extra.map((c) => html`<td rowspan="${span(h)}">${c}</td>`)}`;
    const members = h.members.length ? h.members : [null];
    members.forEach((m, j) => {
      const cells = m ? html`<td>${m.name}</td><td>${m.relation}</td><td class="center">${m.sex}</td><td>${m.idNumber}</td><td>${m.birthDate}</td>` : html`<td colspan="5"></td>`;
      rows.push(html`<tr>${j === 0 ? own : ''}${cells}${j === 0 ? extra : ''}</tr>`);
    });
  });
  const colspan = 10 + r.columns.length;
  return html`<section class="sheet">
${listHeading(r.title, `${r.village.fullName}（村代码 ${r.village.code}）`, r.summary || `共 ${r.households.length} 户 ${persons} 人`)}
${r.note ? html`<p class="note">${r.note}</p>` : ''}
<table class="roster">
<thead><tr><th>序号</th><th>户编号</th><th>户主姓名</th><th>家庭人口</th><th>姓名</th><th>与户主关系</th><th>性别</th><th>身份证号</th><th>出生日期</th><th>贫困户属性</th>${r.columns.map((c) => html`<th>${c}</th>`)}</tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="${colspan}" class="center">无符合条件的户</td></tr>`}</tbody>
</table>
${listFooter(r.printedOn)}
</section>`;
}

/** Rosters as one PDF's HTML, A4 landscape, each on its own sheet. */
export function rosterHtml(title: string, sheets: RosterPrint[]): string {
  return printDocument({ title, paper: 'A4', landscape: true, css: `${LIST_CSS} table.roster { font-size: 9pt; }`, body: html`${sheets.map(rosterSheet)}` });
}
