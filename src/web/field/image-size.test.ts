import { describe, expect, it } from 'vitest';
import { fitWithin } from './image-size';

// Issue 12 (the field brief): photos from the camera are scaled down to at most 1600 px before they are queued.
describe('fitWithin', () => {
  it.each([
    [4032, 3024, 1600, 1200],
    [3024, 4032, 1200, 1600],
    [1600, 900, 1600, 900],
    [800, 600, 800, 600],
    [1601, 1601, 1600, 1600],
    [10000, 10, 1600, 2],
    [10, 10000, 2, 1600],
  ])('%i × %i → %i × %i', (w, h, ew, eh) => {
    expect(fitWithin(w, h)).toEqual({ width: ew, height: eh });
  });

  it('never scales up, never below 1 px, and reads no size as none', () => {
    expect(fitWithin(20, 20, 1600)).toEqual({ width: 20, height: 20 });
    expect(fitWithin(100000, 1, 1600)).toEqual({ width: 1600, height: 1 });
    expect(fitWithin(0, 100)).toEqual({ width: 0, height: 0 });
    expect(fitWithin(Number.NaN, 100)).toEqual({ width: 0, height: 0 });
  });
});
