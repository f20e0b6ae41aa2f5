/** The audit log's names of the records of the mutual-aid fund, 扶贫小额信贷 and 入股分红, and of their fields. */
export const MUTUAL_AID_ENTITY_LABELS = {
  mutual_aid_fund: '村级互助资金',
  mutual_aid_member: '互助资金成员户',
  mutual_aid_committee: '互助资金管理委员会成员',
  mutual_aid_capital: '互助资金资本金',
  mutual_aid_loan: '互助资金借款',
  mutual_aid_repayment: '互助资金还款',
  mutual_aid_expense: '互助资金其他支出',
  credit_loan: '扶贫小额信贷',
  credit_repayment: '扶贫小额信贷还款',
  dividend_agreement: '入股分红协议',
  dividend_payment: '分红',
} as const;
export type MutualAidEntity = keyof typeof MUTUAL_AID_ENTITY_LABELS;

const money = { amount: '金额' };
export const MUTUAL_AID_FIELD_LABELS: Record<MutualAidEntity, Record<string, string>> = {
  mutual_aid_fund: { name: '名称', villageCode: '所在村', establishedOn: '成立日期', maxLoan: '单笔借款上限', charter: '管理章程', rules: '管理制度' },
  mutual_aid_member: { fundId: '互助资金', householdId: '建档立卡户', name: '户主姓名', poor: '贫困户', joinedOn: '入会日期', leftOn: '退会日期' },
  mutual_aid_committee: { fundId: '互助资金', name: '姓名', role: '职务', fromOn: '任职日期', toOn: '离任日期', phone: '联系电话' },
  mutual_aid_capital: { fundId: '互助资金', source: '资金来源', ...money, receivedOn: '入账日期', note: '备注' },
  mutual_aid_loan: { fundId: '互助资金', memberId: '借款成员户', loanedOn: '借款日期', ...money, termMonths: '借款期限（月）', purpose: '用途', feeKind: '占用费方式', feeRateHundredths: '占用费率（0.01‰/月）', feeFixed: '占用费（元）' },
  mutual_aid_repayment: { fundId: '互助资金', loanId: '借款', repaidOn: '还款日期', principal: '本金', fee: '占用费' },
  mutual_aid_expense: { fundId: '互助资金', spentOn: '支出日期', ...money, purpose: '用途' },
  credit_loan: { householdId: '贫困户', villageCode: '村', bank: '贷款银行', ...money, loanedOn: '放款日期', termMonths: '贷款期限（月）', rateBp: '年利率（0.01%）', use: '资金使用方式', enterprise: '使用企业', note: '备注' },
  credit_repayment: { loanId: '贷款', repaidOn: '还款日期', principal: '本金', interest: '利息' },
  dividend_agreement: { householdId: '贫困户', villageCode: '村', enterprise: '入股企业（合作社）', shares: '股数', ...money, signedOn: '入股日期', agreementNo: '分红协议编号', certificateNo: '股权证编号' },
  dividend_payment: { agreementId: '入股协议', paidOn: '分红日期', ...money },
};
