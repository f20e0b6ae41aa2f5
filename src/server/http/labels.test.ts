import { describe, expect, it } from 'vitest';
import { fieldLabel, labelsOfRoute } from './labels';

// Issue 10: “Field errors outside the ledger show the English key as the label (mainCause：必填)”.
describe('field labels per feature', () => {
  it.each([
    ['/api/registry/households', 'mainCause', '主要致贫原因'],
    ['/api/registry/households', 'villageCode', '村'],
    ['/api/registry/households', 'persons.0.idNumber', '第 1 位成员身份证号'],
    ['/api/registry/households/:id', 'persons.2', '第 3 位成员'],
    ['/api/registry/households/:id/status', 'effectiveOn', '生效日期'],
    ['/api/registry/trial/household', 'income.transfer.other', '其他转移性收入'],
    ['/api/procedures', 'applicant.persons.1.name', '第 2 位成员姓名'],
    ['/api/procedures/definitions/:kind', 'steps.0.minDays', '第 1 步最少天数'],
    ['/api/procedures/:id/actions', 'record.notice.from', '公示开始日期'],
    ['/api/pairing/households/:id/visits', 'content', '走访内容'],
    ['/api/pairing/helpers', 'kind', '帮扶责任人类别'],
    ['/api/pairing/households/:id/assignments', 'helperId', '帮扶责任人'],
    ['/api/assessment/rounds', 'units.0.unitKey', '第 1 个考核对象代码'],
    ['/api/assessment/schemes/:id', 'scheme.contents.1.indicators.0.name', '第 1 项指标名称'],
    ['/api/compare/hits/:id/decision', 'outcome', '评议情况'],
    ['/api/orgs', 'name', '单位名称'],
    ['/api/users', 'displayName', '姓名'],
    ['/api/auth/change-password', 'newPassword', '新密码'],
    // The ledger keeps its own (seed 000's words) …
    ['/api/ledger/entries', 'funds.donation', '个人捐款（万元）'],
    ['/api/ledger/entries', 'memberIds.1', '参与委员（第 2 项）'],
    // … and no other feature borrows them: 具体内容 is the ledger's, not the visit's.
    ['/api/pairing/households/:id/visits', 'orgId', '单位'],
    // A route of no listed feature, or a field no feature lists: the API-wide labels.
    ['/api/regions/deep-poverty/:countyCode', 'note', '备注'],
    ['/api/registry/households', 'page', '页码'],
    ['/api/registry/households', 'noSuchField', 'noSuchField'],
  ])('%s %s → %s', (route, field, label) => {
    expect(fieldLabel(field, labelsOfRoute(route))).toBe(label);
  });

  it('chooses the feature by the whole first segments of the path, the longest first', () => {
    expect(labelsOfRoute('/api/registry')).toBe(labelsOfRoute('/api/registry/households?q=1'));
    expect(labelsOfRoute('/api/registryx')).toBeUndefined();
    expect(labelsOfRoute('/api/pairing/helpers/:id')).not.toBe(labelsOfRoute('/api/pairing'));
  });
});
