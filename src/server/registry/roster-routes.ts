import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/shared/errors';
import { authOf } from '../auth/access';
import type { Services } from '../services';
import { buildRosterTemplate, buildVillageOverviewXlsx, parseRoster, RosterFileError, writeRosterXlsx } from './roster';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(name: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Roster (花名册) template, import and export, and the village's 贫困户精准扶贫一览表 (issue 3). */
export async function rosterRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const roster = services.roster;
  const tags = ['registry'];

  r.get('/api/registry/roster/template.xlsx', { schema: { tags, summary: '下载贫困户花名册导入模板（每人一行）' } }, async (req, reply) => {
    authOf(req);
    return reply.header('content-type', XLSX).header('content-disposition', attachment('贫困户花名册模板.xlsx')).send(await buildRosterTemplate());
  });

  r.post('/api/registry/roster/import', { schema: { tags, summary: '导入花名册（整批校验，一行有错则全部不写入；重复导入不重复建档）' } }, async (req) => {
    const auth = authOf(req);
    const file = await req.file();
    if (!file) throw new AppError('VALIDATION', '导入文件：请选择要上传的 .xlsx 文件', { fields: [{ field: 'file', label: '导入文件', message: '请选择要上传的 .xlsx 文件' }] });
    const buffer = await file.toBuffer();
    let rows;
    try {
      rows = await parseRoster(buffer);
    } catch (err) {
      if (err instanceof RosterFileError) throw new AppError('VALIDATION', err.message, { fields: [{ field: 'file', label: '导入文件', message: err.message }] });
      throw err;
    }
    return roster.importRoster(auth, rows);
  });

  r.get(
    '/api/registry/roster/export.xlsx',
    { schema: { tags, summary: '导出花名册（每人一行，流式；无权查看时身份证号脱敏）', querystring: z.object({ region: z.string().optional() }) } },
    async (req, reply) => {
      const auth = authOf(req);
      const batches = roster.exportRoster(auth, req.query);
      // The first page is read before the headers go out, so that a scope error still gets a proper status.
      const first = await batches.next();
      const out = new PassThrough();
      reply.header('content-type', XLSX).header('content-disposition', attachment('贫困户花名册.xlsx')).send(out);
      async function* all() {
        if (!first.done) yield first.value;
        yield* batches;
      }
      writeRosterXlsx(out, all()).catch((err: unknown) => {
        req.log.error(err);
        out.destroy(err as Error);
      });
      return reply;
    },
  );

  r.get(
    '/api/registry/villages/:code/overview.xlsx',
    { schema: { tags, summary: '导出村贫困户精准扶贫一览表', params: z.object({ code: z.string() }) } },
    async (req, reply) => {
      const o = await roster.villageOverview(authOf(req), req.params.code);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${o.village.name}贫困户精准扶贫一览表.xlsx`))
        .send(await buildVillageOverviewXlsx(o.village, o.households));
    },
  );
}
