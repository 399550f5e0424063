// Import UI: the "Add reports" picker, the sample set, the progress bar with cancel, and the per-file results.
import { useMemo, useState } from 'preact/hooks';
import { useImporter } from '../app/ImporterContext';
import { useObservable } from '../app/Observable';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../../../core/i18n';
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
import type { FileResult } from './importProtocol';
import type { ImportProgress } from './ImportController';
import { loadSampleFiles, SAMPLE_REPORTS } from './sampleReports';

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
        <button
          type="button"
          class={buttonClass}
          disabled={progress.running || loadingSamples}
          onClick={() => {
            setLoadingSamples(true);
            void loadSampleFiles()
              .then(start)
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
function reasonText(t: (key: MessageKey) => string, result: FileResult): string {
  const key = `error.${result.errorCode ?? 'internal'}` as MessageKey;
  return t(key) === key ? (result.message ?? result.errorCode ?? '') : t(key);
}

function ResultDetail({ result }: { result: FileResult }) {
  const { t } = useI18n();
  if (result.status === 'refused') {
    return (
      <>
        <div>{reasonText(t, result)}</div>
        {result.message && <div class={`text-xs ${mutedClass}`}>{result.message}</div>}
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
  return (
    <>
      <div>{parts.join(' · ')}</div>
      {result.warnings.length > 0 && (
        <ul class={`ml-4 list-disc text-xs ${mutedClass}`}>
          {result.warnings.slice(0, 5).map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}

const SHOWN_RESULTS = 200;
const RESULT_ORDER: Record<FileResult['status'], number> = { refused: 0, cancelled: 1, imported: 2, duplicate: 2 };

export function ImportResults({ progress }: { progress: ImportProgress }) {
  const { t } = useI18n();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const results = useMemo(
    // Refused files first, then cancelled ones: they are what needs a look.
    () =>
      progress.results
        .filter((r) => !onlyProblems || r.status === 'refused')
        .sort((a, b) => RESULT_ORDER[a.status] - RESULT_ORDER[b.status] || a.id - b.id),
    [progress.revision, onlyProblems],
  );
  if (progress.results.length === 0) return null;
  const shown = showAll ? results : results.slice(0, SHOWN_RESULTS);
  return (
    <div class="mt-4">
      <div class="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="import-results-title" class="text-base font-semibold">
          {t('import.results')}
        </h2>
        <label class="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.currentTarget.checked)} />
          {t('import.onlyProblems')}
        </label>
      </div>
      <div
        class="max-h-[28rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800"
        role="region"
        aria-labelledby="import-results-title"
        tabIndex={0}
      >
        <table class={tableClass} data-testid="import-results">
          <thead class="sticky top-0 bg-white dark:bg-slate-900">
            <tr>
              <th scope="col" class={thClass}>
                {t('import.col.file')}
              </th>
              <th scope="col" class={thClass}>
                {t('import.col.result')}
              </th>
              <th scope="col" class={thClass}>
                <span class="sr-only">{t('import.col.result')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-status={r.status}>
                <td class={`${tdClass} break-all`}>{r.fileName}</td>
                <td class={tdClass}>
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
        </p>
      )}
    </div>
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
      <ImportResults progress={progress} />
    </div>
  );
}
