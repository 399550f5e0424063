// The content script's calls to the background, through WXT's fake browser: a listener on runtime.onMessage stands
// where the background is and sees exactly what the content script sends.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  attachmentPayload,
  requestGraphAttachment,
  sendToBackground,
} from '../../../extension/messaging/contentMessages';
import { isExtensionMessage, type ExtensionMessage, type GraphAnswer } from '../../../extension/messaging/messages';

const FILE = 'zoho.com!example.com!1581753600!1581840000.xml.gz';
const bytes = new Uint8Array(readFileSync('test/fixtures/reports/mjl-__mox/yahoo.eml'));

/** The background's side: what it received, and the answer it gives. */
function background(answer: (message: ExtensionMessage) => unknown): ExtensionMessage[] {
  const received: ExtensionMessage[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if (!isExtensionMessage(message)) return undefined;
    received.push(message);
    return Promise.resolve(answer(message));
  });
  return received;
}

beforeEach(() => fakeBrowser.reset());

describe('attachmentPayload', () => {
  it('carries the name, the container and the bytes as base64', () => {
    expect(attachmentPayload(FILE, Uint8Array.of(0x1f, 0x8b, 0x08), 'attachment')).toEqual({
      fileName: FILE,
      base64: 'H4sI',
      container: 'attachment',
    });
    const message = attachmentPayload('yahoo.eml', bytes, 'message');
    expect(message.container).toBe('message');
    expect(message.base64).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('sendToBackground', () => {
  it('sends the message as is and resolves with the background’s answer', async () => {
    const received = background(() => ({ ok: true, keys: ['aggregate\u0000Yahoo\u00001'], added: 1 }));
    const message = { type: 'save-attachment', attachment: attachmentPayload(FILE, bytes, 'attachment') } as const;
    expect(await sendToBackground(message)).toEqual({ ok: true, keys: ['aggregate\u0000Yahoo\u00001'], added: 1 });
    expect(received).toEqual([message]);
  });
});

describe('requestGraphAttachment', () => {
  it('asks for the file of the conversation and gives back its bytes, naming Graph as where they came from', async () => {
    const answer: GraphAnswer = { ok: true, base64: Buffer.from(bytes).toString('base64') };
    const received = background(() => answer);
    const result = await requestGraphAttachment('AAQkADAwATM0MDAAMS1iZDk', FILE);
    expect(received).toEqual([{ type: 'graph-attachment', conversationId: 'AAQkADAwATM0MDAAMS1iZDk', fileName: FILE }]);
    expect(result.ok && Buffer.from(result.bytes).toString('hex')).toBe(Buffer.from(bytes).toString('hex'));
    expect(result.ok && result.hosts).toEqual(['graph.microsoft.com']);
  });

  it.each([
    { ok: false, reason: 'off', message: 'Graph mode is off.' },
    {
      ok: false,
      reason: 'not-found',
      message: `Microsoft Graph found no attachment named ${FILE} in this conversation.`,
    },
    { ok: false, reason: 'failed', message: 'Microsoft Graph: Microsoft Graph answered 401 to the download.' },
  ] as const)('passes on the background’s refusal: $reason', async (answer) => {
    background(() => answer);
    expect(await requestGraphAttachment('AAQkAD', FILE)).toEqual(answer);
  });
});
