// The parser's refusals on the import page, in a Dutch browser: a real report email whose gzip attachment is damaged,
// 1 GiB of zeros gzipped twice (refused as a decompression bomb) and stalwartlabs/mail-auth's 001.xml, dated 1975 and
// refused for it. Each row says the problem in Dutch, naming the file, with Dutch numbers; no request leaves the origin.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, fixtureFile, ORIGIN, recordRequests } from './siteHelpers';

test.use({ locale: 'nl-NL' });

const SHOTS = '/work/shots/messages';
const BOMB = {
  name: 'zeros-1g.gz.gz',
  mimeType: 'application/gzip',
  buffer: readFileSync(new URL('../../fixtures/bombs/zeros-1g.gz.gz', import.meta.url)),
};

/** The Dutch of each refusal, written out by hand from the files (001.xml: begin 161212415, end 161221511). */
const REFUSALS: Record<string, string> = {
  'mail-with-bad-gzip.txt':
    'mail-with-bad-gzip.txt › google.com!example.com!1614902400!1614988799.gz: de gzip-gegevens zijn beschadigd (invalid distance)',
  'zeros-1g.gz.gz': 'zeros-1g.gz.gz: pakt uit tot meer dan 250× de eigen grootte (een zipbom?); geweigerd',
  '001.xml':
    '001.xml: rapport "3v98abbp8ya9n3va8yr8oa3ya" van "Sample Reporter" geweigerd: ' +
    'begin-datum 161212415 (1975-02-09 21:13:35 UTC) ligt vóór het bestaan van DMARC-rapporten (2012); ' +
    'end-datum 161221511 (1975-02-09 23:45:11 UTC) ligt vóór het bestaan van DMARC-rapporten (2012)',
};

async function importRefused(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((th) => localStorage.setItem('dmarc-lens:theme', th), theme);
  await page.goto(`${ORIGIN}/#/import`);
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles([
      fixtureFile('JamesJJ__dmarc-report-ses-tsv/mail-with-bad-gzip.txt'),
      BOMB,
      fixtureFile('stalwartlabs__mail-auth/001.xml'),
    ]);
  await expect(page.locator('tr[data-status="refused"]')).toHaveCount(3, { timeout: 60_000 });
}

for (const theme of ['light', 'dark'] as const) {
  test(`each refusal is said in Dutch, naming the file (${theme})`, async ({ page }) => {
    const requests = recordRequests(page);
    await importRefused(page, theme);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    for (const [file, refusal] of Object.entries(REFUSALS)) {
      const row = page.locator('tr[data-status="refused"]', { hasText: file });
      await expect(row.locator('td').last().locator('div').last()).toHaveText(refusal);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/import-refusals-nl-${theme}.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/import-refusals-nl-${theme}-phone.png`, fullPage: true });
    requests.assertSameOrigin();
  });
}
