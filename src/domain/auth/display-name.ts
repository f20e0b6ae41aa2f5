/**
 * A user's display name (姓名) as others read it in lists, the audit log and sign-in greetings (issue 9: “an
 * administrator can give a user the display name 系统管理员”). 1–30 characters of Chinese, letters, digits, spaces and
 * the marks names use (· • - _ . ( ) （ ）); names that pass for the system's own administrator are reserved for the
 * system administrator's account.
 */
export const MAX_DISPLAY_NAME_LENGTH = 30;

const ALLOWED = /^[\p{Script=Han}A-Za-z0-9 ·•\-_.()（）]+$/u;
const RESERVED_EXACT = new Set(['系统', '系统管理', '管理', '超级用户', '超管', '管理者', '系统用户', '命令行', '台账']);
const RESERVED_LATIN = /^(admin|administrator|root|sysadmin|superuser|superadmin|system|sys|sa|webmaster)\d*$/;

function normalise(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•\-_.()（）]/g, '');
}

export function isReservedDisplayName(name: string): boolean {
  const n = normalise(name);
  return n.includes('管理员') || RESERVED_EXACT.has(n) || RESERVED_LATIN.test(n);
}

/** The reason the name cannot be given, naming 姓名; null when it can. */
export function displayNameProblem(name: string, context: { role: string }): string | null {
  const trimmed = name.trim();
  if (!trimmed) return '姓名：请填写姓名';
  if ([...trimmed].length > MAX_DISPLAY_NAME_LENGTH) return `姓名：最多 ${MAX_DISPLAY_NAME_LENGTH} 个字`;
  if (!ALLOWED.test(trimmed.normalize('NFKC'))) return '姓名：只能包含汉字、字母、数字、空格和 · - _ . ( ) 等名字中常用的符号';
  if (context.role !== 'sysadmin' && isReservedDisplayName(trimmed)) return `姓名：“${trimmed}”是保留名称，不能用作用户姓名`;
  return null;
}
