/** The system's own routes (GET /api/health). */
import { z } from 'zod';

/** The start-up rebuild of the maintained statistics, while it runs (households by id: `done` of `total`). */
export const rebuildProgress = z.object({ done: z.number().int(), total: z.number().int(), percent: z.number().int() });

export const health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  /** Present while the statistics are being rebuilt in the background (the statistics answer 503 meanwhile). */
  rebuilding: rebuildProgress.optional(),
});
export type Health = z.output<typeof health>;
