import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError } from '../../domain/shared/errors';
import { labelOf } from '../../domain/ledger/fields';

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
    const missing = /undefined|required/i.test(issue.message ?? '');
    return { field, label: labelOf(field), message: missing ? '必填' : '格式不正确' };
  });
}

/**
 * Every 500 is logged with its stack (issue 9): through the Fastify logger when it logs errors, else straight to stderr
 * (tests and embedders run with the logger off; the answer itself never carries the stack).
 */
function logServerError(request: FastifyRequest, error: Error): void {
  const log = request.log as FastifyRequest['log'] & { isLevelEnabled?: (level: string) => boolean };
  if (log.isLevelEnabled?.('error')) return log.error({ err: error, reqId: request.id }, `500 ${request.method} ${request.url.split("?")[0]}`);
  process.stderr.write(`[台账] 服务器内部错误 ${new Date().toISOString()} ${request.method} ${request.url.split('?')[0]} (${request.id}): ${error.stack ?? error.message}\n`);
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
    const status = error.statusCode ?? 500;
    if (status >= 500) logServerError(request, error);
    const message =
      status === 413 ? '上传的文件过大' : status === 415 ? '不支持的请求格式' : status < 500 ? '请求格式不正确' : '服务器内部错误，请稍后重试';
    return reply.status(status).send({ error: { code: status < 500 ? 'VALIDATION' : 'INTERNAL', message } });
  });
}

/** The 404 body of an unknown API path. */
export function notFoundBody(method: string, url: string) {
  return { error: { code: 'NOT_FOUND', message: `接口不存在：${method} ${url.split('?')[0]}` } };
}
