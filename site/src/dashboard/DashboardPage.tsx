// The dashboard: domain and period, headline figures, the daily chart, sources, reporters, failure and TLS reports,
// and exports of the current view. The domain and period live in the hash query (dashboardView.ts), so a view can
// be linked and the extension can open the dashboard on one domain.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { NothingStoredYet } from '../import/ImportPanel';
import { inputClass, mutedClass, Section } from '../ui/ui';
import { bucketUnitFor, chartRangeOf } from '../../../core/analysis';
import { DomainPicker } from '../overview/DomainPicker';
import { recentPeriodOf, reportsOf, useReportDates } from '../overview/useReportDates';
import { CHART_HEADINGS, DailyChart } from './DailyChart';
import { hashOfView, isDashboardHash, sameView, viewFromHash, type DashboardView } from './dashboardView';
import { ExportButtons } from './ExportButtons';
import { FailuresList } from './FailuresList';
import { Headline } from './Headline';
import { PERIOD_PRESETS, periodOf, PRESET_LABELS, type PeriodPreset } from './period';
import { ReportersTable } from './ReportersTable';
import { Staged } from './Staged';
import { filterSources, NO_SOURCE_FILTERS, SourcesTable, type SourceFilters } from './SourcesTable';
import { TlsSummary } from './TlsSummary';
import { useDashboardData } from './useDashboardData';

/**
 * The view the address names, kept in step both ways: a changed view replaces the address (no history entry per
 * filter, no hashchange), and a new address — a link opened in this tab, the back button — changes the view.
 */
