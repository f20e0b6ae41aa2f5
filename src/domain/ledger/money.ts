/**
 * Money is kept as integer yuan (元) and shown as 万元 with 4 decimals (DESIGN: no floating-point sums).
 * Seed 000 gives every fund source “单位为万元”; 0.0001 万元 is exactly 1 元, so 4 decimals of 万元 are whole yuan.
 */

export type ParseResult = { ok: true; yuan: number } | { ok: false; message: string };

const WAN_PATTERN = /^(\d{1,9})(?:\.(\d{1,4}))?$/;

/** Parses an amount in 万元 (a string as typed, or a number as a spreadsheet holds it) into integer yuan. */
export function parseWanYuan(input: string | number | null | undefined): ParseResult {
  if (input === null || input === undefined || input === '') return { ok: true, yuan: 0 };
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: '不是有效的数字' };
    if (input < 0) return { ok: false, message: '金额不能为负数' };
    const tenThousandths = input * 10000;
    if (Math.abs(tenThousandths - Math.round(tenThousandths)) > 1e-6 * Math.max(1, tenThousandths))
      return { ok: false, message: '最多保留 4 位小数（万元）' };
    // A spreadsheet cell holds a binary float: round it to 4 decimals before reading its digits.
    text = input.toFixed(4).replace(/\.?0+$/, '');
  } else {
    text = input.trim().replace(/,/g, '');
  }
  if (text.startsWith('-')) return { ok: false, message: '金额不能为负数' };
  if (/^\d+\.\d{5,}$/.test(text)) return { ok: false, message: '最多保留 4 位小数（万元）' };
  const match = WAN_PATTERN.exec(text);
  if (!match) return { ok: false, message: '应为以万元为单位的数字，最多 4 位小数' };
  const whole = Number(match[1]);
  const frac = Number((match[2] ?? '').padEnd(4, '0'));
  return { ok: true, yuan: whole * 10000 + frac };
}

/** Formats integer yuan as 万元 with exactly 4 decimals, e.g. 3 → "0.0003". */
export function formatWanYuan(yuan: number): string {
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(yuan));
  const whole = Math.floor(abs / 10000);
  const frac = String(abs % 10000).padStart(4, '0');
  return `${sign}${whole}.${frac}`;
}
