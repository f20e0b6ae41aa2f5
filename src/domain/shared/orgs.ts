/**
 * The kinds and levels of bodies (offices), one list for the server's checks and the web's forms (issue 11: “Offices
 * at every level … and of every kind the seeds name”).
 *
 * - Seed 002: the CPPCC body and its groups — 委员组 / 界别, 经促分会, 工商联 and its chambers, the office (机关).
 * - Seed 004: “脱贫人口名单上报县级扶贫开发领导小组备案”, “由县级扶贫开发领导小组办公室在扶贫开发信息管理系统中统一
 *   标注” (扶贫办, the office's short name: seed 003 “设在省扶贫办”), “经村‘两委’和驻村扶贫工作队核实”, “驻村工作队”,
 *   “与组织、人社、财政、公安、住建 … 等行业部门数据”, “部分市县帮扶单位帮扶资金项目尚未落实到位”.
 * - Seed 001: “乡镇扶贫工作站牌子更换为‘双联扶贫工作站’”.
 * - Seed 003: “广东省扶贫开发工作成效考核办公室（以下简称省扶贫考核办）”, “省扶贫开发领导小组委托第三方评估机构”.
 *
 * 扶贫办 stays the kind of the leading group's office (as before); a department's own name (公安局, 住建局 …) is the
 * office's name, its kind 行业部门. The column is varchar(20).
 */
export const ORG_KINDS = [
  '政协',
  '委员组',
  '界别',
  '经促分会',
  '工商联',
  '商会',
  '机关',
  '扶贫开发领导小组',
  '扶贫办',
  '乡镇扶贫工作站',
  '村两委',
  '驻村工作队',
  '行业部门',
  '考核办',
  '第三方评估机构',
  '帮扶单位',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_LEVELS = ['省', '市', '县', '乡', '村'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
