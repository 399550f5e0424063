// Shows a stored report's raw XML as text in a modal <dialog> (focus trapped and Escape handled by the browser).
import { useEffect, useRef, useState } from 'preact/hooks';
import { readRawXml } from '../../../core/store';
import { getDatabase } from '../app/database';
import { useI18n } from '../i18n/i18n';
import { buttonClass, mutedClass } from '../ui/ui';

export function XmlDialog({ reportKey, title, onClose }: { reportKey: string; title: string; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [xml, setXml] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    dialog.current?.showModal();
    let stale = false;
    void getDatabase()
      .then((db) => readRawXml(db, reportKey))
      .then((text) => !stale && setXml(text ?? null));
    return () => {
      stale = true;
    };
  }, [reportKey]);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="xml-dialog-title"
      class="m-auto w-[min(960px,95vw)] rounded-xl border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div class="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <h2 id="xml-dialog-title" class="truncate text-base font-semibold">
          {t('xml.title', { name: title })}
        </h2>
        <button type="button" class={buttonClass} onClick={() => dialog.current?.close()}>
          {t('xml.close')}
        </button>
      </div>
      {xml === null ? (
        <p class={`p-4 text-sm ${mutedClass}`}>{t('xml.missing')}</p>
      ) : (
        <pre tabIndex={0} class="max-h-[70vh] overflow-auto p-4 text-xs leading-relaxed whitespace-pre-wrap break-all">
          {xml ?? '…'}
        </pre>
      )}
    </dialog>
  );
}
