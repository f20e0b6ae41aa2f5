/**
 * The national assessment's field check of projects (issue 14, seed 004 国家考评要求): “从全国扶贫信息系统中随机抽取若干个项目进行
 * 实地抽查，按照项目实施和资金使用的流程一查到底”. A draw is random but reproducible: the same seed over the same projects draws
 * the same ones, so anyone can check that the sample was not chosen.
 */

/** A 32-bit hash of a text (FNV-1a), the seed of the generator. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small generator with a full 2^32 period, enough for drawing a sample. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` of `ids` drawn without replacement for `seed` (ids sorted first, so the order they come in does not matter), in
 * the order drawn. All of them when there are no more than `n`.
 */
export function drawSample(ids: readonly number[], n: number, seed: string): number[] {
  const pool = [...new Set(ids)].sort((a, b) => a - b);
  const next = generator(hash(seed));
  const take = Math.min(Math.max(0, Math.trunc(n)), pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}
