// The messages between the content script, the extension pages and the background. The content script only finds
// attachments and reads their bytes; the store and Graph live in the background, and the parser in the Workers it has
// started (in Chrome, through its offscreen document), so the script injected into every webmail page stays small (see
// test/bench/extension.bench.ts for the sizes).

import type { Locale } from '../../core/i18n';

/** What the inline card shows for one report (from core's summarizeReport, made serializable). */
export interface CardReportSummary {
  kind: 'aggregate' | 'failure' | 'tls';
  /** The store's dedupe key: the dashboard opens the report by it. */
  key: string;
  orgName: string;
  domain: string;
  /** Unix seconds, UTC. */
  begin: number;
  end: number;
  /** Messages the report covers (failure reports: 1; TLS: sessions). */
  messages: number;
  /** Share of messages passing DMARC, 0–1; undefined when the report kind has no such number. */
  passRate: number | undefined;
  topFailingSources: Array<{ label: string; count: number }>;
  /** Kind-specific lines (TLS failure types, a failure report's failed mechanism). */
  details: string[];
  warnings: string[];
}

/** The attachment as the content script read it. */
export interface AttachmentPayload {
  fileName: string;
  base64: string;
  /** `message`: the bytes are the whole raw message; the attachment is taken out of it by file name. */
  container: 'attachment' | 'message';
  /** The card's language: an error of the answer is said in it too (ExtensionError.shown). */
  locale?: Locale;
}

export interface ExtensionError {
  code: string;
  /** In English, as the parser and the extension write it (read back for other languages: cardErrors.ts). */
  message: string;
  /** The message in the language the request asked for, said where it was answered (reports/sayParseError.ts). */
  shown?: string;
}

/**
 * What auto-save did with a card's file: `added` of its `reports` were new to the store (0: all were already saved);
 * or why it could not save them.
 */
export type AutoSaveOutcome = { ok: true; added: number; reports: number } | { ok: false; message: string };

/** A card's file read; with what auto-save did when it ran (absent when it is off or nothing was read). */
export type ParseAnswer =
  { ok: true; summaries: CardReportSummary[]; autoSaved?: AutoSaveOutcome } | { ok: false; error: ExtensionError };
export type SaveAnswer = { ok: true; keys: string[]; added: number } | { ok: false; error: ExtensionError };
export type GraphAnswer =
  { ok: true; base64: string } | { ok: false; reason: 'off' | 'not-found' | 'failed'; message: string };

export type ExtensionMessage =
  | {
      type: 'parse-attachment';
      attachment: AttachmentPayload;
      /** A save of the same file follows at once (auto-save): the reports parsed for the card are kept for it. */
      keepForSave?: boolean;
    }
  | { type: 'save-attachment'; attachment: AttachmentPayload }
  | { type: 'open-dashboard'; attachment?: AttachmentPayload; domain?: string }
  | { type: 'open-drop-page'; fileName: string }
  | { type: 'graph-attachment'; conversationId: string; fileName: string };

/** The requests that read an attachment: answered where a Worker can run them (reports/answerAttachmentRequest.ts). */
export type AttachmentRequest = Extract<ExtensionMessage, { type: 'parse-attachment' | 'save-attachment' }>;

/**
 * Chrome's service worker cannot start Workers, so it hands attachment requests to its offscreen document with this
 * message. Every extension page receives runtime messages; only the offscreen document answers this one.
 */
export interface OffscreenMessage {
  type: 'offscreen-attachment';
  request: AttachmentRequest;
}

/** Every message type the background answers (a record, so that a new type cannot be left out). */
const EXTENSION_MESSAGE_TYPES: Record<ExtensionMessage['type'], true> = {
  'parse-attachment': true,
  'save-attachment': true,
  'open-dashboard': true,
  'open-drop-page': true,
  'graph-attachment': true,
};

export function isExtensionMessage(message: unknown): message is ExtensionMessage {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' && Object.hasOwn(EXTENSION_MESSAGE_TYPES, type);
}

export function isOffscreenMessage(message: unknown): message is OffscreenMessage {
  return (
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'offscreen-attachment'
  );
}

/** The answer type of each message type. */
export interface AnswerOf {
  'parse-attachment': ParseAnswer;
  'save-attachment': SaveAnswer;
  'open-dashboard': SaveAnswer;
  'open-drop-page': { ok: true };
  'graph-attachment': GraphAnswer;
}
