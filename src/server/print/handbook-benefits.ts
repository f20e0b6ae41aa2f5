/**
 * 扶贫手册 “政策享受” (issue 15): what the departments reported paying the household, by year, with the policy, who
 * received it, the period and the amount; a 稳定脱贫户's 增收类 / 发展类 row carries the seed's reason; and, per year,
 * the income items counted at the departments' figures with their sources (the income trace). A pure function.
 */
import type { HouseholdBenefits } from '../../contract/benefits';
import { html, type Html } from './html';
import { yuan, type HouseholdSheet } from './household-sheet';

/** The sheet with the household's benefits (null when the role may not read them). */
export type BenefitsSheet = HouseholdSheet & { benefits?: HouseholdBenefits | null };

export function benefitsSection(s: BenefitsSheet): Html {
  const b = s.benefits;
  if (!b) return html``;
  const rows = b.items.map(
    (i) =>
      html`<tr><td class="center">${i.year}</td><td>${i.policy}${i.warning ? html`<br><span class="muted">${i.warning}</span>` : ''}</td><td>${i.department}</td><td class="nowrap">${i.name}</td><td>${i.period || '—'}</td><td class="num">${yuan(i.amount)}</td><td>${i.incomeItem}</td></tr>`,
  );
  const traced = s.incomes.flatMap((y) =>
    (y.result.departmentFigures ?? []).map((f) => html`<li>${y.year} 年 ${f.label} ${yuan(f.amount)}（${f.sources.map((src) => `${src.policy} ${yuan(src.amount)}，${src.source}`).join('；')}${f.entered !== f.amount ? `；录入 ${yuan(f.entered)}` : ''}）</li>`),
  );
  return html`<h2>政策享受</h2>
<table class="benefits">
<thead><tr><th style="width:14mm">年度</th><th>政策</th><th style="width:18mm">发放部门</th><th style="width:18mm">享受人</th><th>期间</th><th style="width:22mm">金额</th><th style="width:22mm">计入收入</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="7" class="center">尚无部门导入的政策享受数据</td></tr>`}</tbody>
</table>
${traced.length ? html`<p class="footnote"><b>收入计算采用部门数据：</b></p><ul class="footnote">${traced}</ul>` : ''}`;
}
