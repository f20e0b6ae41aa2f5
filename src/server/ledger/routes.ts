import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { routeOptions } from '../http/route';
import { receiveFile } from '../http/upload';
import { sendXlsx, streamBatchesXlsx, xlsxHeaders } from '../http/xlsx';
import type { Services } from '../services';
import { buildSummaryXlsx, buildTemplate, writeEntriesXlsx } from './excel';

export async function ledgerRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ledger = services.ledger;
  const doc = routeOptions(['ledger']);

  r.get('/api/ledger/codebook', doc.ok('台账指标（8 大类 35 小类）', codebook, { access: 'signedIn' }), async (req) => (authOf(req), ledger.codebook()));

  r.get('/api/ledger/entries', doc.ok('事项列表', entryPage, { querystring: entriesQuery, access: 'ledger.read' }), async (req) => ledger.list(authOf(req), req.query));
  r.post('/api/ledger/entries', doc.created('录入事项', entry, { body: entryBody, access: 'ledger.write' }), async (req) => ledger.create(authOf(req), req.body));
  r.get('/api/ledger/entries/:id', doc.ok('事项详情', entry, { params: idParams, access: 'ledger.read' }), async (req) => ledger.get(authOf(req), req.params.id));
  r.patch('/api/ledger/entries/:id', doc.ok('修改事项（须带 version）', entry, { params: idParams, body: entryPatch, access: 'ledger.write' }), async (req) => ledger.update(authOf(req), req.params.id, req.body));
  r.delete('/api/ledger/entries/:id', doc.empty('删除事项', { params: idParams, querystring: deleteEntryQuery, access: 'ledger.write' }), async (req, reply) => {
    await ledger.remove(authOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });
  r.get('/api/ledger/entries/:id/history', doc.ok('事项修改历史', entryHistory, { params: idParams, access: 'ledger.read' }), async (req) => ledger.history(authOf(req), req.params.id));

  r.get('/api/ledger/summary', doc.ok('汇总（单位及其下级，按开始年度）', summary, { querystring: summaryQuery, access: 'ledger.read' }), async (req) => ledger.summary(authOf(req), req.query));
  r.get('/api/ledger/summary/members', doc.ok('委员个人参与情况', memberSummaryPage, { querystring: memberSummaryQuery, access: 'ledger.read' }), async (req) => ledger.memberSummary(authOf(req), req.query));
  r.get('/api/ledger/summary.xlsx', doc.file('导出汇总表', '汇总表（.xlsx）', { querystring: summaryQuery, access: 'ledger.read' }), async (req, reply) => {
    const s = await ledger.summary(authOf(req), req.query);
    return sendXlsx(reply, `${s.org.name}汇总表.xlsx`, await buildSummaryXlsx(s));
  });

  r.get('/api/ledger/template.xlsx', doc.file('下载导入模板', '台账导入模板（.xlsx）', { access: 'ledger.write' }), async (req, reply) => {
    authOf(req);
    return sendXlsx(reply, '台账导入模板.xlsx', await buildTemplate());
  });

  r.get('/api/ledger/export.xlsx', doc.file('导出台账（流式）', '台账（.xlsx）', { querystring: entryFilters, access: 'ledger.read' }), async (req, reply) => {
     const auth = authOf(req);
     return streamBatchesXlsx(req, reply, xlsxHeaders('台账.xlsx'), ledger.exportRows(auth, req.query), writeEntriesXlsx, (rows) =>
       services.audit.event(auth, 'export', { what: '台账导出', rows, masked: !maySeeIdNumbers(auth), orgPath: auth.orgPath }),
     );
   });

  r.post('/api/ledger/import', doc.ok('从模板导入事项（整批校验，一行有错则全部不写入）', importResult, { querystring: importQuery, access: 'ledger.write' }), async (req) => {
     const auth = authOf(req);
     // Who may import into which body is decided before a byte of the file is read.
     const importer = await ledger.importer(auth, req.query.orgId);
     const file = await receiveFile(req, 'ledger', '请选择要上传的 .xlsx 文件');
     const result = await importer.run(file.bytes, req.server.uploadLimits.ledger);
     await services.audit.event(auth, 'upload', { what: '台账导入', rows: result.imported, file: file.fileName, orgId: importer.org.id });
     return result;
   });
}
