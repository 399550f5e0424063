// Copies a record value to the clipboard and says so; the value is passed as text, never rendered as HTML.
import { useState } from 'preact/hooks';
import { buttonClass } from '../ui/ui';

/** `label` names what is copied for assistive technology; `caption` is the visible text (default "Copy"). */
export function CopyButton({ text, label, caption = 'Copy' }: { text: string; label: string; caption?: string }) {
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
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : caption}
    </button>
  );
}
