import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { yearOf } from '../../domain/shared/dates';
import { AppError } from '../../domain/shared/errors';
import { authOf, maySeeIdNumbers } from '../auth/access';
import { bool, coercedInt, id, idParams, int, list, money, name, oneOf, optionalBool, optionalInt, page, pageSize, smallInt, text } from '../../contract/zod';
import { receiveFile } from '../http/upload';
import { streamBatchesXlsx } from '../http/xlsx';
import type { Services } from '../services';
import { buildSummaryXlsx, buildTemplate, ImportFileError, parseImport, writeEntriesXlsx } from './excel';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const amount = money().nullish();
/** The request shape; every rule of seed 000 is checked in the domain (validateEntry) with field-named messages. */
const entryBody = z.object({
  orgId: id(),
  memberIds: list(id(), 500).optional(),
  subtypeCode: name(10),
  count: int().nullish(),
  target: z.object({ kind: oneOf(['region', 'text']), regionCode: name(12).nullish(), text: name(200).nullish() }).nullable(),
  content: text(5000),
  funds: z.object({ donation: amount, personal: amount, social: amount, bank: amount, fiscal: amount }).partial().optional(),
  beneficiaries: int().nullish(),
  deepPoverty: bool().nullish(),
  startYear: smallInt(),
  endYear: smallInt().nullish(),
  documentNumber: name(100).nullish(),
  notOfficialDuty: bool().optional().describe('确认本事项不属于委员职务履职；须为 true'),
});

const filters = {
  orgId: optionalInt,
  yearFrom: optionalInt,
  yearTo: optionalInt,
  categoryCode: z.string().regex(/^\d{2}$/).optional(),
  subtypeCode: z.string().regex(/^\d{4}$/).optional(),
  deepPoverty: optionalBool,
  q: name(100).optional(),
};

