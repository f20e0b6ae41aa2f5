import { describe, expect, it } from 'vitest';
import { filterParams } from './PageFilters';

describe('the address of the filters applied', () => {
  it('sets each filter given, trims text and leaves empty ones out', () => {
    const p = filterParams({ q: '  张三 ', region: '', status: undefined, orgId: 7, active: 'false', yearTo: null });
    expect(p.toString()).toBe(new URLSearchParams({ q: '张三', orgId: '7', active: 'false' }).toString());
  });

  it('keeps a page size other than the default, and no page', () => {
    expect(filterParams({ kind: 'exit' }, 50).toString()).toBe('kind=exit&pageSize=50');
    expect(filterParams({ kind: 'exit' }, 20).toString()).toBe('kind=exit');
  });
});
