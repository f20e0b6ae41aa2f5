import { CADRE_LEVELS, ENTERPRISE_LEVELS, HELPER_KIND_LABELS, HELPER_KINDS, type HelperKind } from '../../domain/pairing/helper-eligibility';
import { buildImportTemplate, type ImportSheetSpec } from '../http/import-sheet';

/** The columns of the helpers' import: a 帮扶责任人's record as the 扶贫手册 names it (seed 004: 工作单位、职务、联系电话). */
export type HelperImportKey = 'name' | 'unit' | 'kind' | 'level' | 'post' | 'phone' | 'region';

export const HELPER_SHEET: ImportSheetSpec<HelperImportKey> = {
  sheet: '帮扶责任人',
  what: '帮扶责任人',
  columns: [
    { key: 'name', header: '姓名', width: 14, hint: '必填' },
    { key: 'unit', header: '工作单位', width: 30, hint: '必填，如 昭觉县农业农村局' },
    { key: 'kind', header: '人员类别', width: 26, hint: '党政机关、事业单位干部 / 企业管理人员', list: '人员类别' },
    { key: 'level', header: '层级', width: 12, hint: '干部：省/市/县/乡；企业：高层/中层', list: '层级' },
    { key: 'post', header: '职务', width: 16, hint: '如 副局长' },
    { key: 'phone', header: '联系电话', width: 18, hint: '如 0834-1234567' },
    { key: 'region', header: '所在地区代码', width: 18, hint: '12 位行政区划代码；空白为您所在单位的地区' },
  ],
};

/** Which column a helper field error belongs in. */
export const HELPER_COLUMN_OF: Partial<Record<string, HelperImportKey>> = { name: 'name', unit: 'unit', kind: 'kind', level: 'level', post: 'post', phone: 'phone', regionCode: 'region' };

/** The kind a cell names: its label (党政机关、事业单位干部) or its code (cadre); the cell as typed otherwise. */
export function helperKindOfCell(cell: string): string {
  const byLabel = HELPER_KINDS.find((k) => HELPER_KIND_LABELS[k] === cell);
  return byLabel ?? (cell.trim() as HelperKind);
}

/** A level as the domain spells it: `乡镇` and `乡级` read as 乡, `县级` as 县. */
export function helperLevelOfCell(cell: string): string {
  const t = cell.trim();
  if (t === '乡镇') return '乡';
  const m = /^([省市县乡村])级$/.exec(t);
  return m ? m[1]! : t;
}

export function buildHelperTemplate(): Promise<Buffer> {
  return buildImportTemplate(HELPER_SHEET, { 人员类别: HELPER_KINDS.map((k) => HELPER_KIND_LABELS[k]), 层级: [...CADRE_LEVELS.filter((l) => l !== '村'), ...ENTERPRISE_LEVELS.filter((l) => l !== '基层')] }, [
    '帮扶责任人批量导入 —— 填报说明',
    '1. 从“帮扶责任人”表第 3 行起每行填写 1 名帮扶责任人；第 2 行为填写提示，导入时忽略。',
    '2. 帮扶责任人须为乡镇以上党政机关、事业单位在编干部或企业中层以上管理人员：村级干部、企业基层人员不能担任（“帮扶联系人仅有村干部”是检查发现的问题）。',
    '3. “层级”：干部填单位层级（省、市、县、乡），企业管理人员填管理层级（高层、中层）。',
    '4. “所在地区代码”填写 12 位行政区划代码，须在您的管辖范围内；空白为您所在单位的地区。',
    '5. 任何一行有错误时整个文件都不会导入，系统会列出每处错误的行、列和原因。',
  ]);
}
