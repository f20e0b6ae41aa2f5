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
}

const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

export function computeIncome(i: IncomeInput): IncomeResult {
  const t = i.transfer;
  const transferTotal = t.subsidies + t.minimumLiving + t.extremePoverty + t.pension + t.ecological + t.other;
  const annualIncome = i.wages + i.business + i.property + transferTotal;
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
        formula: `补贴 ${yuan(t.subsidies)} + 低保金 ${yuan(t.minimumLiving)} + 特困供养金 ${yuan(t.extremePoverty)} + 养老金 ${yuan(t.pension)} + 生态补偿金 ${yuan(t.ecological)} + 其他 ${yuan(t.other)}`,
        value: transferTotal,
      },
      {
        label: '年收入',
        formula: `工资性收入 ${yuan(i.wages)} + 生产经营性收入 ${yuan(i.business)} + 财产性收入 ${yuan(i.property)} + 转移性收入 ${yuan(transferTotal)}`,
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
  };
}

export const NO_TRANSFER: TransferIncome = { subsidies: 0, minimumLiving: 0, extremePoverty: 0, pension: 0, ecological: 0, other: 0 };
