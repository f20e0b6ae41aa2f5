import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError } from '../../domain/shared/errors';
import { labelOf } from '../../domain/ledger/fields';
import { apiFieldLabel } from './zod';

/** The one place error codes become HTTP statuses (exhaustive). */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'DUPLICATE':
    case 'CONFLICT':
    case 'STALE_VERSION':
      return 409;
    case 'MEMBER_UNABLE':
      return 422;
  }
}

function zodFieldErrors(issues: ReadonlyArray<{ instancePath?: string; message?: string; params?: unknown }>): FieldError[] {
  return issues.map((issue) => {
    const field = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || 'body';
    const message = issue.message ?? '';
    const label = labelOf(field) !== field ? labelOf(field) : apiFieldLabel(field);
    // The building blocks of http/zod.ts give Chinese reasons; zod's own (English) messages become a short one.
    if (/[\u4e00-\u9fff]/.test(message)) return { field, label, message };
    return { field, label, message: /undefined|required/i.test(message) ? '必填' : '格式不正确' };
  });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const { fields, ...extra } = error.details;
      return reply
        .status(statusOf(error.code))
        .send({ error: { code: error.code, message: error.message, ...(fields ? { fields } : {}), ...extra } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = zodFieldErrors(error.validation);
      const first = fields[0];
      return reply.status(400).send({
        error: { code: 'VALIDATION', message: first ? `${first.label}：${first.message}` : '请求格式不正确', fields },
      });
    }
    const dataError = postgresDataError(error);
    if (dataError) return reply.status(400).send({ error: { code: 'VALIDATION', message: dataError.message, ...(dataError.fields ? { fields: dataError.fields } : {}) } });
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    const message =
      status === 413 ? '上传的文件过大' : status === 415 ? '不支持的请求格式' : status < 500 ? '请求格式不正确' : '服务器内部错误，请稍后重试';
    return reply.status(status).send({ error: { code: status < 500 ? 'VALIDATION' : 'INTERNAL', message } });
  });
}

/**
 * PostgreSQL's data errors (class 22, and 23502/23503): input the schemas let through but the database refused.
 * A safety net, so that no bad input ever answers 500: each becomes a 400 with a Chinese message (naming the column
 * when the database tells it). The statement failed, so its transaction wrote nothing. Unique violations (23505) are
 * not input errors: they are races, mapped to 409 elsewhere.
 */
const POSTGRES_DATA_ERRORS: Record<string, string> = {
  '22001': '输入的文字过长',
  '22003': '数值超出范围',
  '22007': '日期或时间格式不正确',
  '22008': '日期或时间不存在或超出范围',
  '22P02': '输入格式不正确',
  '22P05': '输入包含无法保存的字符',
  '22021': '输入包含无效字符',
  '22023': '输入的参数不正确',
  '22004': '缺少必填项',
  '22012': '数值计算出错（除以零）',
  '23502': '缺少必填项',
  '23503': '引用的记录不存在',
};

export function postgresDataError(error: unknown): { message: string; fields?: FieldError[] } | null {
  // Drizzle wraps the driver's error (`cause`); PGlite and pg both carry the SQLSTATE as `code`.
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !(code in POSTGRES_DATA_ERRORS)) continue;
    const reason = POSTGRES_DATA_ERRORS[code]!;
    const column = (e as { column?: unknown }).column;
    if (typeof column === 'string' && /^[a-z_]+$/.test(column)) {
      const field = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      const label = apiFieldLabel(field) !== field ? apiFieldLabel(field) : labelOf(field);
      return { message: `${label}：${reason}`, fields: [{ field, label, message: reason }] };
    }
    return { message: `${reason}，请检查后重新提交` };
  }
  return null;
}

/** Errors the router raises before any route runs (Fastify's `frameworkErrors`): a malformed or too long URL. */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  const message = status === 414 ? '请求地址中的参数过长' : '请求地址格式不正确';
  void reply.status(status).send({ error: { code: 'VALIDATION', message } });
}

/** The 404 body of an unknown API path. */
export function notFoundBody(method: string, url: string) {
  return { error: { code: 'NOT_FOUND', message: `接口不存在：${method} ${url.split('?')[0]}` } };
}
