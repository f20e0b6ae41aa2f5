import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf, requireRole } from '../auth/access';
import { fileAnswer, noContent } from '../../contract/common';
import {
  assignInput,
  endAssignmentInput,
  helperDetail,
  helperInput,
  helperPage,
  helperQuery,
  helperUpdate,
  householdPairing,
  leaderVillageInput,
  leaderVillagePage,
  leaderVillageRecord,
  leaderVillagesQuery,
  leaderVillageUpdate,
  missingVisitsPage,
  missingVisitsQuery,
  replaceInput,
  signatureFile,
  visit,
  visitInput,
  withoutHelperPage,
  withoutHelperQuery,
} from '../../contract/pairing';
import { idParams } from '../../contract/zod';
import { attachmentHeaders, checkAttachment } from '../db/attachments';
import { receiveFile } from '../http/upload';
import type { Services } from '../services';

/** 帮扶责任人 and visits (seed 004), leader–village links (seed 002): issue 4. */
export async function pairingRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.pairing;
  const tags = ['pairing'];

  r.get(
    '/api/pairing/helpers',
    { schema: { tags, summary: '帮扶责任人列表（本地区及上级地区的人员，含现联系户数）', querystring: helperQuery, response: { 200: helperPage } } },
    async (req) => svc.helpers(authOf(req), req.query),
  );
  r.post('/api/pairing/helpers', { schema: { tags, summary: '新增帮扶责任人（乡镇以上干部或企业中层以上管理人员）', body: helperInput, response: { 201: helperDetail } } }, async (req, reply) =>
    reply.code(201).send(await svc.createHelper(authOf(req), req.body)),
  );
  r.get('/api/pairing/helpers/:id', { schema: { tags, summary: '帮扶责任人及其联系的贫困户（现在与过去）', params: idParams, response: { 200: helperDetail } } }, async (req) => svc.helper(authOf(req), req.params.id));
  r.patch(
    '/api/pairing/helpers/:id',
    { schema: { tags, summary: '修改帮扶责任人；active=false 停用（须先更换其联系的户）', params: idParams, body: helperUpdate, response: { 200: helperDetail } } },
    async (req) => svc.updateHelper(authOf(req), req.params.id, req.body),
  );

  r.get('/api/pairing/households/:id', { schema: { tags, summary: '贫困户的帮扶责任人（含调整记录）与走访记录', params: idParams, response: { 200: householdPairing } } }, async (req) => svc.household(authOf(req), req.params.id));
  r.post(
    '/api/pairing/households/:id/assignments',
    { schema: { tags, summary: '确定帮扶责任人（自某日起，默认今天；每人不超过 3 户）', params: idParams, body: assignInput, response: { 201: householdPairing } } },
    async (req, reply) => reply.code(201).send(await svc.assign(authOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/pairing/assignments/:id/end',
    { schema: { tags, summary: '结束帮扶（至某日，默认今天）', params: idParams, body: endAssignmentInput, response: { 200: householdPairing } } },
    async (req) => svc.endAssignment(authOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/pairing/assignments/:id/replace',
    { schema: { tags, summary: '更换帮扶责任人（原帮扶关系于当日结束，新帮扶关系自当日开始）', params: idParams, body: replaceInput, response: { 200: householdPairing } } },
    async (req) => svc.replace(authOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/pairing/households-without-helper',
    { schema: { tags, summary: '无帮扶责任人的贫困户和脱贫户（某日，默认今天）', querystring: withoutHelperQuery, response: { 200: withoutHelperPage } } },
    async (req) => svc.withoutHelper(authOf(req), req.query),
  );

  r.post(
    '/api/pairing/households/:id/visits',
    { schema: { tags, summary: '记录走访（帮扶走访或家庭医生）', params: idParams, body: visitInput, response: { 201: visit } } },
    async (req, reply) => reply.code(201).send(await svc.addVisit(authOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/pairing/visits/:id/signatures',
    { schema: { tags, summary: '上传走访签字材料（multipart 字段 file；图片或 PDF，不超过 10 MB）', params: idParams, response: { 201: signatureFile } } },
    async (req, reply) => {
      const auth = authOf(req);
      // The role before a byte is read (the visit's scope is checked by the service); the type is the one the bytes show.
      requireRole(auth, 'sysadmin', 'org_admin');
      const file = await receiveFile(req, 'signature', '请选择文件');
      const { mime } = checkAttachment('signature', file, '签字材料');
      return reply.code(201).send(await svc.addSignature(auth, req.params.id, { fileName: file.fileName, mime, content: file.bytes }));
    },
  );
  r.get('/api/pairing/signatures/:id', { schema: { tags, summary: '下载走访签字材料', params: idParams, response: { 200: fileAnswer('签字材料（图片或 PDF）') } } }, async (req, reply) => {
    const a = await svc.signature(authOf(req), req.params.id);
    // The schema documents a binary answer; Fastify writes the Buffer as it is.
    return reply.headers(attachmentHeaders(a)).send(a.content);
  });
  r.get(
    '/api/pairing/visits/missing',
    { schema: { tags, summary: '半年内未上门回访的脱贫户（默认本半年；year、half=1 上半年 / 2 下半年）', querystring: missingVisitsQuery, response: { 200: missingVisitsPage } } },
    async (req) => svc.missingVisits(authOf(req), req.query),
  );

  r.get(
    '/api/pairing/leader-villages',
    { schema: { tags, summary: '领导联系村、机关定点帮扶村、经促分会和工商联商会帮扶村', querystring: leaderVillagesQuery, response: { 200: leaderVillagePage } } },
    async (req) => svc.leaderVillages(authOf(req), req.query),
  );
  r.post(
    '/api/pairing/leader-villages',
    { schema: { tags, summary: '新增帮扶村记录', body: leaderVillageInput, response: { 201: leaderVillageRecord } } },
    async (req, reply) => reply.code(201).send(await svc.createLeaderVillage(authOf(req), req.body)),
  );
  r.patch(
    '/api/pairing/leader-villages/:id',
    { schema: { tags, summary: '修改帮扶村记录（起止日期、帮扶单位；填写结束日期即结束联系）', params: idParams, body: leaderVillageUpdate, response: { 200: leaderVillageRecord } } },
    async (req) => svc.updateLeaderVillage(authOf(req), req.params.id, req.body),
  );
  r.delete('/api/pairing/leader-villages/:id', { schema: { tags, summary: '删除错误录入的帮扶村记录', params: idParams, response: { 204: noContent } } }, async (req, reply) => {
    await svc.deleteLeaderVillage(authOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
