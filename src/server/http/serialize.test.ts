import { describe, expect, it } from 'vitest';
import { droppedFields } from './serialize';

describe('an answer checked against its response schema', () => {
  it.each([
    [{ a: 1, b: 2 }, { a: 1 }, ['b']],
    [{ items: [{ id: 1, idNumber: 'x' }] }, { items: [{ id: 1 }] }, ['items[0].idNumber']],
    [{ a: { b: { c: 1 } } }, { a: { b: {} } }, ['a.b.c']],
    [{ a: 1, b: null }, { a: 1, b: null }, []],
    [[1, 2], [1, 2], []],
  ])('%j written as %j leaves out %j', (before, after, dropped) => {
    expect(droppedFields(before, after, '')).toEqual(dropped);
  });
});
