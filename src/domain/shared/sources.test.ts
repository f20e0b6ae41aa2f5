import { describe, expect, it } from 'vitest';
import { cite, citeShort, citeWords, SOURCES, type SourceKey } from './sources';

describe('the source documents', () => {
  // A document with a 文号 is cited by 文号 and title, shortly by its 文号; one without, by title, issuer and year, shortly
  // by its title. Each document's own heading: seed 002 “安协发〔2018〕2号 关于印发《政协安化县委员会2018年“脱贫攻坚专项行动”
  // 实施方案》的通知”; seed 003 “广东省扶贫开发领导小组文件 粤农扶组〔2019〕31号”; seed 004 quotes “省政府办公厅印发关于产业扶贫
  // 等6个方面存在问题整改落实方案的通知(皖政办秘2017152号)”. Seed 000 “全省政协系统“我为扶贫攻坚做件事”活动电子台账指标解释及填报
  // 说明” and the 2017 briefing have no 文号.
  it.each<[SourceKey, string]>([
    ['anhua2018', '安协发〔2018〕2号《政协安化县委员会2018年“脱贫攻坚专项行动”实施方案》'],
    ['guangdong2019', '粤农扶组〔2019〕31号《广东省扶贫开发领导小组关于印发〈2019年地级以上市党委和政府扶贫开发工作成效考核方案〉〈广东省东西部扶贫协作成效评价办法〉的通知》'],
    ['anhuiRectification2017', '皖政办秘〔2017〕152号《关于印发产业扶贫等6个方面存在问题整改落实方案的通知》'],
    ['cppccLedger', '《全省政协系统“我为扶贫攻坚做件事”活动电子台账指标解释及填报说明》（四川省政协）'],
    ['maanshan2017', '《脱贫攻坚考核要求变化、脱贫攻坚工作大排查、脱贫攻坚主要问题建议》（安徽省马鞍山市，2017年）'],
    ['qingyangMaterials', '《精准扶贫政策资料包·精准扶贫资料汇编》（甘肃省庆阳市）'],
  ])('%s is cited as %s', (key, expected) => {
    const { number, title } = SOURCES[key];
    expect(cite(key)).toBe(expected);
    expect(citeShort(key)).toBe(number ?? `《${title}》`);
  });

  it('quotes the words a rule applies after the citation', () => {
    expect(citeWords('anhuiRectification2017', '每名帮扶联系人所联系的贫困家庭一般不超过3户')).toBe(
      '皖政办秘〔2017〕152号《关于印发产业扶贫等6个方面存在问题整改落实方案的通知》：每名帮扶联系人所联系的贫困家庭一般不超过3户',
    );
  });

  it('names every document by what it is, never by the file it was transcribed from', () => {
    for (const d of Object.values(SOURCES)) {
      expect(JSON.stringify(d)).not.toMatch(/种子|seed|\d{3}_/i);
      expect(d.title).not.toMatch(/[《》]/);
      if (d.number) expect(d.number).toMatch(/^\p{Script=Han}+〔\d{4}〕\d+号$/u);
    }
  });
});
