// A period the dashboard and the Senders page show: whole UTC days, as reports are (RFC 7489 §7.2: UTC day boundaries).

export interface Period {
  /** Unix seconds, inclusive. */
  from: number;
  /** Unix seconds, exclusive. */
  to: number;
}

/** From 1970 to the end of year 9999 (day names stay four-digit years, so they sort as strings). */
export const ALL_TIME: Period = { from: 0, to: 253_402_300_800 };
