// The failure list's "Failed" column reads Identity-Alignment by what each report's own Authentication-Results say
// (core/analysis/failedMechanism.ts: RFC 7489 §7.3.1 lists the mechanisms that aligned, RFC 9991 §3.1 those that
// failed). No corpus report carries the field, so two real ones get one line added, as in
// test/core/analysis/failedMechanism.test.ts.
import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { SHARED_CORPUS } from '../../corpus/readManifest';
import { addReports, axeViolations, FIXTURES, ORIGIN, recordRequests } from './siteHelpers';

const SHOTS = process.env.SHOTS_DIR ?? 'dist/screenshots/identity-alignment';
mkdirSync(SHOTS, { recursive: true });

/** RFC 6591's example B.1 (GPL-3.0 in the corpus, read in place). */
const B1 = `${SHARED_CORPUS}WoodySlum__dmarc-parser/rfc_6591_ARF_B1.eml`;
const STALWART = `${FIXTURES}stalwartlabs__mail-auth/004.eml`;

function withIdentityAlignment(path: string, value: string) {
  const text = readFileSync(path, 'utf8').replace(
    /^Auth-Failure: .*$/m,
    (line) => `${line}\nIdentity-Alignment: ${value}`,
  );
  const name = `${path
    .split('/')
    .pop()!
    .replace(/\.eml$/, '')}-identity-alignment.eml`;
  return { name, mimeType: 'message/rfc822', buffer: Buffer.from(text) };
}

test.skip(!existsSync(B1), 'the corpus (../shared/corpus) is not here');

test('"Failed" follows what the report says of the mechanism Identity-Alignment lists', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('dmarc-lens:locale', 'en');
    localStorage.setItem('dmarc-lens:theme', 'light');
  });
  const requests = recordRequests(page);
  await page.goto(`${ORIGIN}/#/import`);
  // B.1 with "spf": its header says spf=pass for a.sender.example, so the list names what aligned and DKIM failed
  // (its DKIM-Domain and DKIM-Selector under it).
  // stalwartlabs 004 with "spf": it says nothing of SPF, so Auth-Failure dmarc decides: neither aligned.
  await addReports(page, [withIdentityAlignment(B1, 'spf'), withIdentityAlignment(STALWART, 'spf')]);
  await expect(page.getByTestId('import-outcome').first()).toContainText('Reports imported: 2', { timeout: 60_000 });
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
  const failed = (domain: string) =>
    page.getByTestId('failure-row').filter({ hasText: domain }).getByTestId('failure-failed');
  await expect(failed('a.sender.example')).toHaveText('DKIMd=sender.example s=testkey');
  await expect(failed('interpublication.org')).toHaveText(/^DKIM and SPF/);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('failures-table').screenshot({ path: `${SHOTS}/failures-en-light.png` });
  await page.getByTestId('language-select').selectOption('nl');
  await page.getByTestId('theme-select').selectOption('dark');
  await expect(failed('interpublication.org')).toHaveText(/^DKIM en SPF/);
  await expect(failed('a.sender.example')).toHaveText('DKIMd=sender.example s=testkey');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('failures-table').screenshot({ path: `${SHOTS}/failures-nl-dark.png` });
  requests.assertSameOrigin();
});
