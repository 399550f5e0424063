// Every Gmail selector, in layers (see docs/webmail.md "Selector layers"): `precise` are Gmail's short class names
// (fast, but renamed without notice), `semantic` rely on roles, ARIA, data-* and Gmail's own attributes, and the text
// layer (in gmailAdapter.ts) scans for report file names. None of these was checked against live Gmail; they are
// checked against the committed fixtures in test/fixtures/webmail/gmail*.html, in Chromium and Firefox.
export const gmailSelectors = {
  /** The conversation view. The text scan stays inside it so the inbox list's snippets are never read. */
  main: '[role="main"]',
  message: {
    /** An expanded message: `div.adn` carries the message id (`#msg-f:…`). */
    precise: 'div.adn[data-message-id]',
    /** Any element carrying Gmail's message ids (`data-legacy-message-id` appears once the message is synced). */
    semantic: '[data-message-id], [data-legacy-message-id]',
  },
  card: {
    /** One attachment card (`span.aZo`) in the card row (`.aQH`). */
    precise: '.aQH > span.aZo',
    /** Chrome-only `download_url` (`mime:name:url`) on the card, or the card's attachment link. */
    semantic: '[download_url], a[href*="view=att"][href*="attid="]',
  },
  /** The file name inside a card. */
  cardName: { precise: 'span.aV3', semantic: '[title]' },
  /** The card's link to the attachment (`…&view=att&attid=0.1&disp=inline…`). */
  cardLink: { precise: 'a.aQy[href]', semantic: 'a[href*="view=att"][href*="attid="]' },
  /**
   * A message's body: `div.ii.gt` holds it, `div.a3s` is the sanitized mail itself. Whatever is in here was written by
   * the sender, so no layer takes an attachment from inside it. Gmail marks its body with no role or attribute a
   * sender could not also write, so when these class names change, the rule that a card must name its own message
   * (gmailAdapter.ts) is what keeps a sender's fake card out.
   */
  messageBody: 'div.ii.gt, div.a3s',
  /** The attachment area under a message body (the summaries go right after it, outside the card row). */
  attachmentArea: { precise: 'div.hq.gt', semantic: '[role="list"]' },
  /** Gmail's download button is disabled (and the card busy) while the attachment is being scanned for viruses. */
  scanning: { precise: '.aQw [aria-disabled="true"]', semantic: '[aria-busy="true"], [aria-disabled="true"]' },
} as const;

/** The URL inside `download_url="mime:name:url"`; the URL itself contains colons, so match from `:https://`. */
export const DOWNLOAD_URL_PATTERN = /:(https:\/\/.+)$/;

/** The account prefix of every Gmail URL (`/mail/u/1/`); never assume `u/0`. */
export const ACCOUNT_PATH_PATTERN = /^\/mail\/u\/\d+\//;
