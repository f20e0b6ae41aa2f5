import { buildImportTemplate, officeListEntry, type ImportSheetSpec } from '../http/import-sheet';

/** The columns of the members' import (委员信息管理, seed 000): a member's name, body, sector, phone and skills. */
export type MemberImportKey = 'name' | 'org' | 'sector' | 'phone' | 'skills';

export const MEMBER_SHEET: ImportSheetSpec<MemberImportKey> = {
  sheet: '委员',
  what: '委员',
  columns: [
    { key: 'name', header: '姓名', width: 14, hint: '必填，如 张三' },
    { key: 'org', header: '所属单位', width: 30, hint: '单位全称或编号（见代码表）', list: '单位' },
    { key: 'sector', header: '界别', width: 16, hint: '如 经济界' },
    { key: 'phone', header: '联系电话', width: 18, hint: '数字、+、-、括号' },
    { key: 'skills', header: '专长', width: 40, hint: '如 农业技术、医疗' },
  ],
};

/** Which column a member field error belongs in. */
export const MEMBER_COLUMN_OF: Partial<Record<string, MemberImportKey>> = { name: 'name', orgId: 'org', sector: 'sector', phone: 'phone', skills: 'skills' };

export function buildMemberTemplate(offices: ReadonlyArray<{ id: number; name: string }>): Promise<Buffer> {
  return buildImportTemplate(MEMBER_SHEET, { 单位: offices.map(officeListEntry) }, [
    '委员批量导入 —— 填报说明',
    '1. 从“委员”表第 3 行起每行填写 1 名委员；第 2 行为填写提示，导入时忽略。',
    '2. “所属单位”填写您管辖范围内单位的全称或编号，可从下拉列表（代码表）中选择。',
    '3. 导入的委员状态均为“正常”；特殊情况不能履职的标注请在委员信息中逐人办理。',
    '4. 任何一行有错误时整个文件都不会导入，系统会列出每处错误的行、列和原因。',
  ]);
}
