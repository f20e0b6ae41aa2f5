import { describe, expect, it } from 'vitest';
import { newToken } from './token-service';

describe('newToken', () => {
  it('is tz_ and 64 hex digits with no run of 15 decimal digits that masking could take for an ID number', () => {
    for (let i = 0; i < 2000; i++) {
      const t = newToken();
      expect(t).toMatch(/^tz_[0-9a-f]{64}$/);
      expect(t).not.toMatch(/\d{15}/);
    }
  });
});
