import { describe, expect, it } from 'vitest';
import { leaderVillageProblems, type LeaderVillageInput } from './leader-village';

const base = { fromOn: '2018-03-09' };

// Seed 002: “主席、副主席按照县委统一安排帮扶联系贫困村”; “县政协机关帮扶村：仙溪镇三星村”; “由县经促会统一安排各经促分会帮扶的
// 贫困村”; “由县工商联统一安排所属乡镇基层商会、行业商会及会员企业帮扶的贫困村”.
describe('leaderVillageProblems', () => {
  it.each<[string, LeaderVillageInput]>([
    ['a chair linked to a village', { ...base, kind: '领导联系村', memberId: 7 }],
    ['the office’s own village', { ...base, kind: '机关定点帮扶村' }],
    ['a 经促分会 named', { ...base, kind: '经促分会帮扶村', holder: '第一经促分会' }],
    ['a chamber named', { ...base, kind: '工商联商会帮扶村', holder: '平口镇商会' }],
    ['a chamber through a member', { ...base, kind: '工商联商会帮扶村', memberId: 9 }],
    ['with an end date', { ...base, kind: '机关定点帮扶村', toOn: '2018-12-31' }],
  ])('%s is accepted', (_name, input) => {
    expect(leaderVillageProblems(input)).toEqual([]);
  });

  it.each<[string, LeaderVillageInput, string, string]>([
    ['an unknown kind', { ...base, kind: '其他' }, 'kind', '应为领导联系村、机关定点帮扶村、经促分会帮扶村、工商联商会帮扶村之一'],
    ['a leader’s village without the leader', { ...base, kind: '领导联系村', holder: '主席' }, 'memberId', '领导联系村须选择联系的主席或副主席（委员）'],
    ['a 经促分会 village without the 分会', { ...base, kind: '经促分会帮扶村', holder: ' ' }, 'holder', '经促分会帮扶村须填写帮扶的经促分会名称，或选择委员'],
    ['a chamber village without the chamber', { ...base, kind: '工商联商会帮扶村' }, 'holder', '工商联商会帮扶村须填写帮扶的商会或会员企业名称，或选择委员'],
    ['a bad start date', { kind: '机关定点帮扶村', fromOn: '2018-02-30' }, 'fromOn', '应为 YYYY-MM-DD'],
    ['an end before the start', { ...base, kind: '机关定点帮扶村', toOn: '2018-01-01' }, 'toOn', '不能早于起始日期 2018-03-09'],
  ])('%s is refused on %s', (_name, input, field, message) => {
    expect(leaderVillageProblems(input).map((f) => [f.field, f.message])).toEqual([[field, message]]);
  });
});
