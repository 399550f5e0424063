// A count with its noun in the singular or the plural, as the CLI's messages say it ("1 report", "2 reports"). The CLI
// speaks English only (its messages go to logs and scripts, not through the browser app's message catalogue).

export function countText(count: number, one: string, other: string, format: (n: number) => string = String): string {
  return `${format(count)} ${count === 1 ? one : other}`;
}

/** The start of the note on a report cut off after `records` records: "only the first 3 records" or "only the first record". */
export function onlyTheFirst(records: number): string {
  return records === 1 ? 'only the first record' : `only the first ${records} records`;
}
