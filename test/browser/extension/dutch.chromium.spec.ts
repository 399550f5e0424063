// A Dutch Chromium: the inline card and the popup speak Dutch, with Dutch numbers and plurals, and show none of the
// extension's English. Headless Chromium's navigator.language follows Playwright's locale, not `--lang` alone.
import { expect, test, type Page } from '@playwright/test';
import { extensionEn, extensionNl, extensionPagesEn, extensionPagesNl } from '../../../core/i18n';
import { englishPieces, readableText } from '../site/siteHelpers';
import { card, clickCardButton, readCard } from './cardReader';
import { expectedSummaries } from './expectedSummary';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { parseReport } from '../../../core/report';
import { gmailAttachments } from './webmailRoutes';

test.describe.configure({ mode: 'serial' });
let ext: ExtensionBrowser;
test.beforeAll(async () => {
  ext = await launchExtension({ args: ['--lang=nl'], locale: 'nl' });
});
test.afterAll(async () => {
  await ext.close();
});

const SCREENSHOTS = process.env.DMARC_LENS_SCREENSHOTS;

/** English sentences of the extension that have Dutch of their own: none of them may show. */
const english = [
  ...englishPieces({ ...extensionEn, ...extensionPagesEn }, { ...extensionNl, ...extensionPagesNl }).keys(),
];

function englishIn(text: string): string[] {
  return english.filter((piece) => text.includes(piece));
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS !== undefined) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

test('the card is Dutch: its title, numbers with Dutch separators and plurals, buttons and note', async () => {
  expect(english.length).toBeGreaterThan(30);
  const page = await ext.context.newPage();
  expect(await page.evaluate(() => navigator.language)).toBe('nl');
  await page.goto('https://mail.google.com/mail/u/1/?nolazy#inbox/thread-a');
  const zoho = gmailAttachments.f_zoho_gz!;
  await expect(card(page, zoho.fileName)).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  const [expected] = await expectedSummaries(zoho.bytes, zoho.fileName);
  if (expected?.kind !== 'aggregate') throw new Error('zoho.com’s report is an aggregate report');

  const shown = await readCard(page, zoho.fileName);
  const messages = `${expected.messages.toLocaleString('nl')} ${expected.messages === 1 ? 'bericht' : 'berichten'}`;
  const percent = new Intl.NumberFormat('nl', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  expect(shown.reports.map((report) => report.title)).toEqual([
    `DMARC-aggregaatrapport: ${expected.orgName} → ${expected.domain}`,
  ]);
  expect(shown.text).toContain(messages);
  expect(shown.text).toContain(`${percent.format(expected.dmarcPassRate)} slaagt voor DMARC`);
  expect(shown.text).toContain('Bronnen die het vaakst mislukken');
  expect(shown.text).toContain('Analyse openen');
  expect(shown.text).toContain('Bewaren in DMARC Lens');
  expect(shown.text).toContain(
    'Gedownload van mail.google.com → mail-attachment.googleusercontent.com en gelezen in deze browser',
  );
  // The day in Dutch ("15 feb 2020"), not in English.
  expect(shown.text).toMatch(/\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}/);
  expect(englishIn(shown.text)).toEqual([]);

  await clickCardButton(page, zoho.fileName, 'save');
  await expect
    .poll(async () => (await readCard(page, zoho.fileName)).outcome)
    .toMatch(/^(1 rapport bewaard\.|Al bewaard\.)$/);
  await screenshot(page, 'card-nl');
  await page.close();
});

test('the popup is Dutch, and lists the saved report with a Dutch count', async () => {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const zoho = gmailAttachments.f_zoho_gz!;
  const [expected] = await expectedSummaries(zoho.bytes, zoho.fileName);
  if (expected?.kind !== 'aggregate') throw new Error('zoho.com’s report is an aggregate report');
  await expect(popup.getByRole('heading', { name: 'Recente rapporten' })).toBeVisible();
  await expect(popup.getByTestId('dashboard-link')).toHaveText('Dashboard openen');
  await expect(popup.getByTestId('drop-zone')).toContainText('Zet rapportbestanden hier neer');
  await expect(popup.getByTestId('recent-reports')).toContainText(
    `${expected.messages.toLocaleString('nl')} ${expected.messages === 1 ? 'bericht' : 'berichten'}`,
  );
  expect(await popup.evaluate(() => document.documentElement.lang)).toBe('nl');
  expect(englishIn(await readableText(popup))).toEqual([]);
  await screenshot(popup, 'popup-nl');
  await popup.close();
  expect(ext.elsewhere).toEqual([]);
});

/** The Dutch of a damaged gzip's refusal, with fflate's own reason (in its English) taken from core's English. */
async function damagedGzipInDutch(bytes: Uint8Array, fileName: string): Promise<string> {
  const result = await parseReport(bytes, { fileName });
  const reason = !result.ok && /: the gzip data is damaged \((.*)\)$/.exec(result.error.message)?.[1];
  if (!reason) throw new Error(`${fileName} is no longer refused as a damaged gzip`);
  return `${fileName}: de gzip-gegevens zijn beschadigd (${reason})`;
}

test('the card says in Dutch why a report cannot be read: a damaged gzip, a date no report can have', async () => {
  const page = await ext.context.newPage();
  // Without ?nolazy: the corrupt card is in the message gmail.html inserts late.
  await page.goto('https://mail.google.com/mail/u/1/#inbox/thread-a');
  const corrupt = gmailAttachments.f_corrupt_gz!;
  await expect(card(page, corrupt.fileName)).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  const corruptCard = await readCard(page, corrupt.fileName);
  expect(corruptCard.alert).toBe(await damagedGzipInDutch(corrupt.bytes, corrupt.fileName));
  await screenshot(page, 'card-damaged-gzip-nl');
  await page.close();

  // addisonfoods.com's real report with a begin of 1e20 seconds (webmailRoutes.ts), on the page of hostile messages.
  const hostile = await ext.context.newPage();
  await hostile.goto('https://mail.google.com/mail/u/4/#inbox/hostile');
  const absurd = gmailAttachments.f_absurd_xml!;
  await expect(card(hostile, absurd.fileName)).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  expect((await readCard(hostile, absurd.fileName)).alert).toBe(
    'absurd.example!example.com!1536105600!1536191999.xml: rapport "3ceb5548498640beaeb47327e202b0b9" van ' +
      '"addisonfoods.com" geweigerd: begin-datum 100000000000000000000 ligt in de toekomst',
  );
  await screenshot(hostile, 'card-refused-date-nl');
  await hostile.close();
});
