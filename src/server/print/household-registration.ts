/**
 * 贫困户登记表 (the household-level form every household keeps on the wall and in the file), one A4 portrait page: the
 * household's facts and causes, its members, its last year's income with the per-capita net income against the line,
 * its helper, and the lines the household, the village and the township sign. A pure function: data in, HTML out.
 */
import { html, type Html } from './html';
import { currentHelpers, flagsHtml, headOf, healthText, lineText, placeOf, schoolingText, signatureCell, workText, yuan, type HouseholdSheet } from './household-sheet';

export const REGISTRATION_CSS = `
.registration { font-size: 9.5pt; }
.registration th, .registration td { padding: 0.9mm 1.2mm; }
.registration .facts th { width: 16%; }
.registration .sign-row td { height: 22mm; vertical-align: top; width: 33%; }
`;

export function registrationHtml(s: HouseholdSheet): Html {
  const h = s.household;
  const head = headOf(h);
  const latest = s.incomes.at(-1);
  const helpers = currentHelpers(s);
  const members = h.persons.map(
    (p, i) =>
      html`<tr><td class="center">${i + 1}</td><td>${p.name}</td><td class="center">${p.sex}</td><td>${p.relation}</td><td class="idno">${p.idNumber}</td><td>${p.birthDate}</td><td>${schoolingText(p)}</td><td>${healthText(p)}</td><td>${p.labour}</td><td>${workText(p)}</td></tr>`,
  );
  const income = latest
    ? html`<tr><th>收入年度</th><td>${latest.year} 年</td><th>年收入</th><td>${yuan(latest.result.annualIncome)}</td></tr>
<tr><th>工资性收入</th><td>${yuan(latest.items.wages)}</td><th>生产经营性收入</th><td>${yuan(latest.items.business)}</td></tr>
<tr><th>财产性收入</th><td>${yuan(latest.items.property)}</td><th>转移性收入</th><td>${yuan(latest.result.transferTotal)}</td></tr>
<tr><th>生产经营性支出</th><td>${yuan(latest.items.businessCosts)}</td><th>纯收入</th><td>${yuan(latest.result.netIncome)}</td></tr>
<tr><th>人均纯收入</th><td><b>${yuan(latest.result.perCapita)}</b></td><th>扶贫标准</th><td>${lineText(latest)}</td></tr>`
    : html`<tr><td colspan="4" class="center">尚未填写收入</td></tr>`;
  const helperRows = s.pairing
    ? helpers.length
      ? helpers.map((a) => html`<tr><td>${a.helperName}</td><td>${a.unit}</td><td>${a.post || '—'}</td><td>${a.phone || '—'}</td><td>${a.fromOn} 起</td></tr>`)
      : html`<tr><td colspan="5" class="center">尚未确定帮扶责任人</td></tr>`
    : html`<tr><td colspan="5" class="center muted">（您的角色无权查看帮扶责任人）</td></tr>`;
  return html`<section class="sheet registration">
<h1 class="form-title">贫困户登记表</h1>
<div class="meta"><span>${placeOf(h)}</span><span>户编号：${h.number}</span><span>填表日期：${s.printedOn}</span></div>
<table class="facts">
<tr><th>户主姓名</th><td>${head?.name ?? '—'}</td><th>家庭人口</th><td>${h.persons.length} 人</td></tr>
<tr><th>贫困户属性</th><td>${h.attribute}</td><th>识别年度</th><td>${h.identifiedYear} 年</td></tr>
<tr><th>主要致贫原因</th><td>${h.mainCause}</td><th>次要致贫原因</th><td>${h.secondaryCauses.length ? h.secondaryCauses.join('、') : '无'}</td></tr>
<tr><th>当前状态</th><td>${h.status}${h.status === '已脱贫' && h.statusYear ? `（${h.statusYear} 年）` : ''}</td><th>联系电话</th><td></td></tr>
<tr><th>两不愁三保障</th><td colspan="3">${flagsHtml(h)}</td></tr>
</table>
<h2>家庭成员</h2>
<table class="members">
<thead><tr><th>序号</th><th>姓名</th><th>性别</th><th>与户主关系</th><th>身份证号</th><th>出生日期</th><th>在校情况</th><th>健康状况</th><th>劳动能力</th><th>务工情况</th></tr></thead>
<tbody>${members}</tbody>
</table>
<h2>家庭收入</h2>
<table class="facts">${income}</table>
<h2>帮扶责任人</h2>
<table>
<thead><tr><th>姓名</th><th>工作单位</th><th>职务</th><th>联系电话</th><th>帮扶起始</th></tr></thead>
<tbody>${helperRows}</tbody>
</table>
<table style="margin-top:4mm">
<tr class="sign-row"><td>户主签字：<br>${signatureCell([], ['签字'])}</td><td>村委会意见（盖章）：<br>${signatureCell([], ['日期'])}</td><td>乡镇审核意见（盖章）：<br>${signatureCell([], ['日期'])}</td></tr>
</table>
</section>`;
}

export const registrationTitle = (s: HouseholdSheet): string => `贫困户登记表（${headOf(s.household)?.name ?? '无户主'}户，户编号 ${s.household.number}）`;
