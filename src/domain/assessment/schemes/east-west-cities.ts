/**
 * Guangdong East–West cooperation evaluation, pairing cities (seed 003, 附件 2-1：广东省东西部扶贫协作工作成效评价指标
 * （各有关帮扶市）): 广州、深圳、珠海、佛山、东莞、中山、江门、湛江、茂名、肇庆市 (二(一)); six contents — the 六大项 of the cap
 * rules — and 40 indicators. 成效评价指标 and 具体说明 are the table's words.
 *
 * Reading the table: its 成效评价内容 cells span several rows and the PDF text puts each label beside one of them, not
 * always the first (人才支援 stands beside 制订年度工作计划, 产业合作 beside 实际投资额, 劳务协作 beside 吸纳贫困人口就业;
 * the sixth label, 携手奔小康行动, is missing and its rows have lost that column). The rows are grouped by what 四 says
 * each content covers and by the table's own pattern that every content but 组织领导 ends with 向深度贫困地区倾斜:
 * 制订年度工作计划 goes with 组织领导 (as in 附件 2-2), 引导企业到帮扶地区投资 with 产业合作 (四: “产业合作。主要包括引导
 * 企业个数…”), 劳务协作对接机制 … 举办招聘会、劳务对接会 with 劳务协作.
 */
import type { GradeRule } from '../engine';
import type { Scheme } from '../scheme';
import type { Consequence } from './consequence';
import { CENTRAL_ENDORSEMENT_BONUS, EAST_WEST_COMMON, EAST_WEST_CONSEQUENCES, EAST_WEST_VETOES, EAST_WEST_VETO_FACTS, eastWestSource, majorContent, quantified, row, task } from './east-west';

/** Quantities of the tilt to deeply poor areas are entered as 深度贫困县县均数 ÷ 贫困县县均数 (the 说明 asks for both averages). */
const tilt = quantified();

