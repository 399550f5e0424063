// Reverse DNS is opt-in, per batch: before anything is sent the user sees how many addresses would go to which
// server, and chooses one. Nothing is sent until "Look up" is pressed.
import { useState } from 'preact/hooks';
import { lookupReverseDns } from '../../../core/analysis';
import { useI18n } from '../i18n/i18n';
import { DOH_SERVERS } from '../dns/dohResolver';
import { buttonClass, inputClass, mutedClass, primaryButtonClass } from '../ui/ui';
import { ptrOverHttps, reverseDnsCache } from './ptrOverHttps';
import { fillTemplate, useSenderText } from './useSenderText';

export function ReverseDnsConsent({
  ips,
  onResolved,
}: {
  ips: readonly string[];
  onResolved: (names: Map<string, string[]>) => void;
}) {
  const { t } = useI18n();
  const text = useSenderText();
  const [open, setOpen] = useState(false);
  const [serverId, setServerId] = useState(DOH_SERVERS[0]!.id);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [outcome, setOutcome] = useState<
    { named: number; total: number; cached: number; withoutName: number; failed: number } | undefined
  >();
  const server = DOH_SERVERS.find((s) => s.id === serverId) ?? DOH_SERVERS[0]!;
  const host = new URL(server.endpoint).host;

  async function run() {
    setProgress({ done: 0, total: ips.length });
    const result = await lookupReverseDns(ips, ptrOverHttps(server), {
      cache: reverseDnsCache,
      onProgress: (done, total) => setProgress({ done, total }),
    });
    setProgress(undefined);
    setOpen(false);
    const named = [...result.names.values()].filter((names) => names.length > 0).length;
    setOutcome({
      named,
      total: ips.length,
      cached: result.fromCache,
      withoutName: result.names.size - named,
      failed: result.failed.size,
    });
    onResolved(result.names);
  }

  const message = outcome
    ? t('senders.rdns.named', { named: outcome.named, total: outcome.total, cached: outcome.cached }) +
      (outcome.withoutName ? t('senders.rdns.withoutName', { count: outcome.withoutName }) : '') +
      (outcome.failed ? t('senders.rdns.failed', { count: outcome.failed }) : '') +
      '.'
    : '';

  if (!open) {
    return (
      <div class="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" class={buttonClass} onClick={() => setOpen(true)} disabled={ips.length === 0}>
          {t('senders.rdns.open')}
        </button>
        {message ? (
          <span class={`text-sm ${mutedClass}`} role="status">
            {message}
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <div
      class="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
      role="group"
      aria-label={t('senders.rdns.group')}
    >
      <p data-testid="rdns-consent">
        {fillTemplate(t('senders.rdns.consent'), {
          addresses: <strong>{text.count('senders.count.sourceAddresses', ips.length)}</strong>,
          example: <code>4.3.2.1.in-addr.arpa</code>,
          host: <strong>{host}</strong>,
        })}
      </p>
      <label class="mt-2 flex items-center gap-2">
        {t('senders.rdns.server')}
        <select
          class={inputClass}
          value={serverId}
          onChange={(e) => setServerId((e.target as HTMLSelectElement).value)}
        >
          {DOH_SERVERS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <div class="mt-2 flex gap-2">
        <button type="button" class={primaryButtonClass} onClick={() => void run()} disabled={progress !== undefined}>
          {t('senders.rdns.lookUp', { addresses: text.count('senders.count.addresses', ips.length), host })}
        </button>
        <button type="button" class={buttonClass} onClick={() => setOpen(false)} disabled={progress !== undefined}>
          {t('senders.rdns.cancel')}
        </button>
      </div>
      {progress ? (
        <p class="mt-2" role="status">
          {t('senders.rdns.progress', { done: progress.done, total: progress.total })}
        </p>
      ) : null}
    </div>
  );
}
