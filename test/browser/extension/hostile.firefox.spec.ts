// Issue 13 in Firefox ESR (MV3 and MV2 builds, puppeteer-core over WebDriver BiDi): the attacker-written Gmail and
// Outlook pages of hostile.chromium.spec.ts. Every request of the tab is recorded; hosts other than the webmail answer
// as the attacker's server would. None may be contacted, no fake card may get a summary, the canary stays on its
// origin, and the page's script cannot reach the cards (their roots are closed: BiDi reports mode "closed").
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { visibleText } from '../../../core/report/visibleText';
import { expectedSummaries } from './expectedSummary';
import { answerAttacker, isAttackerRequest, whatAPageScriptReaches } from './hostileRoutes';
import {
  FIREFOX_BUILDS,
  cardRootModes,
  firefoxExtensionDir,
  launchFirefoxExtension,
  readCards,
  type CardContent,
  type FirefoxExtension,
} from './launchFirefoxExtension';
import { ABSURD_REFUSAL, OUTLOOK_REDIRECTS_AWAY, gmailAttachments, outlookAttachments } from './webmailRoutes';

const google = gmailAttachments.f_google_zip!;
const bidi = gmailAttachments.f_bidi_xml!;
const absurd = gmailAttachments.f_absurd_xml!;
const outlookOne = outlookAttachments['AAMkADFixtureAttachmentOne=']!;
const redirected = 'redirected.example!victim.example!1764547200!1764633599.xml';
/** Longer than the content script's safety rescan (3 s): a card it would add late has been added by then. */
const AFTER_RESCANS_MS = 3500;

/** The numbers core computes for a file, as a card shows them. */
async function expectedNumbers(bytes: Uint8Array, fileName: string) {
  return (await expectedSummaries(bytes, fileName)).map((summary) => {
    if (summary.kind !== 'aggregate') throw new Error('the fixtures only hold aggregate reports');
    return {
      title: `DMARC aggregate report: ${visibleText(summary.orgName)} → ${summary.domain}`,
      messages: String(summary.messages),
      passRate: String(summary.dmarcPassRate),
      range: `${summary.begin}-${summary.end}`,
      sources: summary.topFailingSources.map((s) => [s.sourceIp, String(s.messages)] as [string, string]),
    };
  });
}

/** Waits until `count` cards are there and none is loading, lets the rescans pass, then returns them all. */
async function settledCards(page: Page, count: number): Promise<CardContent[]> {
  const settled = () =>
    page.waitForFunction(
      (n: number) => {
        const hosts = [...document.querySelectorAll('[data-dmarc-lens="summary"]')];
        return (
          hosts.length === n && hosts.every((h) => !['loading', 'waiting'].includes(h.getAttribute('data-state') ?? ''))
        );
      },
      { timeout: 20_000, polling: 100 },
      count,
    );
  await settled();
  await new Promise((resolve) => setTimeout(resolve, AFTER_RESCANS_MS));
  await settled();
  return readCards(page);
}

