// The page-wide switch for live DNS lookups: off by default, and the DNS-over-HTTPS host is named before it is on.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DnsResolver } from '../../../core/dns';
import { useI18n } from '../i18n/i18n';
import { inputClass, mutedClass } from '../ui/ui';
import { DOH_SERVERS, lookupOverHttps, type DohServer } from './dohResolver';

export interface LiveLookupState {
  enabled: boolean;
  server: DohServer;
}

export const LiveLookupContext = createContext<{ state: LiveLookupState; resolver: DnsResolver | undefined }>({
  state: { enabled: false, server: DOH_SERVERS[0] as DohServer },
  resolver: undefined,
});

/** The resolver to use, or undefined while live lookups are off. */
export function useLiveResolver(): { resolver: DnsResolver | undefined; server: DohServer } {
  const { state, resolver } = useContext(LiveLookupContext);
  return { resolver: state.enabled ? resolver : undefined, server: state.server };
}

export function resolverFor(state: LiveLookupState): DnsResolver | undefined {
  return state.enabled ? lookupOverHttps(state.server) : undefined;
}

export function LiveLookupSwitch({
  state,
  onChange,
}: {
  state: LiveLookupState;
  onChange: (state: LiveLookupState) => void;
}) {
  const { t } = useI18n();
  const host = new URL(state.server.endpoint).host;
  return (
    <div class="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
      <label class="flex items-center gap-2 font-medium">
        <input
          type="checkbox"
          checked={state.enabled}
          data-testid="live-lookups"
          onChange={(e) => onChange({ ...state, enabled: e.currentTarget.checked })}
        />
        {t('records.live.switch')}
      </label>
      <label class="flex items-center gap-2">
        <span class={mutedClass}>{t('records.live.through')}</span>
        <select
          class={inputClass}
          value={state.server.id}
          data-testid="doh-server"
          onChange={(e) =>
            onChange({ ...state, server: DOH_SERVERS.find((s) => s.id === e.currentTarget.value) ?? state.server })
          }
        >
          {DOH_SERVERS.map((server) => (
            <option key={server.id} value={server.id}>
              {server.name}
            </option>
          ))}
        </select>
      </label>
      <span class={mutedClass} data-testid="live-lookups-status">
        {t(state.enabled ? 'records.live.on' : 'records.live.off', { host })}
      </span>
    </div>
  );
}
