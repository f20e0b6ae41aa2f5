/** Codes of the errors domain and service code may raise; one mapper (server/http/errors.ts) turns them into HTTP. */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'DUPLICATE'
  | 'CONFLICT'
  | 'STALE_VERSION'
  | 'MEMBER_UNABLE'
  | 'RATE_LIMITED';

export interface FieldError {
  /** The field in error, as the API names it (e.g. `funds.donation`). */
  field: string;
  /** Its label as the user sees it (e.g. 个人捐款). */
  label: string;
  /** The reason, in Chinese. */
  message: string;
  /** For spreadsheets: the 1-based row and the column letter. */
  row?: number;
  column?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function validationError(fields: FieldError[]): AppError {
  const first = fields[0];
  const message = first
    ? fields.length === 1
      ? `${first.label}：${first.message}`
      : `${first.label}：${first.message}（共 ${fields.length} 处错误）`
    : '输入有误';
  return new AppError('VALIDATION', message, { fields });
}
