/**
 * 扶贫手册 of one household, A4 portrait: a cover, then the handbook's sections — 户基本情况, 家庭成员, 收入情况 (each year
 * with its per-capita net income and the poverty line's verdict), 帮扶责任人 with their dated changes, 走访记录 and
 * 帮扶成效签字 — from the records as the household page shows them. The handbook's rules (扶贫手册“四个三”) are printed
 * on the cover as the document states them. A pure function: data in, HTML out.
 */
import { citeWords } from '../../domain/shared/sources';
import { benefitsSection } from './handbook-benefits';
import { html, type Html } from './html';
import { measuresSection } from './handbook-measures';
import {
  ageOn,
  flagsHtml,
  headOf,
  healthText,
  insuranceText,
  lineText,
  placeOf,
  schoolingText,
  signatureCell,
  workText,
  yuan,
  type HouseholdSheet,
  type SignatureImage,
} from './household-sheet';

export const HANDBOOK_RULES = citeWords(
  'maanshan2017',
  '扶贫手册“四个三”：基础信息必须准确（三个一致：扶贫手册、信息系统、农户实际），帮扶措施必须细致，帮扶成效必须真实（一收入两不愁三保障）；不得随意更换、不得随意收回、不得随意填写',
);

function cover(s: HouseholdSheet): Html {
  const h = s.household;
  const head = headOf(h);
  return html`<section class="sheet cover">
<h1 class="form-title">扶贫手册</h1>
<table>
<tr><th>户主姓名</th><td>${head?.name ?? '（无户主）'}</td></tr>
<tr><th>所在地</th><td>${placeOf(h)}</td></tr>
<tr><th>户编号</th><td>${h.number}</td></tr>
<tr><th>贫困户属性</th><td>${h.attribute}</td></tr>
<tr><th>识别年度</th><td>${h.identifiedYear} 年</td></tr>
<tr><th>当前状态</th><td>${h.status}${h.status === '已脱贫' && h.statusYear ? `（${h.statusYear} 年）` : ''}</td></tr>
</table>
<p class="footnote" style="margin-top:30mm;text-align:left">${HANDBOOK_RULES}</p>
<p class="muted" style="margin-top:6mm">打印日期：${s.printedOn}</p>
</section>`;
}

/** 一、户基本情况 */
export function factsSection(s: HouseholdSheet): Html {
  const h = s.household;
  const head = headOf(h);
  const v = h.verdicts;
  const standard = v
    ? `${v.line.year} 年${v.line.scope} ${yuan(v.line.yuan)}：${v.identification.passed ? '符合识别标准' : '不符合识别标准'}；${v.exit.passed ? '达到脱贫标准' : '未达到脱贫标准'}`
    : '尚无收入数据或缺少适用的扶贫标准，无法判断';
  return html`<h2>一、户基本情况</h2>
<table class="facts">
<tr><th>户主</th><td>${head?.name ?? '—'}</td><th>户编号</th><td>${h.number}</td></tr>
<tr><th>所在村</th><td colspan="3">${placeOf(h)}</td></tr>
<tr><th>家庭人口</th><td>${h.persons.length} 人</td><th>贫困户属性</th><td>${h.attribute}</td></tr>
<tr><th>识别年度</th><td>${h.identifiedYear} 年（${h.identifiedOn}）</td><th>当前状态</th><td>${h.status}${h.status === '已脱贫' && h.statusYear ? `（${h.statusYear} 年）` : ''}</td></tr>
<tr><th>主要致贫原因</th><td>${h.mainCause}</td><th>次要致贫原因</th><td>${h.secondaryCauses.length ? h.secondaryCauses.join('、') : '无'}</td></tr>
<tr><th>识别标准${h.verdictYear ? `（${h.verdictYear} 年收入）` : ''}</th><td colspan="3">${standard}</td></tr>
<tr><th>两不愁三保障</th><td colspan="3">${flagsHtml(h)}</td></tr>
<tr><th>联系电话</th><td><span class="signature-line"></span></td><th>开户银行及账号</th><td><span class="signature-line"></span></td></tr>
</table>`;
}

