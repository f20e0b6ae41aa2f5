import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../auth/access';
import { VISIT_FILE_KINDS } from '../../domain/pairing/half-year-visit';
import { HELPER_KIND_LABELS } from '../../domain/pairing/helper-eligibility';
import type { HelperList } from '../../contract/pairing';
import { sendTableExport, type ExportColumn } from '../http/xlsx';
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
  visitFileQuery,
  visitInput,
  withoutHelperPage,
  withoutHelperQuery,
} from '../../contract/pairing';
import { idParams } from '../../contract/zod';
import { attachmentHeaders, checkAttachment } from '../db/attachments';
import { routeOptions } from '../http/route';
import { receiveFile } from '../http/upload';
import type { Services } from '../services';

/** 帮扶责任人 and visits (seed 004), leader–village links (seed 002): issue 4. */
/** The columns of the helper list's export: what the list shows, with the households held today. */
const HELPER_COLUMNS: ReadonlyArray<ExportColumn<HelperList['items'][number]>> = [
  { header: '姓名', width: 12, cell: (h) => h.name },
  { header: '工作单位', width: 30, cell: (h) => h.unit },
  { header: '职务', width: 14, cell: (h) => h.post },
  { header: '人员类别', width: 24, cell: (h) => HELPER_KIND_LABELS[h.kind] },
  { header: '层级', width: 8, cell: (h) => h.level },
  { header: '联系电话', width: 16, cell: (h) => h.phone },
  { header: '现联系户数', width: 10, cell: (h) => h.households },
  { header: '状态', width: 8, cell: (h) => (h.active ? '在岗' : '已停用') },
];

