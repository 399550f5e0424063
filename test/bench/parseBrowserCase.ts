// The page side of `npm run bench -- --browser` (parse.browser.bench.ts): bundled with core and run in Chromium. Reads
// one file's bytes (not timed), then times one way of turning them into records: ours (parseReport, as the site's import
// worker calls it) or the ceiling (ceilingScanner.ts: no checks, the same record objects), whose .gz input is inflated
// by fflate's streaming Gunzip (the decompressor ours uses) or by the browser's own DecompressionStream.
import { Gunzip } from 'fflate';
import { parseReport } from '../../core/report/parseReport';
import { scanRecords, type CeilingRecord } from './ceilingScanner';

export type BrowserCaseMode = 'ours' | 'ceiling' | 'ceiling-native';

export interface BrowserCaseRun {
  seconds: number;
  records: number;
  messages: number;
  error?: string;
}

/** Input handed to the ceiling at once: what a 1 MB read gives, as in the Node bench. */
const CEILING_SLICE = 1 << 20;

let bytes = new Uint8Array(0);

function* slices(input: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < input.length; at += CEILING_SLICE) yield input.subarray(at, at + CEILING_SLICE);
}

function* gunzipped(input: Uint8Array): Generator<Uint8Array> {
  const out: Uint8Array[] = [];
  const gunzip = new Gunzip((chunk) => out.push(chunk));
  for (let at = 0; at < input.length; at += CEILING_SLICE) {
    gunzip.push(input.subarray(at, at + CEILING_SLICE), at + CEILING_SLICE >= input.length);
    yield* out.splice(0);
  }
}

async function* nativeGunzipped(input: Uint8Array): AsyncGenerator<Uint8Array> {
  const stream = new Blob([input as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

export async function loadBytes(url: string): Promise<number> {
  bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  return bytes.length;
}

export async function runOnce(
  mode: BrowserCaseMode,
  gzip: boolean,
  retainRecords: boolean,
  fileName: string,
): Promise<BrowserCaseRun> {
  let records = 0;
  let messages = 0;
  const start = performance.now();
  if (mode === 'ours') {
    const result = await parseReport(bytes, {
      fileName,
      retainRecords,
      onRecords: (batch) => {
        records += batch.length;
        for (const r of batch) messages += r.count;
      },
    });
    const seconds = (performance.now() - start) / 1000;
    return result.ok ? { seconds, records, messages } : { seconds, records, messages, error: result.error.message };
  }
  const all: CeilingRecord[] = [];
  const chunks = !gzip ? slices(bytes) : mode === 'ceiling' ? gunzipped(bytes) : nativeGunzipped(bytes);
  await scanRecords(chunks, (batch) => {
    records += batch.length;
    for (const r of batch) messages += r.count;
    if (retainRecords) for (const r of batch) all.push(r);
  });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, records, messages };
}
