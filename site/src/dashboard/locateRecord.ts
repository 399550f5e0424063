// Where one record is in its report's XML, so the XML view can scroll to it and mark it. Records are found as the
// readers find them (a `<record>` element, with or without a namespace prefix, up to its end tag), the n-th one being
// the record with index n. A record the reader left out (a value it could not believe) shifts the count, so the n-th
// element is taken only when it names the record's source address; else the first from there on that does.

export interface TextSpan {
  start: number;
  end: number;
}

const RECORD_START = /<(?:[\w.-]+:)?record(?=[\s>/])/g;

/** The spans of the `<record>` elements of `xml`, in document order. */
export function recordSpans(xml: string): TextSpan[] {
  const spans: TextSpan[] = [];
  RECORD_START.lastIndex = 0;
  for (let match = RECORD_START.exec(xml); match; match = RECORD_START.exec(xml)) {
    const prefix = match[0].slice(1, match[0].length - 'record'.length);
    const close = xml.indexOf(`</${prefix}record`, match.index);
    if (close < 0) break;
    const end = xml.indexOf('>', close);
    const span = { start: match.index, end: end < 0 ? xml.length : end + 1 };
    spans.push(span);
    RECORD_START.lastIndex = span.end;
  }
  return spans;
}

/** Whether the record text names `ip` as its source (written as the report wrote it, case aside). */
function namesSource(text: string, ip: string): boolean {
  return new RegExp(`<(?:[\\w.-]+:)?source_ip>\\s*${ip.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*<`, 'i').test(text);
}

/** The span of record `index` (its index among the report's records) whose source address is `ip`, if found. */
export function locateRecord(xml: string, index: number, ip: string): TextSpan | undefined {
  const spans = recordSpans(xml);
  const at = spans[index];
  if (at && namesSource(xml.slice(at.start, at.end), ip)) return at;
  for (let i = Math.min(index, spans.length); i < spans.length; i++) {
    const span = spans[i]!;
    if (namesSource(xml.slice(span.start, span.end), ip)) return span;
  }
  // Written another way than its canonical form (an IPv6 address in full): the n-th record, as the best guess.
  return at;
}
