/**
 * 七、帮扶措施 of the 扶贫手册 (issue 15): the household's 脱贫时限 and 脱贫计划, and each measure with its 五个一批, 工程,
 * 状态 and date, who is responsible and its cost (seed 001: 帮扶措施、已实施和将要实施的帮扶项目、帮扶责任人、脱贫时限). The
 * handbook's rule “帮扶措施必须细致” is on its cover. A pure function: data in, HTML out.
 */
import type { HouseholdMeasures } from '../../contract/measures';
import { html, type Html } from './html';
import { yuan } from './household-sheet';

/** The section, or a line saying why it is empty (the user's role may not read the measures: null). */
export function measuresSection(m: HouseholdMeasures | null | undefined): Html {
  if (!m) return html`<h2>七、帮扶措施</h2><p class="muted">（您的角色无权查看帮扶措施）</p>`;
  const rows = m.measures.map(
    (x) => html`<tr><td class="nowrap">${x.kind}</td><td>${x.batch}<br><span class="muted">${x.project}</span></td><td class="center">${x.state}</td><td class="nowrap">${x.on}</td><td>${x.responsible}</td><td class="num">${yuan(x.cost)}</td><td>${x.note}</td></tr>`,
  );
  const plan = m.plan;
  return html`<h2>七、帮扶措施</h2>
<table>
<tbody><tr><th style="width:24mm">脱贫时限</th><td>${plan?.targetYear ? `${plan.targetYear} 年` : '未填写'}</td></tr>
<tr><th>脱贫计划</th><td>${plan?.plan || '未填写'}</td></tr></tbody>
</table>
<table>
<thead><tr><th>措施类别</th><th>五个一批／工程</th><th>状态</th><th>日期</th><th>帮扶责任人或单位</th><th>投入资金</th><th>备注</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="7" class="center">尚未登记帮扶措施</td></tr>`}</tbody>
</table>
${m.measures.length ? html`<p class="footnote">合计投入 ${yuan(m.cost)}；已实施 ${m.measures.filter((x) => x.state === '已实施').length} 项，计划 ${m.measures.filter((x) => x.state === '计划').length} 项。</p>` : ''}`;
}
