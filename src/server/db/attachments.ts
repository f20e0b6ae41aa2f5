import { AppError } from '../../domain/shared/errors';
import { attachments } from './schema';

/** The columns of an attachment without its content (lists of evidence files and signatures). */
export const attachmentMeta = {
  id: attachments.id,
  ownerType: attachments.ownerType,
  ownerId: attachments.ownerId,
  stepIndex: attachments.stepIndex,
  kind: attachments.kind,
  fileName: attachments.fileName,
  mime: attachments.mime,
  size: attachments.size,
  userId: attachments.userId,
  at: attachments.at,
};
export type AttachmentMeta = Omit<typeof attachments.$inferSelect, 'content'>;

/**
 * The kinds of file an attachment may be, each known by its first bytes (DESIGN: “type checked from the bytes”): the
 * declared type of an upload is never trusted, and what is stored and served is the type the content shows.
 */
export interface FileKind {
  mime: string;
  /** As the user reads it. */
  name: string;
  /** Other spellings of the type a client may declare for it. */
  aliases?: string[];
}

const JPEG: FileKind = { mime: 'image/jpeg', name: 'JPEG', aliases: ['image/jpg', 'image/pjpeg'] };
const PNG: FileKind = { mime: 'image/png', name: 'PNG' };
const GIF: FileKind = { mime: 'image/gif', name: 'GIF' };
const WEBP: FileKind = { mime: 'image/webp', name: 'WebP' };
const PDF: FileKind = { mime: 'application/pdf', name: 'PDF' };
const DOCX: FileKind = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'Word（.docx）' };
const XLSX: FileKind = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: 'Excel（.xlsx）' };
const DOC: FileKind = { mime: 'application/msword', name: 'Word（.doc）' };

/** What each kind of attachment accepts, how the accepted types are named, what a mismatch is told. */
export const ATTACHMENT_KINDS = {
  /** 佐证材料 of a procedure: meeting minutes, photos, notices. */
  evidence: { kinds: [JPEG, PNG, GIF, WEBP, PDF, DOCX, XLSX, DOC], accepts: '图片（JPG、PNG、GIF、WebP）、PDF 或 Word、Excel 文件', mismatch: '与声明的文件类型不符' },
  /** 签字材料 of a visit: a photo or scan of the signed sheet. */
  signature: { kinds: [JPEG, PNG, GIF, WEBP, PDF], accepts: '图片（JPG、PNG、GIF、WebP）或 PDF 文件', mismatch: '请上传签字页的照片或扫描件' },
} as const;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The kind the bytes show, or null when they are none of the kinds known here. */
export function sniffFileKind(b: Uint8Array): FileKind | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return JPEG;
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return PNG;
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return GIF;
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return WEBP;
  if (ascii(b, 0, 5) === '%PDF-') return PDF;
  if ([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((x, i) => b[i] === x)) return DOC;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    // An Office Open XML package: a zip whose parts are named in its (uncompressed) central directory at the end.
    const names = Buffer.from(b.buffer, b.byteOffset, b.byteLength).subarray(Math.max(0, b.byteLength - 256 * 1024)).toString('latin1');
    if (names.includes('word/document.xml')) return DOCX;
    if (names.includes('xl/workbook.xml')) return XLSX;
  }
  return null;
}

/**
 * The type an uploaded attachment is kept as: what its bytes show, when that is a type accepted here and agrees with
 * the declared type (a client that declares nothing specific, application/octet-stream, is judged by the bytes alone).
 * Anything else is refused, naming the type expected.
 */
export function checkAttachment(kind: keyof typeof ATTACHMENT_KINDS, file: { mime: string; bytes: Uint8Array }, label: string): { mime: string } {
  const rule = ATTACHMENT_KINDS[kind];
  const accepted: readonly FileKind[] = rule.kinds;
  const refuse = (message: string) => new AppError('VALIDATION', `${label}：${message}`, { fields: [{ field: 'file', label, message }] });
  if (file.bytes.length === 0) throw refuse('文件为空');
  const declared = file.mime.toLowerCase().split(';')[0]!.trim();
  const declaredKind = accepted.find((k) => k.mime === declared || k.aliases?.includes(declared));
  const generic = declared === '' || declared === 'application/octet-stream';
  if (!declaredKind && !generic) throw refuse(`只能上传${rule.accepts}`);
  const found = sniffFileKind(file.bytes);
  const shown = found && accepted.includes(found) ? found : null;
  if (declaredKind && shown !== declaredKind) throw refuse(`文件内容不是 ${declaredKind.name} 格式，${rule.mismatch}`);
  if (!shown) throw refuse(`文件内容不是可接受的类型：只能上传${rule.accepts}`);
  return { mime: shown.mime };
}

const SERVED_TYPES = new Set<string>([...ATTACHMENT_KINDS.evidence.kinds, ...ATTACHMENT_KINDS.signature.kinds].map((k) => k.mime));
/**
 * Headers for sending an attachment: its stored type only when it is one accepted here (anything else as bytes),
 * `nosniff` so that no browser guesses another, always a download (never shown in the page's origin), and the file
 * name as RFC 6266 / 5987 spell it, with an ASCII fallback.
 */
export function attachmentHeaders(a: { mime: string; fileName: string }): Record<string, string> {
  const type = SERVED_TYPES.has(a.mime) ? a.mime : 'application/octet-stream';
  const name = a.fileName || 'file';
  const fallback = name.replace(/[^\x20-\x7e]|["\\;%]/g, '_').trim() || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'content-disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`,
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  };
}
