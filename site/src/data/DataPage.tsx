// Backup, restore and deletion of the stored data. Deleting always asks first, in a modal dialog.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  backupLines,
  deleteDomain,
  deleteEverything,
  countStored,
  listDomains,
  type StoreCounts,
} from '../../../core/store';
import { dataVersion, getDatabase, notifyDataChanged } from '../app/database';
import { useImporter } from '../app/ImporterContext';
import { ImportResults } from '../import/ImportPanel';
import { useObservable } from '../app/Observable';
import { useI18n } from '../i18n/i18n';
import {
  buttonClass,
  dangerButtonClass,
  downloadFile,
  inputClass,
  mutedClass,
  primaryButtonClass,
  Section,
} from '../ui/ui';

function ConfirmDialog({
  message,
  onConfirm,
  onCancel,
}: {
  message: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog
      ref={dialog}
      onClose={onCancel}
      aria-labelledby="confirm-title"
      class="m-auto max-w-md rounded-xl border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <p id="confirm-title" class="text-base">
        {message}
      </p>
      <div class="mt-5 flex justify-end gap-3">
        <button type="button" class={buttonClass} onClick={() => dialog.current?.close()} autoFocus>
          {t('data.cancel')}
        </button>
        <button
          type="button"
          class={dangerButtonClass}
          onClick={() => {
            onConfirm();
            dialog.current?.close();
          }}
        >
          {t('data.confirm')}
        </button>
      </div>
    </dialog>
  );
}

export function DataPage() {
  const { t } = useI18n();
  const importer = useImporter();
  const version = useObservable(dataVersion);
  const [counts, setCounts] = useState<StoreCounts | undefined>();
  const [domains, setDomains] = useState<string[]>([]);
  const [domain, setDomain] = useState('');
  const [confirming, setConfirming] = useState<'domain' | 'all' | undefined>();
  const [status, setStatus] = useState('');
  const progress = useObservable(importer.progress);
  /** Set when a restore was started here: its outcome (a refusal names the line and what is wrong) is shown here too. */
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    void getDatabase().then(async (db) => {
      setCounts(await countStored(db));
      const list = await listDomains(db);
      setDomains(list);
      setDomain((current) => (list.includes(current) ? current : (list[0] ?? '')));
    });
  }, [version]);

  const backup = async () => {
    const db = await getDatabase();
    const parts: string[] = [];
    const leftOut = { reports: 0 };
    for await (const chunk of backupLines(db, Date.now(), leftOut)) parts.push(chunk);
    downloadFile(`dmarc-lens-backup-${new Date().toISOString().slice(0, 10)}.jsonl`, parts, 'application/x-ndjson');
    if (leftOut.reports > 0) setStatus(t('data.backupLeftOut', { reports: leftOut.reports }));
  };

  const remove = async (what: 'domain' | 'all') => {
    const db = await getDatabase();
    if (what === 'all') await deleteEverything(db);
    else await deleteDomain(db, domain);
    setStatus(t('data.deleted'));
    notifyDataChanged();
  };

  return (
    <div class="space-y-6">
      <h1 class="text-2xl font-semibold">{t('data.heading')}</h1>
      {counts && (
        <p class={mutedClass} data-testid="stored-counts">
          {t('data.stored', { reports: counts.reports, records: counts.records })}
        </p>
      )}
      <Section id="backup" title={t('data.backup')}>
        <p class={`mb-3 text-sm ${mutedClass}`}>{t('data.backupHint')}</p>
        <div class="flex flex-wrap gap-3">
          <button type="button" class={primaryButtonClass} onClick={() => void backup()} data-testid="download-backup">
            {t('data.backup')}
          </button>
          <label class={`${buttonClass} cursor-pointer focus-within:outline-2 focus-within:outline-blue-600`}>
            {t('data.restore')}
            <input
              type="file"
              accept=".jsonl,.json,application/x-ndjson"
              class="sr-only"
              data-testid="restore-backup"
              onChange={(e) => {
                const files = Array.from(e.currentTarget.files ?? []);
                e.currentTarget.value = '';
                if (files.length === 0) return;
                setRestoring(true);
                void importer.start(files);
              }}
            />
          </label>
        </div>
        {restoring && progress.total > 0 && !progress.running && (
          <div data-testid="restore-outcome">
            <ImportResults progress={progress} />
          </div>
        )}
      </Section>
      <Section id="delete" title={t('data.deleteAll')}>
        <div class="flex flex-wrap items-end gap-3">
          {domains.length > 0 && (
            <>
              <label class="flex flex-col gap-1 text-sm">
                <span class={mutedClass}>{t('data.deleteDomain')}</span>
                <select class={inputClass} value={domain} onChange={(e) => setDomain(e.currentTarget.value)}>
                  {domains.map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" class={buttonClass} onClick={() => setConfirming('domain')} disabled={!domain}>
                {t('data.deleteDomainButton', { domain })}
              </button>
            </>
          )}
          <button
            type="button"
            class={dangerButtonClass}
            onClick={() => setConfirming('all')}
            data-testid="delete-everything"
          >
            {t('data.deleteAll')}
          </button>
        </div>
        <p role="status" class="mt-3 text-sm">
          {status}
        </p>
      </Section>
      {confirming && (
        <ConfirmDialog
          message={confirming === 'all' ? t('data.confirmAll') : t('data.confirmDomain', { domain })}
          onConfirm={() => void remove(confirming)}
          onCancel={() => setConfirming(undefined)}
        />
      )}
    </div>
  );
}
