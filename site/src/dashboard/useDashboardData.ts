// Loads what the dashboard shows for one domain and period, re-reading when stored data changes. Records come from the
// record digests (core/report/recordDigest.ts), not the full stored batches, decoded a chunk per IndexedDB request and
// summed in short tasks, so no single task decodes or sums them all at once. What a read has, with what an import
// stored since, is kept (keptDigests.ts): after an import the summary starts from it instead of reading it all back.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  digestInView,
  forEachDigestChunk,
  listAggregateReports,
  listDomains,
  listFailureReports,
  listTlsReports,
  type StoredAggregateReport,
  type StoredFailureReport,
  type StoredTlsReport,
} from '../../../core/store';
import { type Period, RecordSummarizer, type RecordSummary } from '../../../core/analysis';
import type { StoredRecordDigest } from '../../../core/report';
import { changedOnlyByAnnounced, dataVersion, getDatabase, onRecordsStored } from '../app/database';
import { useObservable } from '../app/Observable';
import { nextTask } from '../app/nextTask';
import { loadAsnTable } from '../senders/loadAsnTable';
import { DigestKeeper, type KeptRead } from './keptDigests';

export interface DashboardData {
  domains: string[];
  summary: RecordSummary;
  /** The headline is shown while sources are still being grouped (summary.sources is empty until then). */
  sourcesPending: boolean;
  /** An import is being counted in: its sources are grouped by the read that follows it. */
  countingImport?: boolean;
  /** Undefined while they are still being read (after the headline). */
  reports?: StoredAggregateReport[];
  failures: StoredFailureReport[];
  tls: StoredTlsReport[];
}

/**
 * Records grouped into sources, and source groups (with their addresses) built, per step: a small part of a task's
 * budget. Steps run until a task has used TASK_BUDGET_MS, then the page gets the thread back. A time budget rather than
 * a fixed amount of work keeps each task short however busy the machine, with room for a garbage collection landing in
 * it.
 */
const GROUPED_PER_STEP = 500;
/** Digests (up to RECORDS_PER_BATCH records each) counted into the headline per step. */
const COUNTED_PER_STEP = 4;
const BUILT_PER_STEP = 200;
const TASK_BUDGET_MS = 20;

/**
 * Runs `step` until it returns a value, in tasks of about TASK_BUDGET_MS; undefined if `stale()` turns true between.
 * The value comes in a task of its own: what follows it (most often a render of the dashboard) would otherwise join the
 * task of the last step, which may have used the whole budget.
 */
async function inShortTasks<T>(step: () => T | undefined, stale: () => boolean): Promise<T | undefined> {
  for (;;) {
    await nextTask();
    if (stale()) return undefined;
    const until = performance.now() + TASK_BUDGET_MS;
    do {
      const value = step();
      if (value !== undefined) {
        await nextTask();
        return stale() ? undefined : value;
      }
    } while (performance.now() < until);
  }
}

export type DashboardState =
  | { status: 'loading'; data?: DashboardData }
  | { status: 'ready'; data: DashboardData }
  | { status: 'error'; message: string; data?: DashboardData };

/** While an import stores records, the dashboard shows them this often at most, and draws its chart this often. */
const LIVE_INTERVAL_MS = 2000;
const LIVE_CHART_INTERVAL_MS = 6000;

