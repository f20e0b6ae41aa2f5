import { describe, expect, it } from 'vitest';
import { displayNameProblem } from './display-name';

// Issue 9: “an administrator can give a user the display name 系统管理员”.
describe('displayNameProblem', () => {
  it.each([
    ['张三', 'org_admin', null],
    ['阿依·吉克', 'member', null],
    ['Li Wei', 'member', null],
    ['王干部（驻村）', 'member', null],
    ['系统科王五', 'member', null], // 系统 inside a longer name is a name
    ['系统管理员', 'org_admin', '姓名：“系统管理员”是保留名称，不能用作用户姓名'],
    ['系统 管理员', 'member', '姓名：“系统 管理员”是保留名称，不能用作用户姓名'],
    ['管理员', 'member', '姓名：“管理员”是保留名称，不能用作用户姓名'],
    ['县管理员', 'org_admin', '姓名：“县管理员”是保留名称，不能用作用户姓名'],
    ['Admin', 'org_admin', '姓名：“Admin”是保留名称，不能用作用户姓名'],
    ['ＡＤＭＩＮ', 'org_admin', '姓名：“ＡＤＭＩＮ”是保留名称，不能用作用户姓名'], // full-width letters
    ['root1', 'member', '姓名：“root1”是保留名称，不能用作用户姓名'],
    ['系统管理员', 'sysadmin', null], // the system administrator's account keeps its name
    ['', 'member', '姓名：请填写姓名'],
    ['   ', 'member', '姓名：请填写姓名'],
    ['张'.repeat(31), 'member', '姓名：最多 30 个字'],
    ['张三<script>', 'member', '姓名：只能包含汉字、字母、数字、空格和 · - _ . ( ) 等名字中常用的符号'],
    ['张\u200b三', 'member', '姓名：只能包含汉字、字母、数字、空格和 · - _ . ( ) 等名字中常用的符号'],
  ])('%s as %s → %s', (name, role, problem) => {
    expect(displayNameProblem(name, { role })).toBe(problem);
  });
});
