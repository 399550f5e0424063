// The check every attachment download passes before any request (extension/webmail/attachmentUrlPolicy.ts), with the
// URLs a sender could write into a message: other hosts, look-alikes, user names, other schemes, other paths.
import { describe, expect, it } from 'vitest';
import {
  GMAIL_DOWNLOADS,
  OUTLOOK_DOWNLOADS,
  checkAttachmentUrl,
  isAllowedFinalUrl,
} from '../../../extension/webmail/attachmentUrlPolicy';

const GMAIL_PAGE = 'https://mail.google.com/mail/u/1/#inbox/18fe000000000001';
const OUTLOOK_PAGE = 'https://outlook.office.com/mail/inbox/id/AAQkAD';
const GMAIL_ATTACHMENT =
  'https://mail.google.com/mail/u/1/?ui=2&ik=4f2b1c0de9&attid=0.1&permmsgid=msg-f:1800000000000000001&view=att&disp=safe&zw';

const gmail = (url: string) => checkAttachmentUrl(url, GMAIL_PAGE, GMAIL_DOWNLOADS);
const outlook = (url: string) => checkAttachmentUrl(url, OUTLOOK_PAGE, OUTLOOK_DOWNLOADS);

describe('checkAttachmentUrl: Gmail', () => {
  it('accepts Gmail’s own attachment and raw-message downloads, absolute or relative', () => {
    expect(gmail(GMAIL_ATTACHMENT)).toEqual({ ok: true, url: new URL(GMAIL_ATTACHMENT) });
    const relative = gmail('?ui=2&attid=0.2&permmsgid=msg-f:1&view=att&disp=safe');
    expect(relative.ok && relative.url.href).toBe(
      'https://mail.google.com/mail/u/1/?ui=2&attid=0.2&permmsgid=msg-f:1&view=att&disp=safe',
    );
    expect(gmail('/mail/?view=att&permmsgid=msg-f:1&attid=0&disp=comp&safe=1&zw').ok).toBe(true);
    expect(gmail('https://MAIL.GOOGLE.COM:443/mail/u/0/?view=att&attid=0.1').ok).toBe(true);
  });

  it.each([
    ['another host with Gmail’s query', 'https://evil.example/x?view=att&attid=0.1', 'evil.example'],
    [
      'a look-alike subdomain',
      'https://mail.google.com.evil.example/mail/u/1/?view=att&attid=0.1',
      'mail.google.com.evil.example',
    ],
    [
      'a user name that looks like the host',
      'https://mail.google.com@evil.example/mail/u/1/?view=att&attid=0.1',
      'evil.example',
    ],
    ['a user name and password', 'https://mail.google.com:pw@evil.example/mail/u/1/?view=att', 'evil.example'],
    ['a protocol-relative link', '//evil.example/mail/u/1/?view=att&attid=0.1', 'evil.example'],
    ['backslashes the parser reads as slashes', '/\\evil.example/mail/u/1/?view=att&attid=0.1', 'evil.example'],
    [
      'an IDN look-alike (Cyrillic а)',
      'https://mаil.google.com/mail/u/1/?view=att&attid=0.1',
      'xn--mil-6cd.google.com',
    ],
    ['a trailing dot', 'https://mail.google.com./mail/u/1/?view=att&attid=0.1', 'mail.google.com.'],
    ['another port', 'https://mail.google.com:8443/mail/u/1/?view=att&attid=0.1', 'mail.google.com:8443'],
    [
      'the attachment host directly',
      'https://mail-attachment.googleusercontent.com/attachment/u/1/?view=att',
      'mail-attachment.googleusercontent.com',
    ],
    ['Drive', 'https://drive.google.com/file/d/1FixtureDriveFileId/view?usp=drive_web', 'drive.google.com'],
  ])('refuses %s', (_, url, host) => {
    expect(gmail(url)).toEqual({ ok: false, problem: `the attachment link points to ${host}, not to mail.google.com` });
  });

  it('refuses a user name even on Gmail’s own host', () => {
    expect(gmail('https://victim@mail.google.com/mail/u/1/?view=att&attid=0.1')).toEqual({
      ok: false,
      problem: 'the attachment link carries a user name, which the webmail’s own links never do',
    });
  });

  it.each([
    ['javascript:', 'javascript:fetch("https://evil.example")'],
    ['data:', 'data:text/xml,<feedback/>'],
    ['blob:', 'blob:https://mail.google.com/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'],
    ['http:', 'http://mail.google.com/mail/u/1/?view=att&attid=0.1'],
    ['ftp:', 'ftp://mail.google.com/mail/u/1/?view=att'],
  ])('refuses a %s address', (scheme, url) => {
    expect(gmail(url)).toEqual({ ok: false, problem: `the attachment link is a ${scheme} address, not the webmail's` });
  });

  it.each([
    ['Gmail’s link redirector', 'https://mail.google.com/url?q=https://evil.example/'],
    ['another Gmail view', 'https://mail.google.com/mail/u/1/?ui=2&view=om&th=18fe000000000001'],
    ['an attachment query under another path', 'https://mail.google.com/mail/u/1/x/?view=att&attid=0.1'],
    ['no view=att', 'https://mail.google.com/mail/u/1/?attid=0.1'],
  ])('refuses %s', (_, url) => {
    expect(gmail(url)).toEqual({
      ok: false,
      problem: 'the attachment link is not a mail.google.com attachment download',
    });
  });

  it('refuses what is not a URL at all', () => {
    expect(gmail('https://[::1')).toEqual({ ok: false, problem: 'the attachment link is not a valid address' });
  });
});

