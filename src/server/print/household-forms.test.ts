/** The household forms' pure templates: what each prints from a household, escaped, with the seed's terms. */
import { describe, expect, it } from 'vitest';
import type { Household } from '../../contract/registry/households';
import { cardsHtml } from './household-card';
import { certificateHtml, chineseDate } from './household-certificate';
import { handbookHtml, HANDBOOK_RULES, helpersSection, incomeSection, signaturesSection } from './household-handbook';
import { registrationHtml } from './household-registration';
import { ageOn, lineVerdict, placeOf, type HouseholdSheet, type IncomeYear } from './household-sheet';

const person = (over: Partial<Household['persons'][number]>): Household['persons'][number] => ({
  id: 1,
  householdId: 7,
  name: '吉克阿呷',
  idNumber: '5134**********0119',
  sex: '男',
  birthDate: '1980-07-01',
  relation: '户主',
  schooling: '已毕业',
  dropoutForPoverty: false,
  health: '健康',
  disabilityGrade: null,
  labour: '普通劳动力',
  hasQualification: false,
  workMonths: 6,
  workPlace: '成都',
  workIncome: 8000,
  medicalEligible: true,
  medicalInsured: true,
  seriousIllnessInsured: false,
  pensionInsured: true,
  ...over,
});

const items = { householdId: 7, year: 2020, wages: 12000, business: 2000, property: 0, subsidies: 0, minimumLiving: 0, extremePoverty: 0, pension: 0, ecological: 0, otherTransfer: 0, businessCosts: 500, illnessCosts: 0, schoolingCosts: 0 };
const result = { transferTotal: 0, annualIncome: 14000, netIncome: 13500, perCapita: 4500, householdSize: 3, overspent: false, trace: [] };
const income2020: IncomeYear = { year: 2020, items, result, line: { year: 2020, scope: '国家标准', yuan: 3747, source: '' }, verdict: '高于' };

const household: Household = {
  id: 7,
  villageCode: '513431100200',
  number: '0001',
  attribute: '一般贫困户',
  identifiedYear: 2014,
  identifiedOn: '2014-12-31',
  mainCause: '缺资金',
  secondaryCauses: ['因病'],
  housingSafe: true,
  drinkingWaterSafe: true,
  foodSecure: true,
  clothingSecure: true,
  status: '未脱贫',
  statusYear: null,
  version: 1,
  village: {
    code: '513431100200',
    name: '俄尔古取村村民委员会',
    level: 5,
    deepPoverty: true,
    path: [
      { code: '510000000000', name: '四川省', level: 1 },
      { code: '513400000000', name: '凉山彝族自治州', level: 2 },
      { code: '513431000000', name: '昭觉县', level: 3 },
      { code: '513431100000', name: '新城镇', level: 4 },
      { code: '513431100200', name: '俄尔古取村村民委员会', level: 5 },
    ],
  } as Household['village'],
  persons: [person({}), person({ id: 2, name: '阿说<木呷>', relation: '配偶', sex: '女', health: '残疾', disabilityGrade: 2 })],
  incomes: [],
  history: [],
  verdicts: null,
  verdictYear: null,
};

const assignment = (over: Record<string, unknown>) => ({ id: 1, householdId: 7, helperId: 1, fromOn: '2020-01-02', toOn: null, reason: '', at: '', helperName: '李国强', unit: '新城镇人民政府', kind: 'cadre' as const, level: '乡', post: '副镇长', phone: '0834-1111111', current: true, ...over });

const sheet = (over: Partial<HouseholdSheet> = {}): HouseholdSheet => ({
  household,
  incomes: [income2020],
  pairing: {
    assignments: [assignment({ toOn: '2020-03-01', current: false }), assignment({ id: 2, helperId: 2, helperName: '王建华', fromOn: '2020-03-01', phone: '0834-2222222' })],
    notes: [{ on: '2020-03-01', kind: 'replace', text: '自 2020-03-01 起由王建华接替李国强', reason: '工作调动' }],
    visits: [{ id: 9, householdId: 7, kind: '帮扶走访', helperId: 2, visitor: '王建华', visitedOn: '2020-05-10', content: '核实收入', userId: 1, at: '', attachments: [] }],
  },
  signatures: {},
  printedOn: '2020-06-30',
  ...over,
});

