import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../registry/id-number';
import { handbookCheck, type HandbookFacts } from './handbook-check';

/**
 * Seed 004, 扶贫手册“四个三”: “基础信息必须准确（三个一致：扶贫手册、信息系统、农户实际），帮扶措施必须细致，帮扶成效必须真实
 * （一收入两不愁三保障）”.
 */
const id17 = '51343119800101123';
const good = `${id17}${checkCharacter(id17)}`;
const full: HandbookFacts = {
  year: 2026,
  members: [{ name: '吉克阿呷', idNumber: good }],
  attribute: '一般贫困户',
  mainCause: '缺技术',
  helpers: 1,
  visits: 2,
  measures: 1,
  incomeRecorded: true,
  foodSecure: true,
  clothingSecure: true,
  housingSafe: true,
  drinkingWaterSafe: true,
};
const items = (f: Partial<HandbookFacts>) =>
  handbookCheck({ ...full, ...f })
    .parts.flatMap((p) => p.gaps)
    .map((g) => `${g.part}:${g.item}`);

describe('handbookCheck (扶贫手册“四个三”, seed 004)', () => {
  it.each<[string, Partial<HandbookFacts>, string[]]>([
    ['a complete handbook', {}, []],
    ['no members (基础信息必须准确)', { members: [] }, ['basic:家庭成员']],
    ['an ID number with a wrong check character', { members: [{ name: '阿说', idNumber: `${id17}${checkCharacter(id17) === '0' ? '1' : '0'}` }] }, ['basic:身份证号']],
    ['no attribute, no cause', { attribute: '', mainCause: '' }, ['basic:贫困户属性', 'basic:致贫原因']],
    ['no helper, no visit, no measure (帮扶措施必须细致)', { helpers: 0, visits: 0, measures: 0 }, ['measures:帮扶责任人', 'measures:走访记录', 'measures:帮扶措施']],
    ['no income this year (一收入)', { incomeRecorded: false }, ['results:一收入']],
    ['housing not recorded as safe (两不愁三保障)', { housingSafe: false }, ['results:两不愁三保障']],
  ])('%s', (_n, f, want) => {
    expect(items(f)).toEqual(want);
  });

  it('names the three parts in the document’s words', () => {
    const c = handbookCheck({ ...full, incomeRecorded: false });
    expect(c.complete).toBe(false);
    expect(c.parts.map((p) => p.label)).toEqual(['基础信息必须准确', '帮扶措施必须细致', '帮扶成效必须真实']);
    expect(c.parts[2]!.gaps[0]!.message).toBe('未登记 2026 年收入');
  });
});
