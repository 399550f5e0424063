// Options: the alerts (thresholds, notifications), the language and colours of every page and the card, and the
// opt-in Microsoft Graph mode for Outlook. Turning Graph mode on asks the browser for the optional permissions
// (identity + the Microsoft hosts) from this click; turning it off gives them back.
import { render, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../ui/extensionPages.css';
import type { WatchThresholds } from '../../../core/analysis';
import { createTranslator } from '../../../core/i18n';
import { DOH_SERVERS } from '../../../site/src/dns/dohResolver';
import {
  DEFAULT_GRAPH_SETTINGS,
  GRAPH_PERMISSIONS,
  graphRedirectUrl,
  isApplicationId,
  readGraphSettings,
  writeGraphSettings,
  type GraphSettings,
} from '../../graph/graphSettings';
import {
  DEFAULT_MONITOR_SETTINGS,
  THRESHOLD_RANGES,
  readMonitorSettings,
  writeMonitorSettings,
  type MonitorSettings,
} from '../../monitor/monitorSettings';
import {
  DEFAULT_LIVE_LOOKUPS,
  dohPermission,
  dohServer,
  readLiveLookups,
  writeLiveLookups,
  type LiveLookupSettings,
} from '../../monitor/liveLookups';
import { buttonClass, inputClass, mutedClass, primaryButtonClass, Section } from '../../../site/src/ui/ui';
import { readSetting, writeSetting } from '../../../site/src/i18n/i18n';
import { extensionPageText, type ExtensionPageKey } from '../../ui/extensionPageText';
import { readLanguageSetting, writeLanguageSetting, type LanguageSetting } from '../../ui/languageSetting';
import { GatherOptions } from '../../sync/GatherOptions';
import { PageFrame } from '../../ui/PageFrame';

const { t } = extensionPageText;
document.documentElement.lang = extensionPageText.locale;
document.title = t('ext.options.heading');

function Options() {
  return (
    <PageFrame title={t('ext.options.heading')} wide>
      <WatchOptions />
      <LiveLookupOptions />
      <LookOptions />
      <GraphOptions />
      <GatherOptions />
    </PageFrame>
  );
}

/** The thresholds as the page shows them: the failing share in percent, the rest as they are. */
const THRESHOLD_FIELDS: Array<{ name: keyof WatchThresholds; label: ExtensionPageKey; percent?: boolean }> = [
  { name: 'failingBelow', label: 'ext.options.failingBelow', percent: true },
  { name: 'recentDays', label: 'ext.options.recentDays' },
  { name: 'spoofingSpikeFactor', label: 'ext.options.spikeFactor' },
  { name: 'spoofingSpikeMinimum', label: 'ext.options.spikeMinimum' },
  { name: 'silentDays', label: 'ext.options.silentDays' },
  { name: 'newSourceMinimum', label: 'ext.options.newSourceMinimum' },
];

function WatchOptions() {
  const [settings, setSettings] = useState<MonitorSettings>(DEFAULT_MONITOR_SETTINGS);
  const [message, setMessage] = useState('');
  useEffect(() => void readMonitorSettings().then(setSettings), []);
  const setThreshold = (name: keyof WatchThresholds, value: number) =>
    setSettings({ ...settings, thresholds: { ...settings.thresholds, [name]: value } });
  const save = async () => {
    await writeMonitorSettings(settings);
    setSettings(await readMonitorSettings());
    setMessage(t('ext.options.watchSaved'));
  };
  return (
    <Section title={t('ext.options.watch')} id="options-watch">
      <form
        class="space-y-3"
        data-testid="watch-options"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p class={`text-sm ${mutedClass}`}>{t('ext.options.watchIntro')}</p>
        <label class="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            class="mt-1"
            checked={settings.notify}
            onChange={(event) => setSettings({ ...settings, notify: event.currentTarget.checked })}
          />
          {t('ext.options.notify')}
        </label>
        {THRESHOLD_FIELDS.map(({ name, label, percent }) => {
          const range = THRESHOLD_RANGES[name];
          const scale = percent ? 100 : 1;
          return (
            <label key={name} class="block text-sm">
              {t(label)}
              <input
                type="number"
                class={`${inputClass} mt-1 block w-32`}
                name={name}
                min={range.min * scale}
                max={range.max * scale}
                step={range.step * scale}
                value={Math.round(settings.thresholds[name] * scale * 100) / 100}
                onInput={(event) => {
                  const value = event.currentTarget.valueAsNumber;
                  if (Number.isFinite(value)) setThreshold(name, value / scale);
                }}
              />
            </label>
          );
        })}
        <div class="flex items-center gap-3">
          <button type="submit" class={primaryButtonClass}>
            {t('ext.options.saveWatch')}
          </button>
          {message !== '' && (
            <p class="text-sm" role="status">
              {message}
            </p>
          )}
        </div>
      </form>
    </Section>
  );
}

/** The watch's words (the monitor's catalogue area) in the page's language. */
const monitorText = createTranslator(extensionPageText.locale);

function LiveLookupOptions() {
  const { t: say } = monitorText;
  const [settings, setSettings] = useState<LiveLookupSettings>(DEFAULT_LIVE_LOOKUPS);
  const [refused, setRefused] = useState(false);
  useEffect(() => void readLiveLookups().then(setSettings), []);
  const server = dohServer(settings.server);
  const host = new URL(server.endpoint).host;
  const turn = async (enabled: boolean, serverId: string) => {
    const chosen = dohServer(serverId);
    setRefused(false);
    if (enabled) {
      // Must run in the click's user gesture: no await before this call.
      const granted = await browser.permissions.request(dohPermission(chosen));
      if (!granted) {
        setRefused(true);
        return;
      }
    }
    // Only the chosen server's host stays granted.
    for (const other of DOH_SERVERS)
      if (!enabled || other.id !== chosen.id) await browser.permissions.remove(dohPermission(other));
    const next = { enabled, server: chosen.id };
    await writeLiveLookups(next);
    setSettings(next);
  };
  return (
    <Section title={say('monitor.live.title')} id="options-live">
      <div class="space-y-2" data-testid="live-lookup-options">
        <p class={`text-sm ${mutedClass}`}>{say('monitor.live.intro')}</p>
        <div class="flex flex-wrap items-center gap-3 text-sm">
          <label class="flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              checked={settings.enabled}
              data-testid="live-lookups"
              onChange={(event) => void turn(event.currentTarget.checked, settings.server)}
            />
            {say('monitor.live.switch')}
          </label>
          <label class="flex items-center gap-2">
            <span class={mutedClass}>{say('monitor.live.through')}</span>
            <select
              class={inputClass}
              value={settings.server}
              data-testid="doh-server"
              onChange={(event) => {
                const id = event.currentTarget.value;
                if (settings.enabled) void turn(true, id);
                else setSettings({ ...settings, server: id });
              }}
            >
              {DOH_SERVERS.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p class="text-sm" aria-live="polite" data-testid="live-lookups-status">
          {refused
            ? say('monitor.live.notGranted', { host })
            : say(settings.enabled ? 'monitor.live.on' : 'monitor.live.off', { host })}
        </p>
      </div>
    </Section>
  );
}

function LookOptions() {
  const [language, setLanguage] = useState<LanguageSetting>('browser');
  const [theme, setTheme] = useState(() => readSetting('theme') ?? 'system');
  useEffect(() => void readLanguageSetting().then(setLanguage), []);
  const chooseLanguage = async (next: LanguageSetting) => {
    setLanguage(next);
    // The pages read the site's setting (shared with the dashboard), the background and the card this copy.
    if (next === 'browser') localStorage.removeItem('dmarc-lens:locale');
    else writeSetting('locale', next);
    await writeLanguageSetting(next);
    location.reload();
  };
  const chooseTheme = (next: string) => {
    setTheme(next);
    writeSetting('theme', next);
    // usePageTheme listens for other pages' changes; this page is told here.
    dispatchEvent(new StorageEvent('storage', { key: 'dmarc-lens:theme' }));
  };
  return (
    <Section title={t('ext.options.look')} id="options-look">
      <div class="flex flex-wrap gap-6">
        <label class="text-sm">
          <span class="block">{t('ext.options.language')}</span>
          <select
            class={`${inputClass} mt-1`}
            value={language}
            data-testid="language-select"
            onChange={(event) => void chooseLanguage(event.currentTarget.value as LanguageSetting)}
          >
            <option value="browser">{t('ext.options.languageBrowser')}</option>
            <option value="en">English</option>
            <option value="nl">Nederlands</option>
          </select>
        </label>
        <label class="text-sm">
          <span class="block">{t('ext.options.theme')}</span>
          <select
            class={`${inputClass} mt-1`}
            value={theme}
            data-testid="theme-select"
            onChange={(event) => chooseTheme(event.currentTarget.value)}
          >
            <option value="system">{t('ext.options.themeSystem')}</option>
            <option value="light">{t('ext.options.themeLight')}</option>
            <option value="dark">{t('ext.options.themeDark')}</option>
          </select>
        </label>
      </div>
    </Section>
  );
}

function GraphOptions() {
  const [settings, setSettings] = useState<GraphSettings>(DEFAULT_GRAPH_SETTINGS);
  const [message, setMessage] = useState('');
  useEffect(() => void readGraphSettings().then(setSettings), []);
  const redirectUrl = graphRedirectUrl();

  const turnOn = async () => {
    if (!isApplicationId(settings.clientId)) {
      setMessage(t('ext.options.badId'));
      return;
    }
    // Must run in the click's user gesture: no await before this call.
    const granted = await browser.permissions.request(GRAPH_PERMISSIONS);
    if (!granted) {
      setMessage(t('ext.options.notGranted'));
      return;
    }
    const next = { ...settings, clientId: settings.clientId.trim(), enabled: true };
    await writeGraphSettings(next);
    setSettings(next);
    setMessage(t('ext.options.on'));
  };
  const turnOff = async () => {
    await browser.permissions.remove(GRAPH_PERMISSIONS);
    const next = { ...settings, enabled: false };
    await writeGraphSettings(next);
    setSettings(next);
    setMessage(t('ext.options.off'));
  };

  return (
    <Section title={t('ext.options.graph')} id="options-graph">
      <div class="space-y-2">
        <p class="text-sm">
          {fillWith(t('ext.options.graphIntro'), 'url', <code class="break-all">{redirectUrl}</code>)}
        </p>
        <label class="block text-sm">
          {t('ext.options.clientId')}
          <input
            class={`${inputClass} mt-1 block w-full font-mono`}
            value={settings.clientId}
            onInput={(event) => setSettings({ ...settings, clientId: event.currentTarget.value })}
          />
        </label>
        <label class="block text-sm">
          {t('ext.options.tenant')}
          <input
            class={`${inputClass} mt-1 block w-full font-mono`}
            value={settings.tenant}
            onInput={(event) => setSettings({ ...settings, tenant: event.currentTarget.value.trim() || 'common' })}
          />
        </label>
        <div class="flex gap-2">
          {settings.enabled ? (
            <button class={buttonClass} onClick={() => void turnOff()}>
              {t('ext.options.turnOff')}
            </button>
          ) : (
            <button class={primaryButtonClass} onClick={() => void turnOn()}>
              {t('ext.options.turnOn')}
            </button>
          )}
        </div>
        {message !== '' && (
          <p class="text-sm" role="status">
            {message}
          </p>
        )}
      </div>
    </Section>
  );
}

/** A sentence with an element in place of its `{name}` parameter, the rest text. */
function fillWith(template: string, name: string, element: ComponentChildren): ComponentChildren[] {
  const [before = '', after = ''] = template.split(`{${name}}`);
  return [before, element, after];
}

render(<Options />, document.getElementById('app')!);
