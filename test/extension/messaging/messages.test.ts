// Which runtime messages the background answers and which only the offscreen document does: every message type of
// the protocol, and nothing a page or another extension could post that merely looks like one.
import { describe, expect, it } from 'vitest';
import { isExtensionMessage, isOffscreenMessage } from '../../../extension/messaging/messages';

const ATTACHMENT = {
  fileName: 'zoho.com!example.com!1581753600!1581840000.xml.gz',
  base64: 'H4sI',
  container: 'attachment',
};

describe('isExtensionMessage', () => {
  it.each([
    { type: 'parse-attachment', attachment: ATTACHMENT },
    { type: 'save-attachment', attachment: ATTACHMENT },
    { type: 'open-dashboard', domain: 'example.com' },
    { type: 'open-drop-page', fileName: ATTACHMENT.fileName },
    { type: 'graph-attachment', conversationId: 'AAQkAD', fileName: ATTACHMENT.fileName },
  ])('answers $type', (message) => expect(isExtensionMessage(message)).toBe(true));

  it.each([
    ['the offscreen document’s message', { type: 'offscreen-attachment', request: {} }],
    ['an unknown type', { type: 'parse' }],
    ['a type inherited from Object', { type: 'toString' }],
    ['a type inherited from Object', { type: '__proto__' }],
    ['a type that is not a string', { type: 1 }],
    ['no type', {}],
    ['null', null],
    ['a string', 'parse-attachment'],
    ['undefined', undefined],
  ])('ignores %s', (_, message) => expect(isExtensionMessage(message)).toBe(false));
});

describe('isOffscreenMessage', () => {
  it('is the offscreen-attachment message only', () => {
    expect(isOffscreenMessage({ type: 'offscreen-attachment', request: { type: 'parse-attachment' } })).toBe(true);
    expect(isOffscreenMessage({ type: 'parse-attachment', attachment: ATTACHMENT })).toBe(false);
    expect(isOffscreenMessage({ type: 'Offscreen-attachment' })).toBe(false);
    expect(isOffscreenMessage(null)).toBe(false);
    expect(isOffscreenMessage('offscreen-attachment')).toBe(false);
  });
});
