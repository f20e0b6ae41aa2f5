import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/errors';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Auth, authOf, maySeeIdNumbers, requirePermission } from '../auth/access';
import { routeOptions } from '../http/route';
import { readUpload } from '../http/upload';
import { sendXlsx, streamBatchesXlsx, xlsxHeaders } from '../http/xlsx';
import { jobCreatedSchema, jobParams, JobRegistry, jobViewSchema } from '../http/jobs';
import { rosterBatchCreated, rosterBatchImportResult, rosterBatchQuery, rosterExportQuery, rosterImportResult, ROSTER_BATCH_PHASES, ROSTER_JOB_PHASES, type RosterBatchPhase, type RosterBatchResult, type RosterImportResult, type RosterJobPhase } from '../../contract/registry/roster';
import { villageParams } from '../../contract/registry/villages';
import type { Services } from '../services';
import { buildRosterTemplate, buildVillageOverviewXlsx, parseRoster, RosterFileError, rosterFormat, streamRoster, writeRosterXlsx, type RosterRow } from './roster';
import type { RosterProgress } from './roster-service';

const PHASE_LABELS: Record<RosterProgress['phase'], RosterJobPhase> = { validate: '校验', write: '写入' };

/**
 * The uploaded roster's rows: the permission is checked before a byte is read (the route's access, and here again), the file read within the roster's limits
 * (20 MB, 100,000 persons) in the parse worker; a missing, oversized or unreadable file is a 400 at once.
 */
async function readRosterUpload(req: FastifyRequest, auth: Auth): Promise<{ fileName: string; rows: RosterRow[] }> {
  requirePermission(auth, 'registry.write');
  const { fileName, content } = await readUpload(req, 'roster', '请选择要上传的 .xlsx 文件', parseRoster, RosterFileError);
  return { fileName, rows: content };
}

/** The largest national-size roster file accepted (about 10,000,000 persons as CSV). */
export const NATIONAL_ROSTER_BYTES = 2 * 1024 * 1024 * 1024;

const fileError = (message: string) => new AppError('VALIDATION', `导入文件：${message}`, { fields: [{ field: 'file', label: '导入文件', message }] });

/**
 * A national-size roster received to a temporary file as it arrives (never whole in memory), hashed on the way (a
 * retry under the same import id must bring the same file); refused past `maxBytes`.
 */
async function receiveToDisk(req: FastifyRequest, maxBytes: number): Promise<{ fileName: string; dir: string; file: string; bytes: number; sha256: string; head: Buffer }> {
  let part;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch {
    throw fileError('无法读取上传的内容：请以 multipart/form-data 上传（字段 file）');
  }
  if (!part) throw fileError('请选择要上传的 .csv 或 .xlsx 文件');
  const dir = await mkdtemp(path.join(tmpdir(), 'taizhang-roster-'));
  const file = path.join(dir, 'upload');
  const hash = createHash('sha256');
  let bytes = 0;
  let head = Buffer.alloc(0);
  try {
    await pipeline(
      part.file,
      new Transform({
        transform(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8)]);
          bytes += chunk.length;
          cb(null, chunk);
        },
      }),
      createWriteStream(file),
    );
    if (part.file.truncated) throw fileError(`文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限，请分批导入`);
    if (bytes === 0) throw fileError('文件为空');
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    if (err instanceof AppError) throw err;
    throw fileError('上传中断，请重新上传');
  }
  return { fileName: part.filename ?? '', dir, file, bytes, sha256: hash.digest('hex'), head };
}

