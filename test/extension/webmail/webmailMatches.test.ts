// The content script runs on Gmail and the four Outlook on the web hosts, on every page of them, and on nothing else:
// checked with WXT's own match-pattern reader against the addresses of real webmail pages and their look-alikes.
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import content from '../../../extension/entrypoints/content';
import { WEBMAIL_MATCHES } from '../../../extension/webmail/webmailMatches';

const patterns = WEBMAIL_MATCHES.map((match) => new MatchPattern(match));
const runsOn = (url: string) => patterns.some((pattern) => pattern.includes(url));

describe('WEBMAIL_MATCHES', () => {
  it('is Gmail and the Outlook hosts, HTTPS only', () => {
    expect(WEBMAIL_MATCHES).toEqual([
      'https://mail.google.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.live.com/*',
      'https://outlook.cloud.microsoft/*',
    ]);
  });

  it('are the content script’s matches', () => {
    expect(content.matches).toBe(WEBMAIL_MATCHES);
  });

  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/1/#inbox/18fe000000000001',
    'https://outlook.office.com/mail/inbox/id/AAQkAD',
    'https://outlook.office365.com/mail/',
    'https://outlook.live.com/mail/0/inbox',
    'https://outlook.cloud.microsoft/mail/inbox',
  ])('runs on %s', (url) => expect(runsOn(url)).toBe(true));

  it.each([
    'http://mail.google.com/mail/u/0/',
    'https://mail.google.com.evil.example/mail/u/0/',
    'https://gmail.com/',
    'https://google.com/mail/',
    'https://drive.google.com/drive/my-drive',
    'https://outlook.office.com.evil.example/mail/',
    'https://evil-outlook.live.com/mail/',
    'https://outlook.com/',
    'https://attachments.office.net/owa/x',
    'https://graph.microsoft.com/v1.0/me/messages',
  ])('does not run on %s', (url) => expect(runsOn(url)).toBe(false));
});
