/** The words of the 扶贫资金与项目库 pages: states, stages and field labels (the domain's lists for sources and uses). */
import type { FINDING_STATES, ProjectStage } from '../../contract/funds';
import { API_FIELD_LABELS } from '../../contract/zod';
import { FUND_SOURCE_LABELS, FUND_SOURCES, POSITIVE_USE_LABELS, POSITIVE_USES, PROJECT_REACH, PROJECT_REACH_LABELS } from '../../domain/funds/catalog';
import { citeWords } from '../../domain/shared/sources';

export const SOURCE_OPTIONS = FUND_SOURCES.map((value) => ({ value, label: FUND_SOURCE_LABELS[value] }));
export const REACH_OPTIONS = PROJECT_REACH.map((value) => ({ value, label: PROJECT_REACH_LABELS[value] }));
/** The 正面清单 and, last, a use it does not name (sent as null). */
export const NO_USE = 'none';
export const USE_OPTIONS = [...POSITIVE_USES.map((value) => ({ value, label: POSITIVE_USE_LABELS[value] })), { value: NO_USE, label: '不在正面清单内（须说明理由）' }];

export const STAGE_LABELS: Record<ProjectStage, string> = { running: '审批中', approved: '已批准（可拨付）', done: '已办结', withdrawn: '已撤回' };
export const STAGE_COLORS: Record<ProjectStage, string> = { running: 'processing', approved: 'green', done: 'cyan', withdrawn: 'default' };

type FindingState = (typeof FINDING_STATES)[number];
export const FINDING_STATE_LABELS: Record<FindingState, string> = { open: '待整改', rectifying: '整改中', rectified: '已整改' };
export const FINDING_STATE_COLORS: Record<FindingState, string> = { open: 'red', rectifying: 'orange', rectified: 'green' };

/** The labels of the funds forms' fields, for the messages of the contract's checks. */
export const FIELD_LABELS: Record<string, string> = {
  ...API_FIELD_LABELS,
  year: '年度',
  source: '资金来源',
  regionCode: '地区',
  parentId: '上级下达资金',
  amount: '金额',
  documentNo: '文号',
  allocatedOn: '下达日期',
  note: '备注',
  name: '项目名称',
  villageCode: '所在村',
  reach: '项目类别',
  use: '正面清单类别',
  useReason: '理由',
  content: '建设内容',
  budget: '预算',
  householdIds: '受益户',
  allocationId: '资金',
  paidOn: '拨付日期',
  purpose: '用途',
  voucherNo: '凭证号',
  householdId: '受益户',
  projectId: '项目',
  foundOn: '发现日期',
  foundBy: '检查单位',
  problem: '问题',
  deadline: '整改期限',
  state: '整改状态',
  rectification: '整改情况',
  rectifiedOn: '整改完成日期',
  region: '地区',
  count: '抽查数量',
  drawKey: '抽取码',
};

/** The seed's words on the points of spending progress, cited where the points are shown. */
export const SPENDING_POINTS_BASIS = citeWords(
  'maanshan2017',
  '（1）2017年扶贫资金支出进度高于92%（不含本数）得满分7分；（2）2016年扶贫资金支出进度大于98%（不含本数）得满分3分；（3）2015年及以前年度资金没有结余结转的得满分2分。',
);
/** The seed's words on the 正面清单 and 负面清单, cited beside the declare form. */
export const USE_LISTS_BASIS = citeWords(
  'maanshan2017',
  '正面清单：支持用于产业脱贫、就业脱贫、易地扶贫搬迁、生态保护脱贫、智力扶贫、社保兜底脱贫、健康脱贫、基础设施建设扶贫、金融扶贫和社会扶贫等。负面清单：不得用于行政事业单位基本支出、交通工具及通讯设备、各种奖金、津贴和福利补助、弥补企业亏损、修建楼堂馆所、弥补预算支出缺口和偿还债务、大中型基本建设项目、城市基础设施建设和城市扶贫等与脱贫攻坚无关的支出。',
);
/** The seed's words on the field check. */
export const FIELD_CHECK_BASIS = citeWords('maanshan2017', '从全国扶贫信息系统中随机抽取若干个项目进行实地抽查，按照项目实施和资金使用的流程一查到底');
