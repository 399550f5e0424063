// The most recently saved reports of this extension's store, newest first.
import { useEffect, useState } from 'preact/hooks';
import { listAllReports, type StoredReport } from '../../core/store';
import { dashboardUrl } from '../pages/extensionPageUrls';
import { extensionDatabase } from '../reports/saveParsedReports';
import { mutedClass } from '../../site/src/ui/ui';
import { extensionPageText } from './extensionPageText';
import { formatCounted, formatReportDays } from './reportSummaryText';

const RECENT_COUNT = 6;

async function readRecentReports(): Promise<StoredReport[]> {
  const db = await extensionDatabase();
  const reports = await listAllReports(db);
  return reports.sort((a, b) => b.importedAt - a.importedAt).slice(0, RECENT_COUNT);
}

export function RecentReports({ refresh }: { refresh: number }) {
  const [reports, setReports] = useState<StoredReport[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const { t } = extensionPageText;
  useEffect(() => {
    readRecentReports().then(setReports, (e: unknown) =>
      setError(extensionPageText.t('ext.recent.couldNotRead', { error: String(e) })),
    );
  }, [refresh]);
  if (error !== undefined) return <p class="text-sm text-red-700 dark:text-red-300">{error}</p>;
  if (reports === undefined) return <p class={`text-sm ${mutedClass}`}>{t('ext.recent.loading')}</p>;
  if (reports.length === 0) return <p class={`text-sm ${mutedClass}`}>{t('ext.recent.none')}</p>;
  return (
    <ul class="divide-y divide-slate-200 dark:divide-slate-800" data-testid="recent-reports">
      {reports.map((report) => (
        <RecentReport key={report.key} report={report} />
      ))}
    </ul>
  );
}

/** One saved report: reporter → domain, its days and what it counts. */
export function RecentReport({ report }: { report: StoredReport }) {
  const { t } = extensionPageText;
  return (
    <li class="py-1.5 text-sm">
      <a
        class="block rounded hover:bg-slate-50 dark:hover:bg-slate-800"
        href={dashboardUrl(report.domain)}
        target="_blank"
      >
        <span class="font-semibold">{report.orgName || t('ext.unnamedReporter')}</span> → {report.domain}
        <span class={`block text-xs ${mutedClass}`}>
          {formatReportDays(report.begin, report.end)}
          {report.kind === 'aggregate' && ` · ${formatCounted(report.messageCount, 'messages')}`}
          {report.kind === 'tls' &&
            ` · ${formatCounted(report.successfulSessions + report.failedSessions, 'sessions')}`}
          {report.kind === 'failure' && ` · ${t('ext.failureReport')}`}
        </span>
      </a>
    </li>
  );
}
