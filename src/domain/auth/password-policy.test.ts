import { describe, expect, it } from 'vitest';
import { characterClasses, passwordProblems } from './password-policy';

// Issue 9: “the only password rule is 8 characters (`password` accepted)” → a policy of length, classes, a list of
// common passwords and not the user name.
describe('passwordProblems', () => {
  it.each([
    ['password', 'zhang', ['密码过于常见，容易被猜中，请换一个', '密码至少 10 个字符']],
    ['12345678', 'zhang', ['密码过于常见，容易被猜中，请换一个', '密码至少 10 个字符']],
    ['admin123', 'zhang', ['密码过于常见，容易被猜中，请换一个', '密码至少 10 个字符']],
    ['qwertyuiop', 'zhang', ['密码过于常见，容易被猜中，请换一个', '密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类（或长度不少于 16 个字符）']],
    ['woaini1314', 'zhang', ['密码过于常见，容易被猜中，请换一个', '密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类（或长度不少于 16 个字符）']],
    ['1qaz!QAZ2wsx@WSX', 'zhang', ['密码过于常见，容易被猜中，请换一个']], // 16 characters, 4 classes, still common
    ['Admin@123456', 'zhang', ['密码过于常见，容易被猜中，请换一个']],
    ['Short1!', 'zhang', ['密码至少 10 个字符']],
    ['zhangsan-2020', 'zhangsan', ['密码不能包含用户名']],
    ['ZhangSan#2020x', 'zhangsan', ['密码不能包含用户名']],
    ['abcdefghij', 'zhang', ['密码过于常见，容易被猜中，请换一个', '密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类（或长度不少于 16 个字符）']],
    ['lowercaseonly12', 'zhang', ['密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类（或长度不少于 16 个字符）']],
    ['correct horse battery', 'zhang', []], // 16+ characters: classes not required
    ['Tz-ledger-2020', 'zhang', []],
    ['password-123', 'zhang', []], // 12 characters, 3 classes, not in the list
    ['扶贫台账工作Ab12', 'zhang', []], // Chinese characters count as other characters
    ['Tab\there1Aa', 'zhang', ['密码不能包含控制字符']],
  ])('%s (user %s) → %j', (password, username, problems) => {
    expect(passwordProblems(password, { username })).toEqual(problems);
  });

  it('counts the four classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('aB1-')).toBe(4);
  });
});
