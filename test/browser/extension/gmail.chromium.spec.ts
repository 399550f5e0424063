// The extension in Chromium on the synthetic Gmail (test/fixtures/webmail/gmail*.html served on mail.google.com).
import { expect, test } from '@playwright/test';
import { card, clickCardButton, expectCardMatches, readCard } from './cardReader';
import { expectedSummaries } from './expectedSummary';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { gmailAttachments, gmailRawMessages } from './webmailRoutes';

test.describe.configure({ mode: 'serial' });
let ext: ExtensionBrowser;
test.beforeAll(async () => {
  ext = await launchExtension();
});
test.afterAll(async () => {
  await ext.close();
});

const expectedOf = (id: keyof typeof gmailAttachments) =>
  expectedSummaries(gmailAttachments[id]!.bytes, gmailAttachments[id]!.fileName);

test('summaries appear next to every report card, with core’s numbers, and nothing else is touched', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/1/#inbox/thread-a');
  // download_url card (zip), card without download_url (gz), two reports in one message (xml + HTML bounce).
  await expectCardMatches(page, gmailAttachments.f_google_zip!.fileName, await expectedOf('f_google_zip'));
  await expectCardMatches(page, gmailAttachments.f_zoho_gz!.fileName, await expectedOf('f_zoho_gz'));
  await expectCardMatches(page, gmailAttachments.f_outlook_xml!.fileName, await expectedOf('f_outlook_xml'));
  // Each card names the hosts its bytes came from: Gmail, and for the redirected download Gmail's attachment host.
  expect((await readCard(page, gmailAttachments.f_google_zip!.fileName)).sourceHosts).toBe('mail.google.com');
  expect((await readCard(page, gmailAttachments.f_zoho_gz!.fileName)).sourceHosts).toBe(
    'mail.google.com mail-attachment.googleusercontent.com',
  );
  // The bounced download fell back to the raw message and took the attachment out of its MIME.
  const raw = gmailRawMessages['msg-f:1800000000000000002']!;
  await expectCardMatches(
    page,
    raw.attachmentName,
    await expectedSummaries(raw.bytes, 'message.eml', raw.attachmentName),
  );
  const rawCard = await readCard(page, raw.attachmentName);
  expect(rawCard.text).toContain(
    'Downloaded from mail.google.com and read in this browser; the report itself is not sent anywhere.',
  );
  expect(rawCard.via).toBe('raw message');

  // The lazily inserted message: a card that was being virus-scanned, a card whose name rendered late, a corrupt one.
  await expectCardMatches(page, gmailAttachments.f_scanned_xml!.fileName, await expectedOf('f_scanned_xml'));
  await expectCardMatches(page, gmailAttachments.f_late_xml!.fileName, await expectedOf('f_late_xml'));
  const corrupt = card(page, gmailAttachments.f_corrupt_gz!.fileName);
  await expect(corrupt).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  expect((await readCard(page, gmailAttachments.f_corrupt_gz!.fileName)).alert).toMatch(/corrupt|decompress/i);

  // No card for the PDF, the Drive file or the report name quoted in the message text; exactly one per report.
  await expect(page.locator('[data-dmarc-lens="summary"]')).toHaveCount(7);
  await expect(card(page, 'invoice-2025-11.pdf')).toHaveCount(0);
  await expect(card(page, 'example.net!secure.200permits.com!1766361600!1766447999.xml.gz')).toHaveCount(0);
  // Layer 1 (Gmail's class names) found them all on this page.
  await expect(page.locator('[data-dmarc-lens="summary"]:not([data-layer="precise"])')).toHaveCount(0);

  expect(
    await page.evaluate(() => (window as unknown as { __fixtureViolations: string[] }).__fixtureViolations),
  ).toEqual([]);
  // …and the policy is really enforced on this page: a markup string assigned to innerHTML is refused.
  expect(
    await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return 'allowed';
      } catch {
        return 'refused';
      }
    }),
  ).toBe('refused');
  expect(ext.elsewhere).toEqual([]);
  expect(ext.requests.filter((r) => /realattid=f_invoice|drive\.google/.test(r))).toEqual([]);
  // Gmail's own hosts only; the zoho card's download went through the redirect to the attachment host.
  expect(
    ext.requests.filter((r) => !/^GET https:\/\/(mail\.google\.com|mail-attachment\.googleusercontent\.com)\//.test(r)),
  ).toEqual([]);
  expect(
    ext.requests.filter(
      (r) => r.includes('mail-attachment.googleusercontent.com') && r.includes('realattid=f_zoho_gz'),
    ),
  ).toHaveLength(1);
  await page.close();
});

