/**
 * 扶贫手册“四个三” (seed 004): “基础信息必须准确（三个一致：扶贫手册、信息系统、农户实际），帮扶措施必须细致，帮扶成效必须真实
 * （一收入两不愁三保障）”. What the registry lacks for a household's handbook, part by part: 基础信息 (members, their ID
 * numbers, the attribute, the cause), 帮扶措施 (a helper, visits, measures) and 帮扶成效 (this year's income, 两不愁三保障).
 */
import { checkCharacter } from '../registry/id-number';

/** An ID number as registered (unmasked): 18 characters whose check character is right (GB 11643). */
const wellFormed = (id: string) => /^\d{17}[\dX]$/.test(id) && checkCharacter(id.slice(0, 17)) === id[17];

export const HANDBOOK_PARTS = {
  basic: '基础信息必须准确',
  measures: '帮扶措施必须细致',
  results: '帮扶成效必须真实',
} as const;
export type HandbookPart = keyof typeof HANDBOOK_PARTS;

export interface HandbookFacts {
  year: number;
  members: ReadonlyArray<{ name: string; idNumber: string }>;
  attribute: string;
  mainCause: string;
  /** Helpers assigned today. */
  helpers: number;
  /** Helpers' visits recorded (帮扶走访), ever. */
  visits: number;
  /** 帮扶措施 recorded for the household (the measures feature's count). */
  measures: number;
  /** Whether the income of `year` is recorded. */
  incomeRecorded: boolean;
  foodSecure: boolean;
  clothingSecure: boolean;
  housingSafe: boolean;
  drinkingWaterSafe: boolean;
}

export interface HandbookGap {
  part: HandbookPart;
  item: string;
  message: string;
}

export interface HandbookCheck {
  complete: boolean;
  parts: Array<{ part: HandbookPart; label: string; gaps: HandbookGap[] }>;
}

export function handbookCheck(f: HandbookFacts): HandbookCheck {
  const gaps: HandbookGap[] = [];
  const gap = (part: HandbookPart, item: string, message: string) => gaps.push({ part, item, message });
  if (!f.members.length) gap('basic', '家庭成员', '未登记家庭成员');
  const badIds = f.members.filter((m) => !wellFormed(m.idNumber)).map((m) => m.name);
  if (badIds.length) gap('basic', '身份证号', `${badIds.join('、')} 的身份证号缺失或有误`);
  if (!f.attribute) gap('basic', '贫困户属性', '未登记贫困户属性');
  if (!f.mainCause) gap('basic', '致贫原因', '未登记主要致贫原因');
  if (f.helpers < 1) gap('measures', '帮扶责任人', '未落实帮扶责任人');
  if (f.visits < 1) gap('measures', '走访记录', '无帮扶走访记录');
  if (f.measures < 1) gap('measures', '帮扶措施', '未登记帮扶措施');
  if (!f.incomeRecorded) gap('results', '一收入', `未登记 ${f.year} 年收入`);
  const missing = [f.foodSecure ? null : '口粮', f.clothingSecure ? null : '穿衣', f.housingSafe ? null : '安全住房', f.drinkingWaterSafe ? null : '安全饮水'].filter((x): x is string => x !== null);
  if (missing.length) gap('results', '两不愁三保障', `未登记为有保障：${missing.join('、')}`);
  const parts = (Object.keys(HANDBOOK_PARTS) as HandbookPart[]).map((part) => ({ part, label: HANDBOOK_PARTS[part], gaps: gaps.filter((g) => g.part === part) }));
  return { complete: gaps.length === 0, parts };
}
