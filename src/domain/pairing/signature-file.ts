/**
 * A visit's signature file (seed 004: “帮扶成效签字：帮扶人与被帮扶人签字确认帮扶落实情况”; “贫困户签字或按手印”): a photo or
 * scan of the signed sheet — an image (JPEG, PNG, GIF, WebP) or a PDF, checked by its declared type and by its first
 * bytes, so a renamed file of another kind is refused.
 */
import type { FieldError } from '../shared/errors';

export const MAX_SIGNATURE_BYTES = 10 * 1024 * 1024;
export const SIGNATURE_ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf';

const KINDS: ReadonlyArray<{ mime: string[]; name: string; magic: (b: Uint8Array) => boolean }> = [
  { mime: ['image/jpeg', 'image/jpg', 'image/pjpeg'], name: 'JPEG', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: ['image/png'], name: 'PNG', magic: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x) },
  { mime: ['image/gif'], name: 'GIF', magic: (b) => ascii(b, 0, 4) === 'GIF8' },
  { mime: ['image/webp'], name: 'WebP', magic: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { mime: ['application/pdf'], name: 'PDF', magic: (b) => ascii(b, 0, 5) === '%PDF-' },
];

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/** Null when the file may be kept as a signature, otherwise the problem on the field `file`. */
export function signatureFileProblem(file: { mime: string; size: number; head: Uint8Array }, maxBytes = MAX_SIGNATURE_BYTES): FieldError | null {
  const at = (message: string): FieldError => ({ field: 'file', label: '签字材料', message });
  if (file.size === 0) return at('文件为空');
  if (file.size > maxBytes) return at(`文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const kind = KINDS.find((k) => k.mime.includes(file.mime.toLowerCase()));
  if (!kind) return at('只能上传图片（JPG、PNG、GIF、WebP）或 PDF 文件');
  if (!kind.magic(file.head)) return at(`文件内容不是 ${kind.name} 格式，请上传签字页的照片或扫描件`);
  return null;
}
