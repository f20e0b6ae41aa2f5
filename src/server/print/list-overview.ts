/**
 * 贫困户精准扶贫一览表 of a village, A3 landscape (seed 001, 村级需上墙图表: “贫困户精准扶贫一览表(包括家庭构成、贫困成因、
 * 帮扶措施、已实施和将要实施的帮扶项目、帮扶责任人、脱贫时限等)”). One row per household: its members as 家庭构成, its causes,
 * the helpers pairing records today, the status and the year it exited. The registry records no measures and no
 * projects yet: those columns are printed empty, to be filled in by hand, and the note under the title says so.
 */
import type { OverviewHousehold } from '../registry/roster';
import { html, printDocument } from './html';
import { LIST_CSS, listFooter, listHeading, villageShortName } from './list-format';

export interface OverviewPrint {
  village: { code: string; name: string; fullName: string };
  households: OverviewHousehold[];
  printedOn: string;
}

const CSS = `${LIST_CSS}
table.overview { font-size: 9pt; }
table.overview td, table.overview th { padding: 1mm 1.2mm; }
`;

/** 脱贫时限: the year the household exited (已脱贫、稳定脱贫); none for a household still poor, relapsed or removed. */
export function exitYearText(h: Pick<OverviewHousehold, 'status' | 'statusYear'>): string {
  return h.statusYear !== null && (h.status === '已脱贫' || h.status === '稳定脱贫') ? `${h.statusYear}年` : '';
}

export function overviewHtml(o: OverviewPrint): string {
  const name = villageShortName(o.village.name);
  const persons = o.households.reduce((n, h) => n + h.members.length, 0);
  const rows = o.households.map((h, i) => {
    const head = h.members.find((m) => m.relation === '户主') ?? h.members[0];
    return html`<tr>
<td class="center">${i + 1}</td><td>${h.number}</td><td>${head?.name ?? ''}</td><td>${head?.idNumber ?? ''}</td><td>${h.attribute}</td>
<td class="num">${h.members.length}</td>
<td class="members">${h.members.map((m, j) => html`${j ? html`<br>` : ''}${m.name}（${m.relation}，${m.sex}，${m.birthDate.slice(0, 4)}年生，${m.labour}，${m.health}）`)}</td>
<td>${h.mainCause}${h.secondaryCauses.length ? html`<br><span class="muted">次要：${h.secondaryCauses.join('、')}</span>` : ''}</td>
<td class="blank"></td><td class="blank"></td>
<td>${h.helpers.join('、')}</td><td>${exitYearText(h)}</td><td class="center">${h.status}</td>
</tr>`;
  });
  const body = html`<section class="sheet">
${listHeading(`${name}贫困户精准扶贫一览表`, `${o.village.fullName}（村代码 ${o.village.code}）`, `共 ${o.households.length} 户 ${persons} 人`)}
<p class="note">注：帮扶措施、已实施和将要实施的帮扶项目尚未在建档立卡中登记，本表留空，请按实际填写；帮扶责任人为打印当日的帮扶责任人；脱贫时限为该户的脱贫年度。</p>
<table class="overview">
<colgroup><col style="width:3%"><col style="width:5%"><col style="width:5%"><col style="width:10%"><col style="width:6%"><col style="width:3.5%"><col style="width:22%"><col style="width:7%"><col style="width:9%"><col style="width:9%"><col style="width:10%"><col style="width:5%"><col style="width:5.5%"></colgroup>
<thead><tr><th>序号</th><th>户编号</th><th>户主姓名</th><th>户主身份证号</th><th>贫困户属性</th><th>家庭人口</th><th>家庭构成</th><th>贫困成因</th><th>帮扶措施</th><th>已实施和将要实施的帮扶项目</th><th>帮扶责任人</th><th>脱贫时限</th><th>状态</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="13" class="center">本村尚无建档立卡贫困户</td></tr>`}</tbody>
</table>
${listFooter(o.printedOn)}
</section>`;
  return printDocument({ title: `${name}贫困户精准扶贫一览表`, paper: 'A3', landscape: true, css: CSS, body });
}
