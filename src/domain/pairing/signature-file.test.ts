import { describe, expect, it } from 'vitest';
import { signatureFileProblem } from './signature-file';

const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const PDF = bytes('%PDF-1.4\n');
const WEBP = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ');

// Seed 004: “帮扶成效签字：帮扶人与被帮扶人签字确认帮扶落实情况” — the signed sheet kept as a photo or a scan.
describe('signatureFileProblem', () => {
  it.each([
    ['image/png', PNG],
    ['image/jpeg', JPEG],
    ['application/pdf', PDF],
    ['image/webp', WEBP],
    ['image/gif', bytes('GIF89a')],
  ])('%s is kept', (mime, head) => {
    expect(signatureFileProblem({ mime, size: 1000, head })).toBeNull();
  });

  it.each([
    ['application/pdf', 0, PDF, '文件为空'],
    ['application/pdf', 10 * 1024 * 1024 + 1, PDF, '文件超过 10 MB'],
    ['application/msword', 1000, bytes('PK'), '只能上传图片（JPG、PNG、GIF、WebP）或 PDF 文件'],
    ['text/html', 1000, bytes('<html>'), '只能上传图片（JPG、PNG、GIF、WebP）或 PDF 文件'],
    ['application/pdf', 1000, bytes('<html>'), '文件内容不是 PDF 格式，请上传签字页的照片或扫描件'],
    ['image/png', 1000, JPEG, '文件内容不是 PNG 格式，请上传签字页的照片或扫描件'],
  ])('%s of %i bytes is refused: %s', (mime, size, head, message) => {
    expect(signatureFileProblem({ mime, size, head })).toEqual({ field: 'file', label: '签字材料', message });
  });
});
