// The ceiling `npm run bench` measures ours against: a minimal hand-written scanner that builds the same record objects
// from the same stream with no checks at all — no entities, no validation, no alignment, no warnings. What it costs is
// what reading the text costs; ours as a ratio of it is what our checks and generality cost.
export interface CeilingRecord {
  sourceIp: string;
  count: number;
  disposition: string;
  dkim: string;
  spf: string;
  headerFrom: string;
  envelopeFrom: string;
  dkimResults: Array<{ domain: string; selector: string; result: string }>;
  spfResults: Array<{ domain: string; scope: string; result: string }>;
}

/** The text of the first `<name>…</name>` in `xml` between `from` and `to`, or '' (no trimming, no decoding). */
function valueOf(xml: string, name: string, from: number, to: number): string {
  const start = xml.indexOf(`<${name}>`, from);
  if (start === -1 || start > to) return '';
  const end = xml.indexOf('</', start);
  return xml.slice(start + name.length + 2, end);
}

/** Each `<tag>…</tag>` block between `from` and `to`, as [start, end] pairs. */
function blocks(xml: string, tag: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let at = xml.indexOf(`<${tag}>`, from); at !== -1 && at < to; at = xml.indexOf(`<${tag}>`, at + 1)) {
    out.push([at, xml.indexOf(`</${tag}>`, at)]);
  }
  return out;
}

function recordAt(text: string, start: number, end: number): CeilingRecord {
  // Searched within the record alone: an element a record leaves out (envelope_from, scope, selector) would otherwise
  // be looked for through the rest of the piece, for every record, as real reports do.
  const xml = text.slice(start, end);
  const from = 0;
  const to = xml.length;
  const evaluated = xml.indexOf('<policy_evaluated>', from);
  const auth = xml.indexOf('<auth_results>', from);
  const authFrom = auth === -1 || auth > to ? to : auth;
  return {
    sourceIp: valueOf(xml, 'source_ip', from, to),
    count: Number(valueOf(xml, 'count', from, to)),
    disposition: valueOf(xml, 'disposition', evaluated, to),
    dkim: valueOf(xml, 'dkim', evaluated, authFrom),
    spf: valueOf(xml, 'spf', evaluated, authFrom),
    headerFrom: valueOf(xml, 'header_from', from, to),
    envelopeFrom: valueOf(xml, 'envelope_from', from, to),
    dkimResults: blocks(xml, 'dkim', authFrom, to).map(([a, b]) => ({
      domain: valueOf(xml, 'domain', a, b),
      selector: valueOf(xml, 'selector', a, b),
      result: valueOf(xml, 'result', a, b),
    })),
    spfResults: blocks(xml, 'spf', authFrom, to).map(([a, b]) => ({
      domain: valueOf(xml, 'domain', a, b),
      scope: valueOf(xml, 'scope', a, b),
      result: valueOf(xml, 'result', a, b),
    })),
  };
}

const PIECE_BYTES = 32 * 1024;

/**
 * Reads the records of a stream of UTF-8 XML (a Node stream, a browser ReadableStream's chunks, slices of bytes),
 * handing each piece's complete records to `onRecords`.
 */
export async function scanRecords(
  stream: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onRecords: (records: CeilingRecord[]) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of stream) {
    // Decoded in small pieces, as ours is: a string past V8's largest regular object is scanned far more slowly
    // (docs/benchmarks.md), which would lower the ceiling.
    for (let at = 0; at < chunk.length; at += PIECE_BYTES) scan(chunk.subarray(at, at + PIECE_BYTES));
  }

  function scan(chunk: Uint8Array): void {
    const text = rest + decoder.decode(chunk, { stream: true });
    const records: CeilingRecord[] = [];
    let at = 0;
    for (;;) {
      const start = text.indexOf('<record>', at);
      if (start === -1) break;
      const end = text.indexOf('</record>', start);
      if (end === -1) {
        at = start;
        break;
      }
      records.push(recordAt(text, start, end));
      at = end + 9;
    }
    rest = text.slice(at);
    onRecords(records);
  }
}
