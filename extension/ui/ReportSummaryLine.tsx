// One report in one line: reporter → domain, dates, messages, DMARC pass rate (the inline card's numbers).
import type { CardReportSummary } from '../messaging/messages';

export function ReportSummaryLine({ summary }: { summary: CardReportSummary }) {
  const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
  return (
    <div data-report-key={summary.key}>
      <span class="font-semibold">{summary.orgName || 'unnamed reporter'}</span> → {summary.domain}
      <span class="text-slate-600">
        {' '}
        · {day(summary.begin)} – {day(summary.end)} · <span data-field="messages">{summary.messages.toLocaleString()}</span>{' '}
        {summary.kind === 'tls' ? 'sessions' : 'messages'}
        {summary.passRate !== undefined && (
          <>
            {' '}
            · <span data-field="pass-rate">{(summary.passRate * 100).toFixed(1)} %</span> pass
          </>
        )}
      </span>
    </div>
  );
}