function attachment(name: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function ledgerRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ledger = services.ledger;
  const thisYear = () => yearOf(services.now());
  const years = { yearFrom: optionalInt, yearTo: optionalInt };

  r.get('/api/ledger/codebook', { schema: { tags: ['ledger'], summary: '台账指标（8 大类 35 小类）' } }, async (req) => (authOf(req), ledger.codebook()));

  r.get('/api/ledger/entries', { schema: { tags: ['ledger'], summary: '事项列表', querystring: z.object({ ...filters, page, pageSize }) } }, async (req) =>
    ledger.list(authOf(req), req.query),
  );
  r.post('/api/ledger/entries', { schema: { tags: ['ledger'], summary: '录入事项', body: entryBody } }, async (req, reply) =>
    reply.status(201).send(await ledger.create(authOf(req), req.body)),
  );
  r.get('/api/ledger/entries/:id', { schema: { tags: ['ledger'], summary: '事项详情', params: idParams } }, async (req) => ledger.get(authOf(req), req.params.id));
  r.patch(
    '/api/ledger/entries/:id',
    { schema: { tags: ['ledger'], summary: '修改事项（须带 version）', params: idParams, body: entryBody.partial().extend({ version: int() }) } },
    async (req) => ledger.update(authOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/ledger/entries/:id',
    { schema: { tags: ['ledger'], summary: '删除事项', params: idParams, querystring: z.object({ version: coercedInt() }) } },
    async (req, reply) => {
      await ledger.remove(authOf(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  r.get('/api/ledger/entries/:id/history', { schema: { tags: ['ledger'], summary: '事项修改历史', params: idParams } }, async (req) =>
    ledger.history(authOf(req), req.params.id),
  );

  r.get('/api/ledger/summary', { schema: { tags: ['ledger'], summary: '汇总（单位及其下级，按开始年度）', querystring: z.object({ orgId: optionalInt, ...years }) } }, async (req) =>
    ledger.summary(authOf(req), { orgId: req.query.orgId, yearFrom: req.query.yearFrom ?? thisYear(), yearTo: req.query.yearTo ?? req.query.yearFrom ?? thisYear() }),
  );
  r.get(
    '/api/ledger/summary/members',
    { schema: { tags: ['ledger'], summary: '委员个人参与情况', querystring: z.object({ orgId: optionalInt, ...years, page, pageSize }) } },
    async (req) =>
      ledger.memberSummary(authOf(req), {
        ...req.query,
        yearFrom: req.query.yearFrom ?? thisYear(),
        yearTo: req.query.yearTo ?? req.query.yearFrom ?? thisYear(),
      }),
  );
  r.get('/api/ledger/summary.xlsx', { schema: { tags: ['ledger'], summary: '导出汇总表', querystring: z.object({ orgId: optionalInt, ...years }) } }, async (req, reply) => {
    const summary = await ledger.summary(authOf(req), {
      orgId: req.query.orgId,
      yearFrom: req.query.yearFrom ?? thisYear(),
      yearTo: req.query.yearTo ?? req.query.yearFrom ?? thisYear(),
    });
    return reply.header('content-type', XLSX).header('content-disposition', attachment(`${summary.org.name}汇总表.xlsx`)).send(await buildSummaryXlsx(summary));
  });

  r.get('/api/ledger/template.xlsx', { schema: { tags: ['ledger'], summary: '下载导入模板' } }, async (req, reply) => {
    authOf(req);
    return reply.header('content-type', XLSX).header('content-disposition', attachment('台账导入模板.xlsx')).send(await buildTemplate());
  });

  r.get('/api/ledger/export.xlsx', { schema: { tags: ['ledger'], summary: '导出台账（流式）', querystring: z.object(filters) } }, async (req, reply) => {
    const auth = authOf(req);
    return streamBatchesXlsx(req, reply, { 'content-type': XLSX, 'content-disposition': attachment('台账.xlsx') }, ledger.exportRows(auth, req.query), writeEntriesXlsx, (rows) =>
      services.audit.event(auth, 'export', { what: '台账导出', rows, masked: !maySeeIdNumbers(auth), orgPath: auth.orgPath }),
    );
  });

  r.post(
    '/api/ledger/import',
    { schema: { tags: ['ledger'], summary: '从模板导入事项（整批校验，一行有错则全部不写入）', querystring: z.object({ orgId: optionalInt }) } },
    async (req) => {
      const auth = authOf(req);
      // Who may import into which body is decided before a byte of the file is read.
      const defaultOrg = await services.orgs.get(auth, req.query.orgId ?? auth.orgId);
      const orgsInScope = await services.orgs.list(auth);
      const byName = new Map(orgsInScope.map((o) => [o.name, o.id]));
      const file = await receiveFile(req, 'ledger', '请选择要上传的 .xlsx 文件');
      let rows;
      try {
        rows = await parseImport(file.bytes, {
          defaultOrgId: defaultOrg.id,
          orgIdByName: byName,
          resolveMembers: async (orgId, names) => {
            const org = orgsInScope.find((o) => o.id === orgId) ?? defaultOrg;
            const ids: number[] = [];
            const unknown: string[] = [];
            for (const name of names) {
              const found = await services.members.list(auth, { orgId: org.id, q: name, page: 1, pageSize: 50 });
              const exact = found.items.filter((m) => m.name === name);
              if (exact.length === 1) ids.push(exact[0]!.id);
              else unknown.push(exact.length > 1 ? `${name}（重名，请在系统中选择）` : name);
            }
            return { ids, unknown };
          },
        }, req.server.uploadLimits.ledger);
      } catch (err) {
        if (err instanceof ImportFileError) throw new AppError('VALIDATION', err.message, { fields: [{ field: 'file', label: '导入文件', message: err.message }] });
        throw err;
      }
      const result = await ledger.importEntries(auth, rows);
      await services.audit.event(auth, 'upload', { what: '台账导入', rows: result.imported, file: file.fileName, orgId: defaultOrg.id });
      return result;
    },
  );
}
