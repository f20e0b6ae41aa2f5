import { quotientText } from './quotient-text';

/**
 * Seed 004 “贫困户收入计算”: 家庭年人均纯收入=纯收入/户人口数; 纯收入=年收入-生产经营性支出;
 * 年收入=工资性收入+生产经营性收入+财产性收入+转移性收入(包括补贴、低保金、养老保险金、生态补偿金等)。
 * “同时,考虑因病、因学支出,防止入不敷出。” All amounts are integer yuan.
 */
export interface TransferIncome {
  subsidies: number;
  minimumLiving: number; // 低保金
  extremePoverty: number; // 特困供养金
  pension: number; // 养老金
  ecological: number; // 生态补偿金
  other: number;
}

export interface IncomeInput {
  wages: number; // 工资性收入
  business: number; // 生产经营性收入
  property: number; // 财产性收入
  transfer: TransferIncome; // 转移性收入
  businessCosts: number; // 生产经营性支出
  illnessCosts: number; // 因病支出
  schoolingCosts: number; // 因学支出
  householdSize: number; // 家庭人口
}

export interface IncomeTraceLine {
  label: string;
  formula: string;
  value: number;
}

/**
 * What departments reported paying a household in a year (政策享受, issue 15), per income item: each source with its
 * policy, amount and where it comes from (“民政部门 2019 年名单”). An item with department data is counted at the
 * departments' sum instead of the entered figure.
 */
export interface ReportedSource {
  policy: string;
  amount: number;
  /** Where the figure comes from, as the trace names it: 民政部门 2019 年名单. */
  source: string;
}
export type ReportedItem = keyof TransferIncome | 'wages' | 'property';
export type ReportedIncome = Partial<Record<ReportedItem, readonly ReportedSource[]>>;

/** An item counted at the departments' figure: the sum used, the entered figure and the sources. */
export interface DepartmentFigure {
  item: ReportedItem;
  label: string;
  amount: number;
  entered: number;
  sources: ReportedSource[];
}

export interface IncomeResult {
  transferTotal: number;
  annualIncome: number;
  netIncome: number;
  /** Per-capita net income rounded to whole yuan for display; rules compare `netIncome` with `line × size` exactly. */
  perCapita: number;
  householdSize: number;
  /** 因病、因学支出 above the net income: 入不敷出. */
  overspent: boolean;
  trace: IncomeTraceLine[];
  /** The items counted at the departments' figures (absent without department data). */
  departmentFigures?: DepartmentFigure[];
}

export const ITEM_LABELS: Record<ReportedItem, string> = {
  subsidies: '补贴',
  minimumLiving: '低保金',
  extremePoverty: '特困供养金',
  pension: '养老金',
  ecological: '生态补偿金',
  other: '其他',
  wages: '工资性收入',
  property: '财产性收入',
};

const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

/**
 * The income of a year, item by item. `reported` (optional): what departments handed over for that year per item; an
 * item with department data is counted at the departments' sum and its trace names each source (“低保金 3,600 元（民政
 * 部门 2019 年名单）”) and the entered figure when it differs. Without it, the entered items as before.
 */
export function computeIncome(i: IncomeInput, reported: ReportedIncome = {}): IncomeResult {
  const figures: DepartmentFigure[] = [];
  const take = (item: ReportedItem, entered: number): number => {
    const sources = reported[item];
    if (!sources || sources.length === 0) return entered;
    const amount = sources.reduce((a, s) => a + s.amount, 0);
    figures.push({ item, label: ITEM_LABELS[item], amount, entered, sources: [...sources] });
    return amount;
  };
  const t: TransferIncome = {
    subsidies: take('subsidies', i.transfer.subsidies),
    minimumLiving: take('minimumLiving', i.transfer.minimumLiving),
    extremePoverty: take('extremePoverty', i.transfer.extremePoverty),
    pension: take('pension', i.transfer.pension),
    ecological: take('ecological', i.transfer.ecological),
    other: take('other', i.transfer.other),
  };
  const wages = take('wages', i.wages);
  const property = take('property', i.property);
  const part = (item: ReportedItem, value: number) => {
    const f = figures.find((x) => x.item === item);
    if (!f) return `${ITEM_LABELS[item]} ${yuan(value)}`;
    const single = f.sources.length === 1 && f.sources[0]!.policy === f.label;
    const sources = f.sources.map((src) => (single ? src.source : `${src.policy} ${yuan(src.amount)}，${src.source}`)).join('；');
    return `${ITEM_LABELS[item]} ${yuan(value)}（${sources}${f.entered !== f.amount ? `；录入 ${yuan(f.entered)}` : ''}）`;
  };
  const transferTotal = t.subsidies + t.minimumLiving + t.extremePoverty + t.pension + t.ecological + t.other;
  const annualIncome = wages + i.business + property + transferTotal;
  const netIncome = annualIncome - i.businessCosts;
  const size = Math.max(i.householdSize, 0);
  const perCapita = size > 0 ? Math.round(netIncome / size) : 0;
  const spending = i.illnessCosts + i.schoolingCosts;
  return {
    transferTotal,
    annualIncome,
    netIncome,
    perCapita,
    householdSize: size,
    overspent: spending > 0 && spending > netIncome,
    trace: [
      {
        label: '转移性收入',
        formula: `${part('subsidies', t.subsidies)} + ${part('minimumLiving', t.minimumLiving)} + ${part('extremePoverty', t.extremePoverty)} + ${part('pension', t.pension)} + ${part('ecological', t.ecological)} + ${part('other', t.other)}`,
        value: transferTotal,
      },
      {
        label: '年收入',
        formula: `${part('wages', wages)} + 生产经营性收入 ${yuan(i.business)} + ${part('property', property)} + 转移性收入 ${yuan(transferTotal)}`,
        value: annualIncome,
      },
      { label: '纯收入', formula: `年收入 ${yuan(annualIncome)} − 生产经营性支出 ${yuan(i.businessCosts)}`, value: netIncome },
      { label: '人均纯收入', formula: size > 0 ? `纯收入 ${yuan(netIncome)} ÷ 家庭人口 ${size} 人 = ${quotientText(netIncome, size)} 元` : '家庭人口为 0，无法计算', value: perCapita },
      {
        label: '因病、因学支出',
        formula: `因病支出 ${yuan(i.illnessCosts)} + 因学支出 ${yuan(i.schoolingCosts)}${spending > 0 && spending > netIncome ? `，超过纯收入 ${yuan(netIncome)}（入不敷出）` : ''}`,
        value: spending,
      },
    ],
    ...(figures.length ? { departmentFigures: figures } : {}),
  };
}

export const NO_TRANSFER: TransferIncome = { subsidies: 0, minimumLiving: 0, extremePoverty: 0, pension: 0, ecological: 0, other: 0 };
