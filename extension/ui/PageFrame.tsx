// The frame of the extension's own pages (popup, options, drop page): the site's look (its slate and blue, its
// sections and buttons), the mark, and light or dark as chosen.
import type { ComponentChildren } from 'preact';
import { extensionFileUrl } from '../monitor/showAlerts';
import { usePageTheme } from './usePageTheme';

export function PageFrame({ title, wide, children }: { title?: string; wide?: boolean; children: ComponentChildren }) {
  const dark = usePageTheme();
  return (
    <div class={dark ? 'dark' : ''}>
      <div class="min-h-full bg-slate-50 font-sans text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <main class={`mx-auto space-y-4 ${wide ? 'min-h-screen max-w-2xl p-6 sm:p-8' : 'p-3'}`}>
          <header class="flex items-center gap-2">
            <img src={extensionFileUrl('/icons/32.png')} alt="" width={wide ? 32 : 24} height={wide ? 32 : 24} />
            <h1 class={`${wide ? 'text-2xl' : 'text-lg'} font-bold tracking-tight`}>{title ?? 'DMARC Lens'}</h1>
          </header>
          {children}
        </main>
      </div>
    </div>
  );
}
