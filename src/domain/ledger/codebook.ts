/**
 * The official codebook of the activity ledger, transcribed from seed 000
 * (全省政协系统“我为扶贫攻坚做件事”活动电子台账指标解释及填报说明, sections 二 to 九):
 * 8 categories and 35 sub-types, each with its explanation as the seed words it.
 */

/** The units a sub-type counts in: 件 deeds, 个 poor villages, 户 poor households. */
export const UNITS = ['件', '个', '户'] as const;
export type Unit = (typeof UNITS)[number];

export interface SubType {
  readonly code: string;
  readonly name: string;
  readonly explanation: string;
  /** 件 for a deed; 个 = poor villages and 户 = poor households (seed: “个”指贫困村个数，“户”指贫困户户数). */
  readonly unit: Unit;
  /** 结对帮扶 needs the document number of the Party/government paper that assigned the pairing (发文明确联系帮扶). */
  readonly needsDocumentNumber: boolean;
}

export interface Category {
  readonly code: string;
  readonly name: string;
  readonly subtypes: readonly SubType[];
}

/** A row of the seed's table: the sub-type's name, its explanation and, when it does not count deeds (件), its unit. */
type Row = readonly [name: string, explanation: string, unit?: Unit];

/** A category of the seed's table; its sub-types are numbered in the seed's order (0101, 0102, …). */
function category(code: string, name: string, rows: readonly Row[], { needsDocumentNumber = false } = {}): Category {
  const subtypes = rows.map(([subName, explanation, unit = '件'], i): SubType => ({
    code: `${code}${String(i + 1).padStart(2, '0')}`,
    name: subName,
    explanation,
    unit,
    needsDocumentNumber,
  }));
  return { code, name, subtypes };
}

export const CODEBOOK: readonly Category[] = [
  category('01', '政协履职', [
    ['各类协商', '政协组织委员对脱贫攻坚工作有关问题进行的协商。'],
    ['调研考察', '政协组织委员对脱贫攻坚工作进行的调查研究。'],
    ['民主监督', '政协组织委员对脱贫攻坚工作开展的监督活动。'],
    ['提案', '政协委员和参加政协的各党派、各人民团体以及政协各专门委员会，向政协全体会议或者常务委员会提出的、经提案审查委员会或提案委员会审查立案后，交承办单位办理的，和脱贫攻坚工作有关的书面意见和建议。'],
    ['社情民意信息', '政协委员和参加政协的各党派、各人民团体以及政协各专门委员会，在工作和调查研究中反映的和脱贫攻坚工作有关的基层情况、意见、建议。'],
    ['视察', '政协组织政协委员深入实际、深入基层、深入现场进行和脱贫攻坚工作有关的巡视察看、咨政建言。'],
    ['其他', '政协召开与脱贫攻坚工作有关的专题会议等其他形式政协履职活动。'],
  ]),
  category('02', '富民产业', [
    ['种植', '投资、技术支持等帮助贫困地区、贫困人口发展种植业。'],
    ['养殖', '投资、技术支持等帮助贫困地区、贫困人口发展养殖业。'],
    ['加工', '投资、技术支持等帮助贫困地区、贫困人口发展农副产品加工业。'],
    ['销售', '投资、营销支持等帮助贫困地区、贫困人口农副产品产品销售。'],
    ['其他', '发展其他产业项目（旅游、手工业、不属于农副产品加工的工业项目等）的帮扶活动。'],
  ]),
  category('03', '基础设施', [
    ['水利', '帮扶贫困地区、贫困人口建设、完善水利设施。'],
    ['电力', '帮扶贫困地区、贫困人口建设、完善电力设施。'],
    ['道路', '帮扶贫困地区、贫困人口建设、完善交通道路。'],
    ['燃气', '帮扶贫困地区、贫困人口建设、完善沼气、天然气等设施。'],
    ['通讯', '帮扶贫困地区、贫困人口建设、完善广播电视、通信设施。'],
    ['其他', '帮扶贫困地区、贫困人口建设、完善桥梁、机场以及文化室、养老院等不属于教育、医疗的公共基础设施。'],
  ]),
  category('04', '民生工程', [
    ['新村建设', '贫困地区的幸福美丽新村、村委会等建设、修葺相关帮扶事项。'],
    ['生态环境', '贫困地区的环境整治、生态建设等相关帮扶事项。'],
    ['危房改造', '贫困人口的危险房屋改造、修葺、易地搬迁等相关帮扶事项。'],
    ['解决就业', '解决贫困人口到企（事）业单位、专合组织等就业、务工。'],
    ['金融服务', '为贫困人口服务的政府许可金融行为、银行小额贷款等。'],
    ['其他', '慰问捐款、短期救济、政策兜底等民生措施。'],
  ]),
  category('05', '教育扶贫', [
    ['培训', '对贫困地区、贫困人口进行的技能、法治、文明等培训活动。'],
    ['捐资助学', '捐款、捐物帮助贫困在校学生、适龄人群继续学业等相关帮扶事项。'],
    ['修建校舍', '修建、修葺贫困地区学校房屋及设施的相关帮扶事项。'],
    ['其他', '定向帮扶贫困地区教育事业发展等其他方式的教育扶贫（如远程教学、提供师资力量等）。'],
  ]),
  category('06', '医疗救助', [
    ['义诊就医', '在贫困地区开展义诊活动，帮助贫困人口来院救治等相关帮扶事项。'],
    ['捐赠药械', '向贫困地区、贫困人口捐赠药品、医疗器械等相关帮扶事项。'],
    ['建卫生院所', '在贫困地区修建、修葺卫生院、卫生所、防疫站、医院及相关设施等相关帮扶事项。'],
    ['其他', '定向帮扶贫困地区医疗事业发展等其他方式的医疗扶贫（如提供远程医疗指导、提供医疗资源等）。'],
  ]),
  category('07', '结对帮扶', [
    ['贫困村', '党委政府、组织、统战、扶贫等单位（部门）发文明确联系帮扶的贫困村。', '个'],
    ['贫困户', '党委政府、组织、统战、扶贫等单位（部门）发文明确联系帮扶的贫困户。', '户'],
  ], { needsDocumentNumber: true }),
  category('08', '其他', [
    ['其他', '对不是党政机关发文明确联系帮扶的贫困村、贫困户，以及非贫困村、非贫困户或城镇贫困人口进行的联系帮扶。送智、送志进村入户宣讲活动，以及宗教界人士开展的特殊帮扶活动。'],
  ]),
];

const SUBTYPES = new Map<string, SubType & { category: Category }>(
  CODEBOOK.flatMap((category) => category.subtypes.map((s) => [s.code, { ...s, category }] as const)),
);

/** Looks a sub-type up by its code; undefined when the code is not in the codebook. */
export function findSubType(code: string): (SubType & { category: Category }) | undefined {
  return SUBTYPES.get(code);
}

/** Looks a sub-type up by its category and sub-type names, as a spreadsheet writes them. */
export function findSubTypeByNames(categoryName: string, subtypeName: string): (SubType & { category: Category }) | undefined {
  const category = CODEBOOK.find((c) => c.name === categoryName.trim());
  const wanted = subtypeName.trim().replace(/[（(][个户][)）]$/, '');
  const sub = category?.subtypes.find((s) => s.name === wanted);
  return sub && category ? { ...sub, category } : undefined;
}
