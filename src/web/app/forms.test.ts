import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { name } from '../../contract/zod';
import { namePath, problemsOf } from './forms';

describe('forms checked with the endpoint schema', () => {
  const input = z.object({ username: name(10), persons: z.array(z.object({ idNumber: name(18) })) });

  it('reports problems in the server’s shape, with the building blocks’ Chinese reasons and the labels given', () => {
    expect(problemsOf(input, { persons: [{ idNumber: 'x'.repeat(19) }] }, { username: '用户名', idNumber: '身份证号' })).toEqual([
      { field: 'username', label: '用户名', message: '必填' },
      { field: 'persons.0.idNumber', label: '身份证号', message: '不能超过 18 个字' },
    ]);
    expect(problemsOf(input, { username: '张三', persons: [] })).toEqual([]);
  });

  it('turns a field path into the form’s name path', () => {
    expect(namePath('persons.0.idNumber')).toEqual(['persons', 0, 'idNumber']);
    expect(namePath('username')).toEqual(['username']);
  });
});
