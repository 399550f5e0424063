// Import UI: the "Add reports" and "Add a folder" pickers, the sample set, the progress bar with cancel, the per-file
// results, and the earlier imports kept across reloads (importHistory.ts).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useImporter } from '../app/ImporterContext';
import { useObservable } from '../app/Observable';
import { hashOfView } from '../dashboard/dashboardView';
import { readRetentionMonths } from '../data/retention';
import { useI18n, type I18n } from '../i18n/i18n';
import type { MessageKey } from '../../../core/i18n';
import { localizeReportText, readReportMessage } from '../../../core/report';
import {
  Badge,
  type BadgeColour,
  buttonClass,
  linkButtonClass,
  mutedClass,
  primaryButtonClass,
  tableClass,
  tdClass,
  thClass,
} from '../ui/ui';
import { importHistoryVersion, listImports, readImportResults, type ImportSummary } from './importHistory';
import type { FileResult, ReportRef } from './importProtocol';
import type { ImportProgress } from './ImportController';
import { loadSampleFiles, SAMPLE_REPORTS } from './sampleReports';

/** What a page shows when nothing is stored yet: what DMARC Lens is for, and the ways to import. */
export function NothingStoredYet() {
  const { t } = useI18n();
  return (
    <div class="mx-auto max-w-2xl rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center dark:border-slate-700 dark:bg-slate-900">
      <h1 class="text-2xl font-semibold">{t('dash.empty.title')}</h1>
      <p class={`mt-2 ${mutedClass}`}>{t('dash.empty.body')}</p>
      <div class="mt-6">
        <ImportStart centered />
      </div>
    </div>
  );
}

export function ImportStart({ centered = false }: { centered?: boolean }) {
  const { t } = useI18n();
  const importer = useImporter();
  const progress = useObservable(importer.progress);
  const [loadingSamples, setLoadingSamples] = useState(false);
  const start = (files: File[]) => void importer.start(files);
  return (
    <div class={`flex flex-col gap-3 ${centered ? 'items-center' : ''}`}>
      <div class={`flex flex-wrap gap-3 ${centered ? 'justify-center' : ''}`}>
        <label
          class={`${primaryButtonClass} cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-600`}
        >
          {t('import.add')}
          <input
            type="file"
            multiple
            class="sr-only"
            data-testid="add-reports"
            disabled={progress.running}
            onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? []);
              e.currentTarget.value = '';
              if (files.length > 0) start(files);
            }}
          />
        </label>
        <label
          class={`${buttonClass} cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-600`}
        >
          {t('housekeeping.addFolder')}
          <input
            type="file"
            class="sr-only"
            data-testid="add-folder"
            disabled={progress.running}
            // Every file of the folder and its subfolders, each with its path in webkitRelativePath.
            {...{ webkitdirectory: true }}
            onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? []);
              e.currentTarget.value = '';
              if (files.length > 0) start(files);
            }}
          />
        </label>
        <button
          type="button"
          class={buttonClass}
          disabled={progress.running || loadingSamples}
          onClick={() => {
            setLoadingSamples(true);
            void loadSampleFiles()
              .then((files) => importer.start(files, { sample: true }))
              .finally(() => setLoadingSamples(false));
          }}
        >
          {loadingSamples ? t('import.loadingSamples') : t('import.samples')}
        </button>
      </div>
      <p class={`max-w-xl text-sm ${mutedClass} ${centered ? 'text-center' : ''}`}>
        {t('import.addHint')} {t('import.samplesHint', { count: SAMPLE_REPORTS.length })}
      </p>
    </div>
  );
}

const STATUS_COLOURS: Record<FileResult['status'], BadgeColour> = {
  imported: 'green',
  duplicate: 'grey',
  refused: 'red',
  cancelled: 'amber',
};

/** The refusal in plain words (from the error code), falling back to the parser's own sentence. */
function reasonText(i18n: I18n, result: FileResult): string {
  const { t } = i18n;
  const dates = result.message === undefined ? undefined : refusedDatesReason(i18n, result.message);
  if (dates !== undefined) return dates;
  const key = `error.${result.errorCode ?? 'internal'}` as MessageKey;
  return t(key) === key ? (result.message ?? result.errorCode ?? '') : t(key);
}

/** The parts of a `report.refused…` sentence's problem list (core's reportList joins them so). */
const PROBLEM_SEPARATOR = '; ';

