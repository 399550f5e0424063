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
