// One benchmark measurement in its own process, so peak memory (maxRSS) belongs to that parser alone.
// usage: node --import tsx test/bench/parseCase.ts ours|fxp|ceiling FILE [RUNS]   (FILE may be .xml.gz for ours and ceiling)
// With RUNS > 1 the fastest run counts (steady state after JIT warm-up; the machine may be busy with other work).
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { parseReportStream } from '../../core/report/parseReport';
import { scanRecords } from './ceilingScanner';

/** The part of the baseline's tree this benchmark reads: each record's message count. */
interface BaselineTree {
  feedback: { record: BaselineRecord | BaselineRecord[] };
}
interface BaselineRecord {
  row: { count: string };
}

const [mode, file, runsArg] = process.argv.slice(2) as ['ours' | 'fxp' | 'ceiling', string, string | undefined];
const bytes = statSync(file).size;
let records = 0;
let messages = 0;
let error: string | undefined;
let seconds = Infinity;

for (let run = 0; run < Number(runsArg ?? 1); run++) {
  records = 0;
  messages = 0;
  const start = performance.now();
  await parseOnce();
  seconds = Math.min(seconds, (performance.now() - start) / 1000);
}

async function parseOnce(): Promise<void> {
  if (mode === 'ceiling') {
    // A .gz is inflated by Node's own zlib, the fastest inflater at hand.
    const input = createReadStream(file, { highWaterMark: 1 << 20 });
    await scanRecords(file.endsWith('.gz') ? input.pipe(createGunzip({ chunkSize: 1 << 20 })) : input, (batch) => {
      records += batch.length;
      for (const r of batch) messages += r.count;
    });
  } else if (mode === 'ours') {
    const result = await parseReportStream(createReadStream(file, { highWaterMark: 1 << 20 }), {
      fileName: file,
      retainRecords: false,
      onRecords: (batch) => {
        records += batch.length;
        for (const r of batch) messages += r.count;
      },
    });
    if (!result.ok) error = result.error.message;
  } else {
    try {
      // The baseline: what most DMARC tools do — the whole document as one string, parsed into one tree.
      const parser = new XMLParser({
        ignoreAttributes: true,
        removeNSPrefix: true,
        parseTagValue: false,
        trimValues: true,
      });
      const tree = parser.parse(readFileSync(file, 'utf8')) as BaselineTree;
      const list = tree.feedback.record;
      records = Array.isArray(list) ? list.length : 1;
      for (const r of Array.isArray(list) ? list : [list]) messages += Number(r.row.count);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
}

process.stdout.write(
  JSON.stringify({ mode, bytes, seconds, records, messages, maxRssMB: process.resourceUsage().maxRSS / 1024, error }) +
    '\n',
);
