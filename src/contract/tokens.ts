/**
 * Personal API tokens (issue 11: “API tokens for system-to-system exchange … personal tokens with expiry and the
 * owner's permissions, revocable, every use in the audit log”): what the routes take and answer. A script sends the
 * token as `Authorization: Bearer tz_…`; the token itself is answered once, at creation, and never stored.
 */
import { z } from 'zod';
import { idParams, int, name } from './zod';

export const TOKEN_DAYS_DEFAULT = 90;
export const TOKEN_DAYS_MAX = 365;

export const tokenInput = z.object({
  name: name(50),
  /** How many days the token lives (1–365, 90 when not given). */
  days: int(1, TOKEN_DAYS_MAX).default(TOKEN_DAYS_DEFAULT),
});
export type TokenInput = z.input<typeof tokenInput>;

/** A token as its owner's list shows it: never the token, only its first characters. */
export const tokenItem = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenItem = z.output<typeof tokenItem>;
export const tokenList = z.object({ items: z.array(tokenItem) });

/** A new token: the token itself (`tz_` and 64 hex digits), shown this once. */
export const tokenCreated = z.object({ id: z.number(), name: z.string(), prefix: z.string(), expiresAt: z.string(), token: z.string() });
export type TokenCreated = z.output<typeof tokenCreated>;

export const tokenParams = idParams;
