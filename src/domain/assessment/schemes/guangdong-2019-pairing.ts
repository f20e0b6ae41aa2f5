/**
 * Guangdong 2019, pairing cities (seed 003, 附件 1-3：2019 年对口帮扶市党委和政府扶贫开发工作成效考核指标表): “承担对口帮扶
 * 任务的珠三角地区广州、深圳、珠海、佛山、东莞、中山等 6 个地级市党委和政府”, 8 indicators graded 好 / 较好 / 一般 / 较差 by
 * each of the three methods. Words as in the table, numbering dropped.
 */
import type { Scheme } from '../scheme';
import type { Consequence } from './consequence';
import { cityScheme, GUANGDONG_2019_CONSEQUENCES, GUANGDONG_2019_REDUCTION, type TableContent } from './guangdong-2019';

const TABLE: TableContent[] = [
  GUANGDONG_2019_REDUCTION,
  {
    key: 'targeted_help',
    // The table prints “二、精准帮扶 (协议落实 情况)”, broken over lines; 四(二)2 says “精准帮扶。《广东省对口扶贫协议书（2019—2020年）》落实情况”.
    name: '精准帮扶（协议落实情况）',
    groups: [
      { name: '责任落实', rows: [['leader_visits', '党委政府主要领导到对口帮扶地区调研对接脱贫攻坚情况', '实地核查']] },
      {
        name: '工作落实',
        rows: [
          ['work_teams', '选派驻县工作组和驻村工作队驻村帮扶情况', '各地提供和实地核查'],
          ['industry_projects', '实施带贫益贫产业帮扶项目情况', '农业农村等部门和实地核查'],
          ['consumption', '消费扶贫情况', '商务、供销、农业农村等部门和实地核查'],
          ['employment', '就业帮扶协议任务完成情况', '人社部门和实地核查'],
        ],
      },
    ],
  },
  {
    key: 'funds',
    name: '资金管理',
    groups: [{ name: '扶贫资金监管和使用', rows: [['fund_use', '财政专项扶贫资金使用和监管情况', '财政、扶贫部门和实地核查']] }],
  },
];

const { scheme, secondLevel } = cityScheme(
  { id: 'guangdong-2019-pairing', name: '2019年对口帮扶市党委和政府扶贫开发工作成效考核' },
  '附件 1-3“2019 年对口帮扶市党委和政府扶贫开发工作成效考核指标表”',
  TABLE,
);

export const GUANGDONG_2019_PAIRING: Scheme = scheme;

export const GUANGDONG_2019_PAIRING_SECOND_LEVEL: Record<string, string> = secondLevel;

/** 六(五) speaks of “地级以上市” — the pairing cities as well as the aided ones. */
export const GUANGDONG_2019_PAIRING_CONSEQUENCES: Consequence[] = GUANGDONG_2019_CONSEQUENCES;

/** 二、考核对象. */
export const GUANGDONG_2019_PAIRING_CITIES = ['广州', '深圳', '珠海', '佛山', '东莞', '中山'] as const;
