// One report attachment's life on the page: insert the card, read the bytes (waiting out Gmail's virus scan),
// have the background parse them, show the summary or say in plain words why not.
import { sayCardText } from '../messaging/cardErrors';
import { attachmentPayload, sendToBackground } from '../messaging/contentMessages';
import type { AttachmentPayload, AutoSaveOutcome, ExtensionError } from '../messaging/messages';
import { extensionText } from '../ui/extensionText';
import type { MountedSummary } from '../webmail/watchWebmail';
import { AttachmentUnavailableError, type AttachmentBytes, type AttachmentRef } from '../webmail/webmailAdapter';
import { createSummaryCardView, type SummaryCardView } from './summaryCardView';

/** A card still being scanned or rendered is retried, with growing pauses, for about two minutes. */
const PENDING_RETRY_DELAYS_MS = [500, 1000, 2000, 3000, 5000, 5000, 10_000, 10_000, 15_000, 15_000, 30_000, 30_000];

const { t } = extensionText;

/** An error's English (the webmail's or the background's) in the card's language. */
const say = (text: string) => sayCardText(text, t);
/** An answer's error as the background said it in the card's language, else its English read here. */
const sayError = (error: ExtensionError) => error.shown ?? say(error.message);

/** Each summary host's card, to keep summaries in the order of their cards. */
const cardOfSummary = new WeakMap<Element, HTMLElement>();

export function mountAttachmentSummary(ref: AttachmentRef): MountedSummary {
  const view = createSummaryCardView(ref.fileName);
  view.host.setAttribute('data-layer', ref.layer);
  const abort = new AbortController();
  cardOfSummary.set(view.host, ref.element);
  const attach = () => {
    // After the anchor, among the summaries already there in the order of their cards (a card whose name rendered
    // late still gets its summary in its place).
    let last: Element = ref.mountPoint();
    for (
      let next = last.nextElementSibling;
      next?.getAttribute('data-dmarc-lens') === 'summary';
      next = next.nextElementSibling
    ) {
      const otherCard = cardOfSummary.get(next);
      if (otherCard !== undefined && ref.element.compareDocumentPosition(otherCard) & Node.DOCUMENT_POSITION_PRECEDING)
        last = next;
      else break;
    }
    if (last !== view.host) last.after(view.host);
  };
  attach();
  void summarize(ref, view, abort.signal);
  return {
    ensureAttached: () => {
      if (!view.host.isConnected) attach();
    },
    remove: () => {
      abort.abort();
      view.dispose();
      view.host.remove();
    },
  };
}

async function summarize(ref: AttachmentRef, view: SummaryCardView, signal: AbortSignal): Promise<void> {
  view.show({ state: 'loading', message: t('ext.card.reading') });
  const read = await readBytes(ref, view, signal);
  if (read === undefined) return;
  // Large reports take the parser seconds: say how much there is to read.
  view.show({ state: 'loading', message: t('ext.card.readingSize', { size: formatSize(read.bytes.length) }) });
  const payload = { ...attachmentPayload(ref.fileName, read.bytes, read.container), locale: extensionText.locale };
  const answer = await sendToBackground({ type: 'parse-attachment', attachment: payload }).catch((error: unknown) => ({
    ok: false as const,
    error: { code: 'extension', message: t('ext.card.extensionFailed', { error: String(error) }) },
  }));
  if (signal.aborted) return;
  if (!answer.ok) {
    view.show({ state: 'error', message: sayError(answer.error) });
    return;
  }
  view.show({
    state: 'done',
    summaries: answer.summaries,
    via: read.via,
    hosts: read.hosts,
    onOpen: (summary) => openDashboard(payload, summary.domain),
    onSave: () => save(payload),
    ...(answer.autoSaved && { autoSaved: autoSavedText(answer.autoSaved) }),
  });
}

async function readBytes(
  ref: AttachmentRef,
  view: SummaryCardView,
  signal: AbortSignal,
): Promise<AttachmentBytes | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ref.fetchBytes(signal);
    } catch (error) {
      if (signal.aborted) return undefined;
      const unavailable =
        error instanceof AttachmentUnavailableError
          ? error
          : new AttachmentUnavailableError('network', t('ext.card.readFailed', { error: String(error) }));
      const delay = PENDING_RETRY_DELAYS_MS[attempt];
      if (unavailable.reason === 'pending' && delay !== undefined) {
        view.show({ state: 'waiting', message: t('ext.card.tryingAgain', { reason: say(unavailable.message) }) });
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (signal.aborted) return undefined;
        continue;
      }
      if (unavailable.reason === 'needs-download') {
        view.show({
          state: 'needs-download',
          message: say(unavailable.message),
          onDropPage: () => void sendToBackground({ type: 'open-drop-page', fileName: ref.fileName }),
        });
      } else {
        view.show({
          state: 'error',
          message: t('ext.card.couldNotRead', { file: ref.fileName, reason: say(unavailable.message) }),
        });
      }
      return undefined;
    }
  }
}

function autoSavedText(outcome: AutoSaveOutcome): { saved: boolean; text: string } {
  if (!outcome.ok) return { saved: false, text: t('ext.card.failed', { error: say(outcome.message) }) };
  return {
    saved: true,
    text: outcome.added === 0 ? t('ext.card.alreadySaved') : t('ext.card.saved', { count: outcome.added }),
  };
}

async function save(payload: AttachmentPayload): Promise<string> {
  const answer = await sendToBackground({ type: 'save-attachment', attachment: payload });
  if (!answer.ok) throw new Error(sayError(answer.error));
  return answer.added === 0 ? t('ext.card.alreadySaved') : t('ext.card.saved', { count: answer.added });
}

/** Saves the file's reports (the dashboard reads the extension's store), then opens the dashboard on the domain. */
async function openDashboard(payload: AttachmentPayload, domain: string): Promise<string | undefined> {
  const answer = await sendToBackground({ type: 'open-dashboard', attachment: payload, domain });
  if (!answer.ok) throw new Error(sayError(answer.error));
  return undefined;
}

const megabytes = new Intl.NumberFormat(extensionText.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return t('ext.size.kb', { size: Math.max(1, Math.round(bytes / 1024)) });
  return t('ext.size.mb', { size: megabytes.format(bytes / 1024 / 1024) });
}
