// Loads what the dashboard shows for one domain and period, re-reading when stored data changes. Records are folded
// into the summary chunk by chunk as IndexedDB hands them over, so no single task decodes or sums them all at once;
// they come from the record digests (core/store/toRecordDigest.ts), not the full stored batches.
import { useEffect, useState } from 'preact/hooks';
import {
  forEachDigestChunk,
  listAggregateReports,
  listDomains,
  listFailureReports,
  listTlsReports,
  type Period,
} from '../../../core/store/queries';
import type { StoredAggregateReport, StoredFailureReport, StoredTlsReport } from '../../../core/store/schema';
import { RecordSummarizer, type ClassifiedSourceGroup, type RecordSummary } from '../../../core/store/summarizeRecords';
import { dataVersion, getDatabase } from '../app/database';
import { useObservable } from '../app/Observable';
import { loadAsnTable } from '../intel/loadAsnTable';

export interface DashboardData {
  domains: string[];
  summary: RecordSummary;
  /** The headline is shown while sources are still being grouped (summary.sources is empty until then). */
  sourcesPending: boolean;
  /** Undefined while they are still being read (after the headline). */
  reports?: StoredAggregateReport[];
  failures: StoredFailureReport[];
  tls: StoredTlsReport[];
}

/** Records grouped into sources, and source groups built, per task: each about 20 ms of work. */
const GROUPED_PER_TASK = 5_000;
const BUILT_PER_TASK = 2_000;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

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
      // Sources are grouped with the offline ASN table, as the Senders page groups them (without it, by IP). It loads
      // (once per page) while the records are read and counted.
      const asnTable = loadAsnTable().catch(() => undefined);
      const summarizer = new RecordSummarizer(period);
      const [table, domains, failures, tls] = await Promise.all([
        asnTable,
        listDomains(db),
        listFailureReports(db, domain, period),
        listTlsReports(db, domain, period),
        forEachDigestChunk(db, domain, period, (digests) => {
          if (!stale) summarizer.addDigests(digests);
        }),
      ]);
      if (stale) return;
      if (table) summarizer.groupWith({ asnTable: table });
      // The headline and chart first; then the reports (one row each: after a big import, reading them takes as long
      // as reading the records) and the sources, grouped in slices between frames (no long task).
      const headline = summarizer.headline();
      let data: DashboardData = { domains, summary: { ...headline, sources: [] }, sourcesPending: true, failures, tls };
      setState({ status: 'ready', data });
      const reports = listAggregateReports(db, domain, period);
      do {
        await nextTask();
        if (stale) return;
      } while (!summarizer.groupSome(GROUPED_PER_TASK));
      data = { ...data, reports: await reports };
      if (stale) return;
      setState({ status: 'ready', data });
      let sources: ClassifiedSourceGroup[] | undefined;
      do {
        await nextTask();
        if (stale) return;
      } while (!(sources = summarizer.buildSources(BUILT_PER_TASK)));
      setState({ status: 'ready', data: { ...data, summary: { ...headline, sources }, sourcesPending: false } });
    })().catch((error: unknown) => {
      if (!stale) setState((previous) => ({ status: 'error', message: String(error), data: previous.data }));
    });
    return () => {
      stale = true;
    };
  }, [domain, period.from, period.to, version]);
  return state;
}
