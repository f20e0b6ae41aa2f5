/**
 * The typed fetch wrapper every feature uses to talk to the server (docs/api.md).
 * A failed request throws an ApiError carrying the server's `code`, `message` and `fields`.
 */

import type { FieldError } from '../../domain/shared/errors';

export type { FieldError };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** Any extra members of the error object, e.g. `existingId` (DUPLICATE) or `currentVersion` (STALE_VERSION). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toFieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  const out: FieldError[] = [];
  for (const item of v) {
    if (!isRecord(item)) continue;
    const fe: FieldError = {
      field: typeof item.field === 'string' ? item.field : '',
      label: typeof item.label === 'string' ? item.label : typeof item.field === 'string' ? item.field : '',
      message: typeof item.message === 'string' ? item.message : '',
    };
    if (typeof item.row === 'number') fe.row = item.row;
    if (typeof item.column === 'string') fe.column = item.column;
    out.push(fe);
  }
  return out;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求有误',
  401: '未登录或登录已过期，请重新登录',
  403: '没有权限进行此操作',
  404: '要访问的内容不存在',
  409: '数据冲突',
  413: '文件太大',
  422: '无法处理该请求',
  500: '服务器内部错误，请稍后再试',
  502: '服务器暂时无法访问，请稍后再试',
  503: '服务器暂时无法访问，请稍后再试',
};

/** Turns a response body (parsed or not) into an ApiError. */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, fields, ...rest } = body.error;
    return new ApiError(
      status,
      typeof code === 'string' ? code : `HTTP_${status}`,
      typeof message === 'string' && message ? message : (STATUS_MESSAGES[status] ?? `请求失败（${status}）`),
      toFieldErrors(fields),
      rest,
    );
  }
  return new ApiError(status, status === 401 ? 'UNAUTHENTICATED' : `HTTP_${status}`, STATUS_MESSAGES[status] ?? `请求失败（${status}）`);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API and returns the parsed JSON body (undefined for 204), or throws ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    signal: options.signal,
  };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) throw errorFromBody(response.status, body);
  return body as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => api<T>(path, { query, signal });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} });
export const put = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PUT', body: body ?? {} });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
export const del = <T = void>(path: string, query?: Query) => api<T>(path, { method: 'DELETE', query });

export interface UploadProgress {
  loaded: number;
  total: number;
  percent: number;
}

/**
 * Uploads a file as multipart/form-data (field `file`) with XMLHttpRequest, so that upload progress can be shown.
 * Resolves with the parsed JSON body, or rejects with ApiError.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  onProgress: (p: UploadProgress) => void,
  query?: Query,
): { promise: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', withQuery(path, query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ loaded: e.loaded, total: e.total, percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => onProgress({ loaded: file.size, total: file.size, percent: 100 });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '上传失败：无法连接服务器'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', '已取消上传'));
    xhr.onload = () => {
      let body: unknown = undefined;
      if (xhr.responseText) {
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = xhr.responseText;
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(errorFromBody(xhr.status, body));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** A user-facing message for any error thrown by a request. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return '操作失败';
}