export const EAST_WEST_CITIES: Scheme = {
  id: 'guangdong-east-west-cities',
  name: '广东省东西部扶贫协作工作成效评价（各有关帮扶市）',
  unitKind: '帮扶市',
  source: eastWestSource('附件 2-1“广东省东西部扶贫协作工作成效评价指标(各有关帮扶市)”'),
  ...EAST_WEST_COMMON,
  contents: [
    majorContent('org', '组织领导', [
      row('deploy', '部署推动工作', '每年市党委、政府主要负责同志和分管负责同志专题研究部署东西部扶贫协作工作会议情况（市委常委会、市政府常务会议、市东西部扶贫协作工作会议至少各一次以上）。', task),
      row('visits', '主动调研对接', '市党委或政府主要领导每年到被帮扶市、县调研对接情况（至少一次以上）。', task),
      row('joint_meeting', '联席会议机制', '帮扶市与被帮扶市每年召开扶贫协作联席会议，统筹协商重大事项，解决在帮扶协作中遇到的重大问题等情況（原则上，在每年 6月底前完成）。', task),
      row('institutions', '制度化规范化建设', '各项制度健全，工作规范有序，指导本地开展东西部扶贫协作有力。', task),
      row('plan', '规划制定和落实', '编制本市东西部扶贫协作规划，根据扶贫协作规划进行任务分解（要有各项指标分解数和完成时限）。', task),
      row('annual_plan', '制订年度工作计划', '制定本市东西部扶贫协作年度计划情况（要有各项指标分解数和完成时限）。', task),
    ]),
    majorContent('talent', '人才支援', [
      row('cadres', '党政干部选派', '按照要求选派党政干部情况。', task),
      row('professionals', '专业人才选派', '根据帮扶规划和计划，组织教师、医生等专业技术人才帮扶情况，专业技术人员服务时间应在 1 个月以上（分类、分服务时限统计）。', quantified('人')),
      row('cadre_training', '干部培训', '组织被帮扶地区干部学习培训班期数和人次（提供每一期培训班通知及学员签名名单）。', quantified('人次')),
      row('professional_training', '专业技术人才培训', '组织被帮扶地区教师、医生、科技、文化等专业人才学习培训班期数和人次。', quantified('人次')),
      row('talent_tilt', '向深度贫困地区倾斜', '开展人才支援向深度贫困地区倾斜情况（以县为单位，计算贫困县、深度贫困县县均数）。', tilt),
    ]),
    majorContent('funds', '资金支持', [
      // The late-arrival deduction of this 说明 is the adjustment `late_funds` below.
      row('aid_funds', '援助资金', '援助资金数额、财政援助资金数及占财政收入比例、增长比例和划拨到账情况(当年度3月30日前到帐,提供划拨资金文件、银行划款凭证;4月份以后才到位的,适当扣分。各县市区新增的,不在扣分范围)。', quantified('万元')),
      row('per_county_aid', '县均财政援助', '县均投入财政援助资金数。', quantified('万元')),
      row('fund_rules', '援助资金监管', '制定市东西部扶贫协作财政资金管理办法。', task),
      row('fund_use', '援助资金使用', '驻县工作组与被帮扶地一起,拟定并落实财政援助资金项目安排及使用情况(提供项目清单及完成情况,以实际完成情况计划使用率)。', quantified('%')),
      row('donations', '社会捐赠', '社会帮扶资金数及增长比例、实物折资数(以贫困县县均数比较)。', quantified('万元')),
      row('funds_tilt', '向深度贫困地区倾斜', '资金使用和开展社会帮扶向深度贫困地区倾斜情况(以贫困县为单位,计算贫困县、深度贫困县县均数)。', tilt),
    ]),
    majorContent('industry', '产业合作', [
      row('enterprises', '引导企业到帮扶地区投资', '通过组织协调,引导到贫困地区投资并带动贫困人口脱贫的企业数(列出企业清单和实际投资额,没有带动贫困人口脱贫的企业,不能统计在内)。', quantified('个')),
      row('investment', '实际投资额', '企业已经到扶贫协作地区开展投资活动,当年已经实际到位的资金数(以贫困县为单位,按县均数比较)。', quantified('万元')),
      row('enterprise_jobs', '企业吸纳贫困人口就业', '帮助带动贫困人口增收脱贫数。', quantified('人')),
      row('investment_growth', '投资项目年度增长情况', '当年度与上年度的增长率。', quantified('%')),
      row('industry_tilt', '向深度贫困地区倾斜', '开展产业合作向深度贫困地区倾斜情况。', task),
    ]),
    majorContent('labour', '劳务协作', [
      row('labour_mechanism', '劳务协作对接机制', '劳务协作主管部门、中介机构与结对帮扶地区建立合作关系,开展精准对接。', task),
      row('job_services', '开展就业服务', '为被帮扶地区提供优惠政策、激励机制、跟踪服务。', task),
      // Two numbers; the one graded is 提供就业岗位数.
      row('job_fairs', '举办招聘会、劳务对接会', '次数、提供就业岗位数', quantified('个')),
      row('jobs', '吸纳贫困人口就业', '到所在市就业贫困人数(此项必须填);到本省其他市就业贫困人数(此项可以不填,要提供就业服务的措施)。', quantified('人')),
      row('labour_tilt', '向深度贫困地区倾斜', '开展劳务协作向深度贫困地区倾斜情况。', task),
    ]),
    // The label is lost from the table's third page; 四: “六是携手奔小康行动”.
    majorContent('xiaokang', '携手奔小康行动', [
      row('county_visits', '工作对接', '结对县（市、区）党委、政府主要负责同志当年到被帮扶县调研对接。', task),
      row('county_plan', '制定帮扶计划', '结对县（市、区）与贫困县制定结对帮扶计划，明确具体帮扶任务和措施。', task),
      row('town_pairs', '经济强镇（街）与贫困镇结对情况', '经济强镇（街）数与贫困乡镇结对数（提供镇镇结对汇总表、结对协议）。', quantified('对')),
      row('village_pairs', '经济强村与贫困村结对情况', '经济强村数与贫困村结对数（提供村村结对汇总表、结对协议）。', quantified('对')),
      row('enterprise_pairs', '帮扶方企业与贫困村结对情况', '帮扶方企业数与贫困村结对数（提供企企结对汇总表、结对协议）。', quantified('对')),
      row('organisation_pairs', '社会组织与贫困村结对情况', '社会组织与贫困村结对数（提供机关单位与村结对汇总表、结对协议）。', quantified('对')),
      row('own_funds', '自筹资金投入', '结对县（市、区）自筹财政资金投入数、社会捐赠资金投入数（以贫困县为单位，按县均数比较）。', quantified('万元')),
      row('lifted', '脱贫成效', '带动贫困人口脱贫数。', quantified('人')),
      row('highlights', '主要工作亮点', '产业合作、贫困村示范村、实施产业扶贫等。', task),
      row('leaders_training', '贫困村创业致富带头人培训', '培训人数和创业成功数。', quantified('人')),
      row('participation', '社会参与', '动员社会组织、企业、个人到结对帮扶地区开展公益扶贫、志愿服务的次数、人数，以及产生的社会效益。社会帮扶人员帮扶时间1个月以下、1-6个月和6-12个月的人员数。', quantified('人次')),
      row('xiaokang_tilt', '向深度贫困地区倾斜', '开展干部选派、教育、医疗等专业技术人才、产业帮扶、劳务协作、财政投入、社会帮扶等各方面向深度贫困地区倾斜情况。', task),
      row('ledger', '工作台帐', '结对贫困县要有分类工作台账，佐证材料完整准确。', task),
    ]),
  ],
  facts: [{ key: '完成全国和省目标要求', label: '完成全国和省目标要求' }, ...EAST_WEST_VETO_FACTS],
  // 七(一) 1–3, applied floors → caps → vetoes (engine.applyGradeRules).
  rules: [
    { kind: 'floor', id: 'targets', fact: '完成全国和省目标要求', min: '较好', text: '原则上，完成全国和省目标要求的，评价档次不能低于“较好”的等次' },
    ...EAST_WEST_VETOES,
    { kind: 'cap', id: 'one_fair', items: 'major', when: '一般', max: '较好', text: '六大项指标中，有一大项被评价为“一般”等次的，不能评价为“好”的等次' },
    { kind: 'cap', id: 'one_poor', items: 'major', when: '差', max: '一般', text: '有一大项被评价为“差”等次的，不能评价为“好”和“较好”的等次' },
  ] satisfies GradeRule[],
  adjustments: [
    CENTRAL_ENDORSEMENT_BONUS,
    // 援助资金: “当年度3月30日前到帐…;4月份以后才到位的,适当扣分。各县市区新增的,不在扣分范围” — “适当” has no number: at most
    // 5 points, a documented placeholder. Which funds count (not those newly added by districts) is the assessor's call.
    { key: 'late_funds', label: '援助资金4月份以后才到位', sign: -1, max: 5 },
  ],
};

export const EAST_WEST_CITIES_CONSEQUENCES: Consequence[] = EAST_WEST_CONSEQUENCES;

/** 二(一). */
export const EAST_WEST_CITY_UNITS = ['广州', '深圳', '珠海', '佛山', '东莞', '中山', '江门', '湛江', '茂名', '肇庆'] as const;