/** `period` undefined: not known yet (the last 30 days with data, before the stored dates are read); stays loading. */
export function useDashboardData(domain: string | null, period: Period | undefined): DashboardState {
  const version = useObservable(dataVersion);
  const [state, setState] = useState<DashboardState>({ status: 'loading' });
  /** The data last shown: a re-read starts from it (with what an import counted in since). */
  const shown = useRef<DashboardData | undefined>(undefined);
  /** The digests the last read had and those announced since: the next read starts from them when it may. */
  const kept = useRef<KeptRead | undefined>(undefined);
  useEffect(() => {
    if (!period) return;
    let stale = false;
    const show = (next: DashboardState) => {
      if (next.data) shown.current = next.data;
      setState(next);
    };
    // A re-read after an import starts from what was counted in, whose sources are now being named.
    setState((previous) => ({
      status: 'loading',
      data: shown.current ? { ...shown.current, countingImport: false } : previous.data,
    }));
    const summarizer = new RecordSummarizer(period);
    // When the store changed since the last read only by what an import announced as it stored it, and this read
    // shows what that one did, the last read's digests with the announced ones are what the store holds for the view:
    // they are summed and grouped again (in the store's order, as a reload would) without reading them back.
    const previous = kept.current;
    const reuse =
      previous !== undefined &&
      previous.complete &&
      previous.domain === domain &&
      previous.from === period.from &&
      previous.to === period.to &&
      changedOnlyByAnnounced(previous.version, version);
    const keeper = reuse ? previous.digests : new DigestKeeper();
    const thisRead: KeptRead = { domain, from: period.from, to: period.to, version, digests: keeper, complete: reuse };
    kept.current = thisRead;
    // Records an import stores while this read runs are kept; those stored once the read has taken what it sums are
    // counted in as they land (each digest once, however it came), until the import's end asks for a re-read.
    let counted: DashboardData | undefined;
    let summed = false;
    const landed: StoredRecordDigest[] = [];
    let liveTimer: ReturnType<typeof setTimeout> | undefined;
    let shownAt: number | undefined;
    let chartDrawnAt: number | undefined;
    let drawnDaily: DashboardData['summary']['daily'] | undefined;
    const countLanded = () => {
      if (!counted || landed.length === 0) return;
      const digests = landed.splice(0);
      if (digests.length === 0) return;
      const domains = new Set(counted.domains);
      for (const digest of digests) domains.add(digest.domain);
      summarizer.countDigests(digests);
      counted = {
        ...counted,
        domains: [...domains].sort(),
        summary: { ...summarizer.headline(), sources: counted.summary.sources },
        sourcesPending: true,
        countingImport: true,
      };
      shown.current = counted;
      // The first batch shows at once, then the figures every LIVE_INTERVAL_MS.
      if (liveTimer !== undefined) return;
      const wait = shownAt === undefined ? 0 : Math.max(0, shownAt + LIVE_INTERVAL_MS - performance.now());
      liveTimer = setTimeout(() => {
        liveTimer = undefined;
        if (stale || !counted) return;
        // The chart (hundreds of days of bars) follows less often than the figures: drawing it is most of what
        // counting an import in costs the page.
        const now = performance.now();
        shownAt = now;
        let data = counted;
        if (chartDrawnAt !== undefined && now - chartDrawnAt < LIVE_CHART_INTERVAL_MS && drawnDaily) {
          data = { ...counted, summary: { ...counted.summary, daily: drawnDaily } };
        } else {
          chartDrawnAt = now;
          drawnDaily = counted.summary.daily;
        }
        setState({ status: 'ready', data });
      }, wait);
    };
    const unsubscribe = onRecordsStored((digests) => {
      for (const digest of digests)
        if (digestInView(digest, domain, period) && keeper.add(digest) && summed) landed.push(digest);
      countLanded();
    });
    (async () => {
      const db = await getDatabase();
      // Sources are grouped with the offline ASN table, as the Senders page groups them (without it, by IP). It loads
      // (once per page) while the records are read and counted.
      const asnTable = loadAsnTable().catch(() => undefined);
      const [table, domains, failures, tls] = await Promise.all([
        asnTable,
        listDomains(db),
        listFailureReports(db, domain, period),
        listTlsReports(db, domain, period),
        reuse
          ? undefined
          : forEachDigestChunk(db, domain, period, (digests) => {
              if (!stale) for (const digest of digests) keeper.add(digest);
            }),
      ]);
      if (stale) return;
      thisRead.complete = true;
      // Summed in the store's order, whether read or announced, in tasks of their own (summing a large import's
      // records in one task took several hundred ms on a busy machine). Those announced from here on are counted in
      // as they land.
      const digests = keeper.sorted();
      summed = true;
      let readAt = 0;
      const countSome = () => {
        const end = Math.min(digests.length, readAt + COUNTED_PER_STEP);
        summarizer.addDigests(digests.slice(readAt, end));
        readAt = end;
        return readAt === digests.length || undefined;
      };
      if (!(await inShortTasks(countSome, () => stale))) return;
      if (table) summarizer.groupWith({ asnTable: table });
      // The headline and chart first; then the sources, grouped in slices between frames (no long task), and the
      // reports, each as soon as it is ready.
      const headline = summarizer.headline();
      let data: DashboardData = { domains, summary: { ...headline, sources: [] }, sourcesPending: true, failures, tls };
      show({ status: 'ready', data });
      // The reports (after a big import, thousands to decode) come when they come: the sources do not wait for them.
      let reports: StoredAggregateReport[] | undefined;
      const withReports = (shown: DashboardData): DashboardData => (reports ? { ...shown, reports } : shown);
      void listAggregateReports(db, domain, period).then(
        async (read) => {
          // The last request's decoding and the sort of every report end the task they came in: the page is drawn
          // with them in a task of its own (beside busy processes the two together took 135 ms).
          await nextTask();
          if (stale) return;
          reports = read;
          if (counted) counted = withReports(counted);
          data = withReports(data);
          show({ status: 'ready', data: counted ?? data });
        },
        (error: unknown) => {
          if (!stale) setState((previous) => ({ status: 'error', message: String(error), data: previous.data }));
        },
      );
      if (
        !(await inShortTasks(
          () => summarizer.groupSome(GROUPED_PER_STEP) || undefined,
          () => stale,
        ))
      )
        return;
      const sources = await inShortTasks(
        () => summarizer.buildSources(BUILT_PER_STEP),
        () => stale,
      );
      if (!sources) return;
      counted = withReports({ ...data, summary: { ...headline, sources }, sourcesPending: false });
      show({ status: 'ready', data: counted });
      countLanded();
    })().catch((error: unknown) => {
      if (!stale) setState((previous) => ({ status: 'error', message: String(error), data: previous.data }));
    });
    return () => {
      stale = true;
      unsubscribe();
      clearTimeout(liveTimer);
    };
  }, [domain, period?.from, period?.to, version]);
  return state;
}
