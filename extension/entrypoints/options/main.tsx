// Options: the opt-in Microsoft Graph mode for Outlook. Turning it on asks the browser for the optional permissions
// (identity + the Microsoft hosts) from this click; turning it off gives them back.
import { render } from 'preact';
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

function Options() {
  const [settings, setSettings] = useState<GraphSettings>(DEFAULT_GRAPH_SETTINGS);
  const [message, setMessage] = useState('');
  useEffect(() => void readGraphSettings().then(setSettings), []);
  const redirectUrl = graphRedirectUrl();

  const turnOn = async () => {
    if (!isApplicationId(settings.clientId)) {
      setMessage('The application id is a GUID like 00000000-0000-0000-0000-000000000000.');
      return;
    }
    // Must run in the click's user gesture: no await before this call.
    const granted = await browser.permissions.request(GRAPH_PERMISSIONS);
    if (!granted) {
      setMessage('Graph mode stays off: the permissions were not granted.');
      return;
    }
    const next = { ...settings, clientId: settings.clientId.trim(), enabled: true };
    await writeGraphSettings(next);
    setSettings(next);
    setMessage('Graph mode is on. Outlook attachments are read through Microsoft Graph after you sign in once.');
  };
  const turnOff = async () => {
    await browser.permissions.remove(GRAPH_PERMISSIONS);
    const next = { ...settings, enabled: false };
    await writeGraphSettings(next);
    setSettings(next);
    setMessage('Graph mode is off; its permissions were given back.');
  };

  return (
    <main class="mx-auto max-w-2xl space-y-4 p-8 font-sans text-slate-900">
      <h1 class="text-2xl font-bold text-indigo-800">DMARC Lens options</h1>
      <section class="space-y-2">
        <h2 class="text-lg font-semibold">Outlook: Microsoft Graph mode (optional)</h2>
        <p class="text-sm">
          Outlook on the web does not let extensions read attachments. With Graph mode on, DMARC Lens reads report
          attachments through Microsoft Graph (permission Mail.Read) with an application you register in Microsoft
          Entra: add this extension's redirect URL <code class="break-all">{redirectUrl}</code> as a single-page
          application redirect. Without it, the card in Outlook offers "download it, then drop it here".
        </p>
        <label class="block text-sm">
          Application (client) id
          <input
            class="mt-1 block w-full rounded border border-slate-300 p-1 font-mono"
            value={settings.clientId}
            onInput={(event) => setSettings({ ...settings, clientId: event.currentTarget.value })}
          />
        </label>
        <label class="block text-sm">
          Tenant (common, organizations, consumers or a tenant id)
          <input
            class="mt-1 block w-full rounded border border-slate-300 p-1 font-mono"
            value={settings.tenant}
            onInput={(event) => setSettings({ ...settings, tenant: event.currentTarget.value.trim() || 'common' })}
          />
        </label>
        <div class="flex gap-2">
          {settings.enabled ? (
            <button class="rounded border border-indigo-700 px-3 py-1" onClick={() => void turnOff()}>
              Turn Graph mode off
            </button>
          ) : (
            <button class="rounded bg-indigo-700 px-3 py-1 text-white" onClick={() => void turnOn()}>
              Turn Graph mode on
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

render(<Options />, document.getElementById('app')!);
