// Generates a DKIM key pair in the page (WebCrypto) under a selector the user can rename.
import { useState } from 'preact/hooks';
import { suggestDkimSelector } from '../../../core/records/dkimKeyRecord';
import { inputClass, primaryButtonClass } from '../ui/ui';
import { fieldLabel, hint } from './formStyles';
import { generateDkimKeyPair, type DkimKeySize, type GeneratedDkimKey } from './generateDkimKeyPair';

export function DkimKeyGenerator({ domain, onKey, ed25519 }: { domain: string; onKey: (selector: string, key: GeneratedDkimKey) => void; ed25519: boolean }) {
  const [size, setSize] = useState<DkimKeySize>('rsa-2048');
  const [selector, setSelector] = useState(() => suggestDkimSelector(new Date()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div class="flex flex-wrap items-end gap-3">
      <label class={fieldLabel}>
        Key
        <select class={`${inputClass} ml-2`} value={size} data-testid="dkim-size" onChange={(e) => setSize(e.currentTarget.value as DkimKeySize)}>
          <option value="rsa-2048">RSA 2048 (recommended)</option>
          <option value="rsa-1024">RSA 1024 (only for DNS hosts that cannot hold long records)</option>
          <option value="rsa-4096">RSA 4096</option>
          {ed25519 && <option value="ed25519">Ed25519 (sign with RSA too)</option>}
        </select>
      </label>
      <label class={fieldLabel}>
        Selector
        <input class={`${inputClass} ml-2 w-32`} value={selector} data-testid="dkim-selector" onInput={(e) => setSelector(e.currentTarget.value.trim())} />
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
            .catch((e: unknown) => setError(`Key generation failed: ${String(e)}`))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Generating…' : 'Generate DKIM key pair'}
      </button>
      {error && <p role="alert" class="text-sm text-red-700">{error}</p>}
      <p class={hint}>
        The key pair is made in this browser with WebCrypto. The private key never leaves the page unless you download it, and is not stored unless you ask.
        A selector naming the month (e.g. {suggestDkimSelector(new Date())}) makes rotation easy: publish the next key under a new selector.
      </p>
    </div>
  );
}
