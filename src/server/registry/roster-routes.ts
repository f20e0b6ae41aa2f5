import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Auth, authOf, maySeeIdNumbers, requirePermission } from '../auth/access';
import { routeOptions } from '../http/route';
import { readUpload } from '../http/upload';
import { sendXlsx, streamBatchesXlsx, xlsxHeaders } from '../http/xlsx';
import { jobCreatedSchema, jobParams, JobRegistry, jobViewSchema } from '../http/jobs';
import { rosterExportQuery, rosterImportResult, ROSTER_JOB_PHASES, type RosterImportResult, type RosterJobPhase } from '../../contract/registry/roster';
import { villageParams } from '../../contract/registry/villages';
import type { Services } from '../services';
import { buildRosterTemplate, buildVillageOverviewXlsx, parseRoster, RosterFileError, writeRosterXlsx, type RosterRow } from './roster';
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
