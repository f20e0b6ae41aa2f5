import type { FastifyReply } from 'fastify';
import { maySeeIdNumbers, type Auth } from '../auth/access';
import type { AuditService } from '../audit/service';

/** The print routes' answers (issue 12), for the household prints and the village lists alike. */
export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The headers of a printed file named `fileName` (RFC 5987, `ascii` the fallback name): a PDF opens in the browser's
 * viewer (to print), a Word file is downloaded (to edit).
 */
export function printedHeaders(fileName: string, ascii: string): Record<string, string> {
  const type = fileName.endsWith('.docx') ? DOCX : PDF;
  const how = type === PDF ? 'inline' : 'attachment';
  return { 'content-type': type, 'content-disposition': `${how}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}` };
}

/** Answers with a printed file (`printedHeaders`). */
export function sendPrinted(reply: FastifyReply, file: { fileName: string; content: Buffer }, ascii: string): FastifyReply {
  return reply.headers(printedHeaders(file.fileName, ascii)).send(file.content);
}

/**
 * Records a print as an export of personal data (DESIGN): `what` was printed, with `details` naming the record, and
 * whether its ID numbers were masked — as the user's permission has them, unless `details` says (a notice holds none).
 */
export function auditPrint(audit: AuditService, auth: Auth, what: string, details: Record<string, unknown>): Promise<void> {
  return audit.event(auth, 'export', { what, masked: !maySeeIdNumbers(auth), ...details });
}
