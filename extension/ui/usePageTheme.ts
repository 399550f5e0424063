// Light or dark for the extension's own pages: the theme chosen in the options (or in the dashboard, which shares the
// setting: the site's `dmarc-lens:theme` in this extension origin's localStorage), else the system's.
import { useEffect, useState } from 'preact/hooks';
import { readSetting } from '../../site/src/i18n/i18n';

function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Whether the page is dark now: the setting, else the system's choice. */
export function pageIsDark(): boolean {
  const setting = readSetting('theme');
  return setting === 'dark' || (setting !== 'light' && systemDark());
}

/** Whether the page is dark, following the system while the setting is "system"; sets the document's colour scheme. */
export function usePageTheme(): boolean {
  const [dark, setDark] = useState(pageIsDark);
  useEffect(() => {
    const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
    const update = () => setDark(pageIsDark());
    query?.addEventListener('change', update);
    addEventListener('storage', update);
    return () => {
      query?.removeEventListener('change', update);
      removeEventListener('storage', update);
    };
  }, []);
  useEffect(() => {
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
  return dark;
}