/** 二、家庭成员 */
export function membersSection(s: HouseholdSheet): Html {
  const rows = s.household.persons.map((p) => {
    const age = ageOn(p.birthDate, s.printedOn);
    return html`<tr><td class="nowrap">${p.name}</td><td class="nowrap">${p.relation}</td><td class="center">${p.sex}</td><td class="idno">${p.idNumber}</td><td class="nowrap">${p.birthDate}${age === null ? '' : html`<br>（${age} 岁）`}</td><td>${schoolingText(p)}</td><td>${healthText(p)}</td><td>${p.labour}${p.hasQualification ? '（有执业资格证书）' : ''}</td><td>${workText(p)}</td><td>${insuranceText(p)}</td></tr>`;
  });
  return html`<h2>二、家庭成员</h2>
<table class="members">
<thead><tr><th>姓名</th><th>与户主<br>关系</th><th>性别</th><th>身份证号</th><th>出生日期</th><th>在校<br>情况</th><th>健康状况</th><th>劳动能力</th><th>务工情况</th><th>参加保险</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="10" class="center">（无家庭成员）</td></tr>`}</tbody>
</table>`;
}

/** 三、收入情况: a column per year, the items and what they add up to, the line and its verdict. */
export function incomeSection(s: HouseholdSheet): Html {
  const years = s.incomes;
  if (!years.length) return html`<h2>三、收入情况（元）</h2><p>尚未填写收入。</p>`;
  const row = (label: string, cell: (y: (typeof years)[number]) => string | Html, strong = false) =>
    html`<tr><th style="text-align:left">${label}</th>${years.map((y) => html`<td class="num">${strong ? html`<b>${cell(y)}</b>` : cell(y)}</td>`)}</tr>`;
  const n = (v: number) => v.toLocaleString('zh-CN');
  return html`<h2>三、收入情况（元）</h2>
<table class="income">
<thead><tr><th>项目</th>${years.map((y) => html`<th>${y.year} 年</th>`)}</tr></thead>
<tbody>
${row('工资性收入', (y) => n(y.items.wages))}
${row('生产经营性收入', (y) => n(y.items.business))}
${row('财产性收入', (y) => n(y.items.property))}
${row('转移性收入', (y) => n(y.result.transferTotal))}
${row('其中：低保金', (y) => n(y.items.minimumLiving))}
${row('　　　特困供养金', (y) => n(y.items.extremePoverty))}
${row('　　　养老金', (y) => n(y.items.pension))}
${row('　　　生态补偿金', (y) => n(y.items.ecological))}
${row('　　　补贴及其他', (y) => n(y.items.subsidies + y.items.otherTransfer))}
${row('年收入', (y) => n(y.result.annualIncome))}
${row('生产经营性支出', (y) => n(y.items.businessCosts))}
${row('纯收入', (y) => n(y.result.netIncome))}
${row('家庭人口（人）', (y) => n(y.result.householdSize))}
${row('人均纯收入', (y) => n(y.result.perCapita), true)}
${row('因病、因学支出', (y) => n(y.items.illnessCosts + y.items.schoolingCosts) + (y.result.overspent ? '（入不敷出）' : ''))}
<tr><th style="text-align:left">扶贫标准</th>${years.map((y) => html`<td class="num">${y.line ? html`${n(y.line.yuan)}<br><span class="muted">${y.line.scope}</span>` : '未设置'}</td>`)}</tr>
<tr><th style="text-align:left">人均纯收入与标准</th>${years.map((y) => html`<td class="num">${y.verdict ? `${y.verdict}标准` : '—'}</td>`)}</tr>
</tbody>
</table>
<p class="footnote">家庭年人均纯收入＝纯收入÷户人口数；纯收入＝年收入－生产经营性支出；年收入＝工资性收入＋生产经营性收入＋财产性收入＋转移性收入。</p>`;
}

/** 四、帮扶责任人, every assignment with its dates, and the dated changes (seed: 有调整的，在后面备注从何时调整更换). */
export function helpersSection(s: HouseholdSheet): Html {
  if (!s.pairing) return html`<h2>四、帮扶责任人</h2><p class="muted">（您的角色无权查看帮扶责任人和走访记录）</p>`;
  const { assignments, notes } = s.pairing;
  const rows = assignments.map(
    (a) => html`<tr><td>${a.helperName}</td><td>${a.unit}</td><td>${a.post || '—'}</td><td>${a.phone || '—'}</td><td class="nowrap">${a.fromOn} 至 ${a.toOn ?? '今'}</td><td class="center">${a.current ? '现任' : '已调整'}</td></tr>`,
  );
  return html`<h2>四、帮扶责任人</h2>
