import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../auth/access';
import { bool, id, idParams, int, isoDate, name, optionalBool, optionalInt, page, pageSize, regionPrefix, text } from '../../contract/zod';
import { attachmentHeaders, checkAttachment } from '../db/attachments';
import { receiveFile } from '../http/upload';
import type { Services } from '../services';

const helperFields = {
  name: name(50),
  unit: name(100),
  kind: name(12),
  level: name(6),
  post: name(50).optional(),
  phone: name(20).optional(),
  regionCode: name(12),
};

/** 帮扶责任人 and visits (seed 004), leader–village links (seed 002): issue 4. */
export async function pairingRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.pairing;
  const tags = ['pairing'];

  r.get(
    '/api/pairing/helpers',
    { schema: { tags, summary: '帮扶责任人列表（本地区及上级地区的人员，含现联系户数）', querystring: z.object({ region: regionPrefix().optional(), q: name(100).optional(), active: optionalBool, page, pageSize }) } },
    async (req) => svc.helpers(authOf(req), req.query),
  );
  r.post('/api/pairing/helpers', { schema: { tags, summary: '新增帮扶责任人（乡镇以上干部或企业中层以上管理人员）', body: z.object(helperFields) } }, async (req, reply) =>
    reply.code(201).send(await svc.createHelper(authOf(req), req.body)),
  );
  r.get('/api/pairing/helpers/:id', { schema: { tags, summary: '帮扶责任人及其联系的贫困户（现在与过去）', params: idParams } }, async (req) => svc.helper(authOf(req), req.params.id));
  r.patch(
    '/api/pairing/helpers/:id',
    { schema: { tags, summary: '修改帮扶责任人；active=false 停用（须先更换其联系的户）', params: idParams, body: z.object(helperFields).partial().extend({ active: bool().optional(), version: int() }) } },
    async (req) => svc.updateHelper(authOf(req), req.params.id, req.body),
  );

  r.get('/api/pairing/households/:id', { schema: { tags, summary: '贫困户的帮扶责任人（含调整记录）与走访记录', params: idParams } }, async (req) => svc.household(authOf(req), req.params.id));
  r.post(
    '/api/pairing/households/:id/assignments',
    { schema: { tags, summary: '确定帮扶责任人（自某日起，默认今天；每人不超过 3 户）', params: idParams, body: z.object({ helperId: id(), fromOn: isoDate().optional(), reason: text(2000).optional() }) } },
    async (req, reply) => reply.code(201).send(await svc.assign(authOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/pairing/assignments/:id/end',
    { schema: { tags, summary: '结束帮扶（至某日，默认今天）', params: idParams, body: z.object({ toOn: isoDate().optional(), reason: text(2000).optional() }) } },
    async (req) => svc.endAssignment(authOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/pairing/assignments/:id/replace',
    { schema: { tags, summary: '更换帮扶责任人（原帮扶关系于当日结束，新帮扶关系自当日开始）', params: idParams, body: z.object({ helperId: id(), on: isoDate().optional(), reason: text(2000) }) } },
    async (req) => svc.replace(authOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/pairing/households-without-helper',
    { schema: { tags, summary: '无帮扶责任人的贫困户和脱贫户（某日，默认今天）', querystring: z.object({ region: regionPrefix().optional(), on: isoDate().optional(), page, pageSize }) } },
    async (req) => svc.withoutHelper(authOf(req), req.query),
  );

  r.post(
    '/api/pairing/households/:id/visits',
    {
      schema: {
        tags,
        summary: '记录走访（帮扶走访或家庭医生）',
        params: idParams,
        body: z.object({ kind: name(10), visitedOn: isoDate().optional(), helperId: id().nullish(), visitor: name(50).optional(), content: text(5000) }),
      },
    },
    async (req, reply) => reply.code(201).send(await svc.addVisit(authOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/pairing/visits/:id/signatures',
    { schema: { tags, summary: '上传走访签字材料（multipart 字段 file；图片或 PDF，不超过 10 MB）', params: idParams } },
    async (req, reply) => {
      const auth = authOf(req);
      // The role before a byte is read (the visit's scope is checked by the service); the type is the one the bytes show.
      requireRole(auth, 'sysadmin', 'org_admin');
      const file = await receiveFile(req, 'signature', '请选择文件');
      const { mime } = checkAttachment('signature', file, '签字材料');
      return reply.code(201).send(await svc.addSignature(auth, req.params.id, { fileName: file.fileName, mime, content: file.bytes }));
    },
  );
  r.get('/api/pairing/signatures/:id', { schema: { tags, summary: '下载走访签字材料', params: idParams } }, async (req, reply) => {
    const a = await svc.signature(authOf(req), req.params.id);
    return reply.headers(attachmentHeaders(a)).send(a.content);
  });
  r.get(
    '/api/pairing/visits/missing',
    {
      schema: {
        tags,
        summary: '半年内未上门回访的脱贫户（默认本半年；year、half=1 上半年 / 2 下半年）',
        querystring: z.object({ region: regionPrefix().optional(), year: optionalInt, half: optionalInt, page, pageSize }),
      },
    },
    async (req) => svc.missingVisits(authOf(req), req.query),
  );

  r.get(
    '/api/pairing/leader-villages',
    {
      schema: {
        tags,
        summary: '领导联系村、机关定点帮扶村、经促分会和工商联商会帮扶村',
        querystring: z.object({ orgId: optionalInt, kind: name(12).optional(), current: optionalBool, page, pageSize }),
      },
    },
    async (req) => svc.leaderVillages(authOf(req), req.query),
  );
  r.post(
    '/api/pairing/leader-villages',
    {
      schema: {
        tags,
        summary: '新增帮扶村记录',
        body: z.object({
          kind: name(12),
          orgId: id(),
          memberId: id().nullish(),
          holder: name(100).optional(),
          villageCode: name(12),
          fromOn: isoDate().optional(),
          toOn: isoDate().nullish(),
        }),
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createLeaderVillage(authOf(req), { ...req.body, fromOn: req.body.fromOn ?? '' })),
  );
  r.patch(
    '/api/pairing/leader-villages/:id',
    { schema: { tags, summary: '修改帮扶村记录（起止日期、帮扶单位；填写结束日期即结束联系）', params: idParams, body: z.object({ fromOn: isoDate().optional(), toOn: isoDate().nullish(), holder: name(100).optional() }) } },
    async (req) => svc.updateLeaderVillage(authOf(req), req.params.id, req.body),
  );
  r.delete('/api/pairing/leader-villages/:id', { schema: { tags, summary: '删除错误录入的帮扶村记录', params: idParams } }, async (req, reply) => {
    await svc.deleteLeaderVillage(authOf(req), req.params.id);
    return reply.code(204).send();
  });
}
