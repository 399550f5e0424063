// Sender intelligence for one domain (or all) and period, read from the store: senders with class and reason,
// readiness for the next policy step, what-if, and what changed since the last import. Mount it with the dashboard's
// domain and period; it re-reads when stored data changes.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Period } from '../../../core/store/queries';
import { dataVersion } from '../app/database';
import { useObservable } from '../app/Observable';
import { mutedClass } from '../ui/ui';
import { ChangesPanel } from './ChangesPanel';
import { loadStoredReports, splitByLastImport, type LoadedReport } from './loadStoredReports';
import { ReadinessPanel } from './ReadinessPanel';
import { SendersPanel } from './SendersPanel';
import { WhatIfPanel } from './WhatIfPanel';

export function IntelPage({ domain, period }: { domain: string | null; period: Period }) {
  const version = useObservable(dataVersion);
  const [loaded, setLoaded] = useState<{ reports: LoadedReport[] } | { error: string } | undefined>();
  useEffect(() => {
    let live = true;
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
  if (!loaded) return <p class={mutedClass} role="status">Reading reports…</p>;
  if ('error' in loaded) return <p role="alert">{loaded.error}</p>;
  return (
    <div class="space-y-4" data-testid="intel-page">
      <SendersPanel reports={reports} domain={domain} />
      {domain ? <ReadinessPanel reports={reports} domain={domain} /> : null}
      {domain ? <WhatIfPanel reports={reports} domain={domain} /> : null}
      <ChangesPanel previous={split.previous} imported={split.imported} />
    </div>
  );
}
