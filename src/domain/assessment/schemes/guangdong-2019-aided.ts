/**
 * Guangdong 2019, aided cities (seed 003, 附件 1-2：2019 年被帮扶市党委和政府扶贫开发工作成效考核指标表): the 14 cities
 * “有脱贫攻坚任务的粤东粤西粤北地区和惠州、肇庆等 14 个地级市党委和政府”, 17 indicators, each graded 好 / 较好 / 一般 / 较差
 * by each of the three methods. 考核指标 and 数据来源 are the table's words; the numbering (“1.”, “一、”) is dropped and
 * cells the PDF broke over lines are joined (“组织部门和 实地核查” → “组织部门和实地核查”).
 */
import type { Scheme } from '../scheme';
import type { Consequence } from './consequence';
import { cityScheme, GUANGDONG_2019_CONSEQUENCES, GUANGDONG_2019_REDUCTION, type TableContent } from './guangdong-2019';

const TABLE: TableContent[] = [
  GUANGDONG_2019_REDUCTION,
  {
    key: 'targeted_help',
    name: '精准帮扶',
    groups: [
      {
        name: '责任落实',
        rows: [
          // The table's own full stop kept.
          ['leaders', '市级党委政府主要领导责任落实情况。', '实地核查'],
          ['secretary_visits', '党委书记遍访制度落实情况', '实地核查'],
          ['coordination', '扶贫开发领导小组统筹协调和行业扶贫责任制落实情况', '实地核查'],
        ],
      },
      {
        name: '政策落实',
        rows: [
          ['education', '贫困人口义务教育适龄儿童（少年）控辍保学、农村义务教育和贫困学生生活费补助政策落实情况', '教育部门和实地核查'],
          ['subsistence', '最低生活保障和养老保险政策落实情况', '民政、人社部门和实地核查'],
          ['medical', '医疗救助、基本医疗和大病保险政策落实情况', '医疗保障部门和实地核查'],
          ['housing', '落实危房改造政策情况', '住建部门和实地核查'],
          ['water', '落实饮水安全保障情况', '水利部门和实地核查'],
        ],
      },
      {
        name: '工作落实',
        rows: [
          ['party_building', '党建扶贫情况', '组织部门和实地核查'],
          ['industry', '产业扶贫情况', '农业农村等部门和实地核查'],
          ['consumption', '消费扶贫情况', '商务、供销、农业农村等部门和实地核查'],
          ['employment', '就业扶贫情况', '人社部门和实地核查'],
        ],
      },
    ],
  },
  {
    key: 'funds',
    name: '资金管理',
    groups: [
      { name: '扶贫资金使用和监管', rows: [['fund_use', '财政专项扶贫资金使用和监管情况', '财政、扶贫部门和实地核查']] },
      { name: '扶贫资金绩效', rows: [['fund_performance', '财政专项扶贫资金使用成效情况', '财政、扶贫部门和实地核查']] },
    ],
  },
  {
    key: 'identification',
    name: '精准识别',
    groups: [{ name: '贫困人口识别', rows: [['identification', '贫困人口识别质量和动态管理情况', '扶贫部门和实地核查']] }],
  },
];

const { scheme, secondLevel } = cityScheme(
  { id: 'guangdong-2019-aided', name: '2019年被帮扶市党委和政府扶贫开发工作成效考核' },
  '附件 1-2“2019 年被帮扶市党委和政府扶贫开发工作成效考核指标表”',
  TABLE,
);

export const GUANGDONG_2019_AIDED: Scheme = scheme;

/** Indicator key → its second-level 考核内容 (贫困地区减贫人口, 责任落实 …), which the Scheme tree cannot hold. */
export const GUANGDONG_2019_AIDED_SECOND_LEVEL: Record<string, string> = secondLevel;

export const GUANGDONG_2019_AIDED_CONSEQUENCES: Consequence[] = GUANGDONG_2019_CONSEQUENCES;

/** 二、考核对象: “粤东粤西粤北地区和惠州、肇庆等 14 个地级市” (the seed names only 惠州 and 肇庆; the list is the 14 by geography). */
export const GUANGDONG_2019_AIDED_CITIES = ['汕头', '韶关', '河源', '梅州', '惠州', '汕尾', '阳江', '湛江', '茂名', '肇庆', '清远', '潮州', '揭阳', '云浮'] as const;
