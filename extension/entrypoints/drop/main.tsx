// "Download it, then drop it here": where the Outlook card sends the user when no tier can read the attachment.
import { render } from 'preact';
import '../../ui/extensionPages.css';
import { DropZone } from '../../ui/DropZone';
import { dashboardUrl } from '../../pages/extensionPageUrls';
import { extensionPageText } from '../../ui/extensionPageText';

const { t } = extensionPageText;
document.documentElement.lang = extensionPageText.locale;
document.title = t('ext.dropPage.title');

function DropPage() {
  const expected = new URLSearchParams(location.search).get('file') ?? undefined;
  return (
    <main class="mx-auto max-w-2xl space-y-4 p-8 font-sans text-slate-900">
      <h1 class="text-2xl font-bold text-indigo-800">{t('ext.dropPage.heading')}</h1>
      {expected !== undefined && (
        <ol class="list-decimal space-y-1 pl-6" data-testid="drop-steps">
          <li>{t('ext.dropPage.download', { file: expected })}</li>
          <li>{t('ext.dropPage.drop')}</li>
        </ol>
      )}
      <DropZone expectedFileName={expected} />
      <p class="text-sm text-slate-600">
        {t('ext.dropPage.private')}{' '}
        <a class="text-indigo-700 underline" href={dashboardUrl()}>
          {t('ext.dropPage.dashboard')}
        </a>
      </p>
    </main>
  );
}

render(<DropPage />, document.getElementById('app')!);
