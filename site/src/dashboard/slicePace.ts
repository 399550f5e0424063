// How many rows of a long table to draw in the next frame. A fixed number was tuned twice (100, 25, then 15 source
// groups a frame) and each time a busy machine made that many a long task: what a row costs to style and lay out
// grows with what else the cores are doing. So the slice follows the pace the last one went at: when the frames
// that drew it came slowly, the next is smaller; when they came at the display's rate, it grows back.

/** Rows drawn in the first slice. */
export const FIRST_SLICE_ROWS = 8;
/** The fewest and the most rows in a slice (the most: what drilldown.spec holds a frame to). */
export const MIN_SLICE_ROWS = 3;
export const MAX_SLICE_ROWS = 15;
/**
 * The time from one slice's frame to the next's that a slice is sized for. Two frames always pass between them
 * (Preact runs effects after the frame that painted), 33 ms at 60 Hz; the rest is the slice's own drawing.
 */
const SLICE_GAP_MS = 50;

/**
 * The rows of the next slice, after a slice of `rows` whose frame came `gapMs` before this one's (undefined: no slice
 * came before in this drawing).
 */
export function nextSliceRows(rows: number, gapMs: number | undefined): number {
  if (gapMs === undefined || !(gapMs > 0)) return rows;
  return Math.max(MIN_SLICE_ROWS, Math.min(MAX_SLICE_ROWS, Math.round((rows * SLICE_GAP_MS) / gapMs)));
}
