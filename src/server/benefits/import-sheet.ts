import { BENEFIT_POLICIES, policiesOf, type BenefitDepartment } from '../../domain/benefits/catalog';
import { BENEFIT_COLUMNS, type BenefitColumnKey } from '../../domain/benefits/row';
import { buildImportTemplate, type ImportSheetSpec } from '../http/import-sheet';

/** The 政策享受 template: one benefit a row, the ID number as key (the row reader's columns, in order). */
export const BENEFIT_SHEET: ImportSheetSpec<BenefitColumnKey> = {
  sheet: '政策享受',
  what: '政策享受数据',
  columns: BENEFIT_COLUMNS.map((c) => ({ ...c, ...(c.key === 'policy' ? { list: '政策名称' } : {}) })),
};

export function buildBenefitTemplate(department?: BenefitDepartment): Promise<Buffer> {
  const policies = department ? policiesOf(department) : [...BENEFIT_POLICIES];
  return buildImportTemplate(BENEFIT_SHEET, { 政策名称: policies.map((p) => p.name) }, [
    `${department ? `${department}部门` : '行业部门'}政策享受数据导入 —— 填报说明`,
    '1. 从“政策享受”表第 3 行起每行填写 1 人（或 1 户）享受的 1 项政策；第 2 行为填写提示，导入时忽略。',
    '2. 身份证号为 18 位公民身份号码，请设为文本格式；须为本辖区建档立卡贫困人口。按户发放的政策（如低保金、危房改造补助）填写户主或领取人的身份证号。',
    '3. 金额为整数元；期间如 2019年春季学期、2019年3月，可留空；政策名称、年度留空时取导入时所选的政策和年度。',
    '4. 同一部门、政策、年度、期间再次导入时，替换此前导入的该批数据。',
    '5. 任何一行有错误时整个文件都不会导入，系统会列出每处错误的行、列和原因。',
  ]);
}
