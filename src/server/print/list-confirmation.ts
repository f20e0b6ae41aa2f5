/**
 * 脱贫确认表 of a household exit (A4 portrait), from the exit procedure and the registry: the household and its members,
 * the income of the procedure's year against the poverty line, the standard of seed 004 (“该户年人均可支配收入稳定超过
 * 国家扶贫标准且吃穿不愁……(2)有安全住房;(3)家庭无因贫辍学学生;(4)……全部参加基本医保”) criterion by criterion, the
 * steps with the day they were passed and who passed them, and the lines the 户主, the 帮扶责任人, the village and the
 * township sign.
 */
import { html, printDocument } from './html';
import { chineseDate, yuanText } from './list-format';

export interface ConfirmationPrint {
  procedureId: number;
  year: number | null;
  village: string;
  household: { number: string; attribute: string; mainCause: string; head: string; size: number };
  members: Array<{ name: string; relation: string; sex: string; idNumber: string; health: string; labour: string; schooling: string; medicalInsured: boolean }>;
  income: { annualIncome: number; netIncome: number; perCapita: number; householdSize: number } | null;
  line: { year: number; scope: string; yuan: number } | null;
  criteria: Array<{ label: string; passed: boolean | null; reason: string }>;
  steps: Array<{ name: string; level: string; on: string | null; by: string; record: string }>;
  helpers: string[];
  certificateNo: string | null;
  printedOn: string;
}

/** The date a signer writes by hand. */
const DATE_BLANK = '日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日';

const CSS = `
table.facts th { width: 16%; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 7mm 10mm; margin-top: 7mm; }
.signatures div { font-size: 10.5pt; }
.signatures .signature-line { min-width: 35mm; }
`;

export function confirmationHtml(c: ConfirmationPrint): string {
  const verdict = c.criteria.length ? (c.criteria.every((k) => k.passed !== false) ? '达到脱贫标准' : '未达到脱贫标准') : '';
  const body = html`<section class="sheet">
<h1>${c.year ? `${c.year}年` : ''}贫困户脱贫确认表</h1>
<div class="meta"><span>${c.village}</span><span>程序编号 ${c.procedureId}${c.certificateNo ? `\u3000脱贫光荣证编号 ${c.certificateNo}` : ''}</span></div>
<table class="facts">
<tr><th>户主姓名</th><td>${c.household.head}</td><th>户编号</th><td>${c.household.number}</td></tr>
<tr><th>贫困户属性</th><td>${c.household.attribute}</td><th>主要致贫原因</th><td>${c.household.mainCause}</td></tr>
<tr><th>家庭人口</th><td>${c.household.size} 人</td><th>帮扶责任人</th><td>${c.helpers.join('、')}</td></tr>
</table>
<h2>家庭成员</h2>
<table>
<thead><tr><th>姓名</th><th>与户主关系</th><th>性别</th><th>身份证号</th><th>健康状况</th><th>劳动能力</th><th>在校情况</th><th>基本医保</th></tr></thead>
<tbody>${c.members.map((m) => html`<tr><td>${m.name}</td><td>${m.relation}</td><td class="center">${m.sex}</td><td>${m.idNumber}</td><td>${m.health}</td><td>${m.labour}</td><td>${m.schooling}</td><td class="center">${m.medicalInsured ? '已参保' : '未参保'}</td></tr>`)}</tbody>
</table>
<h2>${c.year ? `${c.year}年` : ''}收入与扶贫标准</h2>
${
  c.income
    ? html`<table class="facts"><tr><th>家庭年收入</th><td class="num">${yuanText(c.income.annualIncome)}</td><th>家庭纯收入</th><td class="num">${yuanText(c.income.netIncome)}</td></tr>
<tr><th>人均纯收入</th><td class="num">${yuanText(c.income.perCapita)}（${c.income.householdSize} 人）</td><th>扶贫标准</th><td class="num">${c.line ? `${yuanText(c.line.yuan)}（${c.line.year}年${c.line.scope}）` : '未设置'}</td></tr></table>`
    : html`<p>该户尚未登记 ${c.year ?? ''} 年的收入。</p>`
}
<h2>脱贫标准（两不愁三保障）</h2>
<table>
<thead><tr><th style="width:28%">标准</th><th>情况</th><th style="width:14%">结论</th></tr></thead>
<tbody>${c.criteria.map((k) => html`<tr><td>${k.label}</td><td>${k.reason}</td><td class="center">${k.passed === null ? '—' : k.passed ? '达到' : '未达到'}</td></tr>`)}</tbody>
</table>
${verdict ? html`<p>结论：<strong>${verdict}</strong></p>` : ''}
<h2>脱贫程序</h2>
<table>
<thead><tr><th style="width:7%">序号</th><th>步骤</th><th style="width:7%">层级</th><th style="width:16%">办结日期</th><th style="width:14%">办理人</th><th>记录</th></tr></thead>
<tbody>${c.steps.map((s, i) => html`<tr><td class="center">${i + 1}</td><td>${s.name}</td><td class="center">${s.level}</td><td>${s.on ? chineseDate(s.on) : '未办理'}</td><td>${s.by}</td><td>${s.record}</td></tr>`)}</tbody>
</table>
<div class="signatures">
<div>户主（签字或按手印）：<span class="signature-line"></span><br>${DATE_BLANK}</div>
<div>帮扶责任人（签字）：<span class="signature-line"></span><br>${DATE_BLANK}</div>
<div>村“两委”意见（盖章）：<span class="signature-line"></span><br>${DATE_BLANK}</div>
<div>乡镇党委、政府意见（盖章）：<span class="signature-line"></span><br>${DATE_BLANK}</div>
</div>
<p class="muted">打印日期：${chineseDate(c.printedOn)}</p>
</section>`;
  return printDocument({ title: '贫困户脱贫确认表', css: CSS, body });
}
