/**
 * Printed village lists and notices (issue 12): 贫困户精准扶贫一览表 (A3 landscape), the 花名册 (A4 landscape), the
 * 脱贫确认表 of a household exit, and a procedure step's 公示 / 公告 as PDF and as Word. Each print is audited as an export.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noticeQuery, printProcedureParams, printVillageParams, rosterParams, rosterQuery, townshipRosterParams } from '../../contract/print-lists';
import { authOf, maySeeIdNumbers } from '../auth/access';
import { routeOptions } from '../http/route';
import type { Services } from '../services';
import type { PrintedFile } from './list-service';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A PDF opens in the browser's viewer (to print); a Word file is downloaded (to edit). */
function send(reply: FastifyReply, file: PrintedFile, type: string, ascii: string): FastifyReply {
  const how = type === PDF ? 'inline' : 'attachment';
  return reply.headers({ 'content-type': type, 'content-disposition': `${how}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}` }).send(file.content);
}

export async function listPrintRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.printLists;
  const doc = routeOptions(['print']);

  r.get('/api/print/villages/:code/overview.pdf', doc.file('打印村贫困户精准扶贫一览表（A3 横向 PDF）', '贫困户精准扶贫一览表（PDF）', { params: printVillageParams, access: 'registry.read' }), async (req, reply) => {
    const auth = authOf(req);
    const file = await svc.overviewPdf(auth, req.params.code);
    await services.audit.event(auth, 'export', { what: '贫困户精准扶贫一览表打印', region: req.params.code, masked: !maySeeIdNumbers(auth) });
    return send(reply, file, PDF, 'overview.pdf');
  });

  r.get('/api/print/villages/:code/rosters/:kind.pdf', doc.file('打印村花名册（贫困户、减贫人口、测算减贫人口、低保户、五保户；A4 横向 PDF）', '花名册（PDF）', { params: rosterParams, querystring: rosterQuery, access: 'registry.read' }), async (req, reply) => {
    const auth = authOf(req);
    const file = await svc.rosterPdf(auth, req.params.code, req.params.kind, req.query.year);
    await services.audit.event(auth, 'export', { what: `${file.fileName.replace(/\.pdf$/, '')}打印`, region: req.params.code, masked: !maySeeIdNumbers(auth) });
    return send(reply, file, PDF, `roster-${req.params.kind}.pdf`);
  });

  r.get('/api/print/townships/:code/rosters/:kind.pdf', doc.file('打印乡镇花名册（每村一页；A4 横向 PDF）', '乡镇花名册（PDF）', { params: townshipRosterParams, querystring: rosterQuery, access: 'registry.read' }), async (req, reply) => {
    const auth = authOf(req);
    const file = await svc.townshipRosterPdf(auth, req.params.code, req.params.kind, req.query.year);
    await services.audit.event(auth, 'export', { what: `${file.fileName.replace(/\.pdf$/, '')}打印`, region: req.params.code, masked: !maySeeIdNumbers(auth) });
    return send(reply, file, PDF, `township-roster-${req.params.kind}.pdf`);
  });

  r.get('/api/print/procedures/:id/confirmation.pdf', doc.file('打印贫困户脱贫确认表（PDF）', '脱贫确认表（PDF）', { params: printProcedureParams, access: 'procedures.read' }), async (req, reply) => {
    const auth = authOf(req);
    const file = await svc.confirmationPdf(auth, req.params.id);
    await services.audit.event(auth, 'export', { what: '脱贫确认表打印', procedureId: req.params.id, masked: !maySeeIdNumbers(auth) });
    return send(reply, file, PDF, 'confirmation.pdf');
  });

  r.get('/api/print/procedures/:id/notice.pdf', doc.file('打印程序某一步的公示或公告（PDF；?step= 指定步骤）', '公示、公告（PDF）', { params: printProcedureParams, querystring: noticeQuery, access: 'procedures.read' }), async (req, reply) => {
    const auth = authOf(req);
    const file = await svc.noticePdf(auth, req.params.id, req.query.step);
    await services.audit.event(auth, 'export', { what: '公示公告打印', procedureId: req.params.id, step: req.query.step ?? null, masked: true });
    return send(reply, file, PDF, 'notice.pdf');
  });

  r.get('/api/print/procedures/:id/notice.docx', doc.file('下载程序某一步的公示或公告（Word，可编辑；?step= 指定步骤）', '公示、公告（.docx）', { params: printProcedureParams, querystring: noticeQuery, access: 'procedures.read' }), async (req, reply) => {
    const auth = authOf(req);
    const file = await svc.noticeDocx(auth, req.params.id, req.query.step);
    await services.audit.event(auth, 'export', { what: '公示公告下载', procedureId: req.params.id, step: req.query.step ?? null, masked: true });
    return send(reply, file, DOCX, 'notice.docx');
  });
}
