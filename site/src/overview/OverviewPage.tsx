// The landing page: every stored domain on one row (core/analysis overviewDomain), over a period, sortable by each
// column and searchable by name; a domain opens on the dashboard with the same period, where its figures are the same.
// Domains are worked out one at a time, busiest first, each in its own task, so the page stays responsive with
// dozens of domains and the rows appear as they are ready.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { chartRangeOf, overviewDomain, type DomainOverview, type Period } from '../../../core/analysis';
import { dataVersion } from '../app/database';
import { useObservable } from '../app/Observable';
import { hashOfView } from '../dashboard/dashboardView';
import { PERIOD_PRESETS, periodOf, PRESET_LABELS, type PeriodPreset } from '../dashboard/period';
import { useI18n } from '../i18n/i18n';
import { NothingStoredYet } from '../import/ImportPanel';
import { loadStoredReports } from '../senders/loadStoredReports';
import { useAsnTable } from '../senders/useAsnTable';
import { Badge, inputClass, linkButtonClass, mutedClass, TableScroller, tableClass, tdClass, thClass } from '../ui/ui';
import { firstDirection, sortOverview, type OverviewColumn, type OverviewSort } from './sortOverview';
import { Sparkline } from './Sparkline';
import { recentPeriodOf, useReportDates } from './useReportDates';

const DAY = 86_400;
const SPARK_DAYS = 30;

const COLUMN_LABELS = {
  domain: 'overview.col.domain',
  messages: 'overview.col.messages',
  pass: 'overview.col.pass',
  policy: 'overview.col.policy',
  readiness: 'overview.col.readiness',
  trend: 'overview.col.trend',
  new: 'overview.col.new',
  failing: 'overview.col.failing',
} as const;

const NUMERIC: ReadonlySet<OverviewColumn> = new Set(['messages', 'pass', 'new', 'failing']);

/** The period an overview address asks for (`#/overview?period=all`); the last 30 days with data by default. */
export function presetOfHash(hash: string): PeriodPreset {
  const at = hash.indexOf('?');
  const period = new URLSearchParams(at === -1 ? '' : hash.slice(at + 1)).get('period');
  return PERIOD_PRESETS.find((p) => p === period && p !== 'custom') ?? 'recent';
}

/** A YYYY-MM-DD day of Unix seconds. */
const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * The dashboard's address for `domain` over the overview's period. The last 30 days with data are those of every
 * domain here, and may differ from one domain's own: the link names the days, so the dashboard shows the same ones.
 */
export function dashboardLink(domain: string, preset: PeriodPreset, period: Period): string {
  if (preset === 'recent') {
    return hashOfView({ domain, preset: 'custom', customFrom: isoDay(period.from), customTo: isoDay(period.to - DAY) });
  }
  return hashOfView({ domain, preset, customFrom: '', customTo: '' });
}

function PolicyCell({ row }: { row: DomainOverview }) {
  const { t } = useI18n();
  if (row.policies.length === 0) return <>–</>;
  const text = (p: DomainOverview['policies'][number]) => `p=${p.p} sp=${p.sp} pct=${p.pct}`;
  return (
    <div class="space-y-1">
      {row.policies.length > 1 && <Badge colour="amber">{t('overview.policy.differs')}</Badge>}
      {row.policies.map((policy) => (
        <div key={text(policy)}>
          <span class="font-mono text-xs">{text(policy)}</span>
          <div class={`text-xs ${mutedClass}`}>
            {t('overview.policy.seenBy', { reporters: policy.reporters.join(', ') })}
          </div>
        </div>
      ))}
    </div>
  );
}

function ReadinessCell({ row }: { row: DomainOverview }) {
  const { t } = useI18n();
  const { state, next, blockers } = row.readiness;
  if (state === 'ready') return <Badge colour="green">{t('overview.readiness.ready', { step: next ?? '' })}</Badge>;
  if (state === 'at-reject') return <Badge colour="blue">{t('overview.readiness.atReject')}</Badge>;
  if (state === 'no-data') return <Badge colour="grey">{t('overview.readiness.noData')}</Badge>;
  return <span class="text-xs">{t('overview.readiness.notYet', { step: next ?? '', count: blockers })}</span>;
}

