// The DNS records pages: the sender-domain wizard, the checker and the rollout plan, under one live-lookup switch.
import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { mutedClass } from '../ui/ui';
import { CheckerPanel } from './CheckerPanel';
import { DOH_SERVERS, type DohServer } from './dohResolver';
import { LiveLookupContext, LiveLookupSwitch, resolverFor, type LiveLookupState } from './LiveLookups';
import { RolloutPanel } from './RolloutPanel';
import { WizardPanel } from './WizardPanel';

const TABS = [
  { id: 'wizard', label: 'records.page.tab.wizard' },
  { id: 'checker', label: 'records.page.tab.checker' },
  { id: 'rollout', label: 'records.page.tab.rollout' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function RecordsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<TabId>('wizard');
  const [live, setLive] = useState<LiveLookupState>({ enabled: false, server: DOH_SERVERS[0] as DohServer });
  const context = useMemo(() => ({ state: live, resolver: resolverFor(live) }), [live]);
  return (
    <LiveLookupContext.Provider value={context}>
      <div class="space-y-4">
        <div>
          <h1 class="text-2xl font-bold">{t('records.page.heading')}</h1>
          <p class={mutedClass}>{t('records.page.intro')}</p>
        </div>
        <LiveLookupSwitch state={live} onChange={setLive} />
        <div
          role="tablist"
          aria-label={t('records.page.tabs')}
          class="flex gap-1 border-b border-slate-200 dark:border-slate-800"
        >
          {TABS.map((tabInfo) => (
            <button
              key={tabInfo.id}
              type="button"
              role="tab"
              id={`records-tab-${tabInfo.id}`}
              aria-selected={tab === tabInfo.id}
              aria-controls={`records-panel-${tabInfo.id}`}
              // WAI-ARIA tabs pattern: only the selected tab is in the Tab order; arrow keys move between tabs.
              tabIndex={tab === tabInfo.id ? 0 : -1}
              onKeyDown={(e) => {
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (step === 0) return;
                e.preventDefault();
                const index = (TABS.findIndex((x) => x.id === tabInfo.id) + step + TABS.length) % TABS.length;
                const target = TABS[index] as (typeof TABS)[number];
                setTab(target.id);
                document.getElementById(`records-tab-${target.id}`)?.focus();
              }}
              class={`-mb-px rounded-t-md border px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
                tab === tabInfo.id
                  ? 'border-slate-200 border-b-white bg-white text-blue-800 dark:border-slate-800 dark:border-b-slate-950 dark:bg-slate-950 dark:text-blue-200'
                  : 'border-transparent text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
              }`}
              onClick={() => setTab(tabInfo.id)}
            >
              {t(tabInfo.label)}
            </button>
          ))}
        </div>
        {TABS.map((tabInfo) => (
          <div
            key={tabInfo.id}
            role="tabpanel"
            id={`records-panel-${tabInfo.id}`}
            aria-labelledby={`records-tab-${tabInfo.id}`}
            hidden={tab !== tabInfo.id}
          >
            {/* All panels stay mounted so switching tabs keeps what the user typed (and the generated keys). */}
            {tabInfo.id === 'wizard' ? <WizardPanel /> : tabInfo.id === 'checker' ? <CheckerPanel /> : <RolloutPanel />}
          </div>
        ))}
      </div>
    </LiveLookupContext.Provider>
  );
}
