/** The roster (花名册) of the registry: import (at once or as a job), export, and the village's 一览表. */
import { z } from 'zod';
import { regionPrefix } from '../zod';

/** What an import did: the file's households and persons, and how many households were new, changed, left as they were. */
export const rosterImportResult = z.object({
  households: z.number().int().describe('文件中的户数'),
  persons: z.number().int().describe('文件中的人数'),
  created: z.number().int().describe('新增户'),
  updated: z.number().int().describe('更新户'),
  unchanged: z.number().int().describe('未变化户'),
});
export type RosterImportResult = z.output<typeof rosterImportResult>;

/**
 * A batched import of a national-size file (issue 13): the counts of the rows processed in this run, the villages
 * written (done), failed and skipped (written by an earlier run under the same import id).
 */
export const rosterBatchImportResult = rosterImportResult.extend({
  importId: z.string().describe('导入编号：失败后用同一编号重新导入改正后的文件，已写入的村会跳过'),
  mode: z.enum(['check', 'write']).describe('check 只校验不写入；write 按村分批写入'),
  villages: z.object({
    done: z.number().int().describe('本次写入（校验通过）的村数'),
    failed: z.number().int().describe('有错误未写入的村数'),
    skipped: z.number().int().describe('此前已写入、本次跳过的村数'),
  }),
  skippedPersons: z.number().int().describe('跳过的人数（此前已写入的村）'),
});
export type RosterBatchResult = z.output<typeof rosterBatchImportResult>;

/** The answer to a batched import: the job to poll, and the import's id (to go on with it after a failure). */
export const rosterBatchCreated = z.object({
  jobId: z.string().describe('任务编号，用于查询进度'),
  importId: z.string().describe('导入编号：失败后带上它重新上传改正后的文件，已写入的村会跳过'),
});

/** POST /api/registry/roster/import-batches: check only, or write; an import id to go on with a failed import. */
export const rosterBatchQuery = z.object({
  mode: z.enum(['check', 'write']).default('write').describe('check 只校验整个文件、不写入；write 按村分批写入'),
  importId: z
    .string()
    .regex(/^[0-9a-f-]{36}$/)
    .optional()
    .describe('继续一次未完成的导入：其导入编号（已写入的村跳过）'),
});

/** The counts of an import in words, in the order the result page shows them. */
export const ROSTER_COUNT_LABELS: Readonly<Record<keyof RosterImportResult, string>> = {
  households: '户数',
  persons: '人数',
  created: '新增户',
  updated: '更新户',
  unchanged: '未变化户',
};

/** Phases of a roster import job as the user reads them: the file read, every row checked, households written. */
export const ROSTER_JOB_PHASES = ['读取', '校验', '写入'] as const;
export type RosterJobPhase = (typeof ROSTER_JOB_PHASES)[number];

/** Phases of a batched (national-size) import job: the file received, then every village checked or written. */
export const ROSTER_BATCH_PHASES = ['上传', '校验', '写入'] as const;
export type RosterBatchPhase = (typeof ROSTER_BATCH_PHASES)[number];

/** GET /api/registry/roster/export.xlsx: under a region (default: the user's scope). */
export const rosterExportQuery = z.object({ region: regionPrefix().optional() });
