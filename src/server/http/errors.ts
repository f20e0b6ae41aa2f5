import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError } from '../../domain/shared/errors';
import { fieldLabel, labelsOfRoute, type FieldLabels } from './labels';

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
    case 'RATE_LIMITED':
      return 429;
  }
}

/** Schema errors as field errors, each labelled in the words of the route's feature (`labels`, see http/labels.ts). */
function zodFieldErrors(issues: ReadonlyArray<{ instancePath?: string; message?: string; params?: unknown }>, labels: FieldLabels | undefined): FieldError[] {
  return issues.map((issue) => {
    const field = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || 'body';
    const message = issue.message ?? '';
    const label = fieldLabel(field, labels);
    // The building blocks of contract/zod.ts give Chinese reasons; zod's own (English) messages become a short one.
    if (/[\u4e00-\u9fff]/.test(message)) return { field, label, message };
    return { field, label, message: /undefined|required/i.test(message) ? '必填' : '格式不正确' };
  });
}

/**
 * The unique keys a user can run into (two saves at once, or a duplicate a service's own check could not see yet),
 * by constraint name: the field and its label. The message never repeats the values (they may be another scope's).
 */
const UNIQUE_KEYS: Record<string, { field: string; label: string; message?: string }> = {
  persons_id_number_unique: { field: 'persons', label: '身份证号', message: '该身份证号已在其他户登记，一人只能属于一户' },
  households_village_number: { field: 'number', label: '户编号', message: '本村已有该户编号' },
  users_username_unique: { field: 'username', label: '用户名', message: '该用户名已被使用' },
  procedures_certificate_no: { field: 'certificateNo', label: '脱贫光荣证编号' },
  procedure_definitions_key: { field: 'steps', label: '程序定义', message: '该程序刚被他人调整，请刷新后重试' },
  certificate_counters_county_year_pk: { field: 'certificateNo', label: '脱贫光荣证编号' },
  assessment_schemes_code_unique: { field: 'code', label: '方案代码', message: '该方案代码已被使用' },
  poverty_lines_key: { field: 'year', label: '扶贫标准', message: '该年度和范围的扶贫标准已存在' },
  ledger_entry_members_entry_id_member_id_pk: { field: 'memberIds', label: '参与委员', message: '同一委员不能重复列入' },
  household_incomes_household_id_year_pk: { field: 'year', label: '收入年度', message: '该户该年度的收入已存在' },
  village_profiles_pkey: { field: 'villageCode', label: '村', message: '该村信息已存在' },
  village_year_figures_region_code_year_pk: { field: 'year', label: '年度', message: '该村该年度的数据已存在' },
  department_list_rows_list_id_row_no_pk: { field: 'file', label: '名单行号', message: '名单行号重复' },
  assessment_units_round_id_unit_key_pk: { field: 'unitKey', label: '考核对象', message: '该考核对象已在本轮中' },
  assessment_scores_round_id_unit_key_method_key_indicator_key_pk: { field: 'scores', label: '评分', message: '同一指标的评分重复' },
  change_requests_open_target: { field: 'householdId', label: '户情变更', message: '该户的这项变更已有待审核或被退回的申请（可能是他人刚刚同时提交），请先处理该申请' },
  year_reports_region_year_uq: { field: 'year', label: '年度报送', message: '该地区该年度已报送（可能是他人刚刚同时提交），请刷新后查看' },
};

/**
 * A unique violation (SQLSTATE 23505, from node-postgres and PGlite alike, possibly wrapped by the query builder) as
 * a 409 naming the field; anything else: undefined.
 */
export function uniqueViolationError(error: unknown): AppError | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++, e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code !== '23505') continue;
    const key = typeof constraint === 'string' ? UNIQUE_KEYS[constraint] : undefined;
    if (!key) return new AppError('DUPLICATE', '与已有记录重复（可能是他人刚刚同时提交），请刷新后重试');
    const message = key.message ?? `${key.label}重复（可能是他人刚刚同时提交），请刷新后重试`;
    return new AppError('DUPLICATE', `${key.label}：${message}`, { fields: [{ field: key.field, label: key.label, message }] });
  }
  return undefined;
}

/**
 * Every 500 is logged with its stack (issue 9): through the Fastify logger when it logs errors, else straight to stderr
 * (tests and embedders run with the logger off; the answer itself never carries the stack).
 */
function logServerError(request: FastifyRequest, error: Error): void {
  const log = request.log as FastifyRequest['log'] & { isLevelEnabled?: (level: string) => boolean };
  if (log.isLevelEnabled?.('error')) return log.error({ err: error, reqId: request.id }, `500 ${request.method} ${request.url.split('?')[0]}`);
  process.stderr.write(`[台账] 服务器内部错误 ${new Date().toISOString()} ${request.method} ${request.url.split('?')[0]} (${request.id}): ${error.stack ?? error.message}\n`);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError | AppError, request, reply) => {
    const labels = labelsOfRoute(request.routeOptions.url ?? request.url);
    const error = uniqueViolationError(thrown) ?? thrown;
    if (error instanceof AppError) {
      const { fields, ...extra } = error.details;
      return reply
        .status(statusOf(error.code))
        .send({ error: { code: error.code, message: error.message, ...(fields ? { fields } : {}), ...extra } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = zodFieldErrors(error.validation, labels);
      const first = fields[0];
      return reply.status(400).send({
        error: { code: 'VALIDATION', message: first ? `${first.label}：${first.message}` : '请求格式不正确', fields },
      });
    }
    const dataError = postgresDataError(error, labels);
    if (dataError) return reply.status(400).send({ error: { code: 'VALIDATION', message: dataError.message, ...(dataError.fields ? { fields: dataError.fields } : {}) } });
    const status = error.statusCode ?? 500;
    if (status >= 500) logServerError(request, error);
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

export function postgresDataError(error: unknown, labels?: FieldLabels): { message: string; fields?: FieldError[] } | null {
  // Drizzle wraps the driver's error (`cause`); PGlite and pg both carry the SQLSTATE as `code`.
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !(code in POSTGRES_DATA_ERRORS)) continue;
    const reason = POSTGRES_DATA_ERRORS[code]!;
    const column = (e as { column?: unknown }).column;
    if (typeof column === 'string' && /^[a-z_]+$/.test(column)) {
      const field = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      const label = fieldLabel(field, labels);
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
