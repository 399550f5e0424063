// The bulk-import control in a webmail's message list: "Import the reports of all N messages listed here", then
// progress, a Cancel button, the totals and each message's result. It sits right before the list, in a closed shadow
// root as the card does (page scripts cannot read or change it), built with createElement and textContent only (Gmail
// enforces Trusted Types; subjects are text written by strangers). In the page rather than the popup: the user sees
// which list "listed here" means, and the requests are the page's own, with its cookies, under the card's rules.
import { monitorEn, monitorNl, translatorOf, type Translator } from '../../core/i18n';
import { browserLocale } from '../ui/extensionText';
import type { ListedMessage, MailboxList } from './listedMessage';
import { sendGatherMessage } from '../sync/gatherMessages';
import { runBulkImport, type BulkOutcome, type BulkResult } from './runBulkImport';

type GatherKey = Extract<keyof typeof monitorEn, `monitor.gather.${string}`>;
const text: Translator<keyof typeof monitorEn> = translatorOf(
  browserLocale,
  browserLocale === 'nl' ? monitorNl : monitorEn,
);
const t = (key: GatherKey, params?: Record<string, string | number>) => text.t(key, params);

const STYLE = `
:host { all: initial; display: block; margin: 8px 0; font: 13px/1.4 system-ui, sans-serif; color: #1f2937; }
section { border: 1px solid #c7d2fe; background: #eef2ff; border-radius: 8px; padding: 8px 12px; }
strong { margin-inline-end: 10px; }
button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #4338ca; background: #4338ca; color: #fff; cursor: pointer; }
button[data-action="cancel"] { background: #fff; color: #4338ca; margin-inline-start: 8px; }
[role="status"] { margin-top: 4px; }
ol { margin: 4px 0 0; padding-inline-start: 20px; max-height: 240px; overflow: auto; }
li[data-outcome="failed"], li[data-outcome="notSaved"] { color: #b91c1c; }
@media (prefers-color-scheme: dark) {
  :host { color: #e5e7eb; }
  section { background: #1e1b4b; border-color: #4338ca; }
  button[data-action="cancel"] { background: #1e1b4b; color: #c7d2fe; }
  li[data-outcome="failed"], li[data-outcome="notSaved"] { color: #fca5a5; }
}`;

export interface BulkImportControl {
  /** Shows the control for this list (or hides it when there is none); a run under way keeps its place. */
  update(list: MailboxList | undefined): void;
  remove(): void;
}

