// The inline summary next to a report attachment: a closed shadow root whose host carries `data-dmarc-lens="summary"`.
// Closed, because the webmail page runs scripts the extension does not control: with an open root any of them could
// read the card or rewrite its numbers ("100% pass"); only this content script keeps a handle on it.
// Built with createElement and textContent only: Gmail enforces Trusted Types, and report strings are untrusted text,
// shown through visibleText so that bidi overrides or zero-width characters cannot make one name look like another.
// Its words are in the reader's language (extensionText).
import { visibleText } from '../../core/report';
import { sayCardText } from '../messaging/cardErrors';
import type { CardReportSummary } from '../messaging/messages';
import { extensionText } from '../ui/extensionText';
import { formatCount, formatCounted, formatPassRate, reportSecondsToDate } from '../ui/reportSummaryText';
import cardCss from './summaryCard.css?inline';
import { followWebmailTheme, webmailTheme } from './webmailTheme';

export type CardState =
  | { state: 'loading'; message: string }
  | { state: 'waiting'; message: string }
  | { state: 'error'; message: string }
  | { state: 'needs-download'; message: string; onDropPage: () => void }
  | {
      state: 'done';
      summaries: CardReportSummary[];
      /** How the bytes were fetched (the adapter's word for it): an attribute for tests, not shown. */
      via: string;
      /** The hosts the bytes were downloaded from: the card says so instead of claiming nothing was contacted. */
      hosts: string[];
      onOpen: (summary: CardReportSummary) => Promise<string | undefined>;
      onSave: () => Promise<string>;
      /** What saving on its own did (auto-save on), said beside the Save button. Absent when auto-save is off. */
      autoSaved?: { saved: true; text: string } | { saved: false; text: string };
    };

export interface SummaryCardView {
  host: HTMLElement;
  show(state: CardState): void;
  /** Stops following the webmail's theme (the card is gone). */
  dispose(): void;
}

const { t } = extensionText;

export function createSummaryCardView(fileName: string): SummaryCardView {
  const host = document.createElement('div');
  host.setAttribute('data-dmarc-lens', 'summary');
  host.setAttribute('data-file-name', fileName);
  // Clicks inside the card must not reach the webmail: Gmail opens its preview or collapses the message otherwise.
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'keydown', 'keyup']) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = cardCss;
  const card = el('section', 'card');
  card.setAttribute('aria-label', t('ext.card.label', { file: visibleText(fileName) }));
  shadow.append(style, card);

  // The theme is a class of the card, not of the host, so that it stays with the card's contents when they are copied.
  const applyTheme = (theme: 'light' | 'dark') => {
    card.classList.toggle('dark', theme === 'dark');
    host.setAttribute('data-theme', theme);
  };
  let unfollow: (() => void) | undefined;
  const show = (state: CardState) => {
    host.setAttribute('data-state', state.state);
    const head = el('div', 'head', [el('span', 'brand', 'DMARC Lens'), el('span', 'file', visibleText(fileName))]);
    card.replaceChildren(head, ...body(state));
    // The first state is shown once the card is in the page, where the webmail's colours can be read.
    if (host.isConnected) {
      unfollow ??= followWebmailTheme(host, applyTheme);
      applyTheme(webmailTheme(host));
    }
  };
  return { host, show, dispose: () => unfollow?.() };
}

function body(state: CardState): Node[] {
  switch (state.state) {
    case 'loading':
    case 'waiting':
      return [el('div', 'status', visibleText(state.message))];
    case 'error': {
      const error = el('div', 'error', visibleText(state.message));
      error.setAttribute('role', 'alert');
      return [error];
    }
    case 'needs-download': {
      const button = el('button', 'primary', t('ext.card.dropPage'));
      button.setAttribute('data-action', 'drop-page');
      button.addEventListener('click', state.onDropPage);
      return [el('div', 'status', visibleText(state.message)), el('div', 'actions', [button])];
    }
    case 'done': {
      // One report: its Open button joins the Save button in one row. Several (a zip of reports): one Open each.
      const single = state.summaries.length === 1;
      const sections = state.summaries.map((summary) => reportSection(summary, state, !single));
      const first = state.summaries[0];
      return [...sections, actions(state, single && first !== undefined ? openButton(first, state) : undefined)];
    }
  }
}

type DoneState = Extract<CardState, { state: 'done' }>;