function OverviewRow({ row, href }: { row: DomainOverview; href: string }) {
  const { t, number, percent } = useI18n();
  return (
    <tr data-testid="overview-row" data-domain={row.domain}>
      <th scope="row" class={`${tdClass} font-medium`}>
        <a href={href} class={linkButtonClass} data-testid="overview-domain">
          {row.domain}
        </a>
      </th>
      {row.messages === 0 ? (
        <td class={`${tdClass} text-right ${mutedClass}`} colSpan={2}>
          {t('overview.noMessages')}
        </td>
      ) : (
        <>
          <td class={`${tdClass} text-right tabular-nums`} data-testid="overview-messages">
            {number(row.messages)}
          </td>
          <td class={`${tdClass} text-right tabular-nums`} data-testid="overview-pass">
            {percent(row.dmarcPass, row.messages)}
          </td>
        </>
      )}
      <td class={tdClass} data-testid="overview-policy">
        <PolicyCell row={row} />
      </td>
      <td class={tdClass} data-testid="overview-readiness">
        <ReadinessCell row={row} />
      </td>
      <td class={tdClass}>
        <Sparkline days={row.spark} />
      </td>
      <td class={`${tdClass} text-right tabular-nums`} data-testid="overview-new">
        {number(row.newSources)}
      </td>
      <td class={`${tdClass} text-right tabular-nums`} data-testid="overview-failing">
        {number(row.failingSources)}
      </td>
    </tr>
  );
}

/** A domain as a card, for screens too narrow for the table (under 640 px). */
function OverviewCard({ row, href }: { row: DomainOverview; href: string }) {
  const { t, number, percent } = useI18n();
  const figure = (label: string, value: string) => (
    <div>
      <dt class={`text-xs ${mutedClass}`}>{label}</dt>
      <dd class="tabular-nums">{value}</dd>
    </div>
  );
  return (
    <li
      class="rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid="overview-card"
      data-domain={row.domain}
    >
      <div class="flex items-start justify-between gap-2">
        <a href={href} class={`${linkButtonClass} break-all font-medium`}>
          {row.domain}
        </a>
        <Sparkline days={row.spark} />
      </div>
      {row.messages === 0 ? (
        <p class={`mt-2 text-sm ${mutedClass}`}>{t('overview.noMessages')}</p>
      ) : (
        <dl class="mt-2 grid grid-cols-2 gap-2 text-sm">
          {figure(t('overview.col.messages'), number(row.messages))}
          {figure(t('overview.col.pass'), percent(row.dmarcPass, row.messages))}
          {figure(t('overview.col.new'), number(row.newSources))}
          {figure(t('overview.col.failing'), number(row.failingSources))}
        </dl>
      )}
      <div class="mt-2 space-y-2 text-sm">
        <PolicyCell row={row} />
        <ReadinessCell row={row} />
      </div>
    </li>
  );
}

