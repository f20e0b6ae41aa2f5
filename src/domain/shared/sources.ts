/**
 * The documents the system's rules come from, as a user cites them: 文号 and title, or, for a document without a
 * 文号, its title with its issuer and year. Every text a user reads that names the basis of a rule (a procedure's or
 * a scheme's 依据, a rule's explanation, a data-quality check) takes the document from this one table; none names the
 * file it was transcribed from.
 *
 * The issuer is what the document itself says, or, where it does not name one, what its content shows (marked so in
 * the note). `number` and `year` are null where the document gives none.
 */
export interface SourceDocument {
  title: string;
  /** 文号, e.g. 粤农扶组〔2019〕31号; null for a document without one. */
  number: string | null;
  issuer: string;
  year: number | null;
  /** How the issuer or year is known when the document does not state it. */
  note?: string;
}

export const SOURCES = {
  /** The activity ledger's codebook and filling rules. */
  cppccLedger: {
    title: '全省政协系统“我为扶贫攻坚做件事”活动电子台账指标解释及填报说明',
    number: null,
    issuer: '四川省政协',
    year: null,
    note: '文件未署发文机关；所称“藏区、彝区45个深度贫困县”为四川省的深度贫困县',
  },
  /** The lists of files each level keeps, and the questions and answers of the 庆阳 compilation. */
  qingyangMaterials: {
    title: '精准扶贫政策资料包·精准扶贫资料汇编',
    number: null,
    issuer: '甘肃省庆阳市',
    year: null,
    note: '汇编未署编印单位；内容为庆阳市的精准扶贫资料',
  },
  /** The Anhua county CPPCC's 2018 plan: help targets, leader–village links, assessment and awards. */
  anhua2018: {
    title: '政协安化县委员会2018年“脱贫攻坚专项行动”实施方案',
    number: '安协发〔2018〕2号',
    issuer: '政协安化县委员会',
    year: 2018,
  },
  /** Guangdong's 2019 city assessment and East–West cooperation evaluation (two attachments of one notice). */
  guangdong2019: {
    title: '广东省扶贫开发领导小组关于印发〈2019年地级以上市党委和政府扶贫开发工作成效考核方案〉〈广东省东西部扶贫协作成效评价办法〉的通知',
    number: '粤农扶组〔2019〕31号',
    issuer: '广东省扶贫开发领导小组',
    year: 2019,
  },
  /** The 2017 briefing: assessment changes, the survey of the work, identification, exit, helpers, data quality. */
  maanshan2017: {
    title: '脱贫攻坚考核要求变化、脱贫攻坚工作大排查、脱贫攻坚主要问题建议',
    number: null,
    issuer: '安徽省马鞍山市',
    year: 2017,
    note: '材料未署发文机关；所述和县、含山县、郑蒲港新区及“市标4200元”为马鞍山市',
  },
  /** Quoted in the 2017 briefing: who may be a helper and how many households each may hold. */
  anhuiRectification2017: {
    title: '关于印发产业扶贫等6个方面存在问题整改落实方案的通知',
    number: '皖政办秘〔2017〕152号',
    issuer: '安徽省人民政府办公厅',
    year: 2017,
  },
  /** Not a seed: the yearly current-price value of the national rural poverty line (2010 price 2300 yuan). */
  nbsPovertyMonitoring: {
    title: '中国农村贫困监测报告',
    number: null,
    issuer: '国家统计局住户调查办公室',
    year: null,
    note: '逐年出版；各年现价标准为 2010 年不变价 2300 元按农村贫困人口生活消费价格指数折算',
  },
} as const satisfies Record<string, SourceDocument>;

export type SourceKey = keyof typeof SOURCES;

/** The document as a citation: 文号《标题》, or 《标题》（发文机关，年份） without a 文号. */
export function cite(key: SourceKey): string {
  const d: SourceDocument = SOURCES[key];
  if (d.number) return `${d.number}《${d.title}》`;
  return `《${d.title}》（${d.year === null ? d.issuer : `${d.issuer}，${d.year}年`}）`;
}

/** The shortest unambiguous reference, for a column title or a tag: the 文号, else 《标题》. */
export function citeShort(key: SourceKey): string {
  const d: SourceDocument = SOURCES[key];
  return d.number ?? `《${d.title}》`;
}

/** The document and the words of it that a rule applies: `citation：words`. */
export function citeWords(key: SourceKey, words: string): string {
  return `${cite(key)}：${words}`;
}
