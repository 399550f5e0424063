// The toolbar popup: recently saved reports, a drop zone, and the way to the dashboard.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import '../../ui/extensionPages.css';
import { DropZone } from '../../ui/DropZone';
import { RecentReports } from '../../ui/RecentReports';
import { dashboardUrl, dropPageUrl } from '../../pages/extensionPageUrls';
import { extensionPageText } from '../../ui/extensionPageText';

const { t } = extensionPageText;
document.documentElement.lang = extensionPageText.locale;

function Popup() {
  const [refresh, setRefresh] = useState(0);
  return (
    <main class="space-y-3 p-3 font-sans text-slate-900">
      <header class="flex items-baseline justify-between">
        <h1 class="text-lg font-bold text-indigo-800">DMARC Lens</h1>
        <a class="text-sm text-indigo-700 underline" href={dashboardUrl()} target="_blank" data-testid="dashboard-link">
          {t('ext.popup.dashboard')}
        </a>
      </header>
      <section>
        <h2 class="text-sm font-semibold text-slate-700">{t('ext.popup.recent')}</h2>
        <RecentReports refresh={refresh} />
      </section>
      <section>
        <DropZone onImported={() => setRefresh((n) => n + 1)} />
        <p class="mt-1 text-xs text-slate-500">
          {t('ext.popup.fileDialog')}{' '}
          <a class="underline" href={dropPageUrl()} target="_blank">
            {t('ext.popup.fullPage')}
          </a>
          .
        </p>
      </section>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
