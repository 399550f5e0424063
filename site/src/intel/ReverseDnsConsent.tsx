// Reverse DNS is opt-in, per batch: before anything is sent the user sees how many addresses would go to which
// server, and chooses one. Nothing is sent until "Look up" is pressed.
import { useState } from 'preact/hooks';
import { lookupReverseDns } from '../../../core/analysis/lookupReverseDns';
import { DOH_SERVERS } from '../records/dohResolver';
import { buttonClass, inputClass, mutedClass, primaryButtonClass } from '../ui/ui';
import { ptrOverHttps, reverseDnsCache } from './ptrOverHttps';

export function ReverseDnsConsent({
  ips,
  onResolved,
}: {
  ips: readonly string[];
  onResolved: (names: Map<string, string[]>) => void;
}) {
  const [open, setOpen] = useState(false);
  const [serverId, setServerId] = useState(DOH_SERVERS[0]!.id);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [message, setMessage] = useState('');
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
    const withoutPtr = result.names.size - named;
    setMessage(
      `${named} of ${ips.length} addresses named (${result.fromCache} answers from this browser's cache)` +
        (withoutPtr ? `; ${withoutPtr} have no reverse DNS name` : '') +
        (result.failed.size ? `; ${result.failed.size} lookups failed.` : '.'),
    );
    onResolved(result.names);
  }

  if (!open) {
    return (
      <div class="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" class={buttonClass} onClick={() => setOpen(true)} disabled={ips.length === 0}>
          Name servers by reverse DNS…
        </button>
        {message ? <span class={`text-sm ${mutedClass}`} role="status">{message}</span> : null}
      </div>
    );
  }
  return (
    <div class="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950" role="group" aria-label="Reverse DNS lookup">
      <p>
        This sends <strong>{ips.length}</strong> source IP address{ips.length === 1 ? '' : 'es'} of the senders shown, as
        PTR questions (e.g. <code>4.3.2.1.in-addr.arpa</code>), to <strong>{host}</strong> over HTTPS. Nothing else is
        sent: no domain, no report. Answers are kept in this browser for a week.
      </p>
      <label class="mt-2 flex items-center gap-2">
        DNS server
        <select class={inputClass} value={serverId} onChange={(e) => setServerId((e.target as HTMLSelectElement).value)}>
          {DOH_SERVERS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <div class="mt-2 flex gap-2">
        <button type="button" class={primaryButtonClass} onClick={() => void run()} disabled={progress !== undefined}>
          Look up {ips.length} address{ips.length === 1 ? '' : 'es'} at {host}
        </button>
        <button type="button" class={buttonClass} onClick={() => setOpen(false)} disabled={progress !== undefined}>
          Cancel
        </button>
      </div>
      {progress ? (
        <p class="mt-2" role="status">
          {progress.done} of {progress.total} looked up…
        </p>
      ) : null}
    </div>
  );
}