/** Roster (花名册) template, import and export, and the village's 贫困户精准扶贫一览表 (issue 3). */
export async function rosterRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const roster = services.roster;
  const doc = routeOptions(['registry']);

  r.get('/api/registry/roster/template.xlsx', doc.file('下载贫困户花名册导入模板（每人一行）', '贫困户花名册导入模板（.xlsx）', { access: 'registry.write' }), async (req, reply) => {
    return sendXlsx(reply, '贫困户花名册模板.xlsx', await buildRosterTemplate(await roster.templateVillages(authOf(req))));
  });

  r.post('/api/registry/roster/import', doc.ok('导入花名册（整批校验，一行有错则全部不写入；重复导入不重复建档）', rosterImportResult, { access: 'registry.write' }), async (req) => {
    const auth = authOf(req);
    const { fileName, rows } = await readRosterUpload(req, auth);
    const result = await roster.importRoster(auth, rows);
    await services.audit.event(auth, 'upload', { what: '花名册导入', rows: rows.length, file: fileName, created: result.created, updated: result.updated });
    return result;
  });

  // The same import as a job, for large files: the upload is answered at once and the client polls the progress.
  const jobs = new JobRegistry<RosterImportResult, RosterJobPhase>({ onUnexpectedError: (err) => app.log.error(err), board: services.jobBoard });

  r.post(
    '/api/registry/roster/import-jobs',
    doc.accepted('导入花名册（后台任务）：文件读取无误即返回任务编号，之后查询进度与结果', jobCreatedSchema.describe('已接受：后台导入中，按任务编号查询进度'), {
      description: '与 POST /api/registry/roster/import 相同的导入（multipart/form-data，字段 file）。文件无法读取时立即返回 400；逐行校验的错误在任务失败时给出。',
      access: 'registry.write',
    }),
    async (req, reply) => {
      const auth = authOf(req);
      const { fileName, rows } = await readRosterUpload(req, auth);
      const jobId = jobs.start(auth.userId, { phase: '读取', done: rows.length, total: rows.length }, async (report) => {
        const result = await roster.importRoster(auth, rows, (p) => report({ phase: PHASE_LABELS[p.phase], done: p.done, total: p.total }));
        await services.audit.event(auth, 'upload', { what: '花名册导入', rows: rows.length, file: fileName, created: result.created, updated: result.updated });
        return result;
      });
      return reply.status(202).send({ jobId });
    },
  );

  r.get('/api/registry/roster/import-jobs/:id', doc.ok('查询花名册导入任务的进度与结果（仅发起导入的用户可见，完成 15 分钟后不再保留）', jobViewSchema(ROSTER_JOB_PHASES, rosterImportResult).describe('任务的状态、阶段与进度；完成时含结果，失败时含错误'), { params: jobParams, access: 'registry.write' }), async (req) =>

    jobs.get(authOf(req).userId, req.params.id),

  );

  // National-size files (issue 13): streamed to disk, read row by row, committed village by village; resumable.
  const batchJobs = new JobRegistry<RosterBatchResult, RosterBatchPhase>({ onUnexpectedError: (err) => app.log.error(err), board: services.jobBoard });

  r.post(
    '/api/registry/roster/import-batches',
    doc.accepted('分批导入花名册（全国规模的大文件，.csv 或 .xlsx）：按村分批校验、写入，可只校验不写入，失败后可续传', rosterBatchCreated.describe('已接受：后台导入中，按任务编号查询进度'), {
      description:
        '文件（multipart/form-data，字段 file）为 UTF-8 的 .csv（表头与花名册模板相同，可带 BOM）或 .xlsx，最大 2 GB。同一村的行须连在一起、同一户的成员须连在一起。' +
        'mode=check 只校验整个文件、不写入任何数据；mode=write 按村分批写入，每批一个事务：有错误的批次只回滚它自己，任务结束时列出失败的村（含行、列错误）和已写入的村；' +
        '修改后带 importId 重新上传（改正后的）文件，已写入的村会跳过，不会重复建档。',
      querystring: rosterBatchQuery,
      access: 'registry.write',
    }),
    async (req, reply) => {
      const auth = authOf(req);
      requirePermission(auth, 'registry.write');
      const { mode } = req.query;
      const importId = req.query.importId ?? randomUUID();
      const upload = await receiveToDisk(req, NATIONAL_ROSTER_BYTES);
      const format = rosterFormat(upload.head);
      if (format === 'xls') {
        await rm(upload.dir, { recursive: true, force: true });
        throw fileError('不支持旧版 .xls 文件：请在表格软件中另存为 .xlsx 或 .csv 后重新上传');
      }
      const size = upload.bytes;
      const jobId = batchJobs.start(auth.userId, { phase: '上传', done: size, total: size }, async (report) => {
        const counter = { bytes: 0 };
        let result: RosterBatchResult | undefined;
        try {
          result = await roster.importRosterStream(auth, streamRoster(createReadStream(upload.file, { highWaterMark: 1024 * 1024 }), format, counter), {
            importId,
            mode,
            fileName: upload.fileName,
            fileSha256: upload.sha256,
            onProgress: (p) => report({ phase: p.phase === 'validate' ? '校验' : '写入', done: counter.bytes, total: size, batches: { ...p.villages, rows: p.persons } }),
          });
          return result;
        } catch (err) {
          if (err instanceof RosterFileError) throw fileError(err.message);
          throw err;
        } finally {
          await rm(upload.dir, { recursive: true, force: true });
          if (mode === 'write')
            await services.audit.event(auth, 'upload', { what: '花名册分批导入', importId, file: upload.fileName, bytes: size, complete: !!result, created: result?.created ?? null, updated: result?.updated ?? null });
        }
      });
      return reply.status(202).send({ jobId, importId });
    },
  );

  r.get(
    '/api/registry/roster/import-batches/:id',
    doc.ok('查询分批导入任务的进度与结果（仅发起导入的用户可见，完成 15 分钟后不再保留）', jobViewSchema(ROSTER_BATCH_PHASES, rosterBatchImportResult).describe('任务的状态、阶段、批次进度；失败时含失败的村、已写入的村和逐行错误'), { params: jobParams, access: 'registry.write' }),
    async (req) => batchJobs.get(authOf(req).userId, req.params.id),
  );

  r.get('/api/registry/roster/export.xlsx', doc.file('导出花名册（每人一行，流式；无权查看时身份证号脱敏）', '贫困户花名册（.xlsx）', { querystring: rosterExportQuery, access: 'registry.read' }), async (req, reply) => {
     const auth = authOf(req);
     return streamBatchesXlsx(req, reply, xlsxHeaders('贫困户花名册.xlsx'), roster.exportRoster(auth, req.query), writeRosterXlsx, (rows) =>
       services.audit.event(auth, 'export', { what: '花名册导出', rows, masked: !maySeeIdNumbers(auth), region: req.query.region ?? auth.regionPrefix }),
     );
   });

  r.get('/api/registry/villages/:code/overview.xlsx', doc.file('导出村贫困户精准扶贫一览表', '村贫困户精准扶贫一览表（.xlsx）', { params: villageParams, access: 'registry.read' }), async (req, reply) => {
     const auth = authOf(req);
     const o = await roster.villageOverview(auth, req.params.code);
     const rows = o.households.reduce((n, h) => n + h.members.length, 0);
     await services.audit.event(auth, 'export', { what: '贫困户精准扶贫一览表导出', rows, households: o.households.length, masked: !maySeeIdNumbers(auth), region: req.params.code });
     return sendXlsx(reply, `${o.village.name}贫困户精准扶贫一览表.xlsx`, await buildVillageOverviewXlsx(o.village, o.households));
   });
}
