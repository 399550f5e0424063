// Options: the opt-in Microsoft Graph mode for Outlook. Turning it on asks the browser for the optional permissions
// (identity + the Microsoft hosts) from this click; turning it off gives them back.
import { render, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../../ui/extensionPages.css';
import {
  DEFAULT_GRAPH_SETTINGS,
  GRAPH_PERMISSIONS,
  graphRedirectUrl,
  isApplicationId,
  readGraphSettings,
  writeGraphSettings,
  type GraphSettings,
} from '../../graph/graphSettings';
import { extensionPageText } from '../../ui/extensionPageText';

const { t } = extensionPageText;
document.documentElement.lang = extensionPageText.locale;
document.title = t('ext.options.heading');

function Options() {
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
    <main class="mx-auto max-w-2xl space-y-4 p-8 font-sans text-slate-900">
      <h1 class="text-2xl font-bold text-indigo-800">{t('ext.options.heading')}</h1>
      <section class="space-y-2">
        <h2 class="text-lg font-semibold">{t('ext.options.graph')}</h2>
        <p class="text-sm">
          {fillWith(t('ext.options.graphIntro'), 'url', <code class="break-all">{redirectUrl}</code>)}
        </p>
        <label class="block text-sm">
          {t('ext.options.clientId')}
          <input
            class="mt-1 block w-full rounded border border-slate-300 p-1 font-mono"
            value={settings.clientId}
            onInput={(event) => setSettings({ ...settings, clientId: event.currentTarget.value })}
          />
        </label>
        <label class="block text-sm">
          {t('ext.options.tenant')}
          <input
            class="mt-1 block w-full rounded border border-slate-300 p-1 font-mono"
            value={settings.tenant}
            onInput={(event) => setSettings({ ...settings, tenant: event.currentTarget.value.trim() || 'common' })}
          />
        </label>
        <div class="flex gap-2">
          {settings.enabled ? (
            <button class="rounded border border-indigo-700 px-3 py-1" onClick={() => void turnOff()}>
              {t('ext.options.turnOff')}
            </button>
          ) : (
            <button class="rounded bg-indigo-700 px-3 py-1 text-white" onClick={() => void turnOn()}>
              {t('ext.options.turnOn')}
            </button>
          )}
        </div>
        {message !== '' && (
          <p class="text-sm" role="status">
            {message}
          </p>
        )}
      </section>
    </main>
  );
}

/** A sentence with an element in place of its `{name}` parameter, the rest text. */
function fillWith(template: string, name: string, element: ComponentChildren): ComponentChildren[] {
  const [before = '', after = ''] = template.split(`{${name}}`);
  return [before, element, after];
}

render(<Options />, document.getElementById('app')!);
