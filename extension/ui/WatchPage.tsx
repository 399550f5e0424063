// The dashboard's alerts and weekly digest (`#/watch?domain=…`), where a notification opens: the domain's open alerts,
// the alerts told recently, and the digest of a week of its reports, printable and copyable as e-mail text. It follows
// the site's language and theme settings (the dashboard and this view share the extension page's storage).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { weeklyDigest, type AsnTable, type WatchMemory, type WeeklyDigest } from '../../core/analysis';
import type { AggregateReport } from '../../core/report';
import { createTranslator, type MessageKey, type Translator } from '../../core/i18n';
import { preferredLocale } from '../../site/src/i18n/i18n';
import {
  Badge,
  buttonClass,
  inputClass,
  linkButtonClass,
  mutedClass,
  primaryButtonClass,
  Section,
  tableClass,
  tdClass,
  thClass,
} from '../../site/src/ui/ui';
import { alertText, explainIn, findingText, formatShare, sourceName } from '../monitor/alertText';
import { digestSubject, digestText } from '../monitor/digestText';
import { loadWatchedReports } from '../monitor/loadWatchedReports';
import { readMonitorSettings } from '../monitor/monitorSettings';
import { loadExtensionAsnTable, runChecks } from '../monitor/runChecks';
import { readWatchLog, readWatchMemory, type LoggedAlert } from '../monitor/watchStorage';
import { dashboardUrl } from '../pages/extensionPageUrls';
import { extensionDatabase } from '../reports/saveParsedReports';
import { usePageTheme } from './usePageTheme';

type Text = Translator<MessageKey>;

/** The domain named in `#/watch?domain=…`. */
function domainOfHash(): string | undefined {
  const query = location.hash.split('?')[1];
  return query === undefined ? undefined : (new URLSearchParams(query).get('domain') ?? undefined);
}

interface WatchData {
  domains: string[];
  reports: AggregateReport[];
  memory: WatchMemory;
  log: LoggedAlert[];
  asnTable: AsnTable | undefined;
}

async function loadWatchData(): Promise<WatchData> {
  const settings = await readMonitorSettings();
  const db = await extensionDatabase();
  // The digest's weeks: a year back from each domain's newest report.
  const [watched, memory, log, asnTable] = await Promise.all([
    loadWatchedReports(db, { ...settings.thresholds, recentDays: 366 }),
    readWatchMemory(),
    readWatchLog(),
    loadExtensionAsnTable(),
  ]);
  return { domains: watched.domains, reports: watched.reports, memory, log, asnTable };
}

