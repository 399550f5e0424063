// "Download it, then drop it here": where the Outlook card sends the user when no tier can read the attachment.
import { render } from 'preact';
import '../../ui/extensionPages.css';
import { DropZone } from '../../ui/DropZone';
import { dashboardUrl } from '../../pages/extensionPageUrls';

function DropPage() {
  const expected = new URLSearchParams(location.search).get('file') ?? undefined;
  return (
    <main class="mx-auto max-w-2xl space-y-4 p-8 font-sans text-slate-900">
      <h1 class="text-2xl font-bold text-indigo-800">Read a report with DMARC Lens</h1>
      {expected !== undefined && (
        <ol class="list-decimal space-y-1 pl-6" data-testid="drop-steps">
          <li>
            In Outlook, download <span class="font-mono break-all">{expected}</span> (the attachment's menu → Download).
          </li>
          <li>Drop the downloaded file below, or click to pick it from your Downloads folder.</li>
        </ol>
      )}
      <DropZone expectedFileName={expected} />
      <p class="text-sm text-slate-600">
        The file is read here, in your browser, and saved in this extension's own storage; it is never uploaded.{' '}
        <a class="text-indigo-700 underline" href={dashboardUrl()}>
          Open the dashboard
        </a>
      </p>
    </main>
  );
}

render(<DropPage />, document.getElementById('app')!);
