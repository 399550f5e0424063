// DMARC Lens, the whole app: mountable anywhere (the site's index.html, the extension's dashboard page). It keeps no
// assumption about URL or base path (hash routes) and stores everything in the IndexedDB of the origin it runs on.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ImporterContext } from './app/ImporterContext';
import { LazySlot } from './app/LazySlot';
import { useObservable } from './app/Observable';
import { ROUTES, useHashRoute, type Route } from './app/useHashRoute';
import { DashboardPage } from './dashboard/DashboardPage';
import { DataPage } from './data/DataPage';
import { OverviewPage } from './overview/OverviewPage';
import { I18nProvider, LOCALES, preferredLocale, readSetting, useI18n, writeSetting, type Locale } from './i18n/i18n';
import type { MessageKey } from '../../core/i18n';
import { ImportController } from './import/ImportController';
import { ImportPage, ImportStatus } from './import/ImportPanel';
import { collectDroppedFiles } from './import/collectDroppedFiles';
import { SampleDataNotice } from './import/SampleDataNotice';
import { labelTableCells } from './ui/labelTableCells';
import { showInvisibleCharacters } from './ui/showInvisibleCharacters';
import { inputClass, linkButtonClass, mutedClass } from './ui/ui';
import { usePageFocus } from './ui/usePageFocus';
import { PrintLink } from './print/PrintLink';
import { PrintReport } from './print/PrintReport';
import { usePrintView } from './print/printView';

// Delivered by the DNS-records and sender-intelligence engineers; wired by file name (see LazySlot).
const recordsPage = import.meta.glob('./dns/RecordsPage.tsx');
const sendersPanel = import.meta.glob('./senders/SendersPanel.tsx');

type Theme = 'system' | 'light' | 'dark';

function usePrefersDark(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const update = () => setDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return dark;
}

const NAV_LABELS: Record<Route, MessageKey> = {
  overview: 'overview.nav',
  dashboard: 'nav.dashboard',
  import: 'nav.import',
  senders: 'nav.senders',
  records: 'nav.records',
  data: 'nav.data',
};

/**
 * The import's progress under the header on every page but Import. It subscribes on its own: the shell around the
 * page (and the page) must not render again for every progress step of an import.
 */
