// The bulk-import control as a Dutch reader sees it, light and dark, on a desktop window and a 390 px phone: Dutch
// words with Dutch plurals, none of the English, and every line of the results readable. Screenshots go to
// shotsDir('bulk') to be looked at.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { clickBulkButton, readBulkControl } from './bulkReader';
import { GMAIL_LIST_PATH, OUTLOOK_LIST_PATH, bulkFakes } from './bulkRoutes';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { shotsDir } from '../shotsDir';

test.describe.configure({ mode: 'serial' });
const shots = shotsDir('bulk');

for (const locale of ['en-US', 'nl-NL'] as const) {
  test.describe(locale, () => {
    const fakes = bulkFakes();
    let ext: ExtensionBrowser;
    test.beforeAll(async () => {
      ext = await launchExtension({ locale, answer: (url, request) => Promise.resolve(fakes.answer(url, request)) });
    });
    test.afterAll(async () => {
      await ext.close();
    });

    test('Gmail: the control before the list, then its results, light and dark, desktop and phone', async () => {
      const page = await ext.context.newPage();
      await page.goto(`https://mail.google.com${GMAIL_LIST_PATH}#label/DMARC`);
      await expect.poll(async () => (await readBulkControl(page))?.count, { timeout: 15_000 }).toBe('8');
      expect((await readBulkControl(page))?.start).toBe(
        locale === 'nl-NL'
          ? 'Importeer de rapporten van alle 8 berichten in deze lijst'
          : 'Import the reports of all 8 messages listed here',
      );
      await page.screenshot({ path: join(shots, `gmail-list-${locale}-light.png`) });
      await clickBulkButton(page, 'start');
      await expect.poll(async () => (await readBulkControl(page))?.state, { timeout: 30_000 }).toBe('done');
      const control = (await readBulkControl(page))!;
      expect(control.status).toBe(
        locale === 'nl-NL'
          ? 'Klaar: 4 nieuwe rapporten opgeslagen, 1 al opgeslagen.'
          : 'Done: 4 new reports saved, 1 already saved.',
      );
      if (locale === 'nl-NL') {
        expect(control.totals).toBe('2 berichten konden niet worden gelezen.');
        expect(control.results.map((r) => r.text)).toContain('Lunch on Friday?: geen rapport in dit bericht');
        expect(control.results.at(-1)?.text).toBe(
          'Report domain: secure.200permits.com Submitter: evil.example: niet gelezen: de regel in de lijst heeft geen berichtnummer van mail.google.com.',
        );
      }
      await page.evaluate(() => document.querySelector('[data-dmarc-lens="bulk"]')?.scrollIntoView());
      await page.screenshot({ path: join(shots, `gmail-done-${locale}-light.png`) });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(shots, `gmail-done-${locale}-dark.png`) });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(shots, `gmail-done-${locale}-dark-390.png`), fullPage: true });
      expect(ext.elsewhere).toEqual([]);
      await page.close();
    });

    test('Outlook: the control before the folder list, light and dark', async () => {
      const page = await ext.context.newPage();
      await page.goto(`https://outlook.office.com${OUTLOOK_LIST_PATH}`);
      await expect.poll(async () => (await readBulkControl(page))?.count, { timeout: 15_000 }).toBe('5');
      await clickBulkButton(page, 'start');
      await expect.poll(async () => (await readBulkControl(page))?.state, { timeout: 30_000 }).toBe('done');
      await page.screenshot({ path: join(shots, `outlook-done-${locale}-light.png`) });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(shots, `outlook-done-${locale}-dark-390.png`), fullPage: true });
      expect(ext.elsewhere).toEqual([]);
      await page.close();
    });
  });
}
