import common from './common-passwords.json';

/**
 * The password policy (issue 9, “a password policy: length and a list of common passwords”): at least 10 characters,
 * and either at least 3 of the 4 character classes (lower case, upper case, digits, other characters) or at least 16
 * characters; not one of the commonly used passwords (`common-passwords.json`, compared without regard to case); not
 * the user name. Returns the reasons, in Chinese, each naming 密码; empty when the password is acceptable.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const LONG_PASSWORD_LENGTH = 16;
export const MAX_PASSWORD_LENGTH = 128;

const COMMON = new Set((common as string[]).map((p) => p.toLowerCase()));

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

export function passwordProblems(password: string, context: { username?: string } = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  const username = context.username?.trim().toLowerCase();
  if (username && password.toLowerCase().includes(username)) problems.push('密码不能包含用户名');
  if (isCommonPassword(password)) problems.push('密码过于常见，容易被猜中，请换一个');
  if (length < MIN_PASSWORD_LENGTH) problems.push(`密码至少 ${MIN_PASSWORD_LENGTH} 个字符`);
  else if (length > MAX_PASSWORD_LENGTH) problems.push(`密码最多 ${MAX_PASSWORD_LENGTH} 个字符`);
  else if (length < LONG_PASSWORD_LENGTH && characterClasses(password) < 3)
    problems.push(`密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类（或长度不少于 ${LONG_PASSWORD_LENGTH} 个字符）`);
  if ([...password].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) problems.push('密码不能包含控制字符');
  return problems;
}
