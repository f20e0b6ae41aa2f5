/**
 * Guangdong East–West cooperation evaluation, provincial departments (seed 003, 附件 2-2：广东省东西部扶贫协作工作成效
 * 评价指标（省直相关单位）): the 15 units of 二(二); three contents and 9 indicators, each a task (no 具体说明 names a
 * quantity). 成效评价指标 and 具体说明 are the table's words.
 *
 * Reading the table: the second 组织工作 row (…参加国家和省东西部扶贫协作有关会议情况) is put under 基础工作 — that label
 * stands in the middle of the three rows 组织工作 / 信息材料报送 / 宣传报道, and 组织领导 then ends with 制订年度工作计划 as in
 * 附件 2-1. Under 重点工作 the 成效评价指标 cell is empty on the first row and reads 省直有关部门的重点工作 on the next: one
 * indicator whose 说明 is the general sentence followed by each department's own key work (the PDF's <p> markup dropped,
 * one department a line). Read as two rows it would be 10 indicators.
 */
import type { GradeRule } from '../engine';
import type { Scheme } from '../scheme';
import type { Consequence } from './consequence';
import { CENTRAL_ENDORSEMENT_BONUS, EAST_WEST_COMMON, EAST_WEST_CONSEQUENCES, EAST_WEST_VETOES, EAST_WEST_VETO_FACTS, eastWestSource, content, row, task } from './east-west';

const KEY_WORK = [
  '按照人才支援、产业合作、劳务协作、动员社会力量、携手奔小康等重点任务，根据本部门职责对应落实情况。',
  '省委组织部：根据中央及我省有关规定，统筹指导我省东西部扶贫协作干部人才选派及管理工作情况',
  '省发展改革委：落实推进粤桂特别试验区、东西扶贫协作产业园区和重点项目建设情况。',
  '省工业和信息化厅：利用中国国际中小企业博览会等展会资源，协助被帮扶地区开展招商引资和产品推介宣传活动，引导企业到被帮扶地区投资兴业情况。',
  '省教育厅：落实互派教师交流研修、跟班学习和学校结对情况。',
  '省科技厅：落实科技人员互派、组织科技企业到被帮扶地区投资兴业情况。',
  '省民政厅：动员社会组织爱心助贫、志愿服务等组织开展情况。',
  '省财政厅：落实东西扶贫协作财政援助资金的筹措、拨付和加强资金监督管理的情况。',
  '省人力资源社会保障厅：落实贫困人口就业、开展就业培训工作、开展技工院校结对、专业技术人才互派的情况。',
  '省商务厅：落实产业转移、组织企业到被帮扶地区投资兴业和开展消费扶贫工作的情况。',
  '省文化和旅游厅：落实旅游扶贫协作、组织被帮扶地区旅游资源推介、从业人员培训等旅游领域的对接与互动情况。',
  '省卫生健康委员会：落实互派医生交流学习、远程诊疗合作、医院之间结对帮扶情况。',
  '省国资委：落实产业转移、组织国有企业到被帮扶地区投资兴业情况。',
  '团省委：落实开展扶贫志愿活动、组织开展爱心助贫、义务支医支教、志愿服务等情况。',
  '省工商联：落实产业转移、组织民营企业家到被帮扶地区投资兴业、带动开展“万企帮万村”情况。',
  '省残联：选派残联干部（技术骨干）挂职锻炼、残疾人职业培训、残疾人转移就业、残疾人康复服务、助残社会组织等工作开展情况。',
].join('\n');

const TASKS_DONE = '完成自身帮扶任务，成效评价指标有所增长，没有重大违法、违纪问题';

export const EAST_WEST_DEPARTMENTS: Scheme = {
  id: 'guangdong-east-west-departments',
  name: '广东省东西部扶贫协作工作成效评价（省直相关单位）',
  unitKind: '省直相关单位',
  source: eastWestSource('附件 2-2“广东省东西部扶贫协作工作成效评价指标(省直相关单位)”'),
  ...EAST_WEST_COMMON,
  contents: [
    content('org', '组织领导', [
      row('attention', '领导重视', '主要领导亲自部署推动工作，班子集体每年专题研究扶贫协作工作情况。', task),
      row('visits', '调研对接', '按照中央、省委省政府工作要求，主要领导主动到有任务的对口地区调研对接工作。', task),
      row('organisation', '组织工作', '明确分管领导和联络员，参加省扶贫开发领导小组办公室召开的各类会议。', task),
      row('documents', '规范性文件', '根据中央和省委、省政府的实施意见，结合本单位实际制定的实施意见、行动方案等情况。', task),
      row('annual_plan', '制订年度工作计划', '制定本单位东西部扶贫协作年度计划情况。', task),
    ]),
    content('basics', '基础工作', [
      row('meetings', '组织工作', '明确分管领导和联络员，参加国家和省东西部扶贫协作有关会议情况。', task),
      row('reporting', '信息材料报送', '及时向省扶贫开发领导小组及其办公室报送有关东西部扶贫协作工作信息和相关材料、数据，材料、数据的真实性、可靠性。', task),
      row('publicity', '宣传报道', '做好本部门及下属部门在我省东西部扶贫协作工作中特色亮点工作的宣传报道情况。', task),
    ]),
    content('key_work', '重点工作', [row('key_work', '省直有关部门的重点工作', KEY_WORK, task)]),
  ],
  // The six-item caps (七(一)3) and the targets floor (七(一)1) are for the cities' 六大项 and 全国和省目标; the departments
  // have three contents and their own floor, 七(一)4. None of their contents is marked major, so no cap applies.
  facts: [{ key: TASKS_DONE, label: '根据职责完成自身帮扶任务及指导督促各帮扶市完成相关任务分工，成效评价指标在上一年的基础上有所增长，并在东西部扶贫协作中没有重大违法、违纪问题' }, ...EAST_WEST_VETO_FACTS],
  rules: [
    {
      kind: 'floor',
      id: 'tasks_done',
      fact: TASKS_DONE,
      min: '较好',
      text: '省直各单位根据职责完成自身帮扶任务及指导督促各帮扶市完成相关任务分工，成效评价指标在上一年的基础上有所增长，并在东西部扶贫协作中没有重大违法、违纪问题的，评为“较好”等次以上',
    },
    ...EAST_WEST_VETOES,
  ] satisfies GradeRule[],
  // 四's bonus is for every 成效评价对象; the late-funds deduction belongs to the cities' 援助资金 item only.
  adjustments: [CENTRAL_ENDORSEMENT_BONUS],
};

export const EAST_WEST_DEPARTMENTS_CONSEQUENCES: Consequence[] = EAST_WEST_CONSEQUENCES;

/** 二(二): “省委组织部，省发展改革委、工业和信息化厅、…国资委，团省委、省残联、省工商联” — the 省 of each list written out. */
export const EAST_WEST_DEPARTMENT_UNITS = [
  '省委组织部',
  '省发展改革委',
  '省工业和信息化厅',
  '省教育厅',
  '省科技厅',
  '省民政厅',
  '省财政厅',
  '省人力资源社会保障厅',
  '省商务厅',
  '省文化和旅游厅',
  '省卫生健康委',
  '省国资委',
  '团省委',
  '省残联',
  '省工商联',
] as const;
