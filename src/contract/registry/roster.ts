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

/** GET /api/registry/roster/export.xlsx: under a region (default: the user's scope). */
export const rosterExportQuery = z.object({ region: regionPrefix().optional() });
