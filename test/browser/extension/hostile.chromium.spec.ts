// Issue 13 in Chromium: messages written by an attacker (test/fixtures/webmail/gmail-hostile.html, outlook-hostile.html)
// with attachment-like markup in their bodies, on pages whose own script tries to reach the extension's cards. Every
// host other than the webmail answers as the attacker's server would (CORS for the webmail, a real report's bytes),
// and every request the browser makes is recorded: none may go to any other host, no fake card may get a summary,
// Outlook's canary stays on its origin, and the page cannot read or rewrite a card.
import { expect, test } from '@playwright/test';
import { card, expectCardMatches, readCard, readCards } from './cardReader';
import { expectedSummaries } from './expectedSummary';
import { answerAttacker, isAttackerRequest, whatAPageScriptReaches } from './hostileRoutes';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import {
  ABSURD_REFUSAL,
  OUTLOOK_REDIRECTS_AWAY,
  OUTLOOK_REDIRECT_TARGET,
  gmailAttachments,
  outlookAttachments,
} from './webmailRoutes';

test.describe.configure({ mode: 'serial' });

/** Every request that carried Outlook's canary header, as `METHOD url`. */
const canaryRequests: string[] = [];
/** Every request the attacker's hosts received, whichever way (context.route or the local HTTPS server). */
const attackerHits: string[] = [];
let ext: ExtensionBrowser;
test.beforeAll(async () => {
  ext = await launchExtension({
    answer: (url, request) => {
      if (request.headers['x-owa-canary'] !== undefined) canaryRequests.push(`${request.method} ${url.href}`);
      if (url.host === 'mail.google.com' && url.searchParams.get('realattid') === GMAIL_REDIRECTS_AWAY) {
        return Promise.resolve({
          status: 302,
          headers: { location: `https://evil.example/attachment?${url.searchParams}` },
          body: Buffer.from(''),
        });
      }
      const answer = answerAttacker(url, request);
      if (answer !== undefined) attackerHits.push(`${request.via} ${request.method} ${url.href}`);
      return Promise.resolve(answer);
    },
    // Reached by Chromium itself when it follows a redirect (outside context.route): answered and recorded too.
    localHosts: ['evil.example'],
  });
});
test.afterAll(async () => {
  await ext.close();
});

const google = gmailAttachments.f_google_zip!;
const bidi = gmailAttachments.f_bidi_xml!;
const absurd = gmailAttachments.f_absurd_xml!;
const outlookOne = outlookAttachments['AAMkADFixtureAttachmentOne=']!;
/** A Gmail download that Gmail's server (here, a fake of it gone wrong) redirects to another host. */
const GMAIL_REDIRECTS_AWAY = 'f_redirect_away';
/** Longer than the content script's safety rescan (3 s): a card it would add late has been added by then. */
const AFTER_RESCANS_MS = 3500;

test('Gmail: a sender’s fake cards get no summary and cause no request; the genuine ones are summarized', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/4/#inbox/hostile');
  await expectCardMatches(page, google.fileName, await expectedSummaries(google.bytes, google.fileName));
  await expectCardMatches(page, bidi.fileName, await expectedSummaries(bidi.bytes, bidi.fileName));
  await page.waitForTimeout(AFTER_RESCANS_MS);

  // Only the cards of Gmail's own attachment row that download from Gmail; none of the body's, none off-site.
  expect((await readCards(page)).map((c) => c.fileName)).toEqual([google.fileName, bidi.fileName, absurd.fileName]);
  await expect(page.locator('[data-dmarc-lens="summary"]:not([data-layer="precise"])')).toHaveCount(0);

  // Right-to-left overrides in the reporter and file names are shown, not obeyed.
  const shown = await readCard(page, bidi.fileName);
  expect(shown.reports[0]!.title).toBe(
    'DMARC aggregate report: exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩ → secure.200permits.com',
  );
  expect(shown.text).toContain('exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩!secure.200permits.com!1766361600!1766447999.xml');
  expect(shown.text).not.toContain('\u202E');
  expect(shown.sourceHosts).toBe('mail.google.com');

  // A report with absurd numbers is not believed: the card says which value was refused, in the file's own words.
  await expect(card(page, absurd.fileName)).toHaveAttribute('data-state', 'error');
  const absurdCard = await readCard(page, absurd.fileName);
  expect(absurdCard.text).toContain(ABSURD_REFUSAL);
  expect(absurdCard.text).not.toMatch(/Invalid Date|NaN|null|Infinity/);

  expect(ext.requests.filter(isAttackerRequest)).toEqual([]);
  expect(attackerHits).toEqual([]);
  expect(ext.elsewhere).toEqual([]);
  // The fake card that pointed at a genuine attachment on mail.google.com was not fetched either.
  expect(
    ext.requests.filter((r) => /realattid=(f_addison_xml|f_fake_chip|f_offsite_chip|f_harmless_link)/.test(r)),
  ).toEqual([]);
  expect(
    ext.requests
      .filter((r) => r.includes('view=att'))
      .map((r) => new URL(r.slice(4)).searchParams.get('realattid'))
      .sort(),
  ).toEqual(['f_absurd_xml', 'f_bidi_xml', 'f_google_zip']);
  await page.close();
});

