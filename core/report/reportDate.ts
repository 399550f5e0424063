// Report times are Unix seconds as a reporter wrote them (or as a restored backup holds them): any number at all.
// A JavaScript Date only spans ±8.64e15 ms (ECMA-262 §21.4.1.22), and `toISOString` throws a RangeError outside it,
// so every output turns seconds into text through here.

/** Largest |milliseconds| a Date holds (ECMA-262 time value range: 100,000,000 days either side of 1970). */
const MAX_DATE_MS = 8.64e15;

/** `2024-03-01T00:00:00.000Z` for report seconds, or `undefined` when no date has that time (NaN, ±Infinity, 1e20). */
export function isoFromReportSeconds(seconds: number): string | undefined {
  const ms = seconds * 1000;
  // NaN fails both comparisons.
  if (!(ms >= -MAX_DATE_MS && ms <= MAX_DATE_MS)) return undefined;
  return new Date(ms).toISOString();
}
