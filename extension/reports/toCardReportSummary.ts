// The inline card's numbers, taken from core's summarizeReport so the card and the rest of DMARC Lens always agree.
import { reportKey, summarizeReport } from '../../core/analysis';
import type { ParsedReport } from '../../core/report';
import { cardErrorText } from '../messaging/cardErrors';
import type { CardReportSummary } from '../messaging/messages';

export function toCardReportSummary(parsed: ParsedReport): CardReportSummary {
  const summary = summarizeReport(parsed.report);
  const common = {
    key: reportKey(parsed.report),
    orgName: summary.orgName,
    domain: summary.domain,
    warnings: parsed.warnings,
  };
  switch (summary.kind) {
    case 'aggregate':
      return {
        ...common,
        kind: 'aggregate',
        begin: summary.begin,
        end: summary.end,
        messages: summary.messages,
        passRate: summary.dmarcPassRate,
        topFailingSources: summary.topFailingSources.map((source) => ({
          label: source.sourceIp,
          count: source.messages,
        })),
        details: [],
      };
    case 'tls': {
      const sessions = summary.successfulSessions + summary.failedSessions;
      return {
        ...common,
        kind: 'tls',
        begin: summary.begin,
        end: summary.end,
        messages: sessions,
        passRate: sessions === 0 ? undefined : summary.successfulSessions / sessions,
        topFailingSources: [],
        details:
          summary.failedSessions === 0
            ? []
            : [
                cardErrorText('ext.detail.tlsFailures', {
                  count: summary.failedSessions,
                  types: summary.failureTypes.join(', '),
                }),
              ],
      };
    }
    case 'failure':
      return {
        ...common,
        kind: 'failure',
        begin: summary.arrivalTime ?? 0,
        end: summary.arrivalTime ?? 0,
        messages: 1,
        passRate: undefined,
        topFailingSources: summary.sourceIp === '' ? [] : [{ label: summary.sourceIp, count: 1 }],
        details:
          summary.authFailure === '' ? [] : [cardErrorText('ext.detail.authFailure', { failure: summary.authFailure })],
      };
  }
}
