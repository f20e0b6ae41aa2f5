/**
 * The data-quality checks of issue 4 (seed 004 “确保数据准确……切实提高全国扶贫开发信息系统中的数据质量”), each with
 * the rule it checks. The counts of a run feed the assessment.
 */
import { WEIGHTS_FOR_SQL } from '../registry/id-number';
import { citeWords } from '../shared/sources';

export const CHECKS = [
  { key: 'invalid_id', label: '身份证号无效', rule: '身份证号应符合 GB 11643（18 位，出生日期有效，校验位正确）' },
  { key: 'duplicate_id', label: '身份证号重复', rule: '一人只能录入 1 次、只能属于一户' },
  { key: 'cause_rule', label: '致贫原因不符合规则', rule: citeWords('maanshan2017', '主要致贫原因仅1个，次要致贫原因与主要致贫原因不重复，且不超过2个') },
  { key: 'labour_age', label: '劳动能力与年龄不符', rule: citeWords('maanshan2017', '“无劳动力”是指16岁以下未成年人和超过劳动年龄已经无劳动能力；65岁以上，原则上无劳动力') },
  { key: 'exited_below_line', label: '已脱贫户收入未超过扶贫标准', rule: citeWords('maanshan2017', '该户年人均可支配收入稳定超过国家扶贫标准') },
  { key: 'exited_without_record', label: '已脱贫户缺少评议记录和认可', rule: citeWords('maanshan2017', '贫困户脱贫由村“两委”组织民主评议后提出，经……拟退出贫困户认可后，在村内进行公示') },
  { key: 'no_helper', label: '贫困户无帮扶责任人', rule: citeWords('maanshan2017', '确保每个贫困户至少有一名帮扶责任人') },
  { key: 'helper_over_limit', label: '帮扶责任人联系超过 3 户', rule: citeWords('anhuiRectification2017', '每名帮扶联系人所联系的贫困家庭一般不超过3户') },
  { key: 'no_visit', label: '已脱贫户本半年未回访', rule: citeWords('maanshan2017', '脱贫以后，每半年至少上门回访1次') },
  { key: 'handbook_mismatch', label: '扶贫手册与系统数据不一致', rule: citeWords('maanshan2017', '基础信息必须准确（三个一致：扶贫手册、信息系统、农户实际）') },
] as const;
export type CheckKey = (typeof CHECKS)[number]['key'];

/** The half-year a date falls in (1–6月, 7–12月): the pairing rule's, which the visit check counts in. */
export { halfYearOf } from '../pairing/half-year-visit';

/** The SQL expression true when an ID number's check character is wrong (GB 11643, ISO 7064 MOD 11-2). */
export function sqlCheckCharacterWrong(column: string): string {
  const sum = WEIGHTS_FOR_SQL.map((w, i) => `substr(${column}, ${i + 1}, 1)::int * ${w}`).join(' + ');
  return `(substr(${column}, 18, 1) <> substr('10X98765432', ((${sum}) % 11) + 1, 1))`;
}
