// Copies a record value to the clipboard and says so; the value is passed as text, never rendered as HTML.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { buttonClass } from '../ui/ui';

/** `label` names what is copied for assistive technology; `caption` is the visible text (default "Copy"). */
export function CopyButton({ text, label, caption }: { text: string; label: string; caption?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      class={`${buttonClass} whitespace-nowrap`}
      aria-label={label}
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
        setTimeout(() => setState('idle'), 2000);
      }}
    >
      {state === 'copied'
        ? t('records.copy.copied')
        : state === 'failed'
          ? t('records.copy.failed')
          : (caption ?? t('records.copy.copy'))}
    </button>
  );
}
