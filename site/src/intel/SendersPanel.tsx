// The Senders page (mounted by App.tsx at #/senders with no props): pick a domain and a period, then see every
// source with its class and reason, readiness for the next policy step, a what-if, and what changed since the last
// import. Reads the store; re-reads when stored data changes.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { listDomains } from '../../../core/store/queries';
import { dataVersion, getDatabase } from '../app/database';
import { useObservable } from '../app/Observable';
import { PERIOD_PRESETS, periodOf, type PeriodPreset } from '../dashboard/period';
import { mutedClass } from '../ui/ui';
import { ChangesPanel } from './ChangesPanel';
import { LabelledSelect } from './LabelledSelect';
import { loadStoredReports, splitByLastImport, type LoadedReport } from './loadStoredReports';
import { ReadinessPanel } from './ReadinessPanel';
import { SendersTable } from './SendersTable';
import { WhatIfPanel } from './WhatIfPanel';

const PRESET_LABELS: Record<PeriodPreset, string> = {
  all: 'All time',
  '7': 'Last 7 days',
  '30': 'Last 30 days',
  '90': 'Last 90 days',
  '365': 'Last year',
  custom: 'Custom',
};

export function SendersPanel() {
  const version = useObservable(dataVersion);
  const [domains, setDomains] = useState<string[] | undefined>();
  const [domain, setDomain] = useState<string | null>(null);
  const [preset, setPreset] = useState<PeriodPreset>('all');
  const period = useMemo(() => periodOf(preset === 'custom' ? 'all' : preset, '', ''), [preset]);
  const [loaded, setLoaded] = useState<{ reports: LoadedReport[] } | { error: string } | undefined>();

  useEffect(() => {
    let live = true;
    void getDatabase()
      .then((db) => listDomains(db))
      .then((list) => {
        if (!live) return;
        setDomains(list);
        // One domain stored: show it; several: start with the first, the user can switch.
        if (list.length > 0 && (domain === null || !list.includes(domain))) setDomain(list[0]!);
      });
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    if (!domain) return;
    let live = true;
    setLoaded(undefined);
    loadStoredReports(domain, period).then(
      (reports) => live && setLoaded({ reports }),
      (error: unknown) => live && setLoaded({ error: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [domain, period.from, period.to, version]);

  const reports = useMemo(() => (loaded && 'reports' in loaded ? loaded.reports.map((r) => r.report) : []), [loaded]);
  const split = useMemo(() => splitByLastImport(loaded && 'reports' in loaded ? loaded.reports : []), [loaded]);

  if (domains === undefined) return <p class={mutedClass} role="status">Reading reports…</p>;
  if (domains.length === 0) {
    return <p class={mutedClass}>No reports stored yet. Import aggregate reports to see who sends as your domains.</p>;
  }
  return (
    <div class="space-y-4" data-testid="senders-page">
      <div class="flex flex-wrap items-end gap-3">
        <LabelledSelect label="Domain" value={domain ?? ''} options={domains.map((d) => [d, d] as const)} onChange={setDomain} />
        <LabelledSelect
          label="Period"
          value={preset}
          options={PERIOD_PRESETS.filter((p) => p !== 'custom').map((p) => [p, PRESET_LABELS[p]] as const)}
          onChange={setPreset}
        />
      </div>
      {!loaded ? (
        <p class={mutedClass} role="status">Reading reports…</p>
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