export function createBulkImportControl(): BulkImportControl {
  const host = document.createElement('div');
  host.setAttribute('data-dmarc-lens', 'bulk');
  host.setAttribute('data-state', 'idle');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const section = document.createElement('section');
  section.setAttribute('aria-label', t('monitor.gather.bulk.label'));
  const start = button('start');
  const cancel = button('cancel');
  cancel.textContent = t('monitor.gather.bulk.cancel');
  cancel.hidden = true;
  const status = document.createElement('div');
  status.setAttribute('role', 'status');
  const totals = document.createElement('div');
  totals.setAttribute('data-field', 'totals');
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = t('monitor.gather.bulk.details');
  const results = document.createElement('ol');
  details.append(summary, results);
  details.hidden = true;
  // Whose control this is, for a reader who did not expect one in the webmail.
  const brand = document.createElement('strong');
  brand.textContent = 'DMARC Lens';
  section.append(brand, start, cancel, status, totals, details);
  root.append(style, section);
  // Clicks inside the control are the control's, not the webmail's (a list row would open).
  for (const type of ['click', 'mousedown', 'mouseup', 'keydown'])
    host.addEventListener(type, (event) => event.stopPropagation());

  let listed: ListedMessage[] = [];
  let running: AbortController | undefined;

  const showCount = () => {
    start.textContent = t('monitor.gather.bulk.start', { count: listed.length });
    host.setAttribute('data-count', String(listed.length));
  };

  start.addEventListener('click', () => void importAll());
  cancel.addEventListener('click', () => running?.abort());

  async function importAll(): Promise<void> {
    if (running !== undefined || listed.length === 0) return;
    const messages = listed;
    const abort = new AbortController();
    running = abort;
    host.setAttribute('data-state', 'running');
    start.disabled = true;
    cancel.hidden = false;
    results.replaceChildren();
    totals.textContent = '';
    details.hidden = false;
    details.open = true;
    status.textContent = t('monitor.gather.bulk.progress', { done: 0, total: messages.length });
    const items = messages.map(() => document.createElement('li'));
    const run = await runBulkImport(messages, {
      signal: abort.signal,
      onWait: (waitHost, seconds) => {
        status.textContent = t('monitor.gather.bulk.waiting', { host: waitHost, seconds });
      },
      onResult: (result, done) => {
        status.textContent = t('monitor.gather.bulk.progress', { done, total: messages.length });
        const item = items[result.index]!;
        describe(item, result);
        // In the list's order, whatever order they finished in.
        const after = items
          .slice(0, result.index)
          .reverse()
          .find((other) => other.isConnected);
        if (after === undefined) results.prepend(item);
        else after.after(item);
      },
    });
    await sendGatherMessage({ type: 'gather-bulk-finished', added: run.added }).catch(() => undefined);
    running = undefined;
    cancel.hidden = true;
    start.disabled = false;
    start.textContent = t('monitor.gather.bulk.again');
    host.setAttribute('data-state', run.cancelled ? 'cancelled' : 'done');
    status.textContent = run.cancelled
      ? t('monitor.gather.bulk.cancelled', { done: run.results.length, total: messages.length })
      : t('monitor.gather.bulk.finished', { added: run.added, already: run.alreadySaved });
    const problems = run.results.filter((r) => r.outcome.kind === 'failed' || r.outcome.kind === 'notSaved').length;
    totals.textContent = problems === 0 ? '' : t('monitor.gather.bulk.problems', { count: problems });
  }

  function button(action: string): HTMLButtonElement {
    const element = document.createElement('button');
    element.type = 'button';
    element.setAttribute('data-action', action);
    return element;
  }

  return {
    update(list) {
      if (running !== undefined) return;
      if (list === undefined || list.messages.length === 0) {
        host.remove();
        return;
      }
      const changed = list.messages.length !== listed.length || list.messages.some((m, i) => m.id !== listed[i]?.id);
      listed = list.messages;
      if (changed && host.getAttribute('data-state') !== 'idle') {
        // Another list: the last run's results belonged to the one before.
        host.setAttribute('data-state', 'idle');
        status.textContent = '';
        totals.textContent = '';
        results.replaceChildren();
        details.hidden = true;
      }
      if (host.getAttribute('data-state') === 'idle') showCount();
      if (host.nextElementSibling !== list.anchor) list.anchor.before(host);
    },
    remove() {
      running?.abort();
      host.remove();
    },
  };
}

function describe(item: HTMLLIElement, { subject, outcome }: BulkResult): void {
  item.setAttribute('data-outcome', outcome.kind);
  item.textContent = `${subject === '' ? t('monitor.gather.bulk.untitled') : subject}: ${outcomeText(outcome)}`;
}

function outcomeText(outcome: BulkOutcome): string {
  switch (outcome.kind) {
    case 'saved': {
      const already = outcome.reports - outcome.added;
      if (already === 0) return t('monitor.gather.bulk.result.saved', { added: outcome.added });
      if (outcome.added === 0) return t('monitor.gather.bulk.result.alreadySaved', { count: outcome.reports });
      return t('monitor.gather.bulk.result.mixed', { added: outcome.added, already });
    }
    case 'none':
      return t('monitor.gather.bulk.result.none');
    case 'notSaved':
      return t('monitor.gather.bulk.result.failed', { reason: outcome.message });
    case 'failed':
      return t('monitor.gather.bulk.result.failed', {
        reason:
          outcome.reason === 'aborted'
            ? t('monitor.gather.bulk.cancel')
            : t(`monitor.gather.reason.${outcome.reason}`, outcome.params),
      });
  }
}
