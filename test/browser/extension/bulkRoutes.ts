// The fake Gmail list and Outlook folder of the bulk-import tests, on their real origins: the list pages
// (test/fixtures/webmail/gmail-list.html, outlook-list.html), Gmail's "Download original" of each listed thread (real
// report messages from test/fixtures/reports), Outlook's GetConversationItems and GetFileAttachment service calls
// (refused, as OWA does, without the canary header), and throttling: a 429 with Retry-After once, or a 503 always.
// Every request is also recorded here; anything else falls through to webmailRoutes.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { WebmailAnswer } from './webmailRoutes';
import { OWA_CANARY } from './webmailRoutes';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const report = (path: string) => new Uint8Array(readFileSync(`${fixtures}reports/${path}`));
const page = (name: string) => readFileSync(`${fixtures}webmail/${name}`);

export const GMAIL_LIST_PATH = '/mail/u/5/';
export const GMAIL_IK = 'a1b2c3d4e5';
export const OUTLOOK_LIST_PATH = '/mail/dmarc';

/** A message that is not a report: what a label holding reports also holds now and then. */
const LUNCH = new TextEncoder().encode(
  [
    'From: Colleague <colleague@example.org>',
    'To: fixture@example.org',
    'Subject: Lunch on Friday?',
    'Message-ID: <lunch-1@example.org>',
    'Date: Fri, 05 Dec 2025 10:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Shall we have lunch on Friday?',
    '',
  ].join('\r\n'),
);

/** Gmail's raw messages by thread id (hex), as "Download original" gives them. */
export const gmailThreads: Record<string, { bytes: Uint8Array; source: string }> = {
  '18d0a1b2c3d4e5f1': { bytes: report('domainaware__parsedmarc/twilight.eml'), source: 'twilight.eml' },
  '18d0a1b2c3d4e5f2': { bytes: report('domainaware__parsedmarc/mimecast-weird-gzip.eml'), source: 'mimecast' },
  '18d0a1b2c3d4e5f3': { bytes: report('domainaware__parsedmarc/google.com_smtp_tls_report.eml'), source: 'tls' },
  '18d0a1b2c3d4e5f4': { bytes: report('mjl-__mox/mailru.eml'), source: 'mailru' },
  '18d0a1b2c3d4e5f5': { bytes: LUNCH, source: 'lunch' },
  '18d0a1b2c3d4e5f6': { bytes: report('domainaware__parsedmarc/twilight.eml'), source: 'twilight.eml again' },
  '18d0a1b2c3d4e5f7': { bytes: report('mjl-__mox/yahoo.eml'), source: 'yahoo (Gmail answers 503)' },
};
/** The thread Gmail throttles once (429, Retry-After: 1) and the one it always fails (503, Retry-After: 1). */
export const GMAIL_THROTTLED_ONCE = '18d0a1b2c3d4e5f2';
export const GMAIL_ALWAYS_FAILING = '18d0a1b2c3d4e5f7';

const LOLEI_1 = 'loleik__dmarc-analysis/enterprise.protection.outlook.com!lolei.uk!1740614400!1740700800.xml';
const LOLEI_2 = 'loleik__dmarc-analysis/enterprise.protection.outlook.com!lolei.uk!1754524800!1754611200.xml';
const USSSA = 'domainaware__parsedmarc/usssa.com!example.com!1538784000!1538870399.xml';
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

