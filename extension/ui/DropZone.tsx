// A drop zone with a file picker: the way in for reports the webmail will not hand to the extension (Outlook without
// Graph mode), and for any report file on disk.
import { useState } from 'preact/hooks';
import { linkButtonClass } from '../../site/src/ui/ui';
import { checkAfterSave } from '../monitor/runChecks';
import { dashboardUrl } from '../pages/extensionPageUrls';
import { extensionPageText } from './extensionPageText';
import { readDroppedFiles, type DroppedFileOutcome } from './readDroppedFiles';
import { ReportSummaryLine } from './ReportSummaryLine';

export function DropZone({ expectedFileName, onImported }: { expectedFileName?: string; onImported?: () => void }) {
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<DroppedFileOutcome[]>([]);
  const { t } = extensionPageText;

  const read = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      const outcomesRead = await readDroppedFiles(files);
      setOutcomes(outcomesRead);
      onImported?.();
      // The watch looks at what the import changed (alerts come as notifications).
      const added = outcomesRead.reduce((sum, outcome) => sum + (outcome.ok ? outcome.added : 0), 0);
      checkAfterSave({ ok: true, added });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <label
        data-testid="drop-zone"
        class={`block cursor-pointer rounded-xl border-2 border-dashed p-6 text-center focus-within:outline-2 focus-within:outline-blue-600 ${dragging ? 'border-blue-600 bg-blue-50 dark:bg-blue-950' : 'border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900'}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void read([...(event.dataTransfer?.files ?? [])]);
        }}
      >
        <span class="block font-semibold">
          {expectedFileName === undefined ? t('ext.drop.here') : t('ext.drop.file', { file: expectedFileName })}
        </span>
        <span class="mt-1 block text-sm text-slate-600 dark:text-slate-400">{t('ext.drop.pick')}</span>
        <input
          type="file"
          multiple
          class="sr-only"
          onChange={(event) => void read([...(event.currentTarget.files ?? [])])}
        />
      </label>
      {busy && (
        <p class="mt-2 text-sm" role="status">
          {t('ext.drop.reading')}
        </p>
      )}
      <ul class="mt-3 space-y-2" data-testid="drop-outcomes">
        {outcomes.map((outcome) => (
          <li
            key={outcome.fileName}
            class="rounded-lg border border-slate-200 bg-white p-2 text-sm dark:border-slate-800 dark:bg-slate-900"
          >
            <div class="font-mono text-xs text-slate-500 break-all dark:text-slate-400">{outcome.fileName}</div>
            {outcome.ok ? (
              outcome.summaries.map((summary) => (
                <div key={summary.key} class="mt-1">
                  <ReportSummaryLine summary={summary} />
                  <a class={linkButtonClass} href={dashboardUrl(summary.domain)} target="_blank">
                    {t('ext.drop.open')}
                  </a>
                </div>
              ))
            ) : (
              <div class="text-red-700 dark:text-red-300" role="alert">
                {outcome.message}
              </div>
            )}
            {outcome.ok && (
              <div class="text-xs text-slate-500 dark:text-slate-400">
                {outcome.added === 0 ? t('ext.drop.alreadySaved') : t('ext.drop.saved', { count: outcome.added })}
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
