/**
 * A figure a rule computed by dividing (a per-capita income, an incidence), written so the reader sees what the rule
 * compared (issue 10: “3,300 元 … 标准 3,300 元：超过标准” for 13,201 元 ÷ 4 人 read as a contradiction).
 *
 * Exact when the quotient ends within 4 decimals (13,201 ÷ 4 → `3,300.25`); otherwise marked 约 and rounded to as many
 * decimals as the divisor has digits (at least 2), which never rounds a quotient onto a whole number it is not:
 * 9,901 ÷ 3 → `约 3,300.33`. `minDecimals` pads an exact quotient (a percentage: `3.00`). Integers only (amounts are
 * integer yuan); the divisor must be positive.
 */
export function quotientText(numerator: number, denominator: number, minDecimals = 0): string {
  const sign = numerator < 0 ? '-' : '';
  const n = Math.abs(numerator);
  const whole = Math.floor(n / denominator);
  let rest = n % denominator;
  let digits = '';
  while (rest !== 0 && digits.length < 4) {
    rest *= 10;
    digits += String(Math.floor(rest / denominator));
    rest %= denominator;
  }
  if (rest === 0) {
    const decimals = digits.padEnd(minDecimals, '0');
    return `${sign}${grouped(whole)}${decimals ? `.${decimals}` : ''}`;
  }
  const places = Math.max(2, minDecimals, String(denominator).length);
  const scale = 10 ** places;
  // round half up on integers: ⌊(2·n·scale + d) / 2d⌋
  const scaled = Math.floor((2 * n * scale + denominator) / (2 * denominator));
  const fraction = String(scaled % scale).padStart(places, '0');
  return `约 ${sign}${grouped(Math.floor(scaled / scale))}.${fraction}`;
}

/** An amount of yuan as a reason text shows it: `13,201 元`, `3,300.25 元`. */
export function yuanText(yuan: number): string {
  return `${grouped(yuan)} 元`;
}

function grouped(n: number): string {
  return n.toLocaleString('zh-CN');
}