function HeaderImportStatus({ importer }: { importer: ImportController }) {
  const { t } = useI18n();
  const progress = useObservable(importer.progress);
  if (progress.total === 0) return null;
  return (
    <div class="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 pb-3">
      <ImportStatus progress={progress} compact />
      {!progress.running && (
        <>
          <a href="#/import" class={linkButtonClass}>
            {t('import.results')}
          </a>
          <button type="button" class={linkButtonClass} onClick={() => importer.dismiss()}>
            {t('import.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}

function Shell({
  locale,
  onLocale,
  theme,
  onTheme,
  importer,
}: {
  locale: Locale;
  onLocale: (l: Locale) => void;
  theme: Theme;
  onTheme: (t: Theme) => void;
  importer: ImportController;
}) {
  const { t } = useI18n();
  const route = useHashRoute();
  const print = usePrintView();
  usePageFocus(
    print ? 'print' : route,
    t('housekeeping.title', {
      page: print ? t('housekeeping.print.docTitle', { domain: print.domain ?? '' }) : t(NAV_LABELS[route]),
    }),
    importer.progress,
  );
  const [dragging, setDragging] = useState(false);

  // Drop anywhere on the page: listeners on the window, so the whole viewport is a drop zone, folders included.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer || !hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void collectDroppedFiles(e.dataTransfer).then((files) => {
        if (files.length > 0) void importer.start(files);
      });
    };
    addEventListener('dragenter', enter);
    addEventListener('dragleave', leave);
    addEventListener('dragover', over);
    addEventListener('drop', drop);
    return () => {
      removeEventListener('dragenter', enter);
      removeEventListener('dragleave', leave);
      removeEventListener('dragover', over);
      removeEventListener('drop', drop);
    };
  }, [importer]);

  // The report to print has the page to itself: no header, menu or footer on paper.
  if (print) {
    return (
      <div class="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <main id="main" class="mx-auto max-w-5xl px-4 py-6">
          <PrintReport view={print} />
        </main>
      </div>
    );
  }

  return (
    <div class="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 focus:text-blue-800"
      >
        {t('app.skip')}
      </a>
      <header class="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div class="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <a href="#/" class="flex items-baseline gap-2 text-lg font-bold tracking-tight">
            <span aria-hidden="true" class="text-blue-700 dark:text-blue-400">
              ◉
            </span>
            {t('app.title')}
          </a>
          <nav aria-label={t('nav.label')} class="flex flex-wrap gap-1">
            {ROUTES.map((r) => (
              <a
                key={r}
                href={`#/${r}`}
                aria-current={route === r ? 'page' : undefined}
                class={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
                  route === r
                    ? 'bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                }`}
              >
                {t(NAV_LABELS[r])}
              </a>
            ))}
          </nav>
          <div class="ml-auto flex items-center gap-3 text-sm">
            <label class="flex items-center gap-1.5">
              <span class={mutedClass}>{t('theme.label')}</span>
              <select
                class={inputClass}
                value={theme}
                onChange={(e) => onTheme(e.currentTarget.value as Theme)}
                data-testid="theme-select"
              >
                <option value="system">{t('theme.system')}</option>
                <option value="light">{t('theme.light')}</option>
                <option value="dark">{t('theme.dark')}</option>
              </select>
            </label>
            <label class="flex items-center gap-1.5">
              <span class={mutedClass}>{t('lang.label')}</span>
              <select
                class={inputClass}
                value={locale}
                onChange={(e) => onLocale(e.currentTarget.value as Locale)}
                data-testid="language-select"
              >
                {LOCALES.map((l) => (
                  <option key={l.code} value={l.code} lang={l.code}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
        {route !== 'import' && <HeaderImportStatus importer={importer} />}
        <SampleDataNotice />
      </header>
      <main id="main" class="mx-auto max-w-7xl px-4 py-6">
        {route === 'overview' && <OverviewPage />}
        {route === 'dashboard' && <PrintLink />}
        {route === 'dashboard' && <DashboardPage />}
        {route === 'import' && <ImportPage />}
        {route === 'senders' && (
          <LazySlot loaders={sendersPanel} exportName="SendersPanel" fallback={t('slot.senders')} />
        )}
        {route === 'records' && (
          <LazySlot loaders={recordsPage} exportName="RecordsPage" fallback={t('slot.records')} />
        )}
        {route === 'data' && <DataPage />}
      </main>
      <footer class={`mx-auto max-w-7xl px-4 pb-8 text-xs ${mutedClass}`}>{t('app.privacy')}</footer>
      {dragging && (
        <div
          class="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-blue-900/40 p-8"
          aria-hidden="true"
        >
          <div class="rounded-2xl border-4 border-dashed border-white px-10 py-8 text-2xl font-semibold text-white">
            {t('import.dropHere')}
          </div>
        </div>
      )}
    </div>
  );
}

/** How long after the app starts its import workers are started. */
const WARM_UP_AFTER_MS = 500;

// Before anything renders: report strings can carry characters that draw nothing or reorder the text around them.
showInvisibleCharacters();
// Phones show tables as cards: each cell names its column (styles.css).
labelTableCells();

export function App() {
  const [locale, setLocale] = useState<Locale>(preferredLocale);
  const [theme, setTheme] = useState<Theme>(() => {
    const saved = readSetting('theme');
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  });
  const prefersDark = usePrefersDark();
  const importer = useMemo(() => new ImportController(), []);
  useEffect(() => {
    // The import workers start once the page has settled, so that an import does not wait for them to load.
    const warm = setTimeout(() => importer.warmUp(), WARM_UP_AFTER_MS);
    return () => {
      clearTimeout(warm);
      importer.dispose();
    };
  }, [importer]);
  const dark = theme === 'dark' || (theme === 'system' && prefersDark);
  useEffect(() => {
    // The document's own language and colour scheme follow the app (form controls and scrollbars too).
    document.documentElement.lang = locale;
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [locale, dark]);
  return (
    <I18nProvider locale={locale}>
      <ImporterContext.Provider value={importer}>
        <div class={dark ? 'dark' : ''} data-theme={dark ? 'dark' : 'light'}>
          <Shell
            locale={locale}
            onLocale={(l) => {
              setLocale(l);
              writeSetting('locale', l);
            }}
            theme={theme}
            onTheme={(t) => {
              setTheme(t);
              writeSetting('theme', t);
            }}
            importer={importer}
          />
        </div>
      </ImporterContext.Provider>
    </I18nProvider>
  );
}