test('Gmail: the page’s script can neither read nor rewrite a card', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/4/#inbox/hostile');
  await expect(card(page, google.fileName)).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(card(page, bidi.fileName)).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(card(page, absurd.fileName)).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  const before = await readCards(page);

  const reached = await page.evaluate(whatAPageScriptReaches);
  // Its attachShadow replacement (forcing roots open and keeping them) never saw the extension's call.
  expect(reached).toEqual({
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
  // What the cards show is unchanged, and the page's text is not displayed in them.
  const after = await readCards(page);
  expect(after.map((c) => c.reports)).toEqual(before.map((c) => c.reports));
  expect(after.map((c) => c.text)).toEqual(before.map((c) => c.text));
  expect(after.map((c) => c.text).join('')).not.toContain('rewritten by the page');

  // For a person to look at: the cards as displayed after the page's attempts, light and dark.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const [name, fileName] of [
      ['google', google.fileName],
      ['bidi', bidi.fileName],
    ]) {
      await card(page, fileName!).screenshot({ path: test.info().outputPath(`card-${name}-${colorScheme}.png`) });
    }
  }
  expect(ext.requests.filter(isAttackerRequest)).toEqual([]);
  await page.close();
});

test('Outlook: body tiles and off-site tiles get no summary, the canary goes only to the page’s own downloads', async () => {
  canaryRequests.length = 0;
  const start = ext.requests.length;
  const page = await ext.context.newPage();
  await page.goto('https://outlook.office.com/mail/hostile');
  await expectCardMatches(page, outlookOne.fileName, await expectedSummaries(outlookOne.bytes, outlookOne.fileName));
  // The download the server sent on to another host: the browser refused to follow it (fetch mode same-origin), and
  // the card says the download failed and offers the drop path.
  const redirected = 'redirected.example!victim.example!1764547200!1764633599.xml';
  await expect(card(page, redirected)).toHaveAttribute('data-state', 'needs-download', { timeout: 15_000 });
  expect((await readCard(page, redirected)).text).toMatch(
    /\.xmlThe download failed \(TypeError: Failed to fetch\)\. Download it, then drop it here\./,
  );
  await page.waitForTimeout(AFTER_RESCANS_MS);
  expect((await readCards(page)).map((c) => c.fileName)).toEqual([outlookOne.fileName, redirected]);
  expect((await readCard(page, outlookOne.fileName)).sourceHosts).toBe('outlook.office.com');

  const requests = ext.requests.slice(start);
  // No attacker host received anything. DevTools announces the redirect's next hop before Chromium refuses to make it
  // (fetch mode same-origin), so Playwright lists that one request, which neither context.route nor the local server
  // (where evil.example resolves) ever received.
  expect(attackerHits).toEqual([]);
  expect(requests.filter(isAttackerRequest)).toEqual([`GET ${OUTLOOK_REDIRECT_TARGET}`]);
  expect(ext.elsewhere).toEqual([]);
  // The canary went with the two downloads of Outlook's own attachment list, on the page's origin, and nowhere else.
  const download = (id: string) =>
    `GET https://outlook.office.com/owa/service.svc/s/GetFileAttachment?id=${encodeURIComponent(id)}&isImagePreview=False`;
  expect(canaryRequests.sort()).toEqual(
    [
      download('AAMkADFixtureAttachmentOne='),
      `GET https://outlook.office.com/owa/service.svc/s/GetFileAttachment?id=${encodeURIComponent(OUTLOOK_REDIRECTS_AWAY)}`,
    ].sort(),
  );
  // The body's fake tile for a genuine attachment on the page's origin was not fetched.
  expect(
    requests.filter(
      (r) => r.startsWith('GET https://outlook.office.com/') && r.includes('AAMkADFixtureAttachmentThree'),
    ),
  ).toEqual([]);

  const reached = await page.evaluate(whatAPageScriptReaches);
  expect(reached.stolenRoots).toBe(0);
  expect(reached.attempts.map((a) => a.shadowRoot)).toEqual(['null', 'null']);
  await page.close();
});

test('Gmail: a download that ends on a host other than Gmail’s is not read, and the card names that host', async () => {
  const hitsBefore = attackerHits.length;
  // Gmail's own server answers its downloads with a redirect to its attachment host, and fetch follows a redirect
  // before the content script sees where it leads; so where the download ended is checked before a byte is used.
  // Here the server sends one elsewhere (a Gmail card added as Gmail adds one, to the genuine attachment row).
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/4/#inbox/hostile');
  await expect(card(page, google.fileName)).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  const fileName = 'redirected.example!victim.example!1764547200!1764633599.xml';
  await page.evaluate(
    ({ fileName, id }) => {
      const template = document.querySelector('.hq.gt span.aZo[download_url]')!;
      const added = template.cloneNode(true) as HTMLElement;
      const url = `https://mail.google.com/mail/u/4/?ui=2&ik=4f2b1c0de9&attid=0.9&permmsgid=msg-f:1800000000000000021&view=att&disp=safe&realattid=${id}&zw`;
      added.setAttribute('download_url', `text/xml:${fileName}:${url}`);
      added.querySelector('a')!.setAttribute('href', url.replace('disp=safe', 'disp=inline'));
      added.querySelector('a')!.setAttribute('aria-label', `Attachment: ${fileName}`);
      added.querySelector('span.aV3')!.textContent = fileName;
      template.parentElement!.append(added);
    },
    { fileName, id: GMAIL_REDIRECTS_AWAY },
  );
  const redirected = card(page, fileName);
  await expect(redirected).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  const shown = await readCard(page, fileName);
  expect(shown.alert).toBe(
    `Could not read ${fileName}: The download was sent on to evil.example, which is not mail.google.com’s; it was not read.`,
  );
  expect(shown.reports).toEqual([]);
  // The redirect was followed by the browser (the one request here that reaches another host); its answer was dropped.
  const hits = attackerHits.slice(hitsBefore);
  expect(hits.length, 'the redirect reached evil.example').toBeGreaterThan(0);
  expect(hits.filter((r) => !r.includes(GMAIL_REDIRECTS_AWAY))).toEqual([]);
  await page.close();
});
