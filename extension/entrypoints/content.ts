// Injected into every Gmail and Outlook on the web page, so it stays small: it finds report attachments and reads
// their bytes; parsing, storage and Microsoft Graph run in the background (measured in test/bench/extension.bench.ts).
import { mountAttachmentSummary } from '../inline/mountAttachmentSummary';
import { gmailAdapter } from '../webmail/gmail/gmailAdapter';
import { outlookAdapter } from '../webmail/outlook/outlookAdapter';
import { watchWebmail } from '../webmail/watchWebmail';
import { WEBMAIL_MATCHES } from '../webmail/webmailMatches';

export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const url = new URL(location.href);
    const adapter = [gmailAdapter, outlookAdapter].find((candidate) => candidate.matches(url));
    if (adapter === undefined) return;
    watchWebmail(ctx, adapter, mountAttachmentSummary);
  },
});
