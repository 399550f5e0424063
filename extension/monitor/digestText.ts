// The weekly digest as plain text, for "copy as e-mail text": the same figures the dashboard shows, in lines that read
// in any mail client (no tables, no markup).
import type { WeeklyDigest } from '../../core/analysis';
import type { MessageKey, Translator } from '../../core/i18n';
import { explainIn, findingText, formatShare, sourceName } from './alertText';

type Text = Translator<MessageKey>;

/** "1,234 (1,230 passing DMARC, 99.7%)". */
function countsLine(counts: WeeklyDigest['thisWeek'], text: Text): string {
  const rate =
    counts.messages > 0 ? formatShare(counts.dmarcPass / counts.messages, text) : text.t('monitor.watch.digest.noRate');
  return `${text.number(counts.messages)} · ${text.t('monitor.watch.digest.passing')}: ${text.number(counts.dmarcPass)} (${rate})`;
}

export function digestSubject(digest: WeeklyDigest, text: Text): string {
  return text.t('monitor.watch.digest.subject', { domain: digest.domain, from: digest.from, to: digest.to });
}

export function digestText(digest: WeeklyDigest, text: Text): string {
  const { t } = text;
  const lines: string[] = [
    digestSubject(digest, text),
    '',
    `${t('monitor.watch.digest.volume')}`,
    `- ${t('monitor.watch.digest.thisWeek')}: ${countsLine(digest.thisWeek, text)}`,
    `- ${t('monitor.watch.digest.weekBefore')}: ${countsLine(digest.weekBefore, text)}`,
    '',
    t('monitor.watch.digest.perDay'),
    ...digest.days.map((day) => `- ${day.day}: ${text.number(day.messages)}`),
    '',
    t('monitor.watch.digest.changed'),
    ...(digest.changes.length === 0
      ? [`- ${t('monitor.watch.digest.nothingChanged')}`]
      : digest.changes.map((finding) => `- ${findingText(finding, text)}`)),
    '',
    t('monitor.watch.digest.newSources'),
    ...(digest.newSources.length === 0
      ? [`- ${t('monitor.watch.digest.noNewSources')}`]
      : digest.newSources.map((source) => `- ${findingText(source, text)}`)),
    '',
    t('monitor.watch.digest.failingSources'),
    ...(digest.failingSources.length === 0
      ? [`- ${t('monitor.watch.digest.noFailingSources')}`]
      : digest.failingSources.map(
          (source) =>
            `- ${t('monitor.watch.digest.sourceLine', {
              source: sourceName(text, source.key, source.label),
              aligned: source.alignedMessages,
              messages: source.ownMessages,
            })}`,
        )),
    '',
    t('monitor.watch.digest.readiness'),
    `- ${explainIn(text, digest.readiness.summaryExplanation)}`,
    ...digest.readiness.blockerExplanations.map((blocker) => `  - ${explainIn(text, blocker)}`),
  ];
  return `${lines.join('\n')}\n`;
}
