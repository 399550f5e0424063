// The report to print or save as PDF, for one domain and period: the headline, the trend, every source with its class,
// readiness for the next policy step and what changed since the last import, laid out for paper (styles.css @media
// print). The figures are the dashboard's and the Senders page's own, read the same way.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { analyzeSenders, chartRangeOf } from '../../../core/analysis';
import { DailyChart } from '../dashboard/DailyChart';
import { hashOfView, type DashboardView } from '../dashboard/dashboardView';
import { Headline } from '../dashboard/Headline';
import { PERIOD_PRESETS, periodOf, PRESET_LABELS, type PeriodPreset } from '../dashboard/period';
import { useDashboardData } from '../dashboard/useDashboardData';
import { useI18n } from '../i18n/i18n';
import { recentPeriodOf, reportsOf, useReportDates } from '../overview/useReportDates';
import { ChangesPanel } from '../senders/ChangesPanel';
import { ClassBadge } from '../senders/ClassBadge';
import { loadStoredReports, splitByLastImport, type LoadedReport } from '../senders/loadStoredReports';
import { ReadinessPanel } from '../senders/ReadinessPanel';
import { useAsnTable } from '../senders/useAsnTable';
import {
  buttonClass,
  inputClass,
  linkButtonClass,
  mutedClass,
  primaryButtonClass,
  Section,
  tableClass,
  tdClass,
  thClass,
} from '../ui/ui';
import { printHashOf } from './printView';

const DAY = 86_400;

