import { describe, expect, it } from 'vitest';
import type { CodebookSubtype } from './api';
import { formNameOf, formValuesToInput, toFormErrors, type EntryFormValues } from './entry-form-values';

describe('formNameOf: server field errors land on the form field they name', () => {
  it.each([
    ['funds.personal', 'text', ['funds', 'personal']],
    ['funds.fiscal', 'region', ['funds', 'fiscal']],
    ['funds.unknown', 'region', null],
    ['target.regionCode', 'region', 'targetRegion'],
    ['target.text', 'text', 'targetText'],
    ['target', 'region', 'targetRegion'],
    ['target', 'text', 'targetText'],
    ['memberIds', 'text', 'memberIds'],
    ['memberIds[1]', 'text', 'memberIds'],
    ['memberIds.0', 'text', 'memberIds'],
    ['subtypeCode', 'text', 'subtypeCode'],
    ['documentNumber', 'text', 'documentNumber'],
    ['notOfficialDuty', 'text', 'notOfficialDuty'],
    ['version', 'text', null],
  ] as const)('%s (%s target) → %j', (field, kind, expected) => {
    expect(formNameOf(field, kind)).toEqual(expected);
  });
});

describe('toFormErrors', () => {
  it('renames the errors to the form fields, once each, and keeps the rest apart', () => {
    const { onForm, others } = toFormErrors(
      [
        { field: 'funds.personal', label: '个人资金（万元）', message: '金额不能为负数' },
        { field: 'funds.personal', label: '个人资金（万元）', message: '最多保留 4 位小数（万元）' },
        { field: 'funds.personal', label: '个人资金（万元）', message: '金额不能为负数' },
        { field: 'target.regionCode', label: '帮扶对象（村）', message: '应为 12 位行政区划代码' },
        { field: 'version', label: '版本', message: '缺少版本' },
      ],
      'region',
    );
    expect(onForm.map((f) => [f.field, f.message])).toEqual([
      ['funds.personal', '金额不能为负数'],
      ['funds.personal', '最多保留 4 位小数（万元）'],
      ['targetRegion', '应为 12 位行政区划代码'],
    ]);
    expect(others.map((f) => f.field)).toEqual(['version']);
  });
});

describe('formValuesToInput', () => {
  const planting: CodebookSubtype = { code: '0201', name: '种植', unit: '件', explanation: '', needsDocumentNumber: false };
  const pairedHousehold: CodebookSubtype = { code: '0702', name: '贫困户', unit: '户', explanation: '', needsDocumentNumber: true };
  const base: EntryFormValues = {
    orgId: 5,
    categoryCode: '02',
    subtypeCode: '0201',
    count: 2,
    targetKind: 'text',
    targetText: '  某村某户  ',
    targetRegion: '513431100201',
    content: ' 提供种苗 ',
    funds: { personal: ' 1.5 ', social: '' },
    beneficiaries: 12,
    deepPoverty: true,
    startYear: 2020,
    endYear: null,
    documentNumber: '川组通〔2018〕15号',
    memberIds: [3, 4],
    notOfficialDuty: true,
  };

  it('sends the text target, trimmed, every fund (empty as 0) and no document number for other sub-types', () => {
    expect(formValuesToInput(base, planting)).toEqual({
      orgId: 5,
      memberIds: [3, 4],
      subtypeCode: '0201',
      count: 2,
      target: { kind: 'text', text: '某村某户' },
      content: '提供种苗',
      funds: { donation: '0', personal: '1.5', social: '0', bank: '0', fiscal: '0' },
      beneficiaries: 12,
      deepPoverty: true,
      startYear: 2020,
      endYear: null,
      documentNumber: null,
      notOfficialDuty: true,
    });
  });

  it('sends the region target when the village was chosen', () => {
    expect(formValuesToInput({ ...base, targetKind: 'region' }, planting).target).toEqual({ kind: 'region', regionCode: '513431100201' });
  });

  it('结对帮扶: one household per entry, with its document number', () => {
    const input = formValuesToInput({ ...base, subtypeCode: '0702' }, pairedHousehold);
    expect(input.count).toBe(1);
    expect(input.documentNumber).toBe('川组通〔2018〕15号');
  });
});
