import { AppError } from '../domain/shared/errors';
import { migrateDatabase } from '../server/db/connection';
import { buildServices } from '../server/services';
import { openConfiguredDatabase } from './env';

export const USER_HELP = `  user reset-password <用户名>   重置用户密码：随机生成并显示一次（用户下次登录须修改），
                                或使用环境变量 TAIZHANG_NEW_PASSWORD 中的密码；该用户的全部会话随即结束`;

/** A block that stands out from the log lines around it, for a password shown once. */
export function passwordBanner(title: string, lines: string[]): string {
  const width = Math.max(title.length, ...lines.map((l) => l.length)) * 2 + 4;
  const bar = '═'.repeat(Math.min(Math.max(width, 40), 72));
  return ['', `╔${bar}`, `║  ${title}`, '║', ...lines.map((l) => `║    ${l}`), `╚${bar}`, ''].join('\n') + '\n';
}

let pendingAdminBanner: string | undefined;

/** First start: the generated administrator password, to be shown once after start-up (not among the import log). */
export function rememberAdminPassword(password: string | undefined): void {
  if (!password) return;
  pendingAdminBanner = passwordBanner('已创建系统管理员账号（此密码只显示这一次，请立即妥善保存）', [
    '用户名：admin',
    `初始密码：${password}`,
    '首次登录后须修改密码。忘记密码时可运行：taizhang user reset-password admin',
  ]);
}

export function printAdminBanner(): void {
  if (!pendingAdminBanner) return;
  process.stdout.write(pendingAdminBanner);
  pendingAdminBanner = undefined;
}

/** `taizhang user …`: account commands run by whoever owns the database. Returns the exit code. */
export async function userCommand(args: string[]): Promise<number> {
  const [sub, username] = args;
  if (sub !== 'reset-password' || !username) {
    process.stderr.write(`用法：\n${USER_HELP}\n`);
    return 2;
  }
  const database = await openConfiguredDatabase();
  try {
    await migrateDatabase(database);
    const services = buildServices(database);
    const result = await services.auth.resetPasswordByName(username, process.env.TAIZHANG_NEW_PASSWORD || undefined);
    if (result.generated)
      process.stdout.write(
        passwordBanner(`已重置用户 ${username} 的密码（此密码只显示这一次）`, [`新密码：${result.password}`, '该用户的全部会话已结束；下次登录后须修改密码。']),
      );
    else process.stdout.write(`[台账] 已将用户 ${username} 的密码设为 TAIZHANG_NEW_PASSWORD 中的密码；该用户的全部会话已结束\n`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`[台账] 重置失败：${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}
