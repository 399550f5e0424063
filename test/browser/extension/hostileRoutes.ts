// The attacker's side of the hostile-page tests: every host that is not the fake webmail answers as an attacker's
// server would, with CORS headers for the webmail's origin (credentials allowed) and the bytes of a real report. Were
// the extension to fetch from it, the card would show the attacker's report as the user's; the tests record every
// such request and expect none.
import type { FakeRequest } from './launchExtension';
import { ATTACHMENT_HOST, OUTLOOK_ORIGINS, gmailAttachments, type WebmailAnswer } from './webmailRoutes';

const WEBMAIL_HOSTS = new Set([
  'mail.google.com',
  ATTACHMENT_HOST,
  ...OUTLOOK_ORIGINS.map((origin) => new URL(origin).host),
]);

/** Whether a request went to a host that is neither the webmail nor Gmail's attachment host. */
export const isAttackerRequest = (line: string): boolean => {
  const url = line.slice(line.indexOf(' ') + 1);
  return !WEBMAIL_HOSTS.has(new URL(url).host);
};

export function answerAttacker(url: URL, request: Pick<FakeRequest, 'headers'>): WebmailAnswer | undefined {
  if (WEBMAIL_HOSTS.has(url.host)) return undefined;
  const attachment = gmailAttachments.f_google_zip!;
  return {
    status: 200,
    headers: {
      'content-type': 'application/zip',
      'access-control-allow-origin': request.headers.origin ?? '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
      'cache-control': 'no-store',
    },
    body: Buffer.from(attachment.bytes),
  };
}

/**
 * Runs in a webmail page, as the page's own script: what hostile-page.js reached of the cards, whether the page's text
 * shows a card's, and what a direct attempt on each card's host gets (its root, a second root, a rewrite). Passed to
 * `page.evaluate` by the Chromium (Playwright) and Firefox (puppeteer) specs alike, so it uses nothing from outside.
 */
export function whatAPageScriptReaches() {
  const hostile = (
    window as unknown as { __hostile: { stolenRoots: unknown[]; readTexts: string[]; rewrites: string[] } }
  ).__hostile;
  // The page's own text, as rendered, does not include the cards' (they are not in the page's tree).
  const bodyText = document.body.innerText;
  const cardTextInPage = ['pass DMARC', 'Downloaded from', 'DMARC Lens'].filter((text) => bodyText.includes(text));
  const attempts = [...document.querySelectorAll('[data-dmarc-lens="summary"]')].map((host) => {
    let attach: string;
    try {
      host.attachShadow({ mode: 'open' });
      attach = 'attached';
    } catch (error) {
      attach = (error as Error).name;
    }
    const shadowRootProperty = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!;
    // Writing into the host's light DOM: without a slot in the card it is never displayed.
    host.replaceChildren(document.createTextNode('0% pass DMARC (rewritten by the page)'));
    return {
      shadowRoot: host.shadowRoot === null ? 'null' : 'reachable',
      viaPrototype: shadowRootProperty.get!.call(host) === null ? 'null' : 'reachable',
      attach,
      innerText: (host as HTMLElement).innerText,
    };
  });
  return {
    stolenRoots: hostile.stolenRoots.length,
    readTexts: hostile.readTexts,
    rewrites: hostile.rewrites,
    cardTextInPage,
    attempts,
  };
}