export function WatchPage() {
  const text = useMemo(() => createTranslator(preferredLocale()), []);
  const { t } = text;
  const dark = usePageTheme();
  const [data, setData] = useState<WatchData | undefined>();
  const [domain, setDomain] = useState<string | undefined>(domainOfHash);
  const [status, setStatus] = useState('');
  const reload = () => loadWatchData().then(setData);
  useEffect(() => {
    document.title = `${t('monitor.watch.page.title')} – DMARC Lens`;
    document.documentElement.lang = text.locale;
    void reload();
  }, []);
  const chosen = domain ?? data?.domains[0];

  const checkNow = async () => {
    const outcome = await runChecks();
    setStatus(t('monitor.watch.page.checked', { count: outcome.alerts.length }));
    await reload();
  };

  return (
    <div class={dark ? 'dark' : ''}>
      <div class="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <header class="border-b border-slate-200 bg-white print:hidden dark:border-slate-800 dark:bg-slate-900">
          <div class="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <a href={dashboardUrl()} class="flex items-baseline gap-2 text-lg font-bold tracking-tight">
              <span aria-hidden="true" class="text-blue-700 dark:text-blue-400">
                ◉
              </span>
              DMARC Lens
            </a>
            <a href={dashboardUrl(chosen)} class={linkButtonClass}>
              {t('monitor.watch.page.back')}
            </a>
          </div>
        </header>
        <main id="main" class="mx-auto max-w-5xl space-y-4 px-4 py-6 print:max-w-none print:p-0">
          <h1 class="text-2xl font-bold print:hidden">{t('monitor.watch.page.title')}</h1>
          {data === undefined ? (
            <p class={mutedClass}>{t('monitor.watch.page.loading')}</p>
          ) : data.domains.length === 0 || chosen === undefined ? (
            <p class={mutedClass}>{t('monitor.watch.page.noReports')}</p>
          ) : (
            <>
              <div class="flex flex-wrap items-end gap-3 print:hidden">
                <label class="text-sm">
                  <span class={`block ${mutedClass}`}>{t('monitor.watch.page.domain')}</span>
                  <select
                    class={inputClass}
                    value={chosen}
                    data-testid="watch-domain"
                    onChange={(event) => {
                      const next = event.currentTarget.value;
                      setDomain(next);
                      history.replaceState(null, '', `#/watch?domain=${encodeURIComponent(next)}`);
                    }}
                  >
                    {data.domains.map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" class={buttonClass} onClick={() => void checkNow()} data-testid="check-now">
                  {t('monitor.watch.page.checkNow')}
                </button>
                {status !== '' && (
                  <p class="text-sm" role="status">
                    {status}
                  </p>
                )}
              </div>
              <OpenAlerts domain={chosen} data={data} text={text} />
              <AlertLog domain={chosen} log={data.log} text={text} />
              <Digest domain={chosen} data={data} text={text} />
            </>
          )}
        </main>
      </div>
    </div>
  );
}

const CHANGE_COLOURS = { raised: 'red', changed: 'amber', resolved: 'green' } as const;

function OpenAlerts({ domain, data, text }: { domain: string; data: WatchData; text: Text }) {
  const open = Object.entries(data.memory.findings).filter(([, finding]) => finding.domain === domain);
  // Each open finding in the words of the alert that last told it.
  const lines = open.flatMap(([id, finding]) => {
    const told = data.log.find((entry) => entry.alert.id === id && entry.alert.change !== 'resolved');
    return told ? [{ id, level: finding.level, sentence: alertText(told.alert, text) }] : [];
  });
  return (
    <Section title={text.t('monitor.watch.page.open')} id="watch-open">
      {lines.length === 0 ? (
        <p class={mutedClass} data-testid="no-open-alerts">
          {text.t('monitor.watch.page.noOpen', { domain })}
        </p>
      ) : (
        <ul class="space-y-2 text-sm" data-testid="open-alerts">
          {lines.map((line) => (
            <li
              key={line.id}
              data-alert-id={line.id}
              class={`border-l-4 pl-2 ${line.level === 'problem' ? 'border-red-600' : 'border-sky-500'}`}
            >
              {line.sentence}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function AlertLog({ domain, log, text }: { domain: string; log: LoggedAlert[]; text: Text }) {
  const entries = log.filter((entry) => entry.alert.domain === domain).slice(0, 50);
  const time = new Intl.DateTimeFormat(text.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Section title={text.t('monitor.watch.page.log')} id="watch-log">
      {entries.length === 0 ? (
        <p class={mutedClass}>{text.t('monitor.watch.page.noLog')}</p>
      ) : (
        <ul class="space-y-2 text-sm" data-testid="alert-log">
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`} data-alert-id={entry.alert.id} data-change={entry.alert.change}>
              <Badge
                colour={
                  entry.alert.change === 'raised' && entry.alert.finding.level !== 'problem'
                    ? 'blue'
                    : CHANGE_COLOURS[entry.alert.change]
                }
              >
                {text.t(`monitor.watch.change.${entry.alert.change}`)}
              </Badge>{' '}
              <span class={mutedClass}>{time.format(entry.at)}</span> {alertText(entry.alert, text)}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function rate(counts: WeeklyDigest['thisWeek'], text: Text): string {
  return counts.messages > 0
    ? formatShare(counts.dmarcPass / counts.messages, text)
    : text.t('monitor.watch.digest.noRate');
}

function Digest({ domain, data, text }: { domain: string; data: WatchData; text: Text }) {
  const { t } = text;
  const [weekEnd, setWeekEnd] = useState<string | undefined>();
  const [copied, setCopied] = useState('');
  const digest = useMemo(
    () =>
      weeklyDigest(data.reports, {
        domain,
        now: Math.floor(Date.now() / 1000),
        ...(weekEnd ? { weekEnd } : {}),
        ...(data.asnTable ? { asnTable: data.asnTable } : {}),
      }),
    [data, domain, weekEnd],
  );
  useEffect(() => setWeekEnd(undefined), [domain]);
  if (!digest) return null;
  const most = Math.max(1, ...digest.days.map((day) => day.messages));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(digestText(digest, text));
      setCopied(t('monitor.watch.digest.copied'));
    } catch (error) {
      setCopied(t('monitor.watch.digest.copyFailed', { error: String(error) }));
    }
  };
  return (
    <Section
      title={t('monitor.watch.digest.title', { domain })}
      id="watch-digest"
      actions={
        <div class="flex flex-wrap items-center gap-2 print:hidden">
          <label class="text-sm">
            <span class={`mr-1 ${mutedClass}`}>{t('monitor.watch.digest.chooseWeek')}</span>
            <select
              class={inputClass}
              value={digest.to}
              data-testid="digest-week"
              onChange={(event) => setWeekEnd(event.currentTarget.value)}
            >
              {digest.reportDays.map((day) => (
                <option key={day} value={day}>
                  {day}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class={buttonClass} onClick={() => print()}>
            {t('monitor.watch.digest.print')}
          </button>
          <button type="button" class={primaryButtonClass} onClick={() => void copy()} data-testid="digest-copy">
            {t('monitor.watch.digest.copy')}
          </button>
        </div>
      }
    >
      <div class="space-y-4" data-testid="digest">
        <p class={mutedClass}>{t('monitor.watch.digest.week', { from: digest.from, to: digest.to })}</p>
        {copied !== '' && (
          <p class="text-sm print:hidden" role="status">
            {copied}
          </p>
        )}
        <div>
          <h3 class="mb-1 font-semibold">{t('monitor.watch.digest.volume')}</h3>
          <table class={tableClass} data-testid="digest-volume">
            <thead>
              <tr>
                <th class={thClass} scope="col">
                  {t('monitor.watch.digest.weekColumn')}
                </th>
                <th class={thClass} scope="col">
                  {t('monitor.watch.digest.messages')}
                </th>
                <th class={thClass} scope="col">
                  {t('monitor.watch.digest.passing')}
                </th>
                <th class={thClass} scope="col">
                  {t('monitor.watch.digest.passRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['thisWeek', digest.thisWeek],
                  ['weekBefore', digest.weekBefore],
                ] as const
              ).map(([name, counts]) => (
                <tr key={name} data-row={name}>
                  <th class={`${tdClass} font-medium`} scope="row">
                    {t(`monitor.watch.digest.${name}`)}
                  </th>
                  <td class={tdClass} data-field="messages">
                    {text.number(counts.messages)}
                  </td>
                  <td class={tdClass} data-field="passing">
                    {text.number(counts.dmarcPass)}
                  </td>
                  <td class={tdClass} data-field="rate">
                    {rate(counts, text)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3 class="mb-1 font-semibold">{t('monitor.watch.digest.perDay')}</h3>
          <ul class="space-y-1 text-sm" data-testid="digest-days">
            {digest.days.map((day) => (
              <li key={day.day} class="flex items-center gap-2" data-day={day.day} data-messages={day.messages}>
                <span class="w-24 shrink-0 font-mono text-xs">{day.day}</span>
                <span
                  aria-hidden="true"
                  class="h-3 rounded bg-blue-600 dark:bg-blue-400 print:bg-slate-700"
                  style={{ width: `${(day.messages / most) * 60}%`, minWidth: day.messages > 0 ? '2px' : '0' }}
                />
                <span>{text.number(day.messages)}</span>
              </li>
            ))}
          </ul>
        </div>
        <DigestList
          title={t('monitor.watch.digest.changed')}
          empty={t('monitor.watch.digest.nothingChanged')}
          items={digest.changes.map((finding) => findingText(finding, text))}
          testId="digest-changes"
        />
        <DigestList
          title={t('monitor.watch.digest.newSources')}
          empty={t('monitor.watch.digest.noNewSources')}
          items={digest.newSources.map((finding) => findingText(finding, text))}
          testId="digest-new"
        />
        <DigestList
          title={t('monitor.watch.digest.failingSources')}
          empty={t('monitor.watch.digest.noFailingSources')}
          items={digest.failingSources.map((source) =>
            t('monitor.watch.digest.sourceLine', {
              source: sourceName(text, source.key, source.label),
              aligned: source.alignedMessages,
              messages: source.ownMessages,
            }),
          )}
          testId="digest-failing"
        />
        <div>
          <h3 class="mb-1 font-semibold">{t('monitor.watch.digest.readiness')}</h3>
          <p class="text-sm" data-testid="digest-readiness">
            {explainIn(text, digest.readiness.summaryExplanation)}
          </p>
          {digest.readiness.blockerExplanations.length > 0 && (
            <ul class="mt-1 list-disc space-y-1 pl-5 text-sm" data-testid="digest-blockers">
              {digest.readiness.blockerExplanations.map((blocker, index) => (
                <li key={index}>{explainIn(text, blocker)}</li>
              ))}
            </ul>
          )}
        </div>
        <p class="sr-only">{digestSubject(digest, text)}</p>
      </div>
    </Section>
  );
}

function DigestList({
  title,
  empty,
  items,
  testId,
}: {
  title: string;
  empty: string;
  items: string[];
  testId: string;
}) {
  return (
    <div>
      <h3 class="mb-1 font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p class={`text-sm ${mutedClass}`}>{empty}</p>
      ) : (
        <ul class="list-disc space-y-1 pl-5 text-sm" data-testid={testId}>
          {items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
