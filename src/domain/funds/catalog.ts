/**
 * The vocabulary of 扶贫资金与项目库 (issue 14, seed 004 “财政专项扶贫资金绩效评价有关要求”): where the money comes from, the
 * uses it may support (正面清单) and those it may not (负面清单), and the kinds of project. Lists, not rules: the rules
 * that use them are in uses.ts and progress.ts.
 */

/** Sources of poverty-alleviation funds, with the level that allocates each. */
export const FUND_SOURCES = ['central', 'provincial', 'city', 'county', 'integrated', 'east_west', 'social'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  central: '中央财政专项扶贫资金',
  provincial: '省级财政专项扶贫资金',
  city: '市级财政专项扶贫资金',
  county: '县级财政专项扶贫资金',
  integrated: '统筹整合涉农资金',
  east_west: '东西部扶贫协作资金',
  social: '社会帮扶资金',
};

/**
 * 正面清单, in the seed's order: “支持用于产业脱贫、就业脱贫、易地扶贫搬迁、生态保护脱贫、智力扶贫、社保兜底脱贫、健康脱贫、基础设施建设扶贫、
 * 金融扶贫和社会扶贫等。”
 */
export const POSITIVE_USES = ['industry', 'employment', 'relocation', 'ecology', 'education', 'social_security', 'health', 'infrastructure', 'finance', 'social'] as const;
export type PositiveUse = (typeof POSITIVE_USES)[number];
export const POSITIVE_USE_LABELS: Record<PositiveUse, string> = {
  industry: '产业脱贫',
  employment: '就业脱贫',
  relocation: '易地扶贫搬迁',
  ecology: '生态保护脱贫',
  education: '智力扶贫',
  social_security: '社保兜底脱贫',
  health: '健康脱贫',
  infrastructure: '基础设施建设扶贫',
  finance: '金融扶贫',
  social: '社会扶贫',
};

/**
 * 负面清单, clause by clause: “不得用于行政事业单位基本支出、交通工具及通讯设备、各种奖金、津贴和福利补助、弥补企业亏损、修建楼堂馆所、弥补预算支出
 * 缺口和偿还债务、大中型基本建设项目、城市基础设施建设和城市扶贫等与脱贫攻坚无关的支出。” Each clause carries the words that name it
 * in a declared use (what a clerk would write in a project's content or a spending line).
 */
export const NEGATIVE_CLAUSES = ['admin_basic', 'vehicles_phones', 'bonuses', 'enterprise_losses', 'buildings', 'budget_debts', 'large_construction', 'urban'] as const;
export type NegativeClause = (typeof NEGATIVE_CLAUSES)[number];
export const NEGATIVE_CLAUSE_TEXT: Record<NegativeClause, string> = {
  admin_basic: '行政事业单位基本支出',
  vehicles_phones: '交通工具及通讯设备',
  bonuses: '各种奖金、津贴和福利补助',
  enterprise_losses: '弥补企业亏损',
  buildings: '修建楼堂馆所',
  budget_debts: '弥补预算支出缺口和偿还债务',
  large_construction: '大中型基本建设项目',
  urban: '城市基础设施建设和城市扶贫',
};
/** Words in a use's text that fall under a clause (the clause's own words first). */
export const NEGATIVE_CLAUSE_WORDS: Record<NegativeClause, readonly string[]> = {
  admin_basic: ['行政事业单位基本支出', '人员经费', '办公经费', '公用经费'],
  vehicles_phones: ['交通工具', '通讯设备', '公务用车', '购置车辆', '电话费'],
  bonuses: ['奖金', '津贴', '福利补助', '加班费'],
  enterprise_losses: ['弥补企业亏损', '企业亏损'],
  buildings: ['楼堂馆所', '办公楼', '办公用房', '宾馆'],
  budget_debts: ['弥补预算支出缺口', '预算缺口', '偿还债务', '化解债务'],
  large_construction: ['大中型基本建设项目', '大中型基本建设'],
  urban: ['城市基础设施', '城市扶贫', '市政工程', '城区道路'],
};

/** What a project reaches: a village (到村), households (到户), or neither (跨村 or county-wide). */
export const PROJECT_REACH = ['village', 'household', 'other'] as const;
export type ProjectReach = (typeof PROJECT_REACH)[number];
export const PROJECT_REACH_LABELS: Record<ProjectReach, string> = { village: '到村项目', household: '到户项目', other: '其他项目' };
