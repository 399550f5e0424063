// The parts of bulk import that need no browser: Retry-After read as seconds or a date, Gmail thread ids taken only
// from what Gmail writes, Outlook attachment ids taken only from a well-formed service answer, and the run reading at
// most three messages at a time, in order, each result once.
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { gmailAccountKey, threadIdOf } from '../../../extension/bulk/gmailList';
import type { ListedMessage } from '../../../extension/bulk/listedMessage';
import { reportAttachments } from '../../../extension/bulk/outlookList';
import { BulkReadError, retryAfterSeconds } from '../../../extension/bulk/politeFetch';
import { BULK_CONCURRENCY, runBulkImport } from '../../../extension/bulk/runBulkImport';
import type { AttachmentPayload } from '../../../extension/messaging/messages';

beforeEach(() => fakeBrowser.reset());

describe('Retry-After', () => {
  it('is read as seconds or as an HTTP date (RFC 9110 §10.2.3); without one the pause grows 1, 2, 4 s', () => {
    expect(retryAfterSeconds('7', 1)).toBe(7);
    expect(retryAfterSeconds(' 0 ', 1)).toBe(0);
    const now = Date.parse('Fri, 05 Dec 2025 10:00:00 GMT');
    expect(retryAfterSeconds('Fri, 05 Dec 2025 10:00:30 GMT', 1, now)).toBe(30);
    expect(retryAfterSeconds('Fri, 05 Dec 2025 09:00:00 GMT', 1, now)).toBe(0);
    expect([1, 2, 3].map((attempt) => retryAfterSeconds(null, attempt))).toEqual([1, 2, 4]);
    expect(retryAfterSeconds('soon', 3)).toBe(4);
  });
});

describe('Gmail list rows', () => {
  const row = (attributes: string) =>
    parseHTML(
      `<table><tr class="zA"><td><span class="bog"><span ${attributes}>Subject</span></span></td></tr></table>`,
    ).document.querySelector('tr')!;

  it('give the thread id Gmail writes, hex or decimal, as hex', () => {
    expect(threadIdOf(row('data-legacy-thread-id="18D0A1B2C3D4E5F1"'))).toBe('18d0a1b2c3d4e5f1');
    // 0x18d0a1b2c3d4e5f2 written in decimal, as in #thread-f:
    expect(threadIdOf(row(`data-thread-id="#thread-f:${BigInt('0x18d0a1b2c3d4e5f2').toString()}"`))).toBe(
      '18d0a1b2c3d4e5f2',
    );
  });

  it('give nothing for ids written by someone else', () => {
    for (const attributes of [
      'data-legacy-thread-id="../../evil.example/x"',
      'data-legacy-thread-id="18d0a1b2c3d4e5f1&view=om"',
      'data-thread-id="#thread-f:https://evil.example/"',
      'data-thread-id="#thread-f:99999999999999999999"', // more than 64 bits
      'data-thread-id="#thread-f:0"',
      '',
    ])
      expect(threadIdOf(row(attributes)), attributes).toBeUndefined();
  });

  it('find the account key as the tenth value of GLOBALS in an inline script, and only there', () => {
    const page = (script: string) => parseHTML(`<html><head>${script}</head><body></body></html>`).document;
    expect(
      gmailAccountKey(
        page('<script>var GLOBALS=[null,null,5,"a@example.org",null,"en",null,null,"x,y","a1b2c3d4e5",1];</script>'),
      ),
    ).toBe('a1b2c3d4e5');
    expect(
      gmailAccountKey(page('<script src="/x.js">var GLOBALS=[0,0,0,0,0,0,0,0,0,"a1b2c3d4e5"]</script>')),
    ).toBeUndefined();
    expect(gmailAccountKey(page('<script>var GLOBALS=[0,0,0,0,0,0,0,0,0,"not-hex!"];</script>'))).toBeUndefined();
    expect(gmailAccountKey(page(''))).toBeUndefined();
  });
});

describe('Outlook GetConversationItems answers', () => {
  const answer = (body: unknown) => new TextEncoder().encode(JSON.stringify(body));
  const items = (attachments: unknown[]) => ({
    Body: {
      ResponseMessages: {
        Items: [{ Conversation: { ConversationNodes: [{ Items: [{ Attachments: attachments }] }] } }],
      },
    },
  });

  it('give the report attachments, by name, with well-formed ids only', () => {
    expect(
      reportAttachments(
        answer(
          items([
            { AttachmentId: { Id: 'AAMkADOne=' }, Name: 'google.com!example.com!1700000000!1700086399.zip' },
            { AttachmentId: { Id: 'AAMkADLogo=' }, Name: 'logo.png' },
            { AttachmentId: { Id: '../../evil' }, Name: 'google.com!example.com!1700000000!1700086399.xml' },
            { AttachmentId: {}, Name: 'google.com!example.com!1700000000!1700086399.xml' },
            null,
          ]),
        ),
      ),
    ).toEqual([{ id: 'AAMkADOne=', name: 'google.com!example.com!1700000000!1700086399.zip' }]);
  });

  it('give nothing for anything else', () => {
    for (const body of [new TextEncoder().encode('<html>'), answer(null), answer({ Body: 5 }), answer(items([]))])
      expect(reportAttachments(body)).toEqual([]);
  });
});

describe('runBulkImport', () => {
  it('reads at most three messages at a time, saves every file, and gives each message its result in list order', async () => {
    const saved: string[] = [];
    fakeBrowser.runtime.onMessage.addListener((received: unknown) => {
      const message = received as { type: string; file?: AttachmentPayload };
      if (message.type === 'gather-bulk-finished') return Promise.resolve({ ok: true });
      const name = message.file!.fileName;
      saved.push(name);
      if (name === 'none.eml') return Promise.resolve({ ok: false, error: { code: 'not-a-report', message: 'x' } });
      return Promise.resolve({ ok: true, keys: [name], added: name.startsWith('old') ? 0 : 1 });
    });
    let reading = 0;
    let most = 0;
    const message = (name: string, fail = false): ListedMessage => ({
      id: name,
      subject: name,
      readFiles: async () => {
        reading++;
        most = Math.max(most, reading);
        await new Promise((resolve) => setTimeout(resolve, 5));
        reading--;
        if (fail) throw new BulkReadError('http', { host: 'mail.google.com', status: 503 });
        return [{ fileName: name, base64: '', container: 'attachment' }];
      },
    });
    const messages = [
      message('a.eml'),
      message('old.eml'),
      message('none.eml'),
      message('b.eml', true),
      ...['c', 'd', 'e', 'f'].map((n) => message(`${n}.eml`)),
    ];
    const run = await runBulkImport(messages, {
      signal: new AbortController().signal,
      onResult: () => undefined,
      onWait: () => undefined,
    });
    expect(most).toBe(BULK_CONCURRENCY);
    expect(BULK_CONCURRENCY).toBe(3);
    expect(run.results.map((r) => [r.subject, r.outcome.kind])).toEqual([
      ['a.eml', 'saved'],
      ['old.eml', 'saved'],
      ['none.eml', 'none'],
      ['b.eml', 'failed'],
      ['c.eml', 'saved'],
      ['d.eml', 'saved'],
      ['e.eml', 'saved'],
      ['f.eml', 'saved'],
    ]);
    expect(run).toMatchObject({ added: 5, alreadySaved: 1, cancelled: false });
    expect(saved.sort()).toEqual(['a.eml', 'c.eml', 'd.eml', 'e.eml', 'f.eml', 'none.eml', 'old.eml']);
  });
});
