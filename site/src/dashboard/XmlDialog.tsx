// Shows a stored report's raw XML as text in a modal <dialog> (focus trapped and Escape handled by the browser),
// scrolled to and marking the record it was opened for, with buttons to copy the XML or download it as a file.
import { useEffect, useRef, useState } from 'preact/hooks';
import { readRawXml } from '../../../core/store';
import { getDatabase } from '../app/database';
import { useI18n } from '../i18n/i18n';
import { buttonClass, downloadFile, mutedClass } from '../ui/ui';
import { locateRecord } from './locateRecord';

/** The record to mark: its index in its report and its source address. */
export interface XmlRecordRef {
  index: number;
  ip: string;
}

/** A file name from the dialog's title: letters, digits, dots and dashes, the rest as `_`. */
export function xmlFileName(title: string): string {
  return `${title.replace(/[^a-z0-9.-]+/gi, '_').replace(/^_+|_+$/g, '') || 'report'}.xml`;
}

export function XmlDialog({
  reportKey,
  title,
  record,
  onClose,
}: {
  reportKey: string;
  title: string;
  record?: XmlRecordRef;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const marked = useRef<HTMLElement>(null);
  const [xml, setXml] = useState<string | null | undefined>(undefined);
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
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
  const span = xml && record ? locateRecord(xml, record.index, record.ip) : undefined;
  useEffect(() => {
    marked.current?.scrollIntoView({ block: 'center' });
  }, [xml, span?.start]);
  const copy = () => {
    if (!xml) return;
    navigator.clipboard.writeText(xml).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="xml-dialog-title"
      class="m-auto w-[min(960px,95vw)] rounded-xl border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div class="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
        <h2 id="xml-dialog-title" class="min-w-0 truncate text-base font-semibold">
          {t('xml.title', { name: title })}
        </h2>
        <div class="flex flex-wrap items-center gap-2">
          {copied ? (
            <span role="status" class={`text-sm ${mutedClass}`}>
              {t(copied === 'yes' ? 'drilldown.xml.copied' : 'drilldown.xml.copyFailed')}
            </span>
          ) : null}
          <button type="button" class={buttonClass} disabled={!xml} onClick={copy}>
            {t('drilldown.xml.copy')}
          </button>
          <button
            type="button"
            class={buttonClass}
            disabled={!xml}
            onClick={() => xml && downloadFile(xmlFileName(title), [xml], 'application/xml')}
          >
            {t('drilldown.xml.download')}
          </button>
          <button type="button" class={buttonClass} onClick={() => dialog.current?.close()}>
            {t('xml.close')}
          </button>
        </div>
      </div>
      {xml === null ? (
        <p class={`p-4 text-sm ${mutedClass}`}>{t('xml.missing')}</p>
      ) : (
        <pre
          tabIndex={0}
          class="max-h-[70vh] overflow-auto p-4 text-xs leading-relaxed whitespace-pre-wrap break-all"
          data-testid="xml-text"
        >
          {xml === undefined ? (
            '…'
          ) : span ? (
            <>
              {xml.slice(0, span.start)}
              <mark
                ref={marked}
                class="rounded bg-amber-200 text-slate-900 dark:bg-amber-700 dark:text-white"
                data-testid="xml-record"
              >
                {xml.slice(span.start, span.end)}
              </mark>
              {xml.slice(span.end)}
            </>
          ) : (
            xml
          )}
        </pre>
      )}
    </dialog>
  );
}
