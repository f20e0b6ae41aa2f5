import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileAnswer } from '../../contract/common';
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
import { authOf, maySeeIdNumbers, requireRole } from '../auth/access';
import { attachmentHeaders, checkAttachment } from '../db/attachments';
import { receiveFile } from '../http/upload';
import type { Services } from '../services';

/** Procedures of 动态调整 (issue 4): definitions as data, runs step by step with evidence, certificates. */
export async function procedureRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.procedures;
  const tags = ['procedures'];

  r.get('/api/procedures/definitions', { schema: { tags, summary: '程序定义（步骤、办理层级、公示天数等）', response: { 200: definitions } } }, async (req) => {
    authOf(req);
    return svc.definitions();
  });
  r.put(
    '/api/procedures/definitions/:kind',
    {
      schema: {
        tags,
        summary: '调整程序定义（新版本；正在办理的程序仍按原版本）',
        params: definitionParams,
        body: definitionBody,
        response: { 200: definition },
      },
    },
    async (req) => svc.saveDefinition(authOf(req), req.params.kind, req.body),
  );

  r.get(
    '/api/procedures',
    {
      schema: {
        tags,
        summary: '程序列表（按地区、种类、状态）',
        querystring: procedureQuery,
        response: { 200: procedurePage },
      },
    },
    async (req) => svc.list(authOf(req), req.query),
  );
  r.post(
    '/api/procedures',
    {
      schema: {
        tags,
        summary: '启动程序（识别、脱贫、清退、稳定脱贫标注、返贫、贫困村出列）',
        body: procedureStart,
        response: { 201: procedure },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.start(authOf(req), req.body)),
  );
  r.get('/api/procedures/:id', { schema: { tags, summary: '程序详情（步骤、办理记录、佐证材料）', params: idParams, response: { 200: procedure } } }, async (req) => svc.get(authOf(req), req.params.id));
  r.post(
    '/api/procedures/:id/actions',
    {
      schema: {
        tags,
        summary: '办理当前步骤：通过（pass）、退回（return）或撤销（withdraw）',
        params: idParams,
        body: actionBody,
        response: { 200: procedure },
      },
    },
    async (req) => svc.act(authOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/procedures/:id/attachments',
    { schema: { tags, summary: '上传佐证材料（会议记录、照片、公示公告；multipart 字段 file，可带 step）', params: idParams, querystring: attachmentQuery, response: { 201: attachment } } },
    async (req, reply) => {
      const auth = authOf(req);
      // Role and scope before a byte is read; the type is the one the bytes show, never the declared one alone.
      requireRole(auth, 'sysadmin', 'org_admin');
      await svc.get(auth, req.params.id);
      const file = await receiveFile(req, 'evidence', '请选择文件');
      const { mime } = checkAttachment('evidence', file, '佐证材料');
      return reply.code(201).send(await svc.addAttachment(auth, req.params.id, { fileName: file.fileName, mime, content: file.bytes, stepIndex: req.query.step }));
    },
  );
  r.get('/api/procedures/attachments/:id', { schema: { tags, summary: '下载佐证材料', params: idParams, response: { 200: fileAnswer('佐证材料（图片、PDF、Word 或 Excel 文件）') } } }, async (req, reply) => {
    const a = await svc.attachment(authOf(req), req.params.id);
    // The bytes as they are (Fastify does not serialise a Buffer); the schema only documents the file.
    return reply.headers(attachmentHeaders(a)).send(a.content);
  });
  r.get('/api/procedures/:id/certificate', { schema: { tags, summary: '脱贫光荣证（可打印）', params: idParams, response: { 200: certificate } } }, async (req) => {
    const auth = authOf(req);
    const c = await svc.certificate(auth, req.params.id);
    await services.audit.event(auth, 'export', { what: '脱贫光荣证', rows: 1, certificateNo: c.certificateNo, procedureId: req.params.id, masked: !maySeeIdNumbers(auth) });
    return c;
  });
}
