import { describe, expect, it } from 'vitest';
import { NEGATIVE_CLAUSE_TEXT, NEGATIVE_CLAUSES, POSITIVE_USE_LABELS, POSITIVE_USES } from './catalog';
import { checkUse, negativeClauseOf } from './uses';

// Seed 004 严格扶贫资金使用管理: “正面清单:支持用于产业脱贫、就业脱贫、易地扶贫搬迁、生态保护脱贫、智力扶贫、社保兜底脱贫、健康脱贫、
// 基础设施建设扶贫、金融扶贫和社会扶贫等。负面清单:不得用于行政事业单位基本支出、交通工具及通讯设备、各种奖金、津贴和福利补助、弥补企业
// 亏损、修建楼堂馆所、弥补预算支出缺口和偿还债务、大中型基本建设项目、城市基础设施建设和城市扶贫等于脱贫攻坚无关的支出。”
describe('the 正面清单 and 负面清单 of poverty-alleviation funds (seed 004)', () => {
  it('lists the ten positive uses in the seed’s order', () => {
    expect(POSITIVE_USES.map((u) => POSITIVE_USE_LABELS[u]).join('、')).toBe('产业脱贫、就业脱贫、易地扶贫搬迁、生态保护脱贫、智力扶贫、社保兜底脱贫、健康脱贫、基础设施建设扶贫、金融扶贫、社会扶贫');
  });

  it.each([
    ['admin_basic', '乡镇扶贫站行政事业单位基本支出'],
    ['vehicles_phones', '购置扶贫工作交通工具及通讯设备'],
    ['bonuses', '发放扶贫干部年终奖金'],
    ['enterprise_losses', '弥补合作社龙头企业亏损'],
    ['buildings', '修建乡镇扶贫办公楼'],
    ['budget_debts', '偿还债务'],
    ['large_construction', '县城大中型基本建设项目'],
    ['urban', '城市扶贫'],
  ] as const)('refuses a use under the clause “%s” (%s), naming the clause and the field', (clause, text) => {
    const r = checkUse({ use: 'infrastructure', texts: [{ field: 'name', text: '某村项目' }, { field: 'content', text }] });
    expect(r).toEqual({ ok: false, field: 'content', clause, message: expect.stringContaining(`负面清单“不得用于${NEGATIVE_CLAUSE_TEXT[clause]}”`) });
  });

  it('finds every clause by its own words in the seed', () => {
    for (const clause of NEGATIVE_CLAUSES) for (const part of NEGATIVE_CLAUSE_TEXT[clause].split(/[、和及]/)) if (part.length >= 4) expect(negativeClauseOf(`用于${part}`)?.clause, part).toBe(clause);
  });

  it.each([
    ['industry', '为 35 户贫困户发放种牛，代养代种协议到户', '产业脱贫'],
    ['infrastructure', '硬化村组道路 3.2 公里', '基础设施建设扶贫'],
    ['employment', '带动贫困户务工增加工资性收入', '就业脱贫'],
  ] as const)('passes a positive use (%s: %s)', (use, text, label) => {
    expect(checkUse({ use, texts: [{ field: 'content', text }] })).toEqual({ ok: true, label });
  });

  it('asks a reason of a use the positive list does not name', () => {
    expect(checkUse({ use: null, texts: [{ field: 'content', text: '村级光伏电站运维' }] })).toMatchObject({ ok: false, field: 'useReason', clause: null });
    expect(checkUse({ use: null, reason: '  ', texts: [] })).toMatchObject({ ok: false, field: 'useReason' });
    expect(checkUse({ use: null, reason: '收益用于贫困户分红', texts: [] })).toEqual({ ok: true, label: '正面清单以外（已说明理由）' });
  });
});
