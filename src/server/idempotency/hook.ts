/**
 * `Idempotency-Key` (issue 12): a phone's queued change is sent once even when the answer was lost on the way and the
 * phone sends it again. Any write (POST, PUT, PATCH, DELETE) of a signed-in user may carry the header; the first 2xx
 * answer is kept for that user and key (7 days) and a resend gets it again, with `Idempotency-Replayed: true`, the
 * handler not run. A non-2xx answer is not kept: a resend is decided afresh (a conflict may have been resolved). The key
 * is claimed before the body is read (so an upload is not read twice); a second request with the key while the first is
 * being handled is refused (409), and so is the key reused for another request (400).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/shared/errors';
import type { IdempotencyRepo } from './repo';

const HEADER = 'idempotency-key';
const KEY = /^[A-Za-z0-9_-]{8,100}$/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DAY = 24 * 3600_000;
/** How long kept answers live. */
export const KEEP_MS = 7 * DAY;
/** A claim with no answer after this long belongs to a request that never finished (the process stopped). */
export const STALE_MS = 2 * 60_000;
/** Headers of the first answer that a replay repeats. */
const REPLAYED_HEADERS = ['location'];

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string; replay: boolean } | null;
  }
}

function fieldError(message: string): AppError {
  return new AppError('VALIDATION', `Idempotency-Key：${message}`, { fields: [{ field: 'Idempotency-Key', label: 'Idempotency-Key', message }] });
}

/** Registers the hooks; call after the hooks that resolve `req.auth` and after those that mask answers (what is kept is what was sent). */
export function registerIdempotency(app: FastifyInstance, repo: IdempotencyRepo, now: () => Date): void {
  let lastPurge = 0;
  app.decorateRequest('idempotency', null);
  app.addHook('onRequest', async (req, reply) => {
    req.idempotency = null;
    const raw = req.headers[HEADER];
    if (raw === undefined || !WRITES.has(req.method) || !req.auth) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || !KEY.test(key)) throw fieldError('格式不正确（8–100 位字母、数字、- 或 _）');
    const at = now();
    if (at.getTime() - lastPurge > 3600_000) {
      lastPurge = at.getTime();
      await repo.purge(new Date(at.getTime() - KEEP_MS));
    }
    const claim = await repo.claim(req.auth.userId, key, `${req.method} ${req.url}`, at, new Date(at.getTime() - STALE_MS));
    switch (claim.kind) {
      case 'other':
        throw fieldError('已用于另一请求');
      case 'busy':
        throw new AppError('CONFLICT', '同一请求正在处理，请稍后重试');
      case 'kept': {
        req.idempotency = { key, replay: true };
        reply.code(claim.answer.status).header('idempotency-replayed', 'true');
        if (claim.answer.contentType) reply.header('content-type', claim.answer.contentType);
        for (const [name, value] of Object.entries(claim.answer.headers)) reply.header(name, value);
        return reply.send(claim.answer.body);
      }
      case 'claimed':
        req.idempotency = { key, replay: false };
        return;
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem || idem.replay || !req.auth) return payload;
    req.idempotency = null;
    const ok = reply.statusCode >= 200 && reply.statusCode < 300;
    if (ok && (typeof payload === 'string' || payload === null || payload === undefined)) {
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (typeof value === 'string') headers[name] = value;
      }
      const contentType = reply.getHeader('content-type');
      await repo.keep(req.auth.userId, idem.key, { status: reply.statusCode, contentType: typeof contentType === 'string' ? contentType : null, body: payload ?? '', headers });
    } else {
      await repo.release(req.auth.userId, idem.key);
    }
    return payload;
  });
}
