import { describe, expect, it } from 'vitest';
import { postgresDataError } from './errors';

/** Issue 9: a data error the database raises is the user's bad input (400), never a 500. */
describe('postgresDataError', () => {
  it.each([
    ['22001', '输入的文字过长'],
    ['22003', '数值超出范围'],
    ['22007', '日期或时间格式不正确'],
    ['22008', '日期或时间不存在或超出范围'],
    ['22P02', '输入格式不正确'],
    ['22021', '输入包含无效字符'],
    ['23502', '缺少必填项'],
    ['23503', '引用的记录不存在'],
  ])('SQLSTATE %s → %s', (code, reason) => {
    expect(postgresDataError({ code })).toEqual({ message: `${reason}，请检查后重新提交` });
  });

  it('finds the driver’s error inside the query builder’s wrapper, and names the column when told', () => {
    const wrapped = { message: 'Failed query: insert …', cause: { code: '23502', column: 'village_code' } };
    expect(postgresDataError(wrapped)).toEqual({
      message: '村：缺少必填项',
      fields: [{ field: 'villageCode', label: '村', message: '缺少必填项' }],
    });
  });

  it.each([
    ['a unique violation (a race: 409 elsewhere)', { code: '23505' }],
    ['a serialization failure', { code: '40001' }],
    ['a plain error', new Error('boom')],
    ['nothing', undefined],
  ])('leaves %s alone', (_what, error) => {
    expect(postgresDataError(error)).toBeNull();
  });
});
