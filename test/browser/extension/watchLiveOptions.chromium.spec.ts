// The options page's live DNS lookups section in English and Dutch, light and dark, and at 390 px: it names the
// server before anything is asked, and the page has no axe violation. Screenshots go to shotsDir('watch-live')
// (test/browser/shotsDir.ts) to be looked at. No DNS question is asked while the section is only shown.
import { expect, test } from '@playwright/test';
import { axeViolations } from '../site/siteHelpers';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './launchExtension';
import { shotsDir } from '../shotsDir';

const SHOTS = shotsDir('watch-live');

let ext: ExtensionBrowser;
test.beforeAll(async () => {
  ext = await launchExtension();
});
test.afterAll(async () => {
  await ext.close();
});

const OFF = {
  en: 'Off: no DNS question is asked.',
  nl: 'Uit: er worden geen DNS-vragen gesteld.',
};

test('the live lookups section in English and Dutch, light and dark, and on a phone', async () => {
  for (const locale of ['en', 'nl'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      for (const width of [900, 390]) {
        const page = await openExtensionPage(ext, 'options.html', { locale, theme, width });
        await expect(page.getByTestId('live-lookups-status')).toHaveText(OFF[locale]);
        await expect(page.getByTestId('doh-server')).toHaveValue('cloudflare');
        expect(await axeViolations(page), `${locale} ${theme} ${width}`).toEqual([]);
        await page
          .getByTestId('live-lookup-options')
          .screenshot({ path: `${SHOTS}/options-live-${locale}-${theme}-${width}.png` });
        await page.close();
      }
    }
  }
  expect(ext.requests).toEqual([]);
});
