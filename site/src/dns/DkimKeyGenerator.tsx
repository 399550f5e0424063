// Generates a DKIM key pair in the page (WebCrypto) under a selector the user can rename.
import { useState } from 'preact/hooks';
import { suggestDkimSelector } from '../../../core/dns';
import { useI18n } from '../i18n/i18n';
import { inputClass, primaryButtonClass } from '../ui/ui';
import { fieldLabel, hint } from './formStyles';
import { generateDkimKeyPair, type DkimKeySize, type GeneratedDkimKey } from './generateDkimKeyPair';
import { useRecordText, type PageMessage } from './useRecordText';

export function DkimKeyGenerator({
  domain,
  onKey,
  ed25519,
}: {
  domain: string;
  onKey: (selector: string, key: GeneratedDkimKey) => void;
  ed25519: boolean;
}) {
  const { t } = useI18n();
  const say = useRecordText();
  const [size, setSize] = useState<DkimKeySize>('rsa-2048');
  const [selector, setSelector] = useState(() => suggestDkimSelector(new Date()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PageMessage>();
  return (
    <div class="flex flex-wrap items-end gap-3">
      <label class={fieldLabel}>
        {t('records.dkim.key')}
        <select
          class={`${inputClass} ml-2`}
          value={size}
          data-testid="dkim-size"
          onChange={(e) => setSize(e.currentTarget.value as DkimKeySize)}
        >
          <option value="rsa-2048">{t('records.dkim.rsa2048')}</option>
          <option value="rsa-1024">{t('records.dkim.rsa1024')}</option>
          <option value="rsa-4096">{t('records.dkim.rsa4096')}</option>
          {ed25519 && <option value="ed25519">{t('records.dkim.ed25519')}</option>}
        </select>
      </label>
      <label class={fieldLabel}>
        {t('records.dkim.selector')}
        <input
          class={`${inputClass} ml-2 w-32`}
          value={selector}
          data-testid="dkim-selector"
          onInput={(e) => setSelector(e.currentTarget.value.trim())}
        />
      </label>
      <button
        type="button"
        class={primaryButtonClass}
        disabled={busy || !domain}
        data-testid="dkim-generate"
        onClick={() => {
          setBusy(true);
          setError(undefined);
          generateDkimKeyPair(size)
            .then((key) => onKey(selector, key))
            .catch((e: unknown) => setError({ key: 'records.dkim.failed', params: { error: String(e) } }))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('records.dkim.generating') : t('records.dkim.generate')}
      </button>
      {error && (
        <p role="alert" class="text-sm text-red-700">
          {say(error)}
        </p>
      )}
      <p class={hint}>{t('records.dkim.hint', { example: suggestDkimSelector(new Date()) })}</p>
    </div>
  );
}
