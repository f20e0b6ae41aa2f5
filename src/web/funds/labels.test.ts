import { describe, expect, it } from 'vitest';
import { allocationInput, findingInput, findingUpdate, paymentInput, projectInput, sampleInput } from '../../contract/funds';
import { cite } from '../../domain/shared/sources';
import { FIELD_LABELS, SPENDING_POINTS_BASIS, USE_LISTS_BASIS } from './labels';

describe('funds labels', () => {
  it.each([
    ['allocationInput', allocationInput],
    ['projectInput', projectInput],
    ['paymentInput', paymentInput],
    ['findingInput', findingInput],
    ['findingUpdate', findingUpdate],
    ['sampleInput', sampleInput],
  ] as const)('name every field of %s in Chinese, so a refusal names its field', (_name, schema) => {
    for (const key of Object.keys(schema.shape)) expect(FIELD_LABELS[key], key).toMatch(/[\u4e00-\u9fff]/);
  });
  it('cite the document by its title, with its words', () => {
    // Seed 004: “资金支出进度要求：（1）2017年扶贫资金支出进度高于92%（不含本数）得满分7分……”
    expect(SPENDING_POINTS_BASIS.startsWith(cite('maanshan2017'))).toBe(true);
    expect(SPENDING_POINTS_BASIS).toContain('高于92%（不含本数）得满分7分');
    expect(USE_LISTS_BASIS).toContain('不得用于行政事业单位基本支出');
    expect(SPENDING_POINTS_BASIS + USE_LISTS_BASIS).not.toMatch(/seed|种子/i);
  });
});