function reportSection(summary: CardReportSummary, state: DoneState, withOpenButton: boolean): HTMLElement {
  const section = el('div', 'report');
  section.setAttribute('data-report-key', summary.key);
  const kind = t(`ext.card.kind.${summary.kind}`);
  const reporter = summary.orgName === '' ? t('ext.unnamedReporter') : visibleText(summary.orgName);
  section.append(el('div', 'title', t('ext.card.title', { kind, reporter, domain: visibleText(summary.domain) })));
  const facts = el('div', 'facts', [
    fact('range', `${formatDay(summary.begin)} – ${formatDay(summary.end)}`, `${summary.begin}-${summary.end}`),
    fact(
      'messages',
      formatCounted(summary.messages, summary.kind === 'tls' ? 'sessions' : 'messages'),
      String(summary.messages),
    ),
  ]);
  // A sender's numbers can be absurd (a sum of 1e308 counts is Infinity, null once messaged): no share, no percentage.
  const percent = formatPassRate(summary.passRate);
  if (percent !== undefined && summary.passRate !== undefined) {
    const pass = fact(
      'pass-rate',
      t(summary.kind === 'tls' ? 'ext.card.successful' : 'ext.card.passDmarc', { percent }),
      String(summary.passRate),
    );
    pass.classList.add(summary.passRate >= 0.98 ? 'pass-good' : summary.passRate >= 0.9 ? 'pass-mid' : 'pass-bad');
    facts.append(pass);
  }
  section.append(facts);
  if (summary.topFailingSources.length > 0) {
    const list = el('ul', 'sources');
    list.setAttribute('aria-label', t('ext.card.topFailing'));
    for (const source of summary.topFailingSources) {
      const count = formatCount(source.count) ?? '?';
      const item = el('li', '', t('ext.card.source', { label: visibleText(source.label), count }));
      item.setAttribute('data-source', source.label);
      item.setAttribute('data-count', String(source.count));
      list.append(item);
    }
    section.append(el('div', 'fact', [el('b', '', t('ext.card.topFailing'))]), list);
  }
  for (const detail of summary.details) {
    section.append(el('div', 'fact', visibleText(sayCardText(detail, t))));
  }
  if (summary.warnings.length > 0) {
    section.append(el('div', 'warnings', t('ext.card.repaired', { count: summary.warnings.length })));
  }
  if (withOpenButton) section.append(el('div', 'actions', [openButton(summary, state)]));
  return section;
}

function openButton(summary: CardReportSummary, state: DoneState): HTMLButtonElement {
  const open = el('button', 'primary', t('ext.card.open'));
  open.setAttribute('data-action', 'open');
  open.addEventListener('click', () => runButton(open, () => state.onOpen(summary)));
  return open;
}

function actions(state: DoneState, open: HTMLButtonElement | undefined): HTMLElement {
  const save = el('button', '', t('ext.card.save'));
  save.setAttribute('data-action', 'save');
  save.addEventListener('click', () => runButton(save, state.onSave));
  const row = el('div', 'actions', [...(open === undefined ? [] : [open]), save]);
  if (state.autoSaved) {
    // The button stays (saving again is harmless and says "already saved"); its outcome replaces this note.
    const outcome = el('span', 'note', state.autoSaved.text);
    outcome.setAttribute('data-outcome', state.autoSaved.saved ? 'auto-saved' : 'auto-save-failed');
    outcome.setAttribute('role', 'status');
    row.append(outcome);
  }
  const note = el('div', 'note', t('ext.card.downloadedFrom', { hosts: state.hosts.join(' → ') }));
  note.setAttribute('data-source-hosts', state.hosts.join(' '));
  note.setAttribute('data-via', state.via);
  return el('div', '', [row, note]);
}

/** Disables the button while its action runs, then shows the outcome next to it in words. */
function runButton(button: HTMLButtonElement, action: () => Promise<string | undefined>): void {
  button.disabled = true;
  const note = button.parentElement?.querySelector('[data-outcome]') ?? el('span', 'note');
  note.setAttribute('data-outcome', '');
  note.setAttribute('role', 'status');
  button.after(note);
  action().then(
    (outcome) => {
      button.disabled = false;
      note.textContent = outcome ?? '';
    },
    (error: unknown) => {
      button.disabled = false;
      note.textContent = visibleText(
        t('ext.card.failed', { error: error instanceof Error ? error.message : String(error) }),
      );
    },
  );
}

function fact(field: string, text: string, value: string): HTMLElement {
  const span = el('span', 'fact', text);
  span.setAttribute('data-field', field);
  span.setAttribute('data-value', value);
  return span;
}

const dayFormat = new Intl.DateTimeFormat(extensionText.locale, { timeZone: 'UTC', dateStyle: 'medium' });

/** A report's day (UTC) in the reader's language; "unknown date" for seconds no Date can hold (a sender wrote 1e20). */
function formatDay(unixSeconds: number): string {
  const date = reportSecondsToDate(unixSeconds);
  return date === undefined ? t('ext.unknownDate') : dayFormat.format(date);
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  content?: string | Node[],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className !== '') element.className = className;
  if (typeof content === 'string') element.textContent = content;
  else if (content !== undefined) element.append(...content);
  return element;
}
