import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { villageHandbooksQuery } from '../../contract/print';
import { villageParams } from '../../contract/registry/villages';
import { idParams } from '../../contract/zod';
import { authOf } from '../auth/access';
import { routeOptions } from '../http/route';
import type { Services } from '../services';
import { auditPrint, printedHeaders } from './printed';

/** A PDF shown in the browser's viewer (a new tab prints it), named for a download. */
export function pdfHeaders(name: string): Record<string, string> {
  return {
    ...printedHeaders(`${name}.pdf`, 'print.pdf'),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  };
}

/** The web's address for the QR codes: TAIZHANG_PUBLIC_URL when set (behind a proxy), else the request's own. */
export function publicOrigin(req: FastifyRequest): string {
  return process.env.TAIZHANG_PUBLIC_URL?.trim() || `${req.protocol}://${req.host}`;
}

const send = (reply: FastifyReply, name: string, pdf: Buffer) => reply.headers(pdfHeaders(name)).send(pdf);

/** 扶贫手册, 贫困户登记表, 明白卡, 脱贫光荣证 and a village's handbooks as PDF (issue 12); each print is an export of personal data. */
export async function householdPrintRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = services.printHousehold;
  const doc = routeOptions(['print']);
  const audit = (req: FastifyRequest, what: string, details: Record<string, unknown>) => auditPrint(services.audit, authOf(req), what, details);

  r.get('/api/print/households/:id/handbook.pdf', doc.file('打印扶贫手册（PDF，A4 纵向）', '扶贫手册（.pdf）', { params: idParams, access: 'registry.read' }), async (req, reply) => {
    const out = await svc.handbookPdf(authOf(req), req.params.id);
    await audit(req, '扶贫手册', { rows: 1, householdId: req.params.id, regionCode: out.villageCode });
    return send(reply, out.title, out.pdf);
  });
  r.get('/api/print/households/:id/registration.pdf', doc.file('打印贫困户登记表（PDF，A4 纵向）', '贫困户登记表（.pdf）', { params: idParams, access: 'registry.read' }), async (req, reply) => {
    const out = await svc.registrationPdf(authOf(req), req.params.id);
    await audit(req, '贫困户登记表', { rows: 1, householdId: req.params.id, regionCode: out.villageCode });
    return send(reply, out.title, out.pdf);
  });
  r.get('/api/print/households/:id/card.pdf', doc.file('打印明白卡（PDF，含打开本户页面的二维码）', '明白卡（.pdf）', { params: idParams, access: 'registry.read' }), async (req, reply) => {
    const out = await svc.cardPdf(authOf(req), req.params.id, publicOrigin(req));
    await audit(req, '明白卡', { rows: 1, householdId: req.params.id, regionCode: out.villageCode });
    return send(reply, out.title, out.pdf);
  });
  r.get('/api/print/procedures/:id/certificate.pdf', doc.file('打印脱贫光荣证（PDF，一页）', '脱贫光荣证（.pdf）', { params: idParams, access: 'procedures.read' }), async (req, reply) => {
    const out = await svc.certificatePdf(authOf(req), req.params.id);
    await audit(req, '脱贫光荣证', { rows: 1, certificateNo: out.certificate.certificateNo, procedureId: req.params.id });
    return send(reply, out.title, out.pdf);
  });
  r.get('/api/print/villages/:code/handbooks.pdf', doc.file('批量打印本村扶贫手册（一个 PDF，每户另起一页）', '本村扶贫手册（.pdf）', { params: villageParams, querystring: villageHandbooksQuery, access: 'registry.read' }), async (req, reply) => {
    const out = await svc.villageHandbooksPdf(authOf(req), req.params.code, req.query);
    await audit(req, '扶贫手册（批量）', { rows: out.households, regionCode: req.params.code });
    return send(reply, out.title, out.pdf);
  });
}
