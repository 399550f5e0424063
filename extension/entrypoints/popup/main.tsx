// The toolbar popup: the way to the alerts and the dashboard, recently saved reports, and a drop zone.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import '../../ui/extensionPages.css';
import { DropZone } from '../../ui/DropZone';
import { RecentReports } from '../../ui/RecentReports';
import { dashboardUrl, dropPageUrl, watchUrl } from '../../pages/extensionPageUrls';
import { extensionPageText } from '../../ui/extensionPageText';
import { PageFrame } from '../../ui/PageFrame';
import { linkButtonClass, mutedClass } from '../../../site/src/ui/ui';

const { t } = extensionPageText;
document.documentElement.lang = extensionPageText.locale;

function Popup() {
  const [refresh, setRefresh] = useState(0);
  return (
    <PageFrame>
      <nav class="flex flex-wrap gap-x-4 gap-y-1">
        <a class={linkButtonClass} href={watchUrl()} target="_blank" data-testid="watch-link">
          {t('ext.popup.watch')}
        </a>
        <a class={linkButtonClass} href={dashboardUrl()} target="_blank" data-testid="dashboard-link">
          {t('ext.popup.dashboard')}
        </a>
      </nav>
      <section class="rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h2 class="text-sm font-semibold">{t('ext.popup.recent')}</h2>
        <RecentReports refresh={refresh} />
      </section>
      <section>
        <DropZone onImported={() => setRefresh((n) => n + 1)} />
        <p class={`mt-1 text-xs ${mutedClass}`}>
          {t('ext.popup.fileDialog')}{' '}
          <a class="underline" href={dropPageUrl()} target="_blank">
            {t('ext.popup.fullPage')}
          </a>
          .
        </p>
      </section>
    </PageFrame>
  );
}

render(<Popup />, document.getElementById('app')!);