<table>
<thead><tr><th>姓名</th><th>工作单位</th><th>职务</th><th>联系电话</th><th>帮扶起止日期</th><th>状态</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="6" class="center">尚未确定帮扶责任人</td></tr>`}</tbody>
</table>
${notes.length ? html`<p class="footnote"><b>调整更换备注：</b>${notes.map((n, i) => html`${i ? '；' : ''}${n.text}${n.reason ? `（${n.reason}）` : ''}`)}</p>` : ''}`;
}

/** 五、走访记录 */
export function visitsSection(s: HouseholdSheet): Html {
  if (!s.pairing) return html``;
  const rows = s.pairing.visits.map((v) => html`<tr><td class="nowrap">${v.visitedOn}</td><td class="nowrap">${v.kind}</td><td>${v.visitor}</td><td>${v.content}</td></tr>`);
  return html`<h2>五、走访记录</h2>
<table>
<thead><tr><th style="width:22mm">日期</th><th style="width:22mm">类别</th><th style="width:24mm">走访人</th><th>走访了解的情况和落实的帮扶措施</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="4" class="center">尚无走访记录</td></tr>`}</tbody>
</table>`;
}

/**
 * 六、帮扶成效签字 (seed: 帮扶人与被帮扶人签字确认帮扶落实情况): a row per year of incomes or visits, with that year's
 * per-capita net income, the visits made, and the signature images kept with them — or blank lines to sign on.
 */
export function signaturesSection(s: HouseholdSheet): Html {
  const visits = s.pairing?.visits ?? [];
  const years = [...new Set([...s.incomes.map((i) => i.year), ...visits.map((v) => Number(v.visitedOn.slice(0, 4)))])].sort((a, b) => a - b);
  const rows = years.map((year) => {
    const income = s.incomes.find((i) => i.year === year);
    const ofYear = visits.filter((v) => v.visitedOn.startsWith(`${year}-`));
    const images: SignatureImage[] = ofYear.flatMap((v) => s.signatures[v.id] ?? []);
    const effect = income ? html`人均纯收入 ${yuan(income.result.perCapita)}；${lineText(income)}` : html`—`;
    const done = ofYear.length ? `走访 ${ofYear.length} 次（${ofYear.map((v) => v.visitedOn.slice(5)).join('、')}）` : '—';
    return html`<tr><td class="center">${year} 年</td><td>${effect}</td><td>${done}</td><td>${signatureCell(images, ['帮扶责任人', '户主'])}</td></tr>`;
  });
  const empty = html`<tr><td class="center">${s.printedOn.slice(0, 4)} 年</td><td></td><td></td><td>${signatureCell([], ['帮扶责任人', '户主'])}</td></tr>`;
  return html`<h2>六、帮扶成效签字</h2>
<table class="signatures">
<thead><tr><th style="width:18mm">年度</th><th>帮扶成效（一收入两不愁三保障）</th><th style="width:40mm">帮扶落实</th><th style="width:58mm">帮扶责任人、户主签字确认</th></tr></thead>
<tbody>${rows.length ? rows : empty}</tbody>
</table>`;
}

/** The handbook of one household: its cover and its sections, each `.sheet` beginning a new page. */
export function handbookHtml(s: HouseholdSheet): Html {
  return html`${cover(s)}<section class="sheet">
${factsSection(s)}
${membersSection(s)}
${incomeSection(s)}
${benefitsSection(s)}
${helpersSection(s)}
${visitsSection(s)}
${signaturesSection(s)}
${measuresSection(s.measures)}
</section>`;
}

export const handbookTitle = (s: HouseholdSheet): string => `扶贫手册（${headOf(s.household)?.name ?? '无户主'}户，户编号 ${s.household.number}）`;
