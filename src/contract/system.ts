/** The system's own routes (GET /api/health). */
import { z } from 'zod';

export const health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() });
export type Health = z.output<typeof health>;
