// The dashboard's exports: of the view (domain, period and source filters as shown) or of everything stored, as the
// summary (CSV per source address, JSON of the view) or per record (parsedmarc's aggregate CSV and JSON).
import { useState } from 'preact/hooks';
import {
  ALL_TIME,
  type Period,
  RecordSummarizer,
  type SourceGroupTotals,
  type RecordSummary,
} from '../../../core/analysis';
import type { StoredRecord } from '../../../core/report';
import { forEachRecordChunk, listAggregateReports, type StoredAggregateReport } from '../../../core/store';
import { getDatabase } from '../app/database';
import { useI18n } from '../i18n/i18n';
import { loadAsnTable } from '../senders/loadAsnTable';
import { buttonClass, downloadFile, inputClass, mutedClass } from '../ui/ui';
import {
  exportFileName,
  parsedmarcCsv,
  parsedmarcJson,
  recordsOfSources,
  reportsByKey,
  sourcesCsv,
  viewJson,
} from './exportView';

export type ExportScope = 'view' | 'everything';
type ExportKind = 'summary-csv' | 'summary-json' | 'records-csv' | 'records-json';

/** What an export is made of: a summary with its sources, the records behind them, and their reports. */
interface ExportInput {
  domain: string | null;
  period: Period;
  summary: RecordSummary;
  sources: readonly SourceGroupTotals[];
  records: () => StoredRecord[];
  reports: readonly StoredAggregateReport[];
}

/** Everything stored, every domain and all time, summarized as the dashboard would (with the ASN table if it loads). */
async function readEverything(): Promise<ExportInput> {
  const db = await getDatabase();
  const table = await loadAsnTable().catch(() => undefined);
  const summarizer = new RecordSummarizer(ALL_TIME, table ? { asnTable: table } : {});
  const records: StoredRecord[] = [];
  const [reports] = await Promise.all([
    listAggregateReports(db, null),
    forEachRecordChunk(db, null, ALL_TIME, (chunk) => {
      for (const record of chunk) records.push(record);
    }),
  ]);
  summarizer.add(records);
  const summary = summarizer.result();
  return { domain: null, period: ALL_TIME, summary, sources: summary.sources, records: () => records, reports };
}

function download(kind: ExportKind, input: ExportInput): void {
  const reports = reportsByKey(input.reports);
  const { domain, period } = input;
  switch (kind) {
    case 'summary-csv':
      downloadFile(exportFileName(domain, 'csv'), [sourcesCsv(input.sources, period, reports)], 'text/csv');
      return;
    case 'summary-json':
      downloadFile(
        exportFileName(domain, 'json'),
        [viewJson(domain, period, input.summary, input.sources, reports)],
        'application/json',
      );
      return;
    case 'records-csv':
      downloadFile(exportFileName(domain, 'csv', 'records'), [parsedmarcCsv(input.records(), reports)], 'text/csv');
      return;
    case 'records-json':
      downloadFile(
        exportFileName(domain, 'json', 'records'),
        [parsedmarcJson(input.records(), reports)],
        'application/json',
      );
  }
}

export function ExportButtons({
  domain,
  period,
  summary,
  shownSources,
  reports,
  disabled,
}: {
  domain: string | null;
  period: Period;
  summary: RecordSummary;
  /** The sources as filtered on the page. */
  shownSources: readonly SourceGroupTotals[];
  /** The aggregate reports of the view; undefined while they are read. */
  reports: readonly StoredAggregateReport[] | undefined;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const [scope, setScope] = useState<ExportScope>('view');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | undefined>();
  const run = (kind: ExportKind) => {
    setFailed(undefined);
    if (scope === 'view') {
      download(kind, {
        domain,
        period,
        summary,
        sources: shownSources,
        records: () => recordsOfSources(shownSources),
        reports: reports ?? [],
      });
      return;
    }
    setBusy(true);
    readEverything()
      .then((input) => download(kind, input))
      .catch((error: unknown) => setFailed(String(error)))
      .finally(() => setBusy(false));
  };
  const off = disabled || busy || reports === undefined;
  const button = (kind: ExportKind, label: string) => (
    <button type="button" class={buttonClass} disabled={off} onClick={() => run(kind)} data-export={kind}>
      {label}
    </button>
  );
  return (
    <div class="flex flex-wrap items-center gap-2" role="group" aria-label={t('export.heading')}>
      <label class="inline-flex items-center gap-2 text-sm">
        <span class={mutedClass}>{t('drilldown.export.scope')}</span>
        <select
          class={inputClass}
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value as ExportScope)}
          data-testid="export-scope"
        >
          <option value="view">{t('drilldown.export.scopeView')}</option>
          <option value="everything">{t('drilldown.export.scopeEverything')}</option>
        </select>
      </label>
      {button('summary-csv', t('export.csv'))}
      {button('summary-json', t('export.json'))}
      {button('records-csv', t('drilldown.export.recordsCsv'))}
      {button('records-json', t('drilldown.export.recordsJson'))}
      {busy ? (
        <span role="status" class={`text-sm ${mutedClass}`}>
          {t('drilldown.export.reading')}
        </span>
      ) : null}
      {failed ? (
        <span role="alert" class="text-sm text-red-700 dark:text-red-300">
          {t('drilldown.export.failed', { detail: failed })}
        </span>
      ) : null}
    </div>
  );
}
