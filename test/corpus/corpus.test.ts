// Every real report file in ../shared/corpus, read in place (licences vary, so most are not copied here).
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { parseReport } from '../../core/report/parseReport';
import { expectFromManifest } from './expectFromManifest';
import { readManifest, SHARED_CORPUS } from './readManifest';

const entries = readManifest(`${SHARED_CORPUS}MANIFEST.tsv`);

describe.skipIf(entries.length === 0)('real-world corpus (../shared/corpus)', () => {
  it.each(entries.map((e) => [e.relativePath, e] as const))('%s', async (_name, entry) => {
    const bytes = new Uint8Array(readFileSync(SHARED_CORPUS + entry.relativePath));
    expectFromManifest(entry, await parseReport(bytes, { fileName: entry.relativePath }));
  });
});

if (entries.length === 0) {
  describe('real-world corpus (../shared/corpus)', () => {
    it.skip(`skipped: ${SHARED_CORPUS}MANIFEST.tsv is absent (the shared corpus sits beside the project checkout)`, () => {});
  });
}
