import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  actionBody,
  attachment,
  attachmentQuery,
  certificate,
  definition,
  definitionBody,
  definitionParams,
  definitions,
  procedure,
  procedurePage,
  procedureQuery,
  procedureStart,
} from '../../contract/procedures';
import { idParams } from '../../contract/zod';
import { authOf, maySeeIdNumbers } from '../auth/access';
import { attachmentHeaders, checkAttachment } from '../db/attachments';
import { routeOptions } from '../http/route';
import { sendTableExport, type ExportColumn } from '../http/xlsx';
import { isoDateTime } from '../../domain/shared/dates';
import { PROCEDURE_STATE_LABELS } from '../../domain/procedures/decide';
import type { ProcedureItem } from '../../contract/procedures';
import { receiveFile } from '../http/upload';
import type { Services } from '../services';

/** Procedures of 动态调整 (issue 4): definitions as data, runs step by step with evidence, certificates. */
/** The columns of 程序办理's export: what the list shows. */
const PROCEDURE_COLUMNS: ReadonlyArray<ExportColumn<ProcedureItem>> = [
  { header: '编号', width: 8, cell: (p) => p.id },
  { header: '程序', width: 16, cell: (p) => p.kindLabel },
  { header: '办理对象', width: 24, cell: (p) => p.subjectName },
  { header: '所在村', width: 30, cell: (p) => p.villageName },
  { header: '年度', width: 8, cell: (p) => p.year },
  { header: '办理进度', width: 10, cell: (p) => (p.state === 'running' ? `第 ${p.currentStep + 1} 步` : '') },
  { header: '状态', width: 8, cell: (p) => PROCEDURE_STATE_LABELS[p.state] },
  { header: '启动时间', width: 20, cell: (p) => isoDateTime(new Date(p.startedAt)) },
  { header: '办结时间', width: 20, cell: (p) => (p.finishedAt ? isoDateTime(new Date(p.finishedAt)) : '') },
  { header: '脱贫光荣证编号', width: 18, cell: (p) => p.certificateNo ?? '' },
];

export async function procedureRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.procedures;
  const doc = routeOptions(['procedures']);

  r.get('/api/procedures/definitions', doc.ok('程序定义（步骤、办理层级、公示天数等）', definitions, { access: 'procedures.read' }), async () => svc.definitions());
  r.put('/api/procedures/definitions/:kind', doc.ok('调整程序定义（新版本；正在办理的程序仍按原版本）', definition, { params: definitionParams, body: definitionBody, access: 'procedures.define' }), async (req) =>
    svc.saveDefinition(authOf(req), req.params.kind, req.body),
  );

  r.get('/api/procedures/export.xlsx', doc.file('导出程序列表', '程序列表（.xlsx）', { querystring: procedureQuery.omit({ page: true, pageSize: true }), access: 'procedures.read' }), async (req, reply) =>
    sendTableExport(req, reply, services.audit, { fileName: '动态调整程序.xlsx', sheet: '程序', columns: PROCEDURE_COLUMNS, what: '动态调整程序列表导出' }, (auth) => svc.exportList(auth, req.query)),
  );
  r.get('/api/procedures', doc.ok('程序列表（按地区、种类、状态）', procedurePage, { querystring: procedureQuery, access: 'procedures.read' }), async (req) => svc.list(authOf(req), req.query));
  r.post('/api/procedures', doc.created('启动程序（识别、脱贫、清退、稳定脱贫标注、返贫、贫困村出列）', procedure, { body: procedureStart, access: 'procedures.handle' }), async (req) => svc.start(authOf(req), req.body));
  r.get('/api/procedures/:id', doc.ok('程序详情（步骤、办理记录、佐证材料）', procedure, { params: idParams, access: 'procedures.read' }), async (req) => svc.get(authOf(req), req.params.id));
  r.post('/api/procedures/:id/actions', doc.ok('办理当前步骤：通过（pass）、退回（return）或撤销（withdraw）', procedure, { params: idParams, body: actionBody, access: 'procedures.handle' }), async (req) =>
    svc.act(authOf(req), req.params.id, req.body),
  );
  r.post('/api/procedures/:id/attachments', doc.created('上传佐证材料（会议记录、照片、公示公告；multipart 字段 file，可带 step；带 baseVersion 时程序已被办理则 409）', attachment, { params: idParams, querystring: attachmentQuery, access: 'procedures.handle' }), async (req) => {
    const auth = authOf(req);
    // Permission (the route's access) and scope before a byte is read; the type is the one the bytes show, never the
    // declared one alone.
    await svc.checkEvidenceTarget(auth, req.params.id, req.query.baseVersion);
    const file = await receiveFile(req, 'evidence', '请选择文件');
    const { mime } = checkAttachment('evidence', file, '佐证材料');
    return svc.addAttachment(auth, req.params.id, { fileName: file.fileName, mime, content: file.bytes, stepIndex: req.query.step });
  });
  r.get('/api/procedures/attachments/:id', doc.file('下载佐证材料', '佐证材料（图片、PDF、Word 或 Excel 文件）', { params: idParams, access: 'procedures.read' }), async (req, reply) => {
    const a = await svc.attachment(authOf(req), req.params.id);
    // The bytes as they are (Fastify does not serialise a Buffer); the schema only documents the file.
    return reply.headers(attachmentHeaders(a)).send(a.content);
  });
  r.get('/api/procedures/:id/certificate', doc.ok('脱贫光荣证（可打印）', certificate, { params: idParams, access: 'procedures.read' }), async (req) => {
    const auth = authOf(req);
    const c = await svc.certificate(auth, req.params.id);
    await services.audit.event(auth, 'export', { what: '脱贫光荣证', rows: 1, certificateNo: c.certificateNo, procedureId: req.params.id, masked: !maySeeIdNumbers(auth) });
    return c;
  });
}
