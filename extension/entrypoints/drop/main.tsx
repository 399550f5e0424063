// "Download it, then drop it here": where the Outlook card sends the user when no tier can read the attachment.
import { render } from 'preact';
import '../../ui/extensionPages.css';
import { DropZone } from '../../ui/DropZone';
import { dashboardUrl } from '../../pages/extensionPageUrls';
import { extensionPageText } from '../../ui/extensionPageText';
import { PageFrame } from '../../ui/PageFrame';
import { linkButtonClass, mutedClass } from '../../../site/src/ui/ui';

const { t } = extensionPageText;
document.documentElement.lang = extensionPageText.locale;
document.title = t('ext.dropPage.title');

function DropPage() {
  const expected = new URLSearchParams(location.search).get('file') ?? undefined;
  return (
    <PageFrame title={t('ext.dropPage.heading')} wide>
      {expected !== undefined && (
        <ol class="list-decimal space-y-1 pl-6" data-testid="drop-steps">
          <li>{t('ext.dropPage.download', { file: expected })}</li>
          <li>{t('ext.dropPage.drop')}</li>
        </ol>
      )}
      <DropZone expectedFileName={expected} />
      <p class={`text-sm ${mutedClass}`}>
        {t('ext.dropPage.private')}{' '}
        <a class={linkButtonClass} href={dashboardUrl()}>
          {t('ext.dropPage.dashboard')}
        </a>
      </p>
    </PageFrame>
  );
}

render(<DropPage />, document.getElementById('app')!);
