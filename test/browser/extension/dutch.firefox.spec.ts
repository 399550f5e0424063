// A Dutch Firefox ESR (intl.locale.requested and the preferred languages set to nl): the inline card speaks Dutch.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { extensionEn, extensionNl, extensionPagesEn, extensionPagesNl } from '../../../core/i18n';
import { englishPieces } from '../site/siteHelpers';
import { expectedSummaries } from './expectedSummary';
import {
  firefoxExtensionDir,
  launchFirefoxExtension,
  readCards,
  type FirefoxExtension,
} from './launchFirefoxExtension';
import { parseReport } from '../../../core/report';
import { gmailAttachments } from './webmailRoutes';

test.describe.configure({ mode: 'serial' });
test.skip(!existsSync(firefoxExtensionDir('firefox-mv3')), 'firefox-mv3 is not built (npx wxt build -b firefox --mv3)');

let ff: FirefoxExtension;
test.beforeAll(async () => {
  ff = await launchFirefoxExtension(firefoxExtensionDir('firefox-mv3'), {
    prefs: { 'intl.locale.requested': 'nl', 'intl.accept_languages': 'nl' },
  });
});
test.afterAll(async () => {
  await ff?.close();
});

test('the card is Dutch, with Dutch counts and none of the extension’s English', async () => {
  const page = await ff.newWebmailPage();
  await page.goto('https://mail.google.com/mail/u/1/#inbox/thread-a');
  expect(await page.evaluate(() => navigator.language)).toBe('nl');
  const zoho = gmailAttachments.f_zoho_gz!;
  await page.waitForFunction(
    (name: string) =>
      [...document.querySelectorAll('[data-dmarc-lens="summary"]')].some(
        (host) => host.getAttribute('data-file-name') === name && host.getAttribute('data-state') === 'done',
      ),
    { timeout: 20_000, polling: 100 },
    zoho.fileName,
  );
  const shown = (await readCards(page)).find((card) => card.fileName === zoho.fileName);
  const [expected] = await expectedSummaries(zoho.bytes, zoho.fileName);
  if (expected?.kind !== 'aggregate') throw new Error('zoho.com’s report is an aggregate report');
  expect(shown?.reports.map((report) => report.title)).toEqual([
    `DMARC-aggregaatrapport: ${expected.orgName} → ${expected.domain}`,
  ]);
  expect(shown?.text).toContain(
    `${expected.messages.toLocaleString('nl')} ${expected.messages === 1 ? 'bericht' : 'berichten'}`,
  );
  expect(shown?.text).toContain('Gedownload van mail.google.com');
  const english = [
    ...englishPieces({ ...extensionEn, ...extensionPagesEn }, { ...extensionNl, ...extensionPagesNl }).keys(),
  ];
  expect(english.filter((piece) => shown?.text.includes(piece))).toEqual([]);
  expect(ff.elsewhere).toEqual([]);
  await page.close();
});

test('the card says in Dutch that a gzip attachment is damaged', async () => {
  const page = await ff.newWebmailPage();
  await page.goto('https://mail.google.com/mail/u/1/#inbox/thread-a');
  const corrupt = gmailAttachments.f_corrupt_gz!;
  await page.waitForFunction(
    (name: string) =>
      [...document.querySelectorAll('[data-dmarc-lens="summary"]')].some(
        (host) => host.getAttribute('data-file-name') === name && host.getAttribute('data-state') === 'error',
      ),
    { timeout: 20_000, polling: 100 },
    corrupt.fileName,
  );
  const result = await parseReport(corrupt.bytes, { fileName: corrupt.fileName });
  const reason = !result.ok && /: the gzip data is damaged \((.*)\)$/.exec(result.error.message)?.[1];
  if (!reason) throw new Error(`${corrupt.fileName} is no longer refused as a damaged gzip`);
  const shown = (await readCards(page)).find((card) => card.fileName === corrupt.fileName);
  expect(shown?.alert).toBe(`${corrupt.fileName}: de gzip-gegevens zijn beschadigd (${reason})`);
  await page.close();
});