/**
 * Core refuses a report whose dates cannot be believed (core/report/plausibility.ts) with the code `malformed`, which
 * in plain words would blame the XML. Read back from core's sentence, the reason names the date instead: the first
 * date before DMARC reports existed or in the future, or says the dates cannot be believed. Undefined for any other
 * refusal.
 */
function refusedDatesReason(i18n: Pick<I18n, 't' | 'locale'>, message: string): string | undefined {
  const outer = readReportMessage(message);
  if (outer?.key !== 'report.refusedIn') return undefined;
  const refusal = readReportMessage(String(outer.params.refusal));
  if (refusal === undefined || !refusal.key.startsWith('report.refused')) return undefined;
  const problems = String(refusal.params.problems)
    .split(PROBLEM_SEPARATOR)
    .map((problem) => readReportMessage(problem));
  if (!problems.every((problem) => problem?.key.startsWith('report.date.'))) return undefined;
  for (const problem of problems) {
    const key = problem?.key;
    if (key !== 'report.date.beforeDmarcAt' && key !== 'report.date.futureAt') continue;
    // describeTime's form: `1970-01-01 00:00:00 UTC`.
    const time = Date.parse(String(problem?.params.time).replace(' ', 'T').replace(' UTC', 'Z'));
    if (!Number.isFinite(time)) continue;
    const date = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(time);
    return i18n.t(key === 'report.date.beforeDmarcAt' ? 'import.reason.beforeDmarc' : 'import.reason.future', {
      date,
    });
  }
  return i18n.t('import.reason.badDates');
}

/** Identical warnings once each, with how often they came, in the order they first came. */
export function collapseWarnings(warnings: readonly string[]): Array<{ text: string; count: number }> {
  const counts = new Map<string, number>();
  for (const warning of warnings) counts.set(warning, (counts.get(warning) ?? 0) + 1);
  return [...counts].map(([text, count]) => ({ text, count }));
}

/** The first and last UTC day a report covers (Unix seconds): one ending at midnight covers the day before it. */
function reportDays(report: Pick<ReportRef, 'begin' | 'end'>): { first: number; last: number } {
  const last = report.end > report.begin && report.end % 86_400 === 0 ? report.end - 1 : report.end;
  return { first: Math.min(report.begin > 0 ? report.begin : last, last), last };
}

/** The dashboard's address for a report: its domain, over the days it covers (all time when it has no date). */
export function reportHash(report: Pick<ReportRef, 'domain' | 'begin' | 'end'>): string {
  if (report.end <= 0) return hashOfView({ domain: report.domain, preset: 'all', customFrom: '', customTo: '' });
  const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
  const { first, last } = reportDays(report);
  return hashOfView({ domain: report.domain, preset: 'custom', customFrom: day(first), customTo: day(last) });
}

/** Links shown before the rest of a file's reports fold away. */
const LINKS_SHOWN = 3;

function ReportLink({ report, i18n }: { report: ReportRef; i18n: I18n }) {
  const { t, date } = i18n;
  const domain = report.domain || '—';
  const { first, last } = reportDays(report);
  const label =
    report.end <= 0
      ? t('housekeeping.openReportUndated', { domain })
      : date(first) === date(last)
        ? t('housekeeping.openReportDay', { domain, day: date(first) })
        : t('housekeeping.openReport', { domain, from: date(first), to: date(last) });
  return (
    <a href={reportHash(report)} class={linkButtonClass}>
      {label}
    </a>
  );
}

