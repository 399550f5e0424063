// The fake Gmail and Outlook on the web of the extension tests: the committed fixture pages and real corpus reports,
// answered on the real origins (through Playwright's context.route, puppeteer's request interception or the bench's
// page), so content-script matches and same-origin rules behave as they do live. Framework-neutral: a request in, an
// answer out; `undefined` means "not a webmail address we serve" — the tests treat any such request as a leak.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const report = (path: string) => new Uint8Array(readFileSync(`${fixtures}reports/${path}`));
const page = (name: string) => readFileSync(`${fixtures}webmail/${name}`);

export interface ServedAttachment {
  fileName: string;
  bytes: Uint8Array;
  /** The corpus file the bytes were made from (what the expected numbers are computed from). */
  source: string;
}

const GOOGLE_XML = 'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml';
const ZOHO_XML = 'domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml';
const MICROSOFT_XML =
  'jonzobrist__DMARC-Report-Manager/protection.outlook.com!secure.200permits.com!1766448000!1766534400.xml';
const LOLEI_1_XML = 'loleik__dmarc-analysis/enterprise.protection.outlook.com!lolei.uk!1740614400!1740700800.xml';
const LOLEI_2_XML = 'loleik__dmarc-analysis/enterprise.protection.outlook.com!lolei.uk!1754524800!1754611200.xml';
// Fastmail's report (several DKIM results, human_result). The project's 001.xml is dated 1970 and is now refused.
const STALWART_XML = 'stalwartlabs__mail-auth/003.xml';
const ADDISON_XML = 'domainaware__parsedmarc/addisonfoods.com!example.com!1536105600!1536191999.xml';
const USSSA_XML = 'domainaware__parsedmarc/usssa.com!example.com!1538784000!1538870399.xml';
/** A real Gmail-delivered report message whose zip attachment is google.com!borschow.com!1549929600!1550015999.zip. */
const BORSCHOW_EML =
  'domainaware__parsedmarc/Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml';

const zipOf = (path: string, name: string) => zipSync({ [name]: report(path) });
/**
 * google.com's real report with its reporter name replaced by one hiding right-to-left overrides: a sender's report
 * whose `exa‮moc.elpmaxe‬` displays as "exaexample.com" unless the card shows the controls.
 */
export const BIDI_ORG_NAME = 'exa\u202Emoc.elpmaxe\u202C';
/** addisonfoods.com's real report with a begin of 1e20 seconds and its one record doubled with a count of 1e308. */
/** What the parser says of f_absurd_xml: the report is refused by its begin date, naming the file and the value. */
export const ABSURD_REFUSAL =
  'absurd.example!example.com!1536105600!1536191999.xml: report "3ceb5548498640beaeb47327e202b0b9" from ' +
  '"addisonfoods.com" refused: begin date 100000000000000000000 is in the future';
const withAbsurdNumbers = (path: string) => {
  const xml = new TextDecoder().decode(report(path));
  const record = xml.slice(xml.indexOf('<record>'), xml.indexOf('</record>') + '</record>'.length);
  if (!record.includes('<count>1</count>') || !xml.includes('<begin>1536105600</begin>'))
    throw new Error(`${path} changed`);
  const huge = record.replace('<count>1</count>', '<count>1e308</count>');
  return new TextEncoder().encode(
    xml.replace('<begin>1536105600</begin>', '<begin>100000000000000000000</begin>').replace(record, huge + huge),
  );
};
const withBidiOrgName = (path: string) => {
  const xml = new TextDecoder().decode(report(path));
  if (!xml.includes('<org_name>google.com</org_name>'))
    throw new Error(`${path} no longer names google.com as its reporter`);
  return new TextEncoder().encode(
    xml.replace('<org_name>google.com</org_name>', `<org_name>${BIDI_ORG_NAME}</org_name>`),
  );
};
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Gmail attachments by `realattid`. */
export const gmailAttachments: Record<string, ServedAttachment> = {
  f_google_zip: {
    fileName: 'google.com!secure.200permits.com!1766361600!1766447999.zip',
    bytes: zipOf(GOOGLE_XML, baseName(GOOGLE_XML)),
    source: GOOGLE_XML,
  },
  f_zoho_gz: {
    fileName: 'zoho.com!example.com!1581753600!1581840000.xml.gz',
    bytes: gzipSync(report(ZOHO_XML)),
    source: ZOHO_XML,
  },
  f_outlook_xml: { fileName: baseName(MICROSOFT_XML), bytes: report(MICROSOFT_XML), source: MICROSOFT_XML },
  f_scanned_xml: { fileName: baseName(LOLEI_1_XML), bytes: report(LOLEI_1_XML), source: LOLEI_1_XML },
  f_late_xml: {
    fileName: 'stalwartlabs.example!secure.200permits.com!1766361600!1766447999.xml',
    bytes: report(STALWART_XML),
    source: STALWART_XML,
  },
  f_addison_xml: { fileName: baseName(ADDISON_XML), bytes: report(ADDISON_XML), source: ADDISON_XML },
  // gmail-hostile.html: a report whose begin no Date can hold and whose counts add up to Infinity: refused whole.
  f_absurd_xml: {
    fileName: 'absurd.example!example.com!1536105600!1536191999.xml',
    bytes: withAbsurdNumbers(ADDISON_XML),
    source: ADDISON_XML,
  },
  // gmail-hostile.html: a card whose file name and reporter name hide right-to-left overrides.
  f_bidi_xml: {
    fileName: `${BIDI_ORG_NAME}!secure.200permits.com!1766361600!1766447999.xml`,
    bytes: withBidiOrgName(GOOGLE_XML),
    source: GOOGLE_XML,
  },
  // A gzip header followed by garbage: the card must say the archive is corrupt.
  f_corrupt_gz: {
    fileName: 'corrupt.example!secure.200permits.com!1766361600!1766447999.xml.gz',
    bytes: new Uint8Array([
      0x1f,
      0x8b,
      0x08,
      0x00,
      0,
      0,
      0,
      0,
      0,
      0x03,
      ...new TextEncoder().encode('this is not deflate data at all'),
    ]),
    source: '',
  },
};

