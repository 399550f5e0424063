// A modal question before something that cannot be undone: the sentence says exactly what will go, the safe answer
// has focus, and Escape or the safe answer leaves everything as it is.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { buttonClass, dangerButtonClass } from './ui';

export function ConfirmDialog({
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  message: string;
  /** The button that does it, named after what it does ("Delete 12 reports"). */
  confirmLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Details under the sentence (a list of domains with their counts). */
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog
      ref={dialog}
      onClose={onCancel}
      aria-labelledby="confirm-title"
      data-testid="confirm-dialog"
      class="m-auto max-w-md rounded-xl border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <p id="confirm-title" class="text-base">
        {message}
      </p>
      {children}
      <div class="mt-5 flex flex-wrap justify-end gap-3">
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
          {confirmLabel ?? t('data.confirm')}
        </button>
      </div>
    </dialog>
  );
}
