/**
 * The statutory reading of bound words (issue 3, after the convention of Chinese legal texts): 以上 / 以下 include
 * the number itself; 低于 / 超过 / 不含本数 exclude it. Each rule names the word it applies, so its test can cite it.
 */
export type BoundWord = '以上' | '以下' | '低于' | '超过' | '高于' | '大于' | '不含本数以上';

export function meetsBound(value: number, word: BoundWord, bound: number): boolean {
  switch (word) {
    case '以上':
      return value >= bound;
    case '以下':
      return value <= bound;
    case '低于':
      return value < bound;
    case '超过':
    case '高于':
    case '大于':
    case '不含本数以上':
      return value > bound;
  }
}

/** Compares two fractions a/b and c/d exactly (positive denominators), so no rounding decides a verdict. */
export function meetsRatioBound(numerator: number, denominator: number, word: BoundWord, boundNumerator: number, boundDenominator: number): boolean {
  // a/b ? c/d  ⇔  a·d ? c·b
  return meetsBound(numerator * boundDenominator, word, boundNumerator * denominator);
}
