// The rows of a long table drawn per frame follow the pace of the frames that drew the last slice: fewer when they
// came slowly (a busy machine), more when they came at the display's rate, never outside 3–15.
import { describe, expect, it } from 'vitest';
import { FIRST_SLICE_ROWS, nextSliceRows } from '../../../site/src/dashboard/slicePace';

describe('nextSliceRows', () => {
  it('keeps the slice when no slice came before it in this drawing', () => {
    expect(nextSliceRows(FIRST_SLICE_ROWS, undefined)).toBe(8);
    expect(nextSliceRows(12, 0)).toBe(12);
  });

  it('grows at the display rate (two frames of 16.7 ms) up to 15, and shrinks in proportion to a slow gap', () => {
    // 8 × 50 / 33.4 = 11.98; 12 × 50 / 33.4 = 17.96, held to 15.
    expect(nextSliceRows(8, 33.4)).toBe(12);
    expect(nextSliceRows(12, 33.4)).toBe(15);
    expect(nextSliceRows(15, 33.4)).toBe(15);
    // A gap of exactly the 50 ms a slice is sized for keeps it.
    expect(nextSliceRows(10, 50)).toBe(10);
    // Beside busy processes: 15 rows whose frames came 150 ms apart are 5 next; 5 at 141 ms, 1.77, held to 3.
    expect(nextSliceRows(15, 150)).toBe(5);
    expect(nextSliceRows(5, 141)).toBe(3);
    expect(nextSliceRows(3, 1000)).toBe(3);
  });

  it('climbs back from the fewest once frames come quickly again', () => {
    const rows: number[] = [];
    let slice = 3;
    for (let i = 0; i < 5; i++) rows.push((slice = nextSliceRows(slice, 33.4)));
    expect(rows).toEqual([4, 6, 9, 13, 15]);
  });
});
