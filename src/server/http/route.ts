import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { fileAnswer, noContent } from '../../contract/common';

/** What a route takes, each part a schema from `src/contract`. */
export interface RouteInput {
  params?: ZodType;
  querystring?: ZodType;
  body?: ZodType;
  /** More words for the OpenAPI document than the summary holds. */
  description?: string;
}

/** Answers 201 (the handler returns the record it made). */
async function created(_req: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.code(201);
}

/**
 * The options of a feature's routes, declared the one way: a summary (the OpenAPI document's, in Chinese), the
 * request's parts and the answer's schema. `ok` answers 200, `created` 201 (set before the handler runs, so a handler
 * only returns what it made), `accepted` declares a 202 (work started in the background; the handler sets the code), `empty` declares a 204 (its handler sends `reply.code(204).send(null)`) and `file` a
 * download (`what` describes it; the handler writes it with its headers). Fastify's zod type provider reads the types of `req` from the result.
 */
export function routeOptions(tags: string[]) {
  const schema = <I extends RouteInput, R extends Record<number, ZodType>>(summary: string, input: I, response: R) => ({ tags, summary, ...input, response });
  return {
    ok: <R extends ZodType, I extends RouteInput = Record<never, never>>(summary: string, response: R, input: I = {} as I) => ({ schema: schema(summary, input, { 200: response }) }),
    created: <R extends ZodType, I extends RouteInput = Record<never, never>>(summary: string, response: R, input: I = {} as I) => ({
      schema: schema(summary, input, { 201: response }),
      preHandler: created,
    }),
    accepted: <R extends ZodType, I extends RouteInput = Record<never, never>>(summary: string, response: R, input: I = {} as I) => ({ schema: schema(summary, input, { 202: response }) }),
    empty: <I extends RouteInput = Record<never, never>>(summary: string, input: I = {} as I) => ({ schema: schema(summary, input, { 204: noContent }) }),
    file: <I extends RouteInput = Record<never, never>>(summary: string, what: string, input: I = {} as I) => ({ schema: schema(summary, input, { 200: fileAnswer(what) }) }),
  };
}
