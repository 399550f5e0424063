// One report in one line: reporter → domain, dates, messages, DMARC pass rate (the inline card's numbers).
import type { CardReportSummary } from '../messaging/messages';
import { formatCount, formatPassRate, formatReportDays } from './reportSummaryText';

export function ReportSummaryLine({ summary }: { summary: CardReportSummary }) {
  const passRate = formatPassRate(summary.passRate);
  return (
    <div data-report-key={summary.key}>
      <span class="font-semibold">{summary.orgName || 'unnamed reporter'}</span> → {summary.domain}
      <span class="text-slate-600">
        {' '}
        · {formatReportDays(summary.begin, summary.end)} ·{' '}
        <span data-field="messages">{formatCount(summary.messages)}</span>{' '}
        {summary.kind === 'tls' ? 'sessions' : 'messages'}
        {passRate !== undefined && (
          <>
            {' '}
            · <span data-field="pass-rate">{passRate}</span> pass
          </>
        )}
      </span>
    </div>
  );
}
