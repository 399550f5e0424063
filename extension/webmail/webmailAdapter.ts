// The one interface every webmail client is read through (see docs/webmail.md "The adapter interface"). An adapter
// finds report attachments in the page and knows how to get their bytes; everything else (watching the page, the inline
// card, parsing) is shared and knows nothing about Gmail or Outlook.

/** Which selector layer found an attachment: a renamed class degrades to the next layer instead of breaking. */
export type SelectorLayer = 'precise' | 'semantic' | 'text';

/**
 * The bytes of an attachment, or of the whole message that carries it when only the raw message could be read (the
 * parser then takes the attachment out of the MIME, matched by file name).
 */
export interface AttachmentBytes {
  bytes: Uint8Array;
  container: 'attachment' | 'message';
  /** How the bytes were obtained, for the card's fine print and the tests (e.g. `download_url`, `raw message`). */
  via: string;
  /** Every host contacted to get them, in order: the card says where the report came from, and only that. */
  hosts: string[];
}

/**
 * Why the bytes could not be read. `pending` means "try again soon" (Gmail's virus scan, a card still rendering);
 * `needs-download` means no tier can read this file and the user should download it and drop it on the extension page;
 * `refused` means the URL (or where its download ended) is not the webmail's own, so nothing was (or will be) read.
 */
export type UnavailableReason =
  'pending' | 'needs-download' | 'html-bounce' | 'http' | 'network' | 'aborted' | 'refused';

export class AttachmentUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
  ) {
    super(message);
    this.name = 'AttachmentUnavailableError';
  }
}

export interface AttachmentRef {
  /** From `title` or text, never markup. */
  fileName: string;
  /** Gmail: the message id (`msg-f:…`); Outlook: `${conversationId}#${index}`. */
  messageKey: string;
  /** The card or tile the attachment is shown as. */
  element: HTMLElement;
  layer: SelectorLayer;
  /** Tiered: rejects with an {@link AttachmentUnavailableError}, never with a bare network error. */
  fetchBytes(signal: AbortSignal): Promise<AttachmentBytes>;
  /** The summary is inserted after this element (after summaries already there), outside the card row. */
  mountPoint(): Element;
}

export interface WebmailAdapter {
  id: 'gmail' | 'outlook';
  matches(url: URL): boolean;
  scan(root: ParentNode): AttachmentRef[];
  /** Attribute changes that can turn a card into a readable one (e.g. Gmail adds `download_url` after its scan). */
  watchedAttributes: string[];
}
