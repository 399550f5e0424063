// Writes the decompression-bomb fixtures of test/fixtures/bombs (committed; run again only to regenerate them).
//   zeros-1g.gz.gz   gzip of (gzip of 1 GiB of zeros): about 1 KB that expands a million-fold in two layers
//   zeros-1g.zip     a zip whose member, a gzip of 1 GiB of zeros, is deflated again
import { Gzip, gzipSync, zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';

const MiB = 1024 * 1024;
const zeros = new Uint8Array(MiB);
const parts = [];
const gzip = new Gzip({ level: 9 }, (chunk) => parts.push(chunk));
for (let i = 0; i < 1024; i++) gzip.push(zeros, i === 1023);
const inner = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
let at = 0;
for (const p of parts) {
  inner.set(p, at);
  at += p.length;
}
const outer = gzipSync(inner, { level: 9 });
writeFileSync(new URL('../test/fixtures/bombs/zeros-1g.gz.gz', import.meta.url), outer);
writeFileSync(
  new URL('../test/fixtures/bombs/zeros-1g.zip', import.meta.url),
  zipSync({ 'report.xml.gz': [inner, { level: 9 }] }),
);
console.log(`inner gzip ${inner.length} bytes, outer ${outer.length} bytes`);
