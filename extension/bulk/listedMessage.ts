// A message as a webmail's message list shows it, with the way to read its report files. Each webmail finds its
// listed messages in its own file (gmailList.ts, outlookList.ts), in selector layers as the card's adapters do.
import type { AttachmentPayload } from '../messaging/messages';

export interface ListedMessage {
  /** The webmail's id of the message (or of its conversation), as the list carries it; '' when the row has none. */
  id: string;
  /** The subject as the list shows it (text, never markup). */
  subject: string;
  /**
   * The message's report files: Gmail gives the whole raw message (the parser takes every report out of its MIME),
   * Outlook each report attachment. Empty: the message has no report attachment. Rejects with a BulkReadError.
   */
  readFiles(signal: AbortSignal, onWait: (host: string, seconds: number) => void): Promise<AttachmentPayload[]>;
}

export interface MailboxList {
  /** The list's messages, in the order the page shows them. */
  messages: ListedMessage[];
  /** The control goes right before this element (the list itself). */
  anchor: Element;
}

/** The longest subject kept for the per-message results. */
export const SUBJECT_LENGTH = 200;

export function subjectText(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, SUBJECT_LENGTH);
}
