import { buildRosterTemplate } from '../../src/server/registry/roster';
import { XINCHENG_VILLAGE } from './registry';
import { fillTemplate } from './xlsx';

/** A roster row by the template's header names. */
export type RosterCells = Record<string, string | number>;

/** The real roster template with rows filled in by header name (data from row 3, as users fill it). */
export async function rosterWith(rows: RosterCells[]): Promise<Buffer> {
  return fillTemplate(await buildRosterTemplate(), '花名册', rows);
}

/** A household's columns (its first row) in 俄尔古取村 unless told otherwise. */
export const householdCols = (number: string, over: RosterCells = {}): RosterCells => ({
  村级区划代码: XINCHENG_VILLAGE,
  户编号: number,
  贫困户属性: '一般贫困户',
  识别年度: 2015,
  主要致贫原因: '缺技术',
  次要致贫原因: '缺资金、因病',
  住房安全: '是',
  饮水安全: '是',
  吃穿不愁: '是',
  ...over,
});

/** A person's columns: a working adult insured for basic medical and serious illness. */
export const personCols = (name: string, idNumber: string, relation: string, over: RosterCells = {}): RosterCells => ({
  姓名: name,
  身份证号: idNumber,
  与户主关系: relation,
  劳动能力: '普通劳动力',
  务工月数: 6,
  务工地点: '昭觉县城',
  务工收入: 9000,
  基本医保: '是',
  大病保险: '是',
  养老保险: '否',
  ...over,
});