export function PrintReport({ view }: { view: DashboardView }) {
  const { t, number, percent, date } = useI18n();
  const dates = useReportDates();
  const domains = useMemo(
    () => (dates ? [...new Set(reportsOf(dates, null).map((r) => r.domain))].sort() : []),
    [dates],
  );
  // A report is about one domain: without one named, the busiest is not guessed; the reader picks.
  const domain = view.domain;
  const recent = dates && domain ? recentPeriodOf(dates, domain) : undefined;
  const period = useMemo(
    () => periodOf(view.preset, view.customFrom, view.customTo, Date.now(), recent),
    [view.preset, view.customFrom, view.customTo, recent?.from, recent?.to],
  );
  const ready = domain !== null && !(view.preset === 'recent' && !dates);
  const state = useDashboardData(domain ?? '', ready ? period : undefined);
  const chart = useMemo(
    () => (dates && domain ? chartRangeOf(reportsOf(dates, domain), period, Date.now() / 1000) : undefined),
    [dates, domain, period],
  );
  const [loaded, setLoaded] = useState<{ key: string; reports: LoadedReport[] }>();
  const key = `${domain}|${period.from}|${period.to}`;
  useEffect(() => {
    if (!ready || !domain) return;
    let live = true;
    loadStoredReports(domain, period).then(
      (reports) => live && setLoaded({ key, reports }),
      () => live && setLoaded({ key, reports: [] }),
    );
    return () => {
      live = false;
    };
  }, [key, ready]);
  const { table } = useAsnTable();
  const reports = useMemo(() => (loaded?.key === key ? loaded.reports.map((r) => r.report) : undefined), [loaded, key]);
  const analysis = useMemo(
    () => (reports && domain ? analyzeSenders(reports, { domain, ...(table ? { asnTable: table } : {}) }) : undefined),
    [reports, domain, table],
  );
  const split = useMemo(() => splitByLastImport(loaded?.key === key ? loaded.reports : []), [loaded, key]);
  const data = state.status === 'ready' ? state.data : undefined;
  // The days the report covers, as its chart draws them (all time: from the first believable report to the last).
  const span = chart?.range;
  const first = span ? date(span.from) : '–';
  const last = span ? date(span.to - DAY) : '–';
  const title = domain ? t('housekeeping.print.heading', { domain }) : t('housekeeping.print.choose');
  const go = (next: DashboardView) => {
    location.hash = printHashOf(next);
  };

  return (
    <div class="print-report space-y-6" data-testid="print-report">
      <div class="print:hidden flex flex-wrap items-end gap-3" data-testid="print-toolbar">
        <a class={linkButtonClass} href={hashOfView(view)}>
          {t('housekeeping.print.back')}
        </a>
        <label class="flex flex-col gap-1 text-sm">
          <span class={mutedClass}>{t('filters.domain')}</span>
          <select
            class={inputClass}
            value={domain ?? ''}
            data-testid="print-domain"
            onChange={(e) => go({ ...view, domain: e.currentTarget.value || null })}
          >
            <option value="">{t('housekeeping.delete.chooseDomain')}</option>
            {domains.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label class="flex flex-col gap-1 text-sm">
          <span class={mutedClass}>{t('filters.period')}</span>
          <select
            class={inputClass}
            value={view.preset}
            data-testid="print-period"
            onChange={(e) => go({ ...view, preset: e.currentTarget.value as PeriodPreset })}
          >
            {PERIOD_PRESETS.filter((p) => p !== 'custom' || view.preset === 'custom').map((p) => (
              <option key={p} value={p}>
                {p === 'custom' ? `${view.customFrom} – ${view.customTo}` : t(PRESET_LABELS[p])}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class={primaryButtonClass}
          disabled={!analysis}
          onClick={() => print()}
          data-testid="print-button"
        >
          {t('housekeeping.print.print')}
        </button>
        <p class={`w-full text-sm ${mutedClass}`}>{t('housekeeping.print.hint')}</p>
      </div>
      <div class="space-y-1">
        <h1 class="text-2xl font-semibold">{title}</h1>
        {domain && (
          <p class={mutedClass} data-testid="print-period-line">
            {t('housekeeping.print.period', { first, last, made: date(Math.floor(Date.now() / 1000)) })}
          </p>
        )}
      </div>
      {domain && !data && (
        <p class={mutedClass} role="status">
          {t('senders.loading')}
        </p>
      )}
      {domain && data && (
        <>
          <Headline totals={data.summary.totals} />
          <Section id="print-trend" title={t('housekeeping.print.trend')}>
            <DailyChart daily={data.summary.daily} range={chart?.range} outside={chart?.outside ?? 0} />
          </Section>
          <Section id="print-sources" title={t('housekeeping.print.sources')}>
            {!analysis ? (
              <p class={mutedClass}>{t('senders.loading')}</p>
            ) : (
              <table class={tableClass} data-testid="print-sources">
                <thead>
                  <tr>
                    <th scope="col" class={thClass}>
                      {t('housekeeping.print.col.source')}
                    </th>
                    <th scope="col" class={thClass}>
                      {t('housekeeping.print.col.class')}
                    </th>
                    <th scope="col" class={`${thClass} text-right`}>
                      {t('housekeeping.print.col.messages')}
                    </th>
                    <th scope="col" class={`${thClass} text-right`}>
                      {t('housekeeping.print.col.addresses')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.sources.map((source) => (
                    <tr key={source.key}>
                      <th scope="row" class={`${tdClass} break-words font-medium`}>
                        {source.name}
                      </th>
                      <td class={tdClass}>
                        <ClassBadge sourceClass={source.class} />
                      </td>
                      <td class={`${tdClass} text-right tabular-nums`}>
                        {number(source.messages)} ({percent(source.messages, analysis.messages)})
                      </td>
                      <td class={`${tdClass} text-right tabular-nums`}>{number(source.ips.length)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
          {reports && <ReadinessPanel reports={reports} domain={domain} />}
          {reports && <ChangesPanel previous={split.previous} imported={split.imported} />}
        </>
      )}
      <button type="button" class={`${buttonClass} print:hidden`} onClick={() => print()} disabled={!analysis}>
        {t('housekeeping.print.print')}
      </button>
    </div>
  );
}
