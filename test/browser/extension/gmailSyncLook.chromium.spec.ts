// The options page's Gmail sync, in Chromium: "Read the Gmail list now" reads the label through the open Gmail tab at
// once (the same run an alarm starts) and the page says what it found; in English and Dutch, light and dark, and at
// 390 px, with no axe violation. Screenshots go to shotsDir('gmail-sync') to be looked at.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../site/siteHelpers';
import { GMAIL_LIST_PATH, bulkFakes } from './bulkRoutes';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './launchExtension';
import { readStoredReportKeys } from './storedReports';
import { shotsDir } from '../shotsDir';

test.describe.configure({ mode: 'serial' });

const SHOTS = shotsDir('gmail-sync');

const fakes = bulkFakes();
let ext: ExtensionBrowser;
test.beforeAll(async () => {
  ext = await launchExtension({ answer: (url, request) => Promise.resolve(fakes.answer(url, request)) });
});
test.afterAll(async () => {
  await ext.close();
});

function optionsPage(locale: 'en' | 'nl', theme: 'light' | 'dark', width: number): Promise<Page> {
  return openExtensionPage(ext, 'options.html', { locale, theme, width });
}

test('"Read the Gmail list now" reads the label in the open Gmail tab and says what it found', async () => {
  const gmail = await ext.context.newPage();
  await gmail.goto(`https://mail.google.com${GMAIL_LIST_PATH}#label/DMARC`);
  const options = await optionsPage('en', 'light', 900);
  const now = options.getByRole('button', { name: 'Read the Gmail list now' });
  await expect(now).toBeDisabled(); // nothing named yet
  await options.locator('input[name="gmailList"]').fill('label:dmarc');
  await now.click();
  await expect(options.getByTestId('gather-gmail-last-run')).toHaveText(
    /^Gmail, .+: 6 new messages read of 8 listed; 4 new reports saved, 1 already saved\. 1 message could not be read and will be tried again next time\.$/,
    { timeout: 30_000 },
  );
  // The setting was saved with the read, as "Read the folder now" does for Outlook.
  await options.reload();
  await expect(options.locator('input[name="gmailList"]')).toHaveValue('label:dmarc');
  expect(await options.evaluate(readStoredReportKeys)).toHaveLength(4);
  expect(ext.requests.filter((r) => !r.startsWith('GET https://mail.google.com/'))).toEqual([]);
  expect(ext.elsewhere).toEqual([]);
  await options.close();
  await gmail.close();
});

test('the options page in English and Dutch, light and dark, and on a phone', async () => {
  for (const locale of ['en', 'nl'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [900, 390]) {
        const page = await optionsPage(locale, theme, width);
        const section = page.locator('section[aria-labelledby="options-gather-title"]');
        await expect(page.getByTestId('gather-gmail-last-run')).toContainText(
          locale === 'en' ? '4 new reports saved' : '4 nieuwe rapporten opgeslagen',
        );
        expect(await axeViolations(page), `${locale} ${theme} ${width}`).toEqual([]);
        await section.screenshot({ path: `${SHOTS}/options-gather-${locale}-${theme}-${width}.png` });
        await page.close();
      }
    }
  }
});
