/** The ledger's fields as the user sees them (labels follow seed 000's own words). */
export const FUND_KEYS = ['donation', 'personal', 'social', 'bank', 'fiscal'] as const;
export type FundKey = (typeof FUND_KEYS)[number];

export const FUND_LABELS: Record<FundKey, string> = {
  donation: '个人捐款',
  personal: '个人资金',
  social: '社会资金',
  bank: '银行资金',
  fiscal: '财政资金',
};

export const FIELD_LABELS: Record<string, string> = {
  orgId: '填报单位',
  memberIds: '参与委员',
  subtypeCode: '事项类别',
  categoryName: '大类',
  subtypeName: '小类',
  count: '件（个、户）数',
  target: '帮扶对象',
  'target.regionCode': '帮扶对象（村）',
  'target.text': '帮扶对象',
  content: '具体内容',
  'funds.donation': '个人捐款（万元）',
  'funds.personal': '个人资金（万元）',
  'funds.social': '社会资金（万元）',
  'funds.bank': '银行资金（万元）',
  'funds.fiscal': '财政资金（万元）',
  beneficiaries: '受益人数',
  deepPoverty: '深度贫困县标注',
  startYear: '开始年度',
  endYear: '结束年度',
  documentNumber: '结对帮扶文号',
  notOfficialDuty: '非职务履职确认',
  version: '版本',
};

export function labelOf(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
