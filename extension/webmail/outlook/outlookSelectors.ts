// Every Outlook on the web selector, in layers (see docs/webmail.md "Selector layers"). The short class names are build
// hashes seen in Outlook's markup (`E_kRz` tile, `VlyYV` tile body, `Y0d3P` file name): a fast path only; the roles,
// titles and data-* attributes are the dependable layer, and the text layer (outlookAdapter.ts) scans for report file
// names. Checked against the committed fixtures in test/fixtures/webmail/outlook*.html, never against live Outlook.
export const outlookSelectors = {
  /** The reading pane. `[role=main]` is missing on outlook.cloud.microsoft, hence the data-app-section names first. */
  readingPane: {
    precise: '[data-app-section="ConversationContainer"], [data-app-section="MailReadCompose"]',
    semantic: '[role="main"]',
  },
  /**
   * One message body of the conversation: what is in it was written by the sender, so no layer takes an attachment from
   * inside it. The id is Outlook's; the (English) label is a second way to recognise it.
   */
  messageBody: 'div[id^="UniqueMessageBody"], [aria-label="Message body"]',
  /** The selected conversation in the message list: its id names the attachments' message. */
  selectedConversation: '#MailList [aria-selected="true"][data-convid], [aria-selected="true"][data-convid]',
  /** The attachment list (its aria-label is localized, so it is not matched). */
  attachmentList: { precise: 'div.T3idP[role="listbox"]', semantic: '[role="listbox"]' },
  /** One attachment tile. */
  tile: { precise: 'div.E_kRz[role="option"]', semantic: '[role="listbox"] [role="option"]' },
  /** The file name: the `title` of a descendant (the tile's aria-label reads "<name> Open <size>"). */
  tileName: { precise: '.Y0d3P[title]', semantic: '[title]' },
  /** Classic OWA exposes a download link that works with the session cookie (tier 1). */
  downloadLink: 'a[href*="GetFileAttachment"], a[href*="/attachment/"][download], a[download][href]',
} as const;

/** Classic OWA wants its anti-CSRF canary cookie echoed as a header on service calls. */
export const OWA_CANARY_COOKIE = /(?:^|;\s*)X-OWA-CANARY=([^;]+)/;
