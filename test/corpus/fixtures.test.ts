// The MIT/Apache/BSD corpus files copied into test/fixtures/reports: always present, so these run everywhere.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../core/report/parseReport';
import { expectFromManifest } from './expectFromManifest';
import { FIXTURE_REPORTS, readManifest } from './readManifest';

const entries = readManifest(`${FIXTURE_REPORTS}PROVENANCE.tsv`);

describe('real report fixtures (test/fixtures/reports)', () => {
  it('has the 121 permissively licensed corpus files', () => {
    expect(entries).toHaveLength(121);
    for (const e of entries) expect(e.license).toMatch(/^(MIT|Apache|BSD)/);
  });
  it.each(entries.map((e) => [e.relativePath, e] as const))('%s', async (_name, entry) => {
    const bytes = new Uint8Array(readFileSync(FIXTURE_REPORTS + entry.relativePath));
    expectFromManifest(entry, await parseReport(bytes, { fileName: entry.relativePath }));
  });
});
