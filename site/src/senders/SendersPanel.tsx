// The Senders page (mounted by App.tsx at #/senders with no props): pick a domain and a period, then see every
// source with its class and reason, readiness for the next policy step, a what-if, and what changed since the last
// import. Reads the store; re-reads when stored data changes.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { listDomains } from '../../../core/store';
import { dataVersion, getDatabase } from '../app/database';
import { useObservable } from '../app/Observable';
import { PERIOD_PRESETS, periodOf, PRESET_LABELS, type PeriodPreset } from '../dashboard/period';
import { useI18n } from '../i18n/i18n';
import { DomainPicker, domainsByVolume } from '../overview/DomainPicker';
import { loadReportDates, recentPeriodOf, type ReportDates } from '../overview/useReportDates';
import { mutedClass } from '../ui/ui';
import { ChangesPanel } from './ChangesPanel';
import { LabelledSelect } from './LabelledSelect';
import { loadStoredReports, splitByLastImport, type LoadedReport } from './loadStoredReports';
import { ReadinessPanel } from './ReadinessPanel';
import { SendersTable } from './SendersTable';
import { WhatIfPanel } from './WhatIfPanel';

/** The dashboard's words for the same periods. */
export function SendersPanel() {
  const { t, date } = useI18n();
  const version = useObservable(dataVersion);
  const [domains, setDomains] = useState<string[] | undefined>();
  const [dates, setDates] = useState<ReportDates>();
  const [domain, setDomain] = useState<string | null>(null);
  // As the dashboard: the last 30 days that have data, so a report from years ago does not set what is judged.
  const [preset, setPreset] = useState<PeriodPreset>('recent');
  const recent = dates && domain !== null ? recentPeriodOf(dates, domain) : undefined;
  const period = useMemo(
    () => periodOf(preset === 'custom' ? 'all' : preset, '', '', Date.now(), recent),
    [preset, recent?.from, recent?.to],
  );
  /** What was read, and for which domain and period (`view`). */
  const [read, setRead] = useState<{ view: string; loaded: { reports: LoadedReport[] } | { error: string } }>();
  const view = `${domain}|${period.from}|${period.to}|${version}`;
  // Until this view is read, nothing of the previous one is shown under its name.
  const loaded = read?.view === view ? read.loaded : undefined;

  useEffect(() => {
    let live = true;
    void Promise.all([getDatabase().then((db) => listDomains(db)), loadReportDates(version)]).then(([list, dates]) => {
      if (!live) return;
      setDomains(list);
      setDates(dates);
      // Several domains stored: start with the busiest (most messages stored), the user can switch.
      const busiest = domainsByVolume(list, dates.volumes)[0];
      if (busiest && (domain === null || !list.includes(domain))) setDomain(busiest.domain);
    });
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    if (!domain) return;
    let live = true;
    loadStoredReports(domain, period).then(
      (reports) => live && setRead({ view, loaded: { reports } }),
      (error: unknown) => live && setRead({ view, loaded: { error: String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [domain, period.from, period.to, version]);

  const reports = useMemo(() => (loaded && 'reports' in loaded ? loaded.reports.map((r) => r.report) : []), [loaded]);
  const split = useMemo(() => splitByLastImport(loaded && 'reports' in loaded ? loaded.reports : []), [loaded]);

  const heading = <h1 class="text-2xl font-semibold">{t('senders.heading')}</h1>;
  if (domains === undefined) {
    return (
      <div class="space-y-4">
        {heading}
        <p class={mutedClass} role="status">
          {t('senders.loading')}
        </p>
      </div>
    );
  }
  if (domains.length === 0) {
    return (
      <div class="space-y-4">
        {heading}
        <p class={mutedClass}>{t('senders.empty')}</p>
      </div>
    );
  }
  return (
    <div class="space-y-4" data-testid="senders-page">
      <div class="flex flex-wrap items-end justify-between gap-4">
        <div>
          {heading}
          <p class={`mt-1 text-sm ${mutedClass}`}>{t('senders.intro')}</p>
        </div>
        <div class="flex flex-wrap items-end gap-3">
          <DomainPicker
            domains={domains}
            volumes={dates?.volumes}
            value={domain}
            onChange={setDomain}
            allowAll={false}
          />
          <LabelledSelect
            label={t('filters.period')}
            value={preset}
            options={PERIOD_PRESETS.filter((p) => p !== 'custom').map((p) => [p, t(PRESET_LABELS[p])] as const)}
            onChange={setPreset}
          />
        </div>
      </div>
      {preset !== 'all' && (
        <p class={`text-sm ${mutedClass}`} data-testid="period-shown">
          {t('overview.period.shown', { first: date(period.from), last: date(period.to - 86_400) })}
        </p>
      )}
      {!loaded ? (
        <p class={mutedClass} role="status">
          {t('senders.loading')}
        </p>
      ) : 'error' in loaded ? (
        <p role="alert">{loaded.error}</p>
      ) : domain ? (
        <>
          <SendersTable reports={reports} domain={domain} />
          <ReadinessPanel reports={reports} domain={domain} />
          <WhatIfPanel reports={reports} domain={domain} />
          <ChangesPanel previous={split.previous} imported={split.imported} />
        </>
      ) : null}
    </div>
  );
}
