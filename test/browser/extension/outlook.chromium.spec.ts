// The extension in Chromium on the synthetic Outlook on the web (test/fixtures/webmail/outlook.html).
import { expect, test } from '@playwright/test';
import { createRequire } from 'node:module';
import { addOpenCopiesOfCards, card, clickCardButton, expectCardMatches, expectCardText } from './cardReader';
import { expectedSummaries } from './expectedSummary';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { outlookAttachments, outlookNoUrlAttachment } from './webmailRoutes';

test.describe.configure({ mode: 'serial' });
let ext: ExtensionBrowser;
test.beforeAll(async () => {
  ext = await launchExtension();
});
test.afterAll(async () => {
  await ext.close();
});

const one = outlookAttachments['AAMkADFixtureAttachmentOne=']!;
const three = outlookAttachments['AAMkADFixtureAttachmentThree=']!;

for (const origin of ['https://outlook.office.com', 'https://outlook.cloud.microsoft']) {
  test(`${origin}: the tile with a download link is summarized; the one without leads to the drop page`, async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/mail/inbox`);
    await expectCardMatches(page, one.fileName, await expectedSummaries(one.bytes, one.fileName));
    const noUrl = card(page, outlookNoUrlAttachment.fileName);
    await expect(noUrl).toHaveAttribute('data-state', 'needs-download', { timeout: 15_000 });
    await expectCardText(page, outlookNoUrlAttachment.fileName, 'Download it, then drop it here');
    // The message list's options and the picture attachment get no card.
    await expect(page.locator('[data-dmarc-lens="summary"]')).toHaveCount(2);

    const [dropPage] = await Promise.all([
      ext.context.waitForEvent('page'),
      clickCardButton(page, outlookNoUrlAttachment.fileName, 'drop-page'),
    ]);
    await dropPage.waitForLoadState();
    expect(new URL(dropPage.url()).searchParams.get('file')).toBe(outlookNoUrlAttachment.fileName);
    await expect(dropPage.getByTestId('drop-steps')).toContainText(outlookNoUrlAttachment.fileName);
    await dropPage.locator('input[type=file]').setInputFiles({
      name: outlookNoUrlAttachment.fileName,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(outlookNoUrlAttachment.bytes),
    });
    const [expected] = await expectedSummaries(outlookNoUrlAttachment.bytes, outlookNoUrlAttachment.fileName);
    if (expected?.kind !== 'aggregate') throw new Error('expected an aggregate report');
    const outcome = dropPage.getByTestId('drop-outcomes');
    await expect(outcome.locator('[data-field="messages"]')).toHaveText(
      `${expected.messages.toLocaleString('en-US')} message${expected.messages === 1 ? '' : 's'}`,
    );
    await expect(outcome.locator('[data-field="pass-rate"]')).toHaveText(
      `${(expected.dmarcPassRate * 100).toFixed(1)}% pass`,
    );
    await expect(outcome).toContainText(expected.domain);
    await dropPage.close();

    expect(ext.elsewhere).toEqual([]);
    expect(ext.requests.filter((r) => !r.startsWith(`GET ${origin}/`) && !/^GET https:\/\/outlook\./.test(r))).toEqual(
      [],
    );
    await page.close();
  });
}

test('selecting another conversation swaps the reading pane and its summaries', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://outlook.office.com/mail/inbox');
  await expect(card(page, one.fileName)).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await page.locator('#MailList [data-convid="AAQkADFixtureConversationTwo="]').click();
  await expectCardMatches(page, three.fileName, await expectedSummaries(three.bytes, three.fileName));
  await expect(card(page, one.fileName)).toHaveCount(0);
  await expect(page.locator('[data-dmarc-lens="summary"]')).toHaveCount(1);
  await page.close();
});

test('the inline cards follow the webmail’s theme and pass axe-core’s WCAG 2 A/AA checks, light and dark', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://outlook.office.com/mail/inbox');
  await expect(card(page, one.fileName)).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(card(page, outlookNoUrlAttachment.fileName)).toHaveAttribute('data-state', 'needs-download');
  // The Outlook fixture has no CSP, so axe can be injected as a script (the Gmail one refuses inline scripts).
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core') });
  type AxeResults = { violations: Array<{ id: string; nodes: unknown[] }>; passes: unknown[] };
  // The system's setting, and the colour Outlook's own theme paints the page (none: the fixture's white canvas;
  // #1f1f1f: Outlook's dark mode chosen in Outlook; white painted while the system is dark).
  const cases = [
    { colorScheme: 'light', paint: '', theme: 'light' },
    { colorScheme: 'dark', paint: '', theme: 'dark' },
    { colorScheme: 'light', paint: '#1f1f1f', theme: 'dark' },
    { colorScheme: 'dark', paint: '#ffffff', theme: 'light' },
  ] as const;
  for (const { colorScheme, paint, theme } of cases) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate((color) => {
      document.body.style.background = color;
      document.body.style.color = color === '#1f1f1f' ? '#ffffff' : '';
      for (const copy of document.querySelectorAll('[data-card-copy]')) copy.remove();
    }, paint);
    for (const name of [one.fileName, outlookNoUrlAttachment.fileName])
      await expect(card(page, name), `${colorScheme} ${paint}`).toHaveAttribute('data-theme', theme);
    // axe runs as page script and cannot enter the cards' closed roots: it checks open copies of them.
    expect(await addOpenCopiesOfCards(page)).toBe(2);
    const { violations, passes } = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
      const result = await axe.run({ include: [['[data-card-copy]']] }, { runOnly: ['wcag2a', 'wcag2aa'] });
      return { violations: result.violations.map((v) => `${v.id} (${v.nodes.length})`), passes: result.passes.length };
    });
    expect(violations, `${colorScheme} ${paint}`).toEqual([]);
    expect(passes).toBeGreaterThan(5); // the rules did reach the cards (contrast, button names, …)
  }
  await page.close();
});

test('Graph mode stays off until a real application id is given; Outlook then asks nothing of Microsoft', async () => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByLabel('Application (client) id').fill('my-app');
  await options.getByRole('button', { name: 'Turn Graph mode on' }).click();
  await expect(options.getByRole('status').first()).toContainText('GUID');
  await expect(options.getByRole('button', { name: 'Turn Graph mode on' })).toBeVisible();
  await options.close();
  expect(ext.requests.filter((r) => /microsoft(online)?\.com\//.test(r) && !/outlook\./.test(r))).toEqual([]);
  expect(ext.elsewhere).toEqual([]);
});
