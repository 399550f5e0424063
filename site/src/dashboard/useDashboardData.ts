// Loads what the dashboard shows for one domain and period, re-reading when stored data changes. Records are folded
// into the summary chunk by chunk as IndexedDB hands them over, so no single task decodes or sums them all at once;
// they come from the record digests (core/store/toRecordDigest.ts), not the full stored batches.
import { useEffect, useState } from 'preact/hooks';
import {
  forEachRecordChunk,
  listAggregateReports,
  listDomains,
  listFailureReports,
  listTlsReports,
  type Period,
} from '../../../core/store/queries';
import type { StoredAggregateReport, StoredFailureReport, StoredTlsReport } from '../../../core/store/schema';
import { RecordSummarizer, type RecordSummary } from '../../../core/store/summarizeRecords';
import { dataVersion, getDatabase } from '../app/database';
import { useObservable } from '../app/Observable';
import { loadAsnTable } from '../intel/loadAsnTable';

export interface DashboardData {
  domains: string[];
  summary: RecordSummary;
  reports: StoredAggregateReport[];
  failures: StoredFailureReport[];
  tls: StoredTlsReport[];
}

export type DashboardState =
  | { status: 'loading'; data?: DashboardData }
  | { status: 'ready'; data: DashboardData }
  | { status: 'error'; message: string; data?: DashboardData };

export function useDashboardData(domain: string | null, period: Period): DashboardState {
  const version = useObservable(dataVersion);
  const [state, setState] = useState<DashboardState>({ status: 'loading' });
  useEffect(() => {
    let stale = false;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    (async () => {
      const db = await getDatabase();
      // Grouped with the offline ASN table, as the Senders page groups: without it (not built, not loaded) by IP.
      const asnTable = await loadAsnTable().catch(() => undefined);
      const summarizer = new RecordSummarizer(period, asnTable ? { asnTable } : {});
      const [domains, reports, failures, tls] = await Promise.all([
        listDomains(db),
        listAggregateReports(db, domain, period),
        listFailureReports(db, domain, period),
        listTlsReports(db, domain, period),
        forEachRecordChunk(db, domain, period, (chunk) => {
          if (!stale) summarizer.add(chunk);
        }),
      ]);
      if (!stale) setState({ status: 'ready', data: { domains, summary: summarizer.result(), reports, failures, tls } });
    })().catch((error: unknown) => {
      if (!stale) setState((previous) => ({ status: 'error', message: String(error), data: previous.data }));
    });
    return () => {
      stale = true;
    };
  }, [domain, period.from, period.to, version]);
  return state;
}
