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
import { authOf, maySeeIdNumbers, requirePermission } from '../auth/access';
import { attachmentHeaders, checkAttachment } from '../db/attachments';
import { routeOptions } from '../http/route';
import { receiveFile } from '../http/upload';
import type { Services } from '../services';

/** Procedures of 动态调整 (issue 4): definitions as data, runs step by step with evidence, certificates. */
export async function procedureRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.procedures;
  const doc = routeOptions(['procedures']);

  r.get('/api/procedures/definitions', doc.ok('程序定义（步骤、办理层级、公示天数等）', definitions, { access: 'procedures.read' }), async () => svc.definitions());
  r.put('/api/procedures/definitions/:kind', doc.ok('调整程序定义（新版本；正在办理的程序仍按原版本）', definition, { params: definitionParams, body: definitionBody, access: 'procedures.define' }), async (req) =>
    svc.saveDefinition(authOf(req), req.params.kind, req.body),
  );

  r.get('/api/procedures', doc.ok('程序列表（按地区、种类、状态）', procedurePage, { querystring: procedureQuery, access: 'procedures.read' }), async (req) => svc.list(authOf(req), req.query));
  r.post('/api/procedures', doc.created('启动程序（识别、脱贫、清退、稳定脱贫标注、返贫、贫困村出列）', procedure, { body: procedureStart, access: 'procedures.handle' }), async (req) => svc.start(authOf(req), req.body));
  r.get('/api/procedures/:id', doc.ok('程序详情（步骤、办理记录、佐证材料）', procedure, { params: idParams, access: 'procedures.read' }), async (req) => svc.get(authOf(req), req.params.id));
  r.post('/api/procedures/:id/actions', doc.ok('办理当前步骤：通过（pass）、退回（return）或撤销（withdraw）', procedure, { params: idParams, body: actionBody, access: 'procedures.handle' }), async (req) =>
    svc.act(authOf(req), req.params.id, req.body),
  );
  r.post('/api/procedures/:id/attachments', doc.created('上传佐证材料（会议记录、照片、公示公告；multipart 字段 file，可带 step）', attachment, { params: idParams, querystring: attachmentQuery, access: 'procedures.handle' }), async (req) => {
    const auth = authOf(req);
    // Permission (the route's access) and scope before a byte is read; the type is the one the bytes show, never the
    // declared one alone.
    requirePermission(auth, 'procedures.handle');
    await svc.get(auth, req.params.id);
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