interface OwaAttachment {
  id: string;
  name: string;
  bytes: Uint8Array;
}
/** Outlook conversations by id: their messages' attachments. */
export const outlookConversations: Record<string, OwaAttachment[][]> = {
  'AAQkADBulkConversationA=': [
    [
      { id: 'AAMkADBulkLolei1Gz=', name: `${baseName(LOLEI_1)}.gz`, bytes: gzipSync(report(LOLEI_1)) },
      { id: 'AAMkADBulkLogo=', name: 'signature-logo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
    ],
  ],
  'AAQkADBulkConversationB=': [[{ id: 'AAMkADBulkUsssa=', name: baseName(USSSA), bytes: report(USSSA) }]],
  'AAQkADBulkConversationC=': [[]],
  'AAQkADBulkConversationD=': [[], [{ id: 'AAMkADBulkLolei2=', name: baseName(LOLEI_2), bytes: report(LOLEI_2) }]],
};
export const OUTLOOK_THROTTLED_ONCE = 'AAQkADBulkConversationD=';
export const outlookBulkReports = { LOLEI_1, LOLEI_2, USSSA };

// Gmail serves its pages with a nonce for its own inline script and Trusted Types required.
const GMAIL_LIST_CSP =
  "require-trusted-types-for 'script'; trusted-types fixture; script-src 'self' 'nonce-fixture-globals'; object-src 'none'; base-uri 'self'";

export interface BulkFakes {
  answer: (
    url: URL,
    request: { method: string; headers: Record<string, string>; body?: Buffer },
  ) => WebmailAnswer | undefined;
  /** What the fakes refused or did not expect, in words: the tests expect none. */
  problems: string[];
  /** Every request the fakes answered, as `METHOD path?query` (decoded). */
  seen: string[];
}

export function bulkFakes(): BulkFakes {
  const problems: string[] = [];
  const seen: string[] = [];
  const throttled = new Set<string>();
  const status = (code: number, extra: Record<string, string> = {}): WebmailAnswer => ({
    status: code,
    headers: extra,
    body: Buffer.from(''),
  });
  const answer: BulkFakes['answer'] = (url, request) => {
    if (url.origin === 'https://mail.google.com' && url.pathname === GMAIL_LIST_PATH) {
      seen.push(`${request.method} ${decodeURIComponent(url.pathname + url.search)}`);
      if (url.searchParams.get('view') !== 'att') {
        return {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': GMAIL_LIST_CSP },
          body: page('gmail-list.html'),
        };
      }
      const th = url.searchParams.get('th') ?? '';
      const thread = gmailThreads[th];
      if (url.searchParams.get('ik') !== GMAIL_IK) problems.push(`download without the account key: ${url.search}`);
      if (thread === undefined || url.searchParams.get('attid') !== '0' || url.searchParams.get('disp') !== 'comp') {
        problems.push(`no such download: ${url.search}`);
        return status(404);
      }
      if (th === GMAIL_ALWAYS_FAILING) return status(503, { 'retry-after': '1' });
      if (th === GMAIL_THROTTLED_ONCE && !throttled.has(th)) {
        throttled.add(th);
        return status(429, { 'retry-after': '1' });
      }
      return {
        status: 200,
        headers: { 'content-type': 'message/rfc822', 'cache-control': 'no-store' },
        body: Buffer.from(thread.bytes),
      };
    }
    if (url.origin !== 'https://outlook.office.com') return undefined;
    if (url.pathname === OUTLOOK_LIST_PATH) {
      seen.push(`${request.method} ${url.pathname}`);
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page('outlook-list.html') };
    }
    if (url.pathname === '/fixture/outlook-list-fixture.js')
      return { status: 200, headers: { 'content-type': 'text/javascript' }, body: page('outlook-list-fixture.js') };
    if (url.pathname === '/owa/service.svc' && url.searchParams.get('action') === 'GetConversationItems') {
      seen.push(`${request.method} ${decodeURIComponent(url.pathname + url.search)}`);
      if (request.headers['x-owa-canary'] !== OWA_CANARY) return status(440);
      if (request.method !== 'POST' || request.headers.action !== 'GetConversationItems') {
        problems.push(`GetConversationItems as ${request.method} with Action ${request.headers.action}`);
        return status(400);
      }
      let id: unknown;
      try {
        const body = JSON.parse(request.body?.toString('utf8') ?? '') as {
          Body?: { Conversations?: Array<{ ConversationId?: { Id?: unknown } }> };
        };
        id = body.Body?.Conversations?.[0]?.ConversationId?.Id;
      } catch {
        id = undefined;
      }
      const messages = typeof id === 'string' ? outlookConversations[id] : undefined;
      if (messages === undefined) {
        problems.push(`GetConversationItems for an unknown conversation ${String(id)}`);
        return status(500);
      }
      if (id === OUTLOOK_THROTTLED_ONCE && !throttled.has(id)) {
        throttled.add(id);
        return status(429, { 'retry-after': '1' });
      }
      const items = messages.map((attachments, n) => ({
        ItemId: { Id: `${id as string}Item${n}` },
        Attachments: attachments.map((a) => ({
          __type: 'FileAttachment:#Exchange',
          AttachmentId: { Id: a.id },
          Name: a.name,
          ContentType: 'application/octet-stream',
          Size: a.bytes.length,
        })),
      }));
      const body = {
        Body: {
          ResponseMessages: {
            Items: [
              {
                ResponseClass: 'Success',
                ResponseCode: 'NoError',
                Conversation: { ConversationNodes: [{ Items: items }] },
              },
            ],
          },
        },
      };
      return {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: Buffer.from(JSON.stringify(body)),
      };
    }
    if (url.pathname === '/owa/service.svc/s/GetFileAttachment') {
      const id = url.searchParams.get('id') ?? '';
      const attachment = Object.values(outlookConversations)
        .flat(2)
        .find((a) => a.id === id);
      if (attachment === undefined) return undefined; // webmailRoutes.ts's attachments
      seen.push(`${request.method} ${decodeURIComponent(url.pathname + url.search)}`);
      if (request.headers['x-owa-canary'] !== OWA_CANARY) return status(440);
      return {
        status: 200,
        headers: { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' },
        body: Buffer.from(attachment.bytes),
      };
    }
    return undefined;
  };
  return { answer, problems, seen };
}
