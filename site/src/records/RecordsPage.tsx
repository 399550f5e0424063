// The DNS records pages: the sender-domain wizard, the checker and the rollout plan, under one live-lookup switch.
import { useMemo, useState } from 'preact/hooks';
import { mutedClass } from '../ui/ui';
import { CheckerPanel } from './CheckerPanel';
import { DOH_SERVERS, type DohServer } from './dohResolver';
import { LiveLookupContext, LiveLookupSwitch, resolverFor, type LiveLookupState } from './LiveLookups';
import { RolloutPanel } from './RolloutPanel';
import { WizardPanel } from './WizardPanel';

const TABS = [
  { id: 'wizard', label: 'Set up a domain' },
  { id: 'checker', label: 'Check records' },
  { id: 'rollout', label: 'Rollout plan' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function RecordsPage() {
  const [tab, setTab] = useState<TabId>('wizard');
  const [live, setLive] = useState<LiveLookupState>({ enabled: false, server: DOH_SERVERS[0] as DohServer });
  const context = useMemo(() => ({ state: live, resolver: resolverFor(live) }), [live]);
  return (
    <LiveLookupContext.Provider value={context}>
      <div class="space-y-4">
        <div>
          <h1 class="text-2xl font-bold">DNS records</h1>
          <p class={mutedClass}>
            Generate, check and roll out DMARC, SPF, DKIM, MTA-STS, TLS-RPT and BIMI records. Everything is computed in this browser; keys are generated here and
            never leave it.
          </p>
        </div>
        <LiveLookupSwitch state={live} onChange={setLive} />
        <div role="tablist" aria-label="DNS records tools" class="flex gap-1 border-b border-slate-200 dark:border-slate-800">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`records-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`records-panel-${t.id}`}
              // WAI-ARIA tabs pattern: only the selected tab is in the Tab order; arrow keys move between tabs.
              tabIndex={tab === t.id ? 0 : -1}
              onKeyDown={(e) => {
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (step === 0) return;
                e.preventDefault();
                const index = (TABS.findIndex((x) => x.id === t.id) + step + TABS.length) % TABS.length;
                const target = TABS[index] as (typeof TABS)[number];
                setTab(target.id);
                document.getElementById(`records-tab-${target.id}`)?.focus();
              }}
              class={`-mb-px rounded-t-md border px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
                tab === t.id
                  ? 'border-slate-200 border-b-white bg-white text-blue-800 dark:border-slate-800 dark:border-b-slate-950 dark:bg-slate-950 dark:text-blue-200'
                  : 'border-transparent text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
              }`}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {TABS.map((t) => (
          <div key={t.id} role="tabpanel" id={`records-panel-${t.id}`} aria-labelledby={`records-tab-${t.id}`} hidden={tab !== t.id}>
            {/* All panels stay mounted so switching tabs keeps what the user typed (and the generated keys). */}
            {t.id === 'wizard' ? <WizardPanel /> : t.id === 'checker' ? <CheckerPanel /> : <RolloutPanel />}
          </div>
        ))}
      </div>
    </LiveLookupContext.Provider>
  );
}
