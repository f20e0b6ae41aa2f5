/**
 * Printed village lists and notices (issue 12): 贫困户精准扶贫一览表 (A3 landscape), the 花名册 (A4 landscape), the
 * 脱贫确认表 of a household exit, and a procedure step's 公示 / 公告 as PDF and as Word. Each print is audited as an export.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noticeQuery, printProcedureParams, printVillageParams, rosterParams, rosterQuery, townshipRosterParams } from '../../contract/print-lists';
import { authOf, type Auth } from '../auth/access';
import { routeOptions } from '../http/route';
import type { Services } from '../services';
import type { PrintedFile } from './list-service';
import { auditPrint, sendPrinted } from './printed';

/** A roster's print is recorded under its title (the file's name). */
const rosterPrinted = (file: PrintedFile) => `${file.fileName.replace(/\.pdf$/, '')}打印`;

export async function listPrintRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.printLists;
  const doc = routeOptions(['print']);
  /** Prints for the caller, records the print as an export of `what` (with `details`) and answers with the file. */
  async function answer(req: FastifyRequest, reply: FastifyReply, print: (auth: Auth) => Promise<PrintedFile>, ascii: string, what: string | ((file: PrintedFile) => string), details: Record<string, unknown>) {
    const auth = authOf(req);
    const file = await print(auth);
    await auditPrint(services.audit, auth, typeof what === 'string' ? what : what(file), details);
    return sendPrinted(reply, file, ascii);
  }

  r.get('/api/print/villages/:code/overview.pdf', doc.file('打印村贫困户精准扶贫一览表（A3 横向 PDF）', '贫困户精准扶贫一览表（PDF）', { params: printVillageParams, access: 'registry.read' }), async (req, reply) =>
    answer(req, reply, (auth) => svc.overviewPdf(auth, req.params.code), 'overview.pdf', '贫困户精准扶贫一览表打印', { region: req.params.code }),
  );

  r.get('/api/print/villages/:code/rosters/:kind.pdf', doc.file('打印村花名册（贫困户、减贫人口、测算减贫人口、低保户、五保户；A4 横向 PDF）', '花名册（PDF）', { params: rosterParams, querystring: rosterQuery, access: 'registry.read' }), async (req, reply) =>
    answer(req, reply, (auth) => svc.rosterPdf(auth, req.params.code, req.params.kind, req.query.year), `roster-${req.params.kind}.pdf`, rosterPrinted, { region: req.params.code }),
  );

  r.get('/api/print/townships/:code/rosters/:kind.pdf', doc.file('打印乡镇花名册（每村一页；A4 横向 PDF）', '乡镇花名册（PDF）', { params: townshipRosterParams, querystring: rosterQuery, access: 'registry.read' }), async (req, reply) =>
    answer(req, reply, (auth) => svc.townshipRosterPdf(auth, req.params.code, req.params.kind, req.query.year), `township-roster-${req.params.kind}.pdf`, rosterPrinted, { region: req.params.code }),
  );

  r.get('/api/print/procedures/:id/confirmation.pdf', doc.file('打印贫困户脱贫确认表（PDF）', '脱贫确认表（PDF）', { params: printProcedureParams, access: 'procedures.read' }), async (req, reply) =>
    answer(req, reply, (auth) => svc.confirmationPdf(auth, req.params.id), 'confirmation.pdf', '脱贫确认表打印', { procedureId: req.params.id }),
  );

  // A notice (公示, 公告) holds no ID numbers.
  r.get('/api/print/procedures/:id/notice.pdf', doc.file('打印程序某一步的公示或公告（PDF；?step= 指定步骤）', '公示、公告（PDF）', { params: printProcedureParams, querystring: noticeQuery, access: 'procedures.read' }), async (req, reply) =>
    answer(req, reply, (auth) => svc.noticePdf(auth, req.params.id, req.query.step), 'notice.pdf', '公示公告打印', { procedureId: req.params.id, step: req.query.step ?? null, masked: true }),
  );

  r.get('/api/print/procedures/:id/notice.docx', doc.file('下载程序某一步的公示或公告（Word，可编辑；?step= 指定步骤）', '公示、公告（.docx）', { params: printProcedureParams, querystring: noticeQuery, access: 'procedures.read' }), async (req, reply) =>
    answer(req, reply, (auth) => svc.noticeDocx(auth, req.params.id, req.query.step), 'notice.docx', '公示公告下载', { procedureId: req.params.id, step: req.query.step ?? null, masked: true }),
  );
}