function useLinkedView(): [DashboardView, (view: DashboardView) => void] {
  const [view, setView] = useState<DashboardView>(() => viewFromHash(location.hash));
  useEffect(() => {
    const follow = () => {
      // Leaving for another page: that page's address is not a dashboard view.
      if (!isDashboardHash(location.hash)) return;
      const linked = viewFromHash(location.hash);
      setView((current) => (sameView(current, linked) ? current : linked));
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    const hash = hashOfView(view);
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  }, [view]);
  return [view, setView];
}

export function DashboardPage() {
  const { t } = useI18n();
  const [view, setView] = useLinkedView();
  const { domain, preset, customFrom, customTo } = view;
  const setDomain = (value: string | null) => setView({ ...view, domain: value });
  const setPreset = (value: PeriodPreset) => setView({ ...view, preset: value });
  const setCustomFrom = (value: string) => setView({ ...view, customFrom: value });
  const setCustomTo = (value: string) => setView({ ...view, customTo: value });
  const [filters, setFilters] = useState<SourceFilters>(NO_SOURCE_FILTERS);
  const dates = useReportDates();
  const recent = dates && recentPeriodOf(dates, domain);
  const period = useMemo(
    () => periodOf(preset, customFrom, customTo, Date.now(), recent),
    [preset, customFrom, customTo, recent?.from, recent?.to],
  );
  // "The last 30 days with data" waits for the stored reports' dates: the page does not read the wrong days first.
  const state = useDashboardData(domain, preset === 'recent' && !dates ? undefined : period);
  const chart = useMemo(
    () => (dates ? chartRangeOf(reportsOf(dates, domain), period, Date.now() / 1000) : undefined),
    [dates, domain, period],
  );
  const data = state.data;
  const shownSources = useMemo(
    () => (data ? filterSources(data.summary.sources, filters) : []),
    [data?.summary.sources, filters],
  );
  // The tables are made again only when what they show changes: while an import lands, the headline and chart follow
  // it several times a second, and a table of thousands of sources must not be drawn again each time.
  const sourcesTable = useMemo(
    () =>
      data && (
        <SourcesTable
          groups={data.summary.sources}
          pending={data.sourcesPending}
          untilImportEnds={data.countingImport}
          filters={filters}
          onFiltersChange={setFilters}
        />
      ),
    [data?.summary.sources, data?.sourcesPending, data?.countingImport, filters],
  );
  const dailyChart = useMemo(
    () => data && <DailyChart daily={data.summary.daily} range={chart?.range} outside={chart?.outside ?? 0} />,
    [data?.summary.daily, chart],
  );
  const reportersTable = useMemo(
    () => data && <ReportersTable reports={data.reports} overridesByReporter={data.summary.overridesByReporter} />,
    [data?.reports, data?.summary.overridesByReporter],
  );
  // The chosen domain was deleted (Data page): fall back to all domains.
  useEffect(() => {
    if (domain !== null && state.status === 'ready' && !state.data.domains.includes(domain)) setDomain(null);
  }, [state, domain]);

  if (!data) {
    return (
      <p class={mutedClass} role="status">
        {state.status === 'error' ? state.message : t('dash.loading')}
      </p>
    );
  }
  const nothingStored = data.domains.length === 0;
  if (nothingStored) {
    return <NothingStoredYet />;
  }
  const { summary } = data;
  const hasAggregate = summary.totals.messages > 0 || summary.sources.length > 0;
  return (
    <div class="space-y-6">
      <div class="flex flex-wrap items-end justify-between gap-4">
        <h1 class="text-2xl font-semibold">{t('dash.heading')}</h1>
        <div class="flex flex-wrap items-end gap-3 text-sm">
          <DomainPicker domains={data.domains} volumes={dates?.volumes} value={domain} onChange={setDomain} />
          <label class="flex flex-col gap-1">
            <span class={mutedClass}>{t('filters.period')}</span>
            <select
              class={inputClass}
              value={preset}
              onChange={(e) => setPreset(e.currentTarget.value as PeriodPreset)}
              data-testid="period-select"
            >
              {PERIOD_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t(PRESET_LABELS[p])}
                </option>
              ))}
            </select>
          </label>
          {preset === 'custom' && (
            <>
              <label class="flex flex-col gap-1">
                <span class={mutedClass}>{t('filters.from')}</span>
                <input
                  type="date"
                  class={inputClass}
                  value={customFrom}
                  onChange={(e) => setCustomFrom(e.currentTarget.value)}
                />
              </label>
              <label class="flex flex-col gap-1">
                <span class={mutedClass}>{t('filters.to')}</span>
                <input
                  type="date"
                  class={inputClass}
                  value={customTo}
                  onChange={(e) => setCustomTo(e.currentTarget.value)}
                />
              </label>
            </>
          )}
        </div>
      </div>
      <div
        aria-busy={state.status === 'loading'}
        class={state.status === 'loading' ? 'opacity-60 transition-opacity' : 'transition-opacity'}
      >
        {!hasAggregate ? (
          <p
            class={`rounded-xl border border-dashed border-slate-300 p-6 text-center dark:border-slate-700 ${mutedClass}`}
          >
            {t('dash.emptyPeriod')}
          </p>
        ) : (
          <div class="space-y-6">
            <Headline totals={summary.totals} shown={chart?.range} />
            <Section id="chart" title={t(CHART_HEADINGS[chart?.range ? bucketUnitFor(chart.range) : 'day'])}>
              <Staged minHeight="13rem">{dailyChart}</Staged>
            </Section>
            <Section
              id="sources"
              title={t('sources.heading')}
              actions={
                <ExportButtons
                  domain={domain}
                  period={period}
                  summary={summary}
                  shownSources={shownSources}
                  reports={data.reports}
                  disabled={data.sourcesPending}
                />
              }
            >
              <p class={`mb-3 text-sm ${mutedClass}`}>{t('sources.hint')}</p>
              <Staged minHeight="12rem">{sourcesTable}</Staged>
            </Section>
            <Section id="reporters" title={t('reporters.heading')}>
              <Staged>{reportersTable}</Staged>
            </Section>
          </div>
        )}
        <div class="mt-6 space-y-6">
          <Section id="failures" title={t('failures.heading')}>
            <Staged>
              <FailuresList
                failures={data.failures}
                period={period}
                sources={summary.sources}
                onShowSource={(ip) => {
                  setFilters({ ...NO_SOURCE_FILTERS, search: ip });
                  document.getElementById('sources-title')?.scrollIntoView();
                }}
              />
            </Staged>
          </Section>
          <Section id="tls" title={t('tls.heading')}>
            <Staged>
              <TlsSummary reports={data.tls} domain={domain} />
            </Staged>
          </Section>
        </div>
      </div>
    </div>
  );
}
