// One report in one line: reporter → domain, dates, messages, DMARC pass rate (the inline card's numbers).
import type { CardReportSummary } from '../messaging/messages';
import { extensionText } from './extensionText';
import { formatCounted, formatPassRate, formatReportDays } from './reportSummaryText';

export function ReportSummaryLine({ summary }: { summary: CardReportSummary }) {
  const { t } = extensionText;
  const passRate = formatPassRate(summary.passRate);
  return (
    <div data-report-key={summary.key}>
      <span class="font-semibold">{summary.orgName || t('ext.unnamedReporter')}</span> → {summary.domain}
      <span class="text-slate-600 dark:text-slate-400">
        {' '}
        · {formatReportDays(summary.begin, summary.end)} ·{' '}
        <span data-field="messages" data-value={String(summary.messages)}>
          {formatCounted(summary.messages, summary.kind === 'tls' ? 'sessions' : 'messages')}
        </span>
        {passRate !== undefined && (
          <>
            {' '}
            · <span data-field="pass-rate">{t('ext.passRate', { percent: passRate })}</span>
          </>
        )}
      </span>
    </div>
  );
}
