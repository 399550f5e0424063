// The inline card in the webmail's theme, in Gmail and Outlook, English and Dutch: light on the light webmail, dark
// when the webmail paints itself dark (its own theme, chosen apart from the system's) and when the system is dark on
// a page that paints nothing. Screenshots of each go to shotsDir('card-theme') to be looked at.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { card } from './cardReader';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { gmailAttachments, outlookAttachments } from './webmailRoutes';
import { shotsDir } from '../shotsDir';

const SHOTS = shotsDir('card-theme');

// What each webmail's dark theme paints behind a message: Gmail #202124, Outlook #1f1f1f.
const WEBMAILS = [
  {
    name: 'gmail',
    url: 'https://mail.google.com/mail/u/1/#inbox/thread-a',
    file: gmailAttachments.f_google_zip!.fileName,
    dark: '#202124',
  },
  {
    name: 'outlook',
    url: 'https://outlook.office.com/mail/inbox',
    file: outlookAttachments['AAMkADFixtureAttachmentOne=']!.fileName,
    dark: '#1f1f1f',
  },
] as const;

async function paint(page: Page, background: string): Promise<void> {
  await page.evaluate((color) => {
    document.body.style.background = color;
    document.body.style.color = color === '' ? '' : '#e8eaed';
  }, background);
}

for (const locale of ['en', 'nl'] as const) {
  test.describe(locale, () => {
    let ext: ExtensionBrowser;
    test.beforeAll(async () => {
      ext = await launchExtension(locale === 'nl' ? { args: ['--lang=nl'], locale: 'nl' } : {});
    });
    test.afterAll(async () => {
      await ext?.close();
    });

    for (const webmail of WEBMAILS) {
      test(`${webmail.name}: the card follows the webmail’s theme`, async () => {
        const page = await ext.context.newPage();
        await page.setViewportSize({ width: 1100, height: 800 });
        await page.goto(webmail.url);
        const summary = card(page, webmail.file);
        await expect(summary).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
        const cases = [
          { shot: 'light', colorScheme: 'light', background: '', theme: 'light' },
          { shot: 'dark-webmail', colorScheme: 'light', background: webmail.dark, theme: 'dark' },
          { shot: 'dark-system', colorScheme: 'dark', background: '', theme: 'dark' },
        ] as const;
        for (const { shot, colorScheme, background, theme } of cases) {
          await page.emulateMedia({ colorScheme });
          await paint(page, background);
          await expect(summary, shot).toHaveAttribute('data-theme', theme);
          await summary.screenshot({ path: join(SHOTS, `card-${webmail.name}-${locale}-${shot}.png`) });
        }
        expect(ext.elsewhere).toEqual([]);
        await page.close();
      });
    }
  });
}
