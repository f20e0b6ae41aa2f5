import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodType } from 'zod';
import { fileAnswer, noContent } from '../../contract/common';
import type { Permission } from '../../domain/auth/permissions';
import { authOf, requirePermission } from '../auth/access';

/**
 * Who may call a route: anyone (`public`: sign-in, health), any signed-in user (`signedIn`: their own account, the
 * codebook), or a user whose role holds the permission. Checked here, before the handler reads a byte of the request
 * (an upload is refused before it is received); the scope of the records named is the service's check.
 */
export type Access = Permission | 'signedIn' | 'public';

/** What a route takes, each part a schema from `src/contract`, and who may call it. */
export interface RouteInput {
  params?: ZodType;
  querystring?: ZodType;
  body?: ZodType;
  /** More words for the OpenAPI document than the summary holds. */
  description?: string;
  access?: Access;
}

/** Answers 201 (the handler returns the record it made). */
async function created(_req: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.code(201);
}

const checks = new Map<Access, preHandlerAsyncHookHandler>();
/** The route's access check, one function per kind of access. */
function accessCheck(access: Access): preHandlerAsyncHookHandler {
  let check = checks.get(access);
  if (!check) {
    check =
      access === 'public'
        ? async () => {}
        : access === 'signedIn'
          ? async (req) => void authOf(req)
          : async (req) => requirePermission(authOf(req), access);
    checks.set(access, check);
  }
  return check;
}

/**
 * The options of a feature's routes, declared the one way: a summary (the OpenAPI document's, in Chinese), the
 * request's parts, who may call it (`access`, kept in the route's `config` for the permission-matrix test) and the
 * answer's schema. `ok` answers 200, `created` 201 (set before the handler runs, so a handler only returns what it
 * made), `accepted` declares a 202 (work started in the background; the handler sets the code), `empty` a 204 (its
 * handler sends `reply.code(204).send(null)`) and `file` a download (`what` describes it; the handler writes it with its
 * headers). Fastify's zod type provider reads the types of `req` from the result.
 */
export function routeOptions(tags: string[]) {
  const options = <I extends RouteInput, R extends Record<number, ZodType>>(summary: string, input: I, response: R, status?: 201) => {
    const { access, ...parts } = input;
    const preHandler: preHandlerAsyncHookHandler[] = [];
    if (access) preHandler.push(accessCheck(access));
    if (status === 201) preHandler.push(created);
    return { schema: { tags, summary, ...(parts as Omit<I, 'access'>), response }, config: { access }, preHandler };
  };
  return {
    ok: <R extends ZodType, I extends RouteInput = Record<never, never>>(summary: string, response: R, input: I = {} as I) => options(summary, input, { 200: response }),
    created: <R extends ZodType, I extends RouteInput = Record<never, never>>(summary: string, response: R, input: I = {} as I) => options(summary, input, { 201: response }, 201),
    accepted: <R extends ZodType, I extends RouteInput = Record<never, never>>(summary: string, response: R, input: I = {} as I) => options(summary, input, { 202: response }),
    empty: <I extends RouteInput = Record<never, never>>(summary: string, input: I = {} as I) => options(summary, input, { 204: noContent }),
    file: <I extends RouteInput = Record<never, never>>(summary: string, what: string, input: I = {} as I) => options(summary, input, { 200: fileAnswer(what) }),
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (src/server/http/route.ts). */
    access?: Access;
  }
}