describe('checkAttachmentUrl: Outlook', () => {
  it('accepts classic OWA GetFileAttachment and attachment paths on the page’s origin', () => {
    expect(
      outlook('/owa/service.svc/s/GetFileAttachment?id=AAMkADFixtureAttachmentOne%3D&isImagePreview=False').ok,
    ).toBe(true);
    expect(outlook('https://outlook.office.com/mail/attachment/AAMkAD/download').ok).toBe(true);
  });

  it('refuses every other origin, including the other Outlook hosts', () => {
    for (const url of [
      'https://evil.example/owa/service.svc/s/GetFileAttachment?id=x',
      'https://outlook.office365.com/owa/service.svc/s/GetFileAttachment?id=x',
      'https://outlook.office.com@evil.example/owa/service.svc/s/GetFileAttachment?id=x',
      '//evil.example/owa/service.svc/s/GetFileAttachment?id=x',
    ]) {
      expect(outlook(url).ok, url).toBe(false);
    }
  });

  it('refuses the service calls that would act on the mailbox with the canary', () => {
    for (const url of [
      '/owa/service.svc?action=DeleteItem',
      '/owa/service.svc/s/GetFileAttachmentX?id=x',
      '/owa/redir.aspx?url=https://evil.example/',
      '/mail/inbox',
    ]) {
      expect(outlook(url), url).toEqual({
        ok: false,
        problem: 'the attachment link is not a outlook.office.com attachment download',
      });
    }
  });
});

describe('isAllowedFinalUrl', () => {
  it('allows the page’s origin and Gmail’s attachment host, nothing else', () => {
    expect(isAllowedFinalUrl(GMAIL_ATTACHMENT, GMAIL_PAGE, GMAIL_DOWNLOADS)).toBe(true);
    expect(
      isAllowedFinalUrl(
        'https://mail-attachment.googleusercontent.com/attachment/u/1/?sig=x',
        GMAIL_PAGE,
        GMAIL_DOWNLOADS,
      ),
    ).toBe(true);
    for (const url of [
      'https://evil.example/x',
      'http://mail-attachment.googleusercontent.com/attachment/u/1/',
      'https://mail-attachment.googleusercontent.com:8443/attachment/u/1/',
      'https://user@mail-attachment.googleusercontent.com/attachment/u/1/',
      'https://googleusercontent.com/attachment/',
      'not a url',
    ]) {
      expect(isAllowedFinalUrl(url, GMAIL_PAGE, GMAIL_DOWNLOADS), url).toBe(false);
    }
    expect(isAllowedFinalUrl('https://mail-attachment.googleusercontent.com/x', OUTLOOK_PAGE, OUTLOOK_DOWNLOADS)).toBe(
      false,
    );
  });
});
