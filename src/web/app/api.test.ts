import { describe, expect, it } from 'vitest';
import { ApiError, errorFromBody, withQuery } from './api';

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/api/ledger/entries', { orgId: 3, q: '种植 花椒', deepPoverty: false, yearFrom: undefined, categoryCode: '', x: null })).toBe(
      '/api/ledger/entries?orgId=3&q=%E7%A7%8D%E6%A4%8D+%E8%8A%B1%E6%A4%92&deepPoverty=false',
    );
    expect(withQuery('/api/orgs')).toBe('/api/orgs');
    expect(withQuery('/api/orgs', { a: undefined })).toBe('/api/orgs');
  });
});

describe('errorFromBody', () => {
  it('carries code, message, fields and the extra members of the error', () => {
    const e = errorFromBody(409, { error: { code: 'DUPLICATE', message: '该事项已录入', existingId: 12 } });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(409);
    expect(e.code).toBe('DUPLICATE');
    expect(e.message).toBe('该事项已录入');
    expect(e.fields).toEqual([]);
    expect(e.details.existingId).toBe(12);
  });

  it('keeps row and column of spreadsheet errors', () => {
    const e = errorFromBody(400, {
      error: {
        code: 'VALIDATION',
        message: '导入失败',
        fields: [{ field: 'funds.personal', label: '个人资金（万元）', message: '金额不能为负数', row: 4, column: 'I' }, 'junk'],
      },
    });
    expect(e.fields).toEqual([{ field: 'funds.personal', label: '个人资金（万元）', message: '金额不能为负数', row: 4, column: 'I' }]);
  });

  it('gives a Chinese message when the body is not an API error', () => {
    expect(errorFromBody(502, '<html>Bad Gateway</html>').message).toBe('服务器暂时无法访问，请稍后再试');
    expect(errorFromBody(401, undefined).code).toBe('UNAUTHENTICATED');
    expect(errorFromBody(418, undefined).message).toBe('请求失败（418）');
  });
});
