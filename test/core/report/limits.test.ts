// Decompression bombs and XML entity expansion are refused with their error codes (RFC 9990 §7), quickly: each test
// would run for minutes or exhaust memory if a limit were missing (the test timeout is the bound, not a timing assert).
import { readFileSync } from 'node:fs';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import { MAX_NESTING_DEPTH } from '../../../core/report/limits';
import { recordXml, reportXml, utf8 } from '../../helpers/reportXml';

const bomb = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/bombs/${name}`, import.meta.url)));

describe('decompression bombs (test/fixtures/bombs, made by scripts/make-bomb-fixtures.mjs)', () => {
  it('refuses a 3 KB double gzip of 1 GiB of zeros as too-large', { timeout: 20_000 }, async () => {
    const input = bomb('zeros-1g.gz.gz');
    expect(input.length).toBeLessThan(4096);
    const result = await parseReport(input, { fileName: 'zeros-1g.gz.gz' });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    if (!result.ok) expect(result.error.message).toMatch(/zeros-1g\.gz\.gz.*bomb/);
  });

  it('refuses a zip whose member expands to 1 GiB as too-large', { timeout: 20_000 }, async () => {
    expect(await parseReport(bomb('zeros-1g.zip'))).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('refuses a report padded to a huge expansion ratio', { timeout: 20_000 }, async () => {
    // 16 MiB of spaces deflate ~1000:1, four times MAX_EXPANSION_RATIO.
    const padded = reportXml({ records: [recordXml()] }).replace(
      '<feedback>',
      `<feedback>${' '.repeat(16 * 1024 * 1024)}`,
    );
    expect(await parseReport(gzipSync(utf8(padded), { level: 6 }))).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });

  it('refuses archives nested deeper than MAX_NESTING_DEPTH', async () => {
    let bytes = utf8(reportXml());
    for (let i = 0; i <= MAX_NESTING_DEPTH + 1; i++)
      bytes = i % 2 ? gzipSync(bytes) : zipSync({ [`layer${i}`]: bytes });
    expect(await parseReport(bytes)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('reads archives nested within the limit', async () => {
    let bytes = utf8(reportXml());
    for (let i = 0; i < 4; i++) bytes = i % 2 ? gzipSync(bytes) : zipSync({ [`layer${i}`]: bytes });
    expect((await parseReport(bytes)).ok).toBe(true);
  });
});

describe('XML entity expansion', () => {
  const laughs =
    '<?xml version="1.0"?>\n<!DOCTYPE feedback [\n<!ENTITY lol "lol">\n' +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n') +
    '\n]>\n';

  it('refuses a billion-laughs DOCTYPE before <feedback>', { timeout: 20_000 }, async () => {
    const xml =
      laughs +
      reportXml({ declaration: '' }).replace('<org_name>Example Receiver</org_name>', '<org_name>&lol9;</org_name>');
    const result = await parseReport(utf8(xml), { fileName: 'laughs.xml' });
    expect(result).toMatchObject({ ok: false, error: { code: 'malformed' } });
    if (!result.ok) expect(result.error.message).toMatch(/laughs\.xml.*entity expansion/);
  });

  it('refuses an ENTITY declaration smuggled inside the report', async () => {
    const xml = reportXml({ beforeRecords: '<!ENTITY x "y">' });
    expect(await parseReport(utf8(xml))).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });

  it('leaves undeclared entity references as text instead of expanding them', async () => {
    const result = await parseReport(utf8(reportXml().replace('Example Receiver', 'A &lol9; B')));
    expect(result.ok).toBe(true);
  });
});
