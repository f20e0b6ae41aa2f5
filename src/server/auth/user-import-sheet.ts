import { DEPARTMENTS } from '../../domain/compare/departments';
import { USERNAME_RULE } from '../../domain/auth/username';
import { buildImportTemplate, officeListEntry, type ImportSheetSpec } from '../http/import-sheet';

/**
 * The columns of the users' import (issue 11): the account, its office and role, and the record its role narrows it
 * to — the 帮扶责任人's helper record (by its 编号, or its name with the phone when two share the name), the 委员's
 * member record, the 部门数据员's department.
 */
export type UserImportKey = 'username' | 'displayName' | 'org' | 'role' | 'department' | 'helper' | 'helperPhone' | 'member';

export const USER_SHEET: ImportSheetSpec<UserImportKey> = {
  sheet: '用户',
  what: '用户',
  columns: [
    { key: 'username', header: '用户名', width: 16, hint: `必填，${USERNAME_RULE}` },
    { key: 'displayName', header: '姓名', width: 12, hint: '必填' },
    { key: 'org', header: '单位', width: 32, hint: '单位全称或编号（见代码表）', list: '单位' },
    { key: 'role', header: '角色', width: 16, hint: '见代码表，如 村级信息员', list: '角色' },
    { key: 'department', header: '部门', width: 14, hint: '部门数据员必填', list: '部门' },
    { key: 'helper', header: '帮扶责任人', width: 16, hint: '帮扶责任人账号必填：姓名或编号' },
    { key: 'helperPhone', header: '帮扶责任人电话', width: 18, hint: '同名帮扶责任人时填写' },
    { key: 'member', header: '对应委员', width: 14, hint: '政协委员账号必填：姓名或编号' },
  ],
};

/** Which column a user field error belongs in. */
export const USER_COLUMN_OF: Partial<Record<string, UserImportKey>> = {
  username: 'username',
  displayName: 'displayName',
  orgId: 'org',
  role: 'role',
  department: 'department',
  helperId: 'helper',
  memberId: 'member',
};

export function buildUserTemplate(offices: ReadonlyArray<{ id: number; name: string }>, roleNames: readonly string[]): Promise<Buffer> {
  return buildImportTemplate(USER_SHEET, { 单位: offices.map(officeListEntry), 角色: roleNames, 部门: DEPARTMENTS }, [
    '用户批量导入 —— 填报说明',
    '1. 从“用户”表第 3 行起每行填写 1 个账号；第 2 行为填写提示，导入时忽略。',
    '2. “单位”填写您管辖范围内单位的全称或编号；“角色”只能选择代码表所列、您可以授予的角色。',
    '3. 帮扶责任人账号须填写“帮扶责任人”（姓名或编号，须已在帮扶责任人名单中；同名时再填联系电话），登录后只看到其联系的贫困户。',
    '4. 部门数据员账号须填写“部门”；政协委员账号须填写“对应委员”（所属单位的委员姓名或编号）。',
    '5. 每个账号的初始密码由系统生成，导入成功后只显示一次，请妥善转交；用户首次登录须修改密码。',
    '6. 任何一行有错误时整个文件都不会导入，系统会列出每处错误的行、列和原因。',
  ]);
}