describe('household forms', () => {
  it('compares the per-capita net income with the line exactly (net against line × size)', () => {
    // Seed 004: 家庭年人均纯收入=纯收入/户人口数 — 11,241 ÷ 3 = 3,747 exactly is neither above nor below 3,747.
    expect(lineVerdict({ netIncome: 11241, householdSize: 3 }, 3747)).toBe('等于');
    expect(lineVerdict({ netIncome: 11242, householdSize: 3 }, 3747)).toBe('高于');
    expect(lineVerdict({ netIncome: 11240, householdSize: 3 }, 3747)).toBe('低于');
    expect(lineVerdict({ netIncome: 100, householdSize: 0 }, 3747)).toBeNull();
  });

  it('names the place as a form does and counts full years of age', () => {
    expect(placeOf(household)).toBe('四川省凉山彝族自治州昭觉县新城镇俄尔古取村');
    expect(ageOn('1980-07-01', '2020-06-30')).toBe(39);
    expect(ageOn('1980-07-01', '2020-07-01')).toBe(40);
  });

  it('prints the handbook with its sections, the helpers’ dated changes and the rules of 扶贫手册“四个三”, escaping names', () => {
    const out = handbookHtml(sheet()).value;
    for (const s of ['一、户基本情况', '二、家庭成员', '三、收入情况', '四、帮扶责任人', '五、走访记录', '六、帮扶成效签字', '5134**********0119', '残疾（2 级）', '高于标准', '3,747'])
      expect(out).toContain(s);
    expect(out).toContain('阿说&lt;木呷&gt;');
    expect(out).not.toContain('<木呷>');
    expect(out).toContain(HANDBOOK_RULES);
    expect(HANDBOOK_RULES).toContain('马鞍山市');
    expect(helpersSection(sheet()).value).toContain('2020-01-02 至 2020-03-01');
    expect(helpersSection(sheet()).value).toContain('自 2020-03-01 起由王建华接替李国强（工作调动）');
    // A role without pairing.read: the section says so rather than printing an empty table.
    expect(helpersSection(sheet({ pairing: null })).value).toContain('无权查看帮扶责任人');
    expect(incomeSection(sheet({ incomes: [] })).value).toContain('尚未填写收入');
  });

  it('signs each year on the visits’ images, or on blank lines', () => {
    const blank = signaturesSection(sheet()).value;
    expect(blank).toContain('2020 年');
    expect(blank).toContain('帮扶责任人：<span class="signature-line">');
    expect(blank).toContain('走访 1 次（05-10）');
    const signed = signaturesSection(sheet({ signatures: { 9: [{ fileName: '签字.png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' }, { fileName: '签字.pdf', dataUrl: null }] } })).value;
    expect(signed).toContain('<img class="signature-image" src="data:image/png;base64,iVBORw0KGgo="');
    expect(signed).toContain('另有签字材料 1 份');
  });

  it('prints the registration form with the helper of today only', () => {
    const out = registrationHtml(sheet()).value;
    expect(out).toContain('贫困户登记表');
    expect(out).toContain('王建华');
    expect(out).not.toContain('李国强');
    expect(out).toContain('4,500 元');
  });

  it('lays 明白卡 four to a page with the QR code as drawn', () => {
    const card = { sheet: sheet(), url: 'https://tz.example/registry/households/7', qrSvg: '<svg data-qr="1"></svg>' };
    const out = cardsHtml([card, card, card, card, card]).value;
    expect(out.match(/class="sheet cards"/g)).toHaveLength(2);
    expect(out.match(/class="card"/g)).toHaveLength(5);
    expect(out).toContain('<svg data-qr="1"></svg>');
    expect(out).toContain('https://tz.example/registry/households/7');
  });

  it('prints the certificate as the county issues it', () => {
    expect(chineseDate('2020-07-14')).toBe('2020 年 7 月 14 日');
    const out = certificateHtml({ certificateNo: '513431-2020-00001', year: 2020, head: '曲比阿果', persons: 1, village: '四川省凉山彝族自治州昭觉县新城镇俄尔古取村村民委员会', issuer: '昭觉县扶贫开发领导小组', issuedOn: '2020-07-14' }).value;
    expect(out).toContain('俄尔古取村曲比阿果户（户主 曲比阿果，家庭人口 1 人）');
    expect(out).toContain('于 2020 年实现脱贫');
    expect(out).not.toContain('村民委员会');
  });
});