export async function pairingRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.pairing;
  const doc = routeOptions(['pairing']);

  r.get('/api/pairing/helpers/export.xlsx', doc.file('导出帮扶责任人名单', '帮扶责任人名单（.xlsx）', { querystring: helperQuery.omit({ page: true, pageSize: true }), access: 'pairing.read' }), async (req, reply) =>
    sendTableExport(req, reply, services.audit, { fileName: '帮扶责任人名单.xlsx', sheet: '帮扶责任人', columns: HELPER_COLUMNS, what: '帮扶责任人名单导出' }, (auth) => svc.exportHelpers(auth, req.query)),
  );
  r.get('/api/pairing/helpers', doc.ok('帮扶责任人列表（本地区及上级地区的人员，含现联系户数）', helperPage, { querystring: helperQuery, access: 'pairing.read' }), async (req) => svc.helpers(authOf(req), req.query));
  r.post('/api/pairing/helpers', doc.created('新增帮扶责任人（乡镇以上干部或企业中层以上管理人员）', helperDetail, { body: helperInput, access: 'pairing.manage' }), async (req) => svc.createHelper(authOf(req), req.body));
  r.get('/api/pairing/helpers/:id', doc.ok('帮扶责任人及其联系的贫困户（现在与过去）', helperDetail, { params: idParams, access: 'pairing.read' }), async (req) => svc.helper(authOf(req), req.params.id));
  r.patch('/api/pairing/helpers/:id', doc.ok('修改帮扶责任人；active=false 停用（须先更换其联系的户）', helperDetail, { params: idParams, body: helperUpdate, access: 'pairing.manage' }), async (req) =>
    svc.updateHelper(authOf(req), req.params.id, req.body),
  );

  r.get('/api/pairing/households/:id', doc.ok('贫困户的帮扶责任人（含调整记录）与走访记录', householdPairing, { params: idParams, access: 'pairing.read' }), async (req) => svc.household(authOf(req), req.params.id));
  r.post('/api/pairing/households/:id/assignments', doc.created('确定帮扶责任人（自某日起，默认今天；每人不超过 3 户）', householdPairing, { params: idParams, body: assignInput, access: 'pairing.manage' }), async (req) =>
    svc.assign(authOf(req), req.params.id, req.body),
  );
  r.post('/api/pairing/assignments/:id/end', doc.ok('结束帮扶（至某日，默认今天）', householdPairing, { params: idParams, body: endAssignmentInput, access: 'pairing.manage' }), async (req) =>
    svc.endAssignment(authOf(req), req.params.id, req.body),
  );
  r.post('/api/pairing/assignments/:id/replace', doc.ok('更换帮扶责任人（原帮扶关系于当日结束，新帮扶关系自当日开始）', householdPairing, { params: idParams, body: replaceInput, access: 'pairing.manage' }), async (req) =>
    svc.replace(authOf(req), req.params.id, req.body),
  );
  r.get('/api/pairing/households-without-helper', doc.ok('无帮扶责任人的贫困户和脱贫户（某日，默认今天）', withoutHelperPage, { querystring: withoutHelperQuery, access: 'pairing.read' }), async (req) =>
    svc.withoutHelper(authOf(req), req.query),
  );

  r.post('/api/pairing/households/:id/visits', doc.created('记录走访（帮扶走访或家庭医生）', visit, { params: idParams, body: visitInput, access: 'visits.write' }), async (req) => svc.addVisit(authOf(req), req.params.id, req.body));
  r.post(
    '/api/pairing/visits/:id/signatures',
    doc.created('上传走访照片或签字（multipart 字段 file；图片或 PDF，不超过 10 MB；kind=photo 走访照片、household 贫困户签字、helper 帮扶责任人签字，不填为签字材料）', signatureFile, { params: idParams, querystring: visitFileQuery, access: 'visits.write' }),
    async (req) => {
      const auth = authOf(req);
      const kind = req.query.kind ?? null;
      const label = kind ? VISIT_FILE_KINDS[kind] : '签字材料';
      // The permission (route access) and the visit's scope before a byte is read; the type is the one the bytes show.
      await svc.checkSignatureTarget(auth, req.params.id);
      const file = await receiveFile(req, 'signature', '请选择文件');
      const { mime } = checkAttachment('signature', file, label);
      return svc.addSignature(auth, req.params.id, { fileName: file.fileName, mime, content: file.bytes, kind });
    },
  );
  r.get('/api/pairing/signatures/:id', doc.file('下载走访签字材料', '签字材料（图片或 PDF）', { params: idParams, access: 'pairing.read' }), async (req, reply) => {
    const a = await svc.signature(authOf(req), req.params.id);
    // The schema documents a binary answer; Fastify writes the Buffer as it is.
    return reply.headers(attachmentHeaders(a)).send(a.content);
  });
  r.get('/api/pairing/visits/missing', doc.ok('半年内未上门回访的脱贫户（默认本半年；year、half=1 上半年 / 2 下半年）', missingVisitsPage, { querystring: missingVisitsQuery, access: 'pairing.read' }), async (req) =>
    svc.missingVisits(authOf(req), req.query),
  );

  r.get('/api/pairing/leader-villages', doc.ok('领导联系村、机关定点帮扶村、经促分会和工商联商会帮扶村', leaderVillagePage, { querystring: leaderVillagesQuery, access: 'pairing.read' }), async (req) =>
    svc.leaderVillages(authOf(req), req.query),
  );
  r.post('/api/pairing/leader-villages', doc.created('新增帮扶村记录', leaderVillageRecord, { body: leaderVillageInput, access: 'pairing.manage' }), async (req) => svc.createLeaderVillage(authOf(req), req.body));
  r.patch('/api/pairing/leader-villages/:id', doc.ok('修改帮扶村记录（起止日期、帮扶单位；填写结束日期即结束联系）', leaderVillageRecord, { params: idParams, body: leaderVillageUpdate, access: 'pairing.manage' }), async (req) =>
    svc.updateLeaderVillage(authOf(req), req.params.id, req.body),
  );
  r.delete('/api/pairing/leader-villages/:id', doc.empty('删除错误录入的帮扶村记录', { params: idParams, access: 'pairing.manage' }), async (req, reply) => {
    await svc.deleteLeaderVillage(authOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
