// Alerts and findings in words, in the reader's language: a notification's text, the dashboard's alert list.
import {
  explanationFormatOf,
  formatExplanation,
  labelExplanation,
  type ExplanationParam,
  type WatchAlert,
  type WatchFinding,
} from '../../core/analysis';
import type { MessageKey, Translator } from '../../core/i18n';

type Text = Translator<MessageKey>;

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A share (0–1) as a whole percentage, one decimal between 0 and 100: "86.7%", "86,7%". */
export function formatShare(share: number, text: Text): string {
  let format = percentFormats.get(text.locale);
  if (!format) {
    format = new Intl.NumberFormat(text.locale, { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(text.locale, format);
  }
  return format.format(share);
}

/** Core's explanations (readiness, source names) in the reader's language, as the Senders page writes them. */
export function explainIn(text: Text, value: ExplanationParam): string {
  return formatExplanation(value, explanationFormatOf(text));
}

/** A source's name in the reader's language ("Others' accounts at Google" and the like). */
export function sourceName(text: Text, key: string, label: string): string {
  return explainIn(text, labelExplanation(key, label));
}

/** Messages a day, with at most one decimal. */
function formatRate(messages: number, days: number, text: Text): string {
  const rate = days > 0 ? messages / days : 0;
  return new Intl.NumberFormat(text.locale, { maximumFractionDigits: 1 }).format(rate);
}

/** What a finding says now. */
export function findingText(finding: WatchFinding, text: Text): string {
  const { t } = text;
  switch (finding.kind) {
    case 'source': {
      const source = sourceName(text, finding.key, finding.label);
      const params = {
        source,
        aligned: finding.alignedMessages,
        messages: finding.ownMessages,
        day: finding.lastDay,
      };
      if (finding.status === 'passing') {
        return finding.isNew
          ? t('monitor.watch.source.new', { source, day: finding.firstDay })
          : t('monitor.watch.source.passesAgain', params);
      }
      if (finding.isNew) return t('monitor.watch.source.newFailing', params);
      if (finding.wasPassing === true && finding.alignedShareBefore !== undefined)
        return t('monitor.watch.source.startedFailing', {
          ...params,
          before: formatShare(finding.alignedShareBefore, text),
        });
      return t('monitor.watch.source.failing', params);
    }
    case 'spoofing':
      return finding.spike
        ? t('monitor.watch.spoofing.spike', {
            count: finding.recentSpoofed,
            days: finding.recentDays,
            rate: formatRate(finding.recentSpoofed, finding.recentDays, text),
            usual: formatRate(finding.baselineSpoofed, finding.baselineDays, text),
          })
        : t('monitor.watch.spoofing.usual', { count: finding.recentSpoofed, days: finding.recentDays });
    case 'policy':
      return t('monitor.watch.policy.changed', {
        now: finding.now,
        since: finding.since ?? '',
        before: finding.before ?? '',
        until: finding.until ?? '',
      });
    case 'drift':
      if (finding.problem) {
        return t(`monitor.watch.drift.${finding.problem}`, { reporter: finding.reporter, reported: finding.reported });
      }
      return finding.level === 'problem'
        ? t('monitor.watch.drift.differs', {
            published: finding.published,
            reported: finding.reported,
            reporter: finding.reporter,
          })
        : t('monitor.watch.drift.same', { reported: finding.reported });
    case 'silence':
      return finding.level === 'problem'
        ? t('monitor.watch.silence.silent', { days: finding.daysSilent, day: finding.lastDay })
        : t('monitor.watch.silence.back', { day: finding.lastDay });
  }
}

/** What an alert says: the finding as it is now, or, for a condition that is simply gone, that it ended. */
export function alertText(alert: WatchAlert, text: Text): string {
  if (alert.change !== 'resolved') return findingText(alert.finding, text);
  if (alert.finding) return findingText(alert.finding, text);
  const { was } = alert;
  switch (was.kind) {
    case 'source':
      // The id is `source:<domain>:<key>`; a domain has no colon, a key may (ip:…, asn:…).
      return text.t('monitor.watch.source.gone', {
        source: sourceName(text, alert.id.split(':').slice(2).join(':'), was.label ?? ''),
        day: was.lastDay ?? '',
      });
    case 'spoofing':
      return text.t('monitor.watch.spoofing.ended');
    case 'drift':
      return text.t('monitor.watch.drift.ended');
    case 'silence':
      return text.t('monitor.watch.silence.ended');
    case 'policy':
      return was.state;
  }
}
