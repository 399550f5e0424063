// The toolbar popup: recently saved reports, a drop zone, and the way to the dashboard.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import '../../ui/extensionPages.css';
import { DropZone } from '../../ui/DropZone';
import { RecentReports } from '../../ui/RecentReports';
import { dashboardUrl, dropPageUrl } from '../../pages/extensionPageUrls';

function Popup() {
  const [refresh, setRefresh] = useState(0);
  return (
    <main class="space-y-3 p-3 font-sans text-slate-900">
      <header class="flex items-baseline justify-between">
        <h1 class="text-lg font-bold text-indigo-800">DMARC Lens</h1>
        <a class="text-sm text-indigo-700 underline" href={dashboardUrl()} target="_blank" data-testid="dashboard-link">
          Open dashboard
        </a>
      </header>
      <section>
        <h2 class="text-sm font-semibold text-slate-700">Recent reports</h2>
        <RecentReports refresh={refresh} />
      </section>
      <section>
        <DropZone onImported={() => setRefresh((n) => n + 1)} />
        <p class="mt-1 text-xs text-slate-500">
          Some browsers close this popup while a file dialog is open:{' '}
          <a class="underline" href={dropPageUrl()} target="_blank">
            use the full page
          </a>
          .
        </p>
      </section>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