/** Raw messages by `permmsgid` (Gmail's `attid=0&disp=comp` fallback). */
export const gmailRawMessages: Record<string, { bytes: Uint8Array; attachmentName: string; source: string }> = {
  'msg-f:1800000000000000002': {
    bytes: report(BORSCHOW_EML),
    attachmentName: 'google.com!borschow.com!1549929600!1550015999.zip',
    source: BORSCHOW_EML,
  },
};

/**
 * Gmail answers attachment downloads with a redirect to mail-attachment.googleusercontent.com, which answers with CORS
 * headers for mail.google.com. This card's download takes that path.
 */
export const REDIRECTED_ATTACHMENT = 'f_zoho_gz';
export const ATTACHMENT_HOST = 'mail-attachment.googleusercontent.com';

/** The card whose download bounces back to an HTML page (the raw-message fallback must take over). */
export const BOUNCING_ATTACHMENT = 'f_bounce_zip';

/** The Outlook download the server answers with a redirect to another host (outlook-hostile.html). */
export const OUTLOOK_REDIRECTS_AWAY = 'AAMkADFixtureRedirectsAway=';
export const OUTLOOK_REDIRECT_TARGET =
  'https://evil.example/owa/service.svc/s/GetFileAttachment?id=AAMkADFixtureAttachmentThree%3D';

/** Outlook GetFileAttachment ids. */
export const outlookAttachments: Record<string, ServedAttachment> = {
  'AAMkADFixtureAttachmentOne=': {
    fileName: `${baseName(LOLEI_1_XML)}.gz`,
    bytes: gzipSync(report(LOLEI_1_XML)),
    source: LOLEI_1_XML,
  },
  'AAMkADFixtureAttachmentThree=': { fileName: baseName(USSSA_XML), bytes: report(USSSA_XML), source: USSSA_XML },
};
/** The Outlook tile without any URL: only the drop path can read it. */
export const outlookNoUrlAttachment: ServedAttachment = {
  fileName: baseName(LOLEI_2_XML),
  bytes: report(LOLEI_2_XML),
  source: LOLEI_2_XML,
};
export const OWA_CANARY = 'fixture-canary-0123456789';

export const GMAIL_ACCOUNT_PAGES: Record<string, string> = {
  '/mail/u/1/': 'gmail.html',
  '/mail/u/2/': 'gmail-de.html',
  '/mail/u/3/': 'gmail-renamed.html',
  '/mail/u/4/': 'gmail-hostile.html',
};
export const OUTLOOK_ORIGINS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook.cloud.microsoft',
];

export interface WebmailAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

// Gmail enforces Trusted Types; the fixture pages run under the same rule (and under a script-src allowing only
// their own script), so any innerHTML in injected UI or a stray inline script shows up as a violation.
const GMAIL_CSP =
  "require-trusted-types-for 'script'; trusted-types fixture; script-src 'self'; object-src 'none'; base-uri 'self'";

const html = (body: Buffer | string, csp?: string): WebmailAnswer => ({
  status: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    ...(csp === undefined ? {} : { 'content-security-policy': csp }),
  },
  body: Buffer.from(body),
});
const bytes = (data: Uint8Array, fileName: string): WebmailAnswer => ({
  status: 200,
  headers: {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
  },
  body: Buffer.from(data),
});

