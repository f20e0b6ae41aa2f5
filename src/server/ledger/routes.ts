import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileAnswer, noContent } from '../../contract/common';
import {
  codebook,
  deleteEntryQuery,
  entriesQuery,
  entry,
  entryBody,
  entryFilters,
  entryHistory,
  entryPage,
  entryPatch,
  importQuery,
  importResult,
} from '../../contract/ledger';
import { memberSummaryPage, memberSummaryQuery, summary, summaryQuery } from '../../contract/ledger-summary';
import { idParams } from '../../contract/zod';
import { authOf, maySeeIdNumbers } from '../auth/access';
import { receiveFile } from '../http/upload';
import { sendXlsx, streamBatchesXlsx, xlsxHeaders } from '../http/xlsx';
import type { Services } from '../services';
import { buildSummaryXlsx, buildTemplate, writeEntriesXlsx } from './excel';

export async function ledgerRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ledger = services.ledger;
  const tags = ['ledger'];

  r.get('/api/ledger/codebook', { schema: { tags, summary: '台账指标（8 大类 35 小类）', response: { 200: codebook } } }, async (req) => (authOf(req), ledger.codebook()));

  r.get('/api/ledger/entries', { schema: { tags, summary: '事项列表', querystring: entriesQuery, response: { 200: entryPage } } }, async (req) =>
    ledger.list(authOf(req), req.query),
  );
  r.post('/api/ledger/entries', { schema: { tags, summary: '录入事项', body: entryBody, response: { 201: entry } } }, async (req, reply) =>
    reply.status(201).send(await ledger.create(authOf(req), req.body)),
  );
  r.get('/api/ledger/entries/:id', { schema: { tags, summary: '事项详情', params: idParams, response: { 200: entry } } }, async (req) => ledger.get(authOf(req), req.params.id));
  r.patch(
    '/api/ledger/entries/:id',
    { schema: { tags, summary: '修改事项（须带 version）', params: idParams, body: entryPatch, response: { 200: entry } } },
    async (req) => ledger.update(authOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/ledger/entries/:id',
    { schema: { tags, summary: '删除事项', params: idParams, querystring: deleteEntryQuery, response: { 204: noContent } } },
    async (req, reply) => {
      await ledger.remove(authOf(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  r.get('/api/ledger/entries/:id/history', { schema: { tags, summary: '事项修改历史', params: idParams, response: { 200: entryHistory } } }, async (req) =>
    ledger.history(authOf(req), req.params.id),
  );

  r.get(
    '/api/ledger/summary',
    { schema: { tags, summary: '汇总（单位及其下级，按开始年度）', querystring: summaryQuery, response: { 200: summary } } },
    async (req) => ledger.summary(authOf(req), req.query),
  );
  r.get(
    '/api/ledger/summary/members',
    { schema: { tags, summary: '委员个人参与情况', querystring: memberSummaryQuery, response: { 200: memberSummaryPage } } },
    async (req) => ledger.memberSummary(authOf(req), req.query),
  );
  r.get(
    '/api/ledger/summary.xlsx',
    { schema: { tags, summary: '导出汇总表', querystring: summaryQuery, response: { 200: fileAnswer('汇总表（.xlsx）') } } },
    async (req, reply) => {
      const s = await ledger.summary(authOf(req), req.query);
      return sendXlsx(reply, `${s.org.name}汇总表.xlsx`, await buildSummaryXlsx(s));
    },
  );

  r.get('/api/ledger/template.xlsx', { schema: { tags, summary: '下载导入模板', response: { 200: fileAnswer('台账导入模板（.xlsx）') } } }, async (req, reply) => {
    authOf(req);
    return sendXlsx(reply, '台账导入模板.xlsx', await buildTemplate());
  });

  r.get(
    '/api/ledger/export.xlsx',
    { schema: { tags, summary: '导出台账（流式）', querystring: entryFilters, response: { 200: fileAnswer('台账（.xlsx）') } } },
    async (req, reply) => {
      const auth = authOf(req);
      return streamBatchesXlsx(req, reply, xlsxHeaders('台账.xlsx'), ledger.exportRows(auth, req.query), writeEntriesXlsx, (rows) =>
        services.audit.event(auth, 'export', { what: '台账导出', rows, masked: !maySeeIdNumbers(auth), orgPath: auth.orgPath }),
      );
    },
  );

  r.post(
    '/api/ledger/import',
    { schema: { tags, summary: '从模板导入事项（整批校验，一行有错则全部不写入）', querystring: importQuery, response: { 200: importResult } } },
    async (req) => {
      const auth = authOf(req);
      // Who may import into which body is decided before a byte of the file is read.
      const importer = await ledger.importer(auth, req.query.orgId);
      const file = await receiveFile(req, 'ledger', '请选择要上传的 .xlsx 文件');
      const result = await importer.run(file.bytes, req.server.uploadLimits.ledger);
      await services.audit.event(auth, 'upload', { what: '台账导入', rows: result.imported, file: file.fileName, orgId: importer.org.id });
      return result;
    },
  );
}