for (const build of FIREFOX_BUILDS) {
  test.describe(`${build}, hostile pages`, () => {
    test.describe.configure({ mode: 'serial' });
    test.skip(
      !existsSync(firefoxExtensionDir(build)),
      `${build} is not built (npx wxt build -b firefox${build.endsWith('mv3') ? ' --mv3' : ''})`,
    );

    let ff: FirefoxExtension;
    const canaryRequests: string[] = [];
    test.beforeAll(async () => {
      ff = await launchFirefoxExtension(firefoxExtensionDir(build), {
        answer: (url, request) => {
          if (request.headers['x-owa-canary'] !== undefined) canaryRequests.push(`${request.method} ${url.href}`);
          return answerAttacker(url, request);
        },
      });
    });
    test.afterAll(async () => {
      await ff?.close();
    });

    test('Gmail: fake cards get nothing and contact nobody; the page cannot read or rewrite a card', async () => {
      const page = await ff.newWebmailPage();
      await page.goto('https://mail.google.com/mail/u/4/#inbox/hostile');
      const cards = await settledCards(page, 3);
      expect(cards.map((c) => [c.fileName, c.state])).toEqual([
        [google.fileName, 'done'],
        [bidi.fileName, 'done'],
        [absurd.fileName, 'error'],
      ]);
      expect(cards[0]!.reports).toEqual(await expectedNumbers(google.bytes, google.fileName));
      expect(cards[1]!.reports).toEqual(await expectedNumbers(bidi.bytes, bidi.fileName));
      expect(cards[1]!.reports[0]!.title).toContain('exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩');
      // A report with absurd numbers is not believed: the card says which value was refused.
      expect(cards[2]!.text).toContain(ABSURD_REFUSAL);
      expect(cards[2]!.text).not.toMatch(/Invalid Date|NaN|null|Infinity/);
      expect(await cardRootModes(page)).toEqual(['closed', 'closed', 'closed']);

      expect(ff.requests.filter(isAttackerRequest)).toEqual([]);
      expect(ff.elsewhere).toEqual([]);
      expect(
        ff.requests
          .filter((r) => r.includes('view=att'))
          .map((r) => new URL(r.slice(4)).searchParams.get('realattid'))
          .sort(),
      ).toEqual(['f_absurd_xml', 'f_bidi_xml', 'f_google_zip']);

      expect(await page.evaluate(whatAPageScriptReaches)).toEqual({
        stolenRoots: 0,
        readTexts: [],
        rewrites: [],
        cardTextInPage: [],
        attempts: [0, 1, 2].map(() => ({
          shadowRoot: 'null',
          viaPrototype: 'null',
          attach: 'NotSupportedError',
          innerText: '',
        })),
      });
      const after = await readCards(page);
      expect(after.map((c) => c.reports)).toEqual(cards.map((c) => c.reports));
      expect(after.map((c) => c.text)).toEqual(cards.map((c) => c.text));
      await page.close();
    });

    test('Outlook: body and off-site tiles get nothing, the canary goes only to the page’s own downloads', async () => {
      canaryRequests.length = 0;
      const start = ff.requests.length;
      const page = await ff.newWebmailPage();
      await page.goto('https://outlook.office.com/mail/hostile');
      const cards = await settledCards(page, 2);
      expect(cards.map((c) => c.fileName)).toEqual([outlookOne.fileName, redirected]);
      expect(cards[0]!.state).toBe('done');
      expect(cards[0]!.reports).toEqual(await expectedNumbers(outlookOne.bytes, outlookOne.fileName));
      expect(cards[0]!.sourceHosts).toBe('outlook.office.com');
      // The download the server sent on to another host is not read; the card offers the drop path.
      expect(cards[1]!.state).toBe('needs-download');
      expect(cards[1]!.text).toMatch(
        /\.xml(The download failed \(TypeError: .+\)\.|Not read: the download was sent on to evil\.example, which is not the webmail’s\.) Download it, then drop it here\./,
      );
      expect(await cardRootModes(page)).toEqual(['closed', 'closed']);

      const requests = ff.requests.slice(start);
      expect(requests.filter(isAttackerRequest)).toEqual([]);
      expect(ff.elsewhere).toEqual([]);
      expect(requests.filter((r) => r.includes('AAMkADFixtureAttachmentThree'))).toEqual([]);
      expect(canaryRequests.sort()).toEqual(
        [
          `GET https://outlook.office.com/owa/service.svc/s/GetFileAttachment?id=${encodeURIComponent('AAMkADFixtureAttachmentOne=')}&isImagePreview=False`,
          `GET https://outlook.office.com/owa/service.svc/s/GetFileAttachment?id=${encodeURIComponent(OUTLOOK_REDIRECTS_AWAY)}`,
        ].sort(),
      );
      const reached = await page.evaluate(whatAPageScriptReaches);
      expect(reached.stolenRoots).toBe(0);
      expect(reached.attempts.map((a) => a.shadowRoot)).toEqual(['null', 'null']);
      await page.close();
    });
  });
}