export function OverviewPage() {
  const { t, number } = useI18n();
  const version = useObservable(dataVersion);
  const dates = useReportDates();
  const { table, error: tableError } = useAsnTable();
  const [preset, setPreset] = useState<PeriodPreset>(() => presetOfHash(location.hash));
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<OverviewSort>({ column: 'messages', descending: true });
  const [rows, setRows] = useState<DomainOverview[]>([]);
  const recent = dates && recentPeriodOf(dates, null);
  const period = useMemo(
    () => periodOf(preset === 'custom' ? 'all' : preset, '', '', Date.now(), recent),
    [preset, recent?.from, recent?.to],
  );
  // The sparkline's days: the last 30 of the period, ending where believable reports end when the period runs on.
  const sparkWindow = useMemo(() => {
    const to = (dates && chartRangeOf(dates.reports, period, Date.now() / 1000).range?.to) ?? period.to;
    return { from: Math.max(period.from, to - SPARK_DAYS * DAY), to };
  }, [dates, period]);
  const domains = dates?.volumes.map((v) => v.domain);
  // Sources are grouped with the offline ASN table, as the Senders page groups them: the rows wait for it.
  const grouping = table !== undefined || tableError !== undefined;

  useEffect(() => {
    if (!domains || !grouping) return;
    let live = true;
    setRows([]);
    void (async () => {
      const done: DomainOverview[] = [];
      for (const domain of domains) {
        const loaded = await loadStoredReports(domain, period);
        if (!live) return;
        done.push(
          overviewDomain(
            domain,
            loaded.map((r) => ({ report: r.report, importedAt: r.stored.importedAt })),
            { period, sparkWindow, ...(table ? { asnTable: table } : {}) },
          ),
        );
        setRows([...done]);
        // One domain per task: the page answers between domains.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!live) return;
      }
    })();
    return () => {
      live = false;
    };
  }, [domains?.join('\n'), period.from, period.to, sparkWindow.from, sparkWindow.to, grouping, version]);

  // The period chosen is kept in the address (`#/overview?period=all`), so the view can be linked and reloaded.
  useEffect(() => {
    const hash = preset === 'recent' ? '#/overview' : `#/overview?period=${preset}`;
    if (location.hash !== hash && !(preset === 'recent' && !location.hash.includes('?')))
      history.replaceState(history.state, '', hash);
  }, [preset]);
  const shown = useMemo(() => sortOverview(rows, sort, query), [rows, sort, query]);
  const heading = <h1 class="text-2xl font-semibold">{t('overview.heading')}</h1>;
  if (!dates) {
    return (
      <div class="space-y-4">
        {heading}
        <p class={mutedClass} role="status">
          {t('overview.loading')}
        </p>
      </div>
    );
  }
  if (dates.volumes.length === 0) {
    return <NothingStoredYet />;
  }
  const total = dates.volumes.length;
  const sortBy = (column: OverviewColumn) =>
    setSort((current) =>
      current.column === column
        ? { column, descending: !current.descending }
        : { column, descending: firstDirection(column) },
    );
  return (
    <div class="space-y-4" data-testid="overview-page">
      <div class="flex flex-wrap items-end justify-between gap-4">
        <div>
          {heading}
          <p class={`mt-1 text-sm ${mutedClass}`}>{t('overview.intro')}</p>
          <p class="mt-1 text-sm">
            <a href="#/dashboard" class={linkButtonClass}>
              {t('overview.allOnDashboard')}
            </a>
          </p>
        </div>
        <div class="flex flex-wrap items-end gap-3 text-sm">
          <label class="flex flex-col gap-1">
            <span class={mutedClass}>{t('overview.search')}</span>
            <input
              type="search"
              class={`${inputClass} w-48`}
              value={query}
              autocomplete="off"
              onInput={(e) => setQuery(e.currentTarget.value)}
              data-testid="overview-search"
            />
          </label>
          <label class="flex flex-col gap-1">
            <span class={mutedClass}>{t('filters.period')}</span>
            <select
              class={inputClass}
              value={preset}
              onChange={(e) => setPreset(e.currentTarget.value as PeriodPreset)}
              data-testid="overview-period"
            >
              {PERIOD_PRESETS.filter((p) => p !== 'custom').map((p) => (
                <option key={p} value={p}>
                  {t(PRESET_LABELS[p])}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <p class={`text-sm ${mutedClass}`} role="status" data-testid="overview-status">
        {rows.length < total
          ? t('overview.progress', { done: number(rows.length), total })
          : t('overview.shown', { shown: number(shown.length), total })}
      </p>
      {query.trim() && shown.length === 0 && rows.length === total ? (
        <p class={mutedClass}>{t('overview.noMatch', { query: query.trim() })}</p>
      ) : (
        <>
          <ul class="space-y-3 sm:hidden" aria-label={t('overview.heading')}>
            {shown.map((row) => (
              <OverviewCard key={row.domain} row={row} href={dashboardLink(row.domain, preset, period)} />
            ))}
          </ul>
          <div class="hidden sm:block">
            <TableScroller label={t('overview.heading')}>
              <table class={tableClass} data-testid="overview-table">
                <thead>
                  <tr>
                    {(Object.keys(COLUMN_LABELS) as OverviewColumn[]).map((column) => {
                      const sorted = sort.column === column;
                      return (
                        <th
                          key={column}
                          scope="col"
                          class={`${thClass} ${NUMERIC.has(column) ? 'text-right' : ''}`}
                          aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : undefined}
                          title={
                            column === 'new'
                              ? t('overview.col.newHint')
                              : column === 'failing'
                                ? t('overview.col.failingHint')
                                : undefined
                          }
                        >
                          <button
                            type="button"
                            class="inline-flex items-center gap-1 font-semibold hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
                            onClick={() => sortBy(column)}
                            data-testid={`sort-${column}`}
                          >
                            {t(COLUMN_LABELS[column])}
                            <span aria-hidden="true" class={sorted ? '' : 'opacity-0'}>
                              {sort.descending ? '▼' : '▲'}
                            </span>
                            {sorted && (
                              <span class="sr-only">
                                {t(sort.descending ? 'overview.sortedDescending' : 'overview.sortedAscending')}
                              </span>
                            )}
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((row) => (
                    <OverviewRow key={row.domain} row={row} href={dashboardLink(row.domain, preset, period)} />
                  ))}
                </tbody>
              </table>
            </TableScroller>
          </div>
        </>
      )}
    </div>
  );
}