export function answerWebmailRequest(url: URL, headers: Record<string, string>): WebmailAnswer | undefined {
  if (url.origin === 'https://mail.google.com') return answerGmail(url);
  if (url.origin === `https://${ATTACHMENT_HOST}`) return answerAttachmentHost(url, headers);
  if (OUTLOOK_ORIGINS.includes(url.origin)) return answerOutlook(url, headers);
  return undefined;
}

function answerGmail(url: URL): WebmailAnswer | undefined {
  if (url.pathname === '/fixture/gmail-fixture.js' || url.pathname === '/fixture/hostile-page.js') {
    return {
      status: 200,
      headers: { 'content-type': 'text/javascript' },
      body: page(url.pathname.slice('/fixture/'.length)),
    };
  }
  const account = url.pathname.match(/^\/mail\/u\/\d+\//)?.[0];
  if (account === undefined) return undefined;
  if (url.searchParams.get('view') === 'att') {
    if (url.searchParams.get('attid') === '0' && url.searchParams.get('disp') === 'comp') {
      const message = gmailRawMessages[url.searchParams.get('permmsgid') ?? ''];
      return message === undefined
        ? { status: 404, headers: {}, body: Buffer.from('') }
        : bytes(message.bytes, 'message.eml');
    }
    const id = url.searchParams.get('realattid') ?? '';
    // The download bounced back to Gmail: an HTML page with status 200, as Gmail answers after a session refresh.
    if (id === BOUNCING_ATTACHMENT)
      return html('<!doctype html><html><head><title>Gmail</title></head><body>Loading…</body></html>');
    if (id === REDIRECTED_ATTACHMENT) {
      const target = new URL(`https://${ATTACHMENT_HOST}/attachment${account.slice('/mail'.length)}`);
      target.search = url.search;
      target.searchParams.set('sig', 'fixture-signature');
      return { status: 302, headers: { location: target.href, 'cache-control': 'no-store' }, body: Buffer.from('') };
    }
    const attachment = gmailAttachments[id];
    return attachment === undefined
      ? { status: 404, headers: {}, body: Buffer.from('') }
      : bytes(attachment.bytes, attachment.fileName);
  }
  const fixture = GMAIL_ACCOUNT_PAGES[url.pathname];
  return fixture === undefined ? undefined : html(page(fixture), GMAIL_CSP);
}

/** The attachment host answers Gmail's redirected downloads, and only for Gmail's origin (CORS with credentials). */
function answerAttachmentHost(url: URL, headers: Record<string, string>): WebmailAnswer | undefined {
  const cors = { 'access-control-allow-origin': 'https://mail.google.com', 'access-control-allow-credentials': 'true' };
  if (!url.pathname.startsWith('/attachment/u/')) return undefined;
  const attachment = gmailAttachments[url.searchParams.get('realattid') ?? ''];
  if (
    headers.origin !== 'https://mail.google.com' ||
    attachment === undefined ||
    url.searchParams.get('sig') === null
  ) {
    return { status: 403, headers: cors, body: Buffer.from('') };
  }
  const answer = bytes(attachment.bytes, attachment.fileName);
  return { ...answer, headers: { ...answer.headers, ...cors } };
}

function answerOutlook(url: URL, headers: Record<string, string>): WebmailAnswer | undefined {
  if (url.pathname === '/fixture/outlook-fixture.js' || url.pathname === '/fixture/hostile-page.js') {
    return {
      status: 200,
      headers: { 'content-type': 'text/javascript' },
      body: page(url.pathname.slice('/fixture/'.length)),
    };
  }
  if (url.pathname === '/mail/' || url.pathname === '/mail/inbox') return html(page('outlook.html'));
  if (url.pathname === '/mail/hostile') return html(page('outlook-hostile.html'));
  if (url.pathname === '/owa/service.svc/s/GetFileAttachment') {
    // Classic OWA refuses service calls without its anti-CSRF canary echoed as a header.
    if (headers['x-owa-canary'] !== OWA_CANARY) return { status: 440, headers: {}, body: Buffer.from('Login Timeout') };
    if (url.searchParams.get('id') === OUTLOOK_REDIRECTS_AWAY) {
      return {
        status: 302,
        headers: { location: OUTLOOK_REDIRECT_TARGET, 'cache-control': 'no-store' },
        body: Buffer.from(''),
      };
    }
    const attachment = outlookAttachments[url.searchParams.get('id') ?? ''];
    return attachment === undefined
      ? { status: 404, headers: {}, body: Buffer.from('') }
      : bytes(attachment.bytes, attachment.fileName);
  }
  return undefined;
}