function ReportLinks({ reports }: { reports: readonly ReportRef[] }) {
  const i18n = useI18n();
  if (reports.length === 0) return null;
  const first = reports.slice(0, LINKS_SHOWN);
  const rest = reports.slice(LINKS_SHOWN);
  return (
    <div class="mt-1 flex flex-col items-start gap-0.5" data-testid="report-links">
      {first.map((report) => (
        <ReportLink key={report.key} report={report} i18n={i18n} />
      ))}
      {rest.length > 0 && (
        <details>
          <summary class={`cursor-pointer text-xs ${mutedClass}`}>
            {i18n.t('housekeeping.moreReports', { count: rest.length })}
          </summary>
          <div class="flex flex-col items-start gap-0.5">
            {rest.map((report) => (
              <ReportLink key={report.key} report={report} i18n={i18n} />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

function ResultDetail({ result }: { result: FileResult }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (result.status === 'refused') {
    return (
      <>
        <div data-testid="refusal-reason">{reasonText(i18n, result)}</div>
        {result.message && <div class={`text-xs ${mutedClass}`}>{localizeReportText(result.message, t)}</div>}
      </>
    );
  }
  if (result.status === 'cancelled') return null;
  const parts: string[] = [];
  if (result.restored)
    parts.push(t('import.detail.restored', { count: result.restored.reports, records: result.restored.records }));
  else if (result.imported > 0) parts.push(t('import.detail.imported', { count: result.imported }));
  if (result.duplicates > 0) parts.push(t('import.detail.duplicates', { count: result.duplicates }));
  if (result.warnings.length > 0) parts.push(t('import.detail.warnings', { count: result.warnings.length }));
  const warnings = collapseWarnings(result.warnings);
  return (
    <>
      <div>{parts.join(' · ')}</div>
      {warnings.length > 0 && (
        <ul class={`ml-4 list-disc text-xs ${mutedClass}`} data-testid="file-warnings">
          {warnings.map((w) => (
            <li key={w.text}>
              {w.count > 1
                ? t('housekeeping.warningRepeated', { warning: localizeReportText(w.text, t), count: w.count })
                : localizeReportText(w.text, t)}
            </li>
          ))}
        </ul>
      )}
      <ReportLinks reports={result.reports ?? []} />
    </>
  );
}

const SHOWN_RESULTS = 200;
const RESULT_ORDER: Record<FileResult['status'], number> = { refused: 0, cancelled: 1, imported: 2, duplicate: 2 };

export function ImportResults({
  progress,
  id = 'import-results',
  title,
}: {
  progress: Pick<ImportProgress, 'results' | 'revision'>;
  /** Tells apart several result tables on one page. */
  id?: string;
  /** Shown instead of "Results per file" (an earlier import's table needs no heading of its own). */
  title?: string;
}) {
  const { t } = useI18n();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const results = useMemo(
    // Refused files first, then cancelled ones: they are what needs a look.
    () =>
      progress.results
        .filter((r) => !onlyProblems || r.status === 'refused')
        .sort((a, b) => RESULT_ORDER[a.status] - RESULT_ORDER[b.status] || a.id - b.id),
    [progress.results, progress.revision, onlyProblems],
  );
  if (progress.results.length === 0) return null;
  const shown = showAll ? results : results.slice(0, SHOWN_RESULTS);
  const titleId = `${id}-title`;
  return (
    <div class="mt-4">
      <div class="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id={titleId} class={title ? 'sr-only' : 'text-base font-semibold'}>
          {title ?? t('import.results')}
        </h2>
        <label class="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.currentTarget.checked)} />
          {t('import.onlyProblems')}
        </label>
      </div>
      <div
        class="max-h-[28rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800"
        role="region"
        aria-labelledby={titleId}
        tabIndex={0}
      >
        <table class={`${tableClass} cards-below-sm`} data-testid={id}>
          <thead class="sticky top-0 bg-white dark:bg-slate-900">
            <tr>
              <th scope="col" class={thClass}>
                {t('import.col.file')}
              </th>
              <th scope="col" class={thClass}>
                {t('import.col.result')}
              </th>
              <th scope="col" class={thClass}>
                <span class="sr-only">{t('import.col.detail')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-status={r.status}>
                <td class={`${tdClass} break-all`} data-label={t('import.col.file')}>
                  {r.folder && <span class={`block text-xs ${mutedClass}`}>{r.folder}</span>}
                  {r.fileName}
                </td>
                <td class={tdClass} data-label={t('import.col.result')}>
                  <Badge colour={STATUS_COLOURS[r.status]}>{t(`import.status.${r.status}` as MessageKey)}</Badge>
                </td>
                <td class={`${tdClass} text-sm`}>
                  <ResultDetail result={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!showAll && results.length > SHOWN_RESULTS && (
        <button type="button" class={`${linkButtonClass} mt-2`} onClick={() => setShowAll(true)}>
          {t('import.showAll', { count: results.length })}
        </button>
      )}
    </div>
  );
}

/** The progress bar and the outcome line; rendered wherever an import is visible (header strip and Import page). */
export function ImportStatus({ progress, compact = false }: { progress: ImportProgress; compact?: boolean }) {
  const { t, number } = useI18n();
  const importer = useImporter();
  if (progress.total === 0) return null;
  const elapsed = ((progress.finishedAt ?? performance.now()) - progress.startedAt) / 1000;
  const rate = elapsed > 0 ? progress.done / elapsed : 0;
  return (
    <div
      class={compact ? '' : 'rounded-lg border border-slate-200 p-3 dark:border-slate-800'}
      data-testid="import-status"
    >
      {progress.running ? (
        <div class="flex flex-wrap items-center gap-3">
          <progress
            class="h-2 w-48 grow accent-blue-700"
            max={progress.total}
            value={progress.done}
            aria-label={t('import.heading')}
          />
          <span class="text-sm tabular-nums" role="status">
            {t('import.progress', { done: progress.done, total: progress.total })} ·{' '}
            {t('import.throughput', { rate: number(Math.round(rate)) })}
          </span>
          <button type="button" class={buttonClass} onClick={() => importer.cancel()}>
            {t('import.cancel')}
          </button>
        </div>
      ) : (
        <p class="text-sm" role="status" data-testid="import-outcome">
          {progress.cancelled
            ? t('import.cancelled', { done: progress.done, total: progress.total })
            : t('import.finished', {
                imported: progress.imported,
                duplicates: progress.duplicates,
                refused: progress.refused,
              })}
          {progress.retentionRemoved
            ? ` ${t('housekeeping.retention.removedAtImport', { count: progress.retentionRemoved, months: readRetentionMonths() })}`
            : ''}
        </p>
      )}
    </div>
  );
}

/** One earlier import, folded: when, what came of it, and its per-file results when opened (read then). */
function EarlierImport({ record }: { record: ImportSummary }) {
  const { t, dateTime } = useI18n();
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<FileResult[] | undefined>(undefined);
  useEffect(() => {
    if (!open || results) return;
    let live = true;
    readImportResults(record.importedAt).then(
      (read) => live && setResults(read),
      () => live && setResults([]),
    );
    return () => {
      live = false;
    };
  }, [open, record.importedAt]);
  const counts = t('housekeeping.history.counts', {
    imported: record.imported,
    duplicates: record.duplicates,
    refused: record.refused,
  });
  return (
    <li class="rounded-lg border border-slate-200 dark:border-slate-800" data-testid="earlier-import">
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary class="flex cursor-pointer flex-wrap items-center gap-2 p-3 text-sm">
          <span class="font-medium">{dateTime(Math.floor(record.importedAt / 1000))}</span>
          {record.sample && <Badge colour="blue">{t('housekeeping.sampleTag')}</Badge>}
          {record.cancelled && <Badge colour="amber">{t('import.status.cancelled')}</Badge>}
          {record.unfinished && <Badge colour="amber">{t('housekeeping.history.interruptedTag')}</Badge>}
          <span class={mutedClass}>
            {record.unfinished
              ? t('housekeeping.history.interrupted', { done: record.done ?? 0, total: record.total, counts })
              : t('housekeeping.history.summary', { files: record.total, counts })}
            {record.retentionRemoved
              ? ` · ${t('housekeeping.history.retention', { count: record.retentionRemoved })}`
              : ''}
          </span>
        </summary>
        {open && results && (
          <div class="px-3 pb-3">
            <ImportResults
              progress={{ results, revision: record.finishedAt }}
              id={`import-${record.importedAt}`}
              title={t('import.results')}
            />
          </div>
        )}
      </details>
    </li>
  );
}

/** The imports kept across reloads, newest first; the one shown above (still in this page's memory) is left out. */
function EarlierImports({ current }: { current: number }) {
  const { t } = useI18n();
  const version = useObservable(importHistoryVersion);
  const [records, setRecords] = useState<ImportSummary[]>([]);
  useEffect(() => {
    let live = true;
    listImports().then(
      (list) => live && setRecords(list),
      () => live && setRecords([]),
    );
    return () => {
      live = false;
    };
  }, [version]);
  const earlier = records.filter((record) => record.importedAt !== current);
  if (earlier.length === 0) return null;
  return (
    <section aria-labelledby="earlier-imports-title" class="space-y-2">
      <h2 id="earlier-imports-title" class="text-base font-semibold">
        {t('housekeeping.history.heading')}
      </h2>
      <ul class="space-y-2">
        {earlier.map((record) => (
          <EarlierImport key={record.importedAt} record={record} />
        ))}
      </ul>
    </section>
  );
}

export function ImportPage() {
  const { t } = useI18n();
  const importer = useImporter();
  const progress = useObservable(importer.progress);
  return (
    <div class="space-y-4">
      <h1 class="text-2xl font-semibold">{t('import.heading')}</h1>
      <ImportStart />
      <ImportStatus progress={progress} />
      {progress.sample && progress.total > 0 && (
        <p class="text-sm">
          <Badge colour="blue">{t('housekeeping.sampleTag')}</Badge> {t('housekeeping.samples.imported')}
        </p>
      )}
      <ImportResults progress={progress} />
      <EarlierImports current={progress.importedAt} />
    </div>
  );
}