test('a thread swapped on navigation gets its own summary and the old ones are removed', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/1/?nolazy#inbox/thread-a');
  await expect(card(page, gmailAttachments.f_google_zip!.fileName)).toHaveAttribute('data-state', 'done', {
    timeout: 15_000,
  });
  await page.evaluate(() => {
    location.hash = '#inbox/thread-b';
  });
  await expectCardMatches(page, gmailAttachments.f_addison_xml!.fileName, await expectedOf('f_addison_xml'));
  await expect(page.locator('[data-dmarc-lens="summary"]')).toHaveCount(1);
  await page.evaluate(() => {
    location.hash = '#inbox/thread-a';
  });
  await expect(card(page, gmailAttachments.f_google_zip!.fileName)).toHaveAttribute('data-state', 'done', {
    timeout: 15_000,
  });
  await expect(card(page, gmailAttachments.f_addison_xml!.fileName)).toHaveCount(0);
  await page.close();
});

for (const [variant, path, layers] of [
  ['German labels', '/mail/u/2/', ['precise']],
  ['renamed class names', '/mail/u/3/', ['semantic']],
] as const) {
  test(`the ${variant} variant still finds every report`, async () => {
    const page = await ext.context.newPage();
    await page.goto(`https://mail.google.com${path}?nolazy#inbox/thread-a`);
    await expectCardMatches(page, gmailAttachments.f_google_zip!.fileName, await expectedOf('f_google_zip'));
    await expectCardMatches(page, gmailAttachments.f_zoho_gz!.fileName, await expectedOf('f_zoho_gz'));
    await expectCardMatches(page, gmailAttachments.f_outlook_xml!.fileName, await expectedOf('f_outlook_xml'));
    await expect(page.locator('[data-dmarc-lens="summary"]')).toHaveCount(4);
    for (const layer of layers)
      await expect(page.locator(`[data-dmarc-lens="summary"][data-layer="${layer}"]`)).toHaveCount(4);
    expect(ext.elsewhere).toEqual([]);
    await page.close();
  });
}

test('clicking in the card does not reach Gmail, and Save stores the report for the popup', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/1/?nolazy#inbox/thread-a');
  const zoho = card(page, gmailAttachments.f_zoho_gz!.fileName);
  await expect(zoho).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await page.evaluate(() => {
    (window as unknown as { __pageClicks: number }).__pageClicks = 0;
    document.addEventListener('click', () => (window as unknown as { __pageClicks: number }).__pageClicks++);
  });
  await clickCardButton(page, gmailAttachments.f_zoho_gz!.fileName, 'save');
  await expect
    .poll(async () => (await readCard(page, gmailAttachments.f_zoho_gz!.fileName)).outcome)
    .toMatch(/^(Saved 1 report\.|Already saved\.)$/);
  expect(await page.evaluate(() => (window as unknown as { __pageClicks: number }).__pageClicks)).toBe(0);

  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const [expected] = await expectedOf('f_zoho_gz');
  if (expected?.kind !== 'aggregate') throw new Error('zoho.com’s report is an aggregate report');
  await expect(popup.getByTestId('recent-reports')).toContainText(expected.domain);
  await expect(popup.getByTestId('recent-reports')).toContainText(
    `${expected.messages.toLocaleString('en-US')} messages`,
  );
  await popup.close();
  await page.close();
});
