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

export const CODEBOOK: readonly Category[] = [
  {
    code: '01',
    name: '政协履职',
    subtypes: [
      { code: '0101', name: '各类协商', unit: '件', needsDocumentNumber: false,
        explanation: '政协组织委员对脱贫攻坚工作有关问题进行的协商。' },
      { code: '0102', name: '调研考察', unit: '件', needsDocumentNumber: false,
        explanation: '政协组织委员对脱贫攻坚工作进行的调查研究。' },
      { code: '0103', name: '民主监督', unit: '件', needsDocumentNumber: false,
        explanation: '政协组织委员对脱贫攻坚工作开展的监督活动。' },
      { code: '0104', name: '提案', unit: '件', needsDocumentNumber: false,
        explanation: '政协委员和参加政协的各党派、各人民团体以及政协各专门委员会，向政协全体会议或者常务委员会提出的、经提案审查委员会或提案委员会审查立案后，交承办单位办理的，和脱贫攻坚工作有关的书面意见和建议。' },
      { code: '0105', name: '社情民意信息', unit: '件', needsDocumentNumber: false,
        explanation: '政协委员和参加政协的各党派、各人民团体以及政协各专门委员会，在工作和调查研究中反映的和脱贫攻坚工作有关的基层情况、意见、建议。' },
      { code: '0106', name: '视察', unit: '件', needsDocumentNumber: false,
        explanation: '政协组织政协委员深入实际、深入基层、深入现场进行和脱贫攻坚工作有关的巡视察看、咨政建言。' },
      { code: '0107', name: '其他', unit: '件', needsDocumentNumber: false,
        explanation: '政协召开与脱贫攻坚工作有关的专题会议等其他形式政协履职活动。' },
    ],
  },
  {
    code: '02',
    name: '富民产业',
    subtypes: [
      { code: '0201', name: '种植', unit: '件', needsDocumentNumber: false,
        explanation: '投资、技术支持等帮助贫困地区、贫困人口发展种植业。' },
      { code: '0202', name: '养殖', unit: '件', needsDocumentNumber: false,
        explanation: '投资、技术支持等帮助贫困地区、贫困人口发展养殖业。' },
      { code: '0203', name: '加工', unit: '件', needsDocumentNumber: false,
        explanation: '投资、技术支持等帮助贫困地区、贫困人口发展农副产品加工业。' },
      { code: '0204', name: '销售', unit: '件', needsDocumentNumber: false,
        explanation: '投资、营销支持等帮助贫困地区、贫困人口农副产品产品销售。' },
      { code: '0205', name: '其他', unit: '件', needsDocumentNumber: false,
        explanation: '发展其他产业项目（旅游、手工业、不属于农副产品加工的工业项目等）的帮扶活动。' },
    ],
  },
  {
    code: '03',
    name: '基础设施',
    subtypes: [
      { code: '0301', name: '水利', unit: '件', needsDocumentNumber: false,
        explanation: '帮扶贫困地区、贫困人口建设、完善水利设施。' },
      { code: '0302', name: '电力', unit: '件', needsDocumentNumber: false,
        explanation: '帮扶贫困地区、贫困人口建设、完善电力设施。' },
      { code: '0303', name: '道路', unit: '件', needsDocumentNumber: false,
        explanation: '帮扶贫困地区、贫困人口建设、完善交通道路。' },
      { code: '0304', name: '燃气', unit: '件', needsDocumentNumber: false,
        explanation: '帮扶贫困地区、贫困人口建设、完善沼气、天然气等设施。' },
      { code: '0305', name: '通讯', unit: '件', needsDocumentNumber: false,
        explanation: '帮扶贫困地区、贫困人口建设、完善广播电视、通信设施。' },
      { code: '0306', name: '其他', unit: '件', needsDocumentNumber: false,
        explanation: '帮扶贫困地区、贫困人口建设、完善桥梁、机场以及文化室、养老院等不属于教育、医疗的公共基础设施。' },
    ],
  },
  {
    code: '04',
    name: '民生工程',
    subtypes: [
      { code: '0401', name: '新村建设', unit: '件', needsDocumentNumber: false,
        explanation: '贫困地区的幸福美丽新村、村委会等建设、修葺相关帮扶事项。' },
      { code: '0402', name: '生态环境', unit: '件', needsDocumentNumber: false,
        explanation: '贫困地区的环境整治、生态建设等相关帮扶事项。' },
      { code: '0403', name: '危房改造', unit: '件', needsDocumentNumber: false,
        explanation: '贫困人口的危险房屋改造、修葺、易地搬迁等相关帮扶事项。' },
      { code: '0404', name: '解决就业', unit: '件', needsDocumentNumber: false,
        explanation: '解决贫困人口到企（事）业单位、专合组织等就业、务工。' },
      { code: '0405', name: '金融服务', unit: '件', needsDocumentNumber: false,
        explanation: '为贫困人口服务的政府许可金融行为、银行小额贷款等。' },
      { code: '0406', name: '其他', unit: '件', needsDocumentNumber: false,
        explanation: '慰问捐款、短期救济、政策兜底等民生措施。' },
    ],
  },
  {
    code: '05',
    name: '教育扶贫',
    subtypes: [
      { code: '0501', name: '培训', unit: '件', needsDocumentNumber: false,
        explanation: '对贫困地区、贫困人口进行的技能、法治、文明等培训活动。' },
      { code: '0502', name: '捐资助学', unit: '件', needsDocumentNumber: false,
        explanation: '捐款、捐物帮助贫困在校学生、适龄人群继续学业等相关帮扶事项。' },
      { code: '0503', name: '修建校舍', unit: '件', needsDocumentNumber: false,
        explanation: '修建、修葺贫困地区学校房屋及设施的相关帮扶事项。' },
      { code: '0504', name: '其他', unit: '件', needsDocumentNumber: false,
        explanation: '定向帮扶贫困地区教育事业发展等其他方式的教育扶贫（如远程教学、提供师资力量等）。' },
    ],
  },
  {
    code: '06',
    name: '医疗救助',
    subtypes: [
      { code: '0601', name: '义诊就医', unit: '件', needsDocumentNumber: false,
        explanation: '在贫困地区开展义诊活动，帮助贫困人口来院救治等相关帮扶事项。' },
      { code: '0602', name: '捐赠药械', unit: '件', needsDocumentNumber: false,
        explanation: '向贫困地区、贫困人口捐赠药品、医疗器械等相关帮扶事项。' },
      { code: '0603', name: '建卫生院所', unit: '件', needsDocumentNumber: false,
        explanation: '在贫困地区修建、修葺卫生院、卫生所、防疫站、医院及相关设施等相关帮扶事项。' },
      { code: '0604', name: '其他', unit: '件', needsDocumentNumber: false,
        explanation: '定向帮扶贫困地区医疗事业发展等其他方式的医疗扶贫（如提供远程医疗指导、提供医疗资源等）。' },
    ],
  },
  {
    code: '07',
    name: '结对帮扶',
    subtypes: [
      { code: '0701', name: '贫困村', unit: '个', needsDocumentNumber: true,
        explanation: '党委政府、组织、统战、扶贫等单位（部门）发文明确联系帮扶的贫困村。' },
      { code: '0702', name: '贫困户', unit: '户', needsDocumentNumber: true,
        explanation: '党委政府、组织、统战、扶贫等单位（部门）发文明确联系帮扶的贫困户。' },
    ],
  },
  {
    code: '08',
    name: '其他',
    subtypes: [
      { code: '0801', name: '其他', unit: '件', needsDocumentNumber: false,
        explanation: '对不是党政机关发文明确联系帮扶的贫困村、贫困户，以及非贫困村、非贫困户或城镇贫困人口进行的联系帮扶。送智、送志进村入户宣讲活动，以及宗教界人士开展的特殊帮扶活动。' },
    ],
  },
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
