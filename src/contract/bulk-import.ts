/**
 * Bulk import of users, members and helpers from .xlsx (issue 11): what POST /api/users/import,
 * /api/members/import and /api/pairing/helpers/import answer. A refused file answers 400 with every error by row
 * and column (`error.fields[]` with `row`, `column`, `label`, `message`) and writes nothing.
 */
import { z } from 'zod';

/** An account made by the import, with its generated first password (shown once; changed at the first sign-in). */
export const importedUser = z.object({
  row: z.number(),
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roleName: z.string(),
  orgName: z.string(),
  password: z.string(),
});
export type ImportedUser = z.output<typeof importedUser>;

export const userImportResult = z.object({ created: z.number(), users: z.array(importedUser) });
export type UserImportResult = z.output<typeof userImportResult>;

/** Members or helpers made by the import, in the file's order. */
export const recordImportResult = z.object({ created: z.number(), ids: z.array(z.number()) });
export type RecordImportResult = z.output<typeof recordImportResult>;
