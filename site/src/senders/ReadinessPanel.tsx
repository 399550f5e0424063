// Readiness of one domain for its next policy step: the share of aligned mail per known source over the chosen
// period, and what blocks the step (core/analysis/assessReadiness.ts).
import { useMemo } from 'preact/hooks';
import { assessReadiness, describeStep } from '../../../core/analysis';
import type { AggregateReport } from '../../../core/report';
import { useI18n } from '../i18n/i18n';
import { Badge, mutedClass, Section, TableScroller, tableClass, tdClass, thClass } from '../ui/ui';
import { ClassBadge } from './ClassBadge';
import { useAsnTable } from './useAsnTable';
import { useSenderText } from './useSenderText';

export function ReadinessPanel({ reports, domain }: { reports: readonly AggregateReport[]; domain: string }) {
  const { t, number, percent } = useI18n();
  const text = useSenderText();
  const { table } = useAsnTable();
  const readiness = useMemo(
    () => assessReadiness(reports as AggregateReport[], { domain, ...(table ? { asnTable: table } : {}) }),
    [reports, domain, table],
  );
  const current = readiness.current;
  // The facts line: policy now and next, days watched, aligned share, and what the next step would act on.
  const facts = current
    ? [
        t('senders.readiness.now', { step: describeStep(current) }),
        ...(readiness.next ? [t('senders.readiness.next', { step: describeStep(readiness.next) })] : []),
        t('senders.readiness.days', { days: text.count('senders.unit.day', readiness.daysUnderCurrentPolicy) }),
        t('senders.readiness.aligned', {
          share: percent(readiness.alignedShare, 1),
          messages: text.count('senders.unit.message', readiness.messages),
        }),
        ...(readiness.suspiciousMessages ? [text.count('senders.count.suspicious', readiness.suspiciousMessages)] : []),
        ...(readiness.forwardedMessages ? [text.count('senders.count.forwarded', readiness.forwardedMessages)] : []),
      ]
    : [];
  return (
    <Section title={t('senders.readiness.title', { domain })} id="intel-readiness">
      <p class="text-base" data-testid="readiness-summary">
        {readiness.ready ? (
          <Badge colour="green">{t('senders.readiness.ready')}</Badge>
        ) : (
          <Badge colour={readiness.next ? 'amber' : 'grey'}>
            {readiness.next ? t('senders.readiness.notYet') : t('senders.readiness.done')}
          </Badge>
        )}{' '}
        {text.explain(readiness.summaryExplanation)}
      </p>
      {facts.length ? <p class={`mt-1 text-sm ${mutedClass}`}>{facts.join(' · ')}</p> : null}
      {readiness.blockerExplanations.length ? (
        <ul
          class="mt-3 list-disc space-y-1 pl-5 text-sm"
          aria-label={t('senders.readiness.blockers')}
          data-testid="readiness-blockers"
        >
          {readiness.blockerExplanations.map((blocker, i) => (
            <li key={readiness.blockers[i]}>{text.explain(blocker)}</li>
          ))}
        </ul>
      ) : null}
      {readiness.sources.length ? (
        <TableScroller label={t('senders.readiness.sources')}>
          <table class={`${tableClass} mt-3`}>
            <thead>
              <tr>
                <th class={thClass} scope="col">
                  {t('senders.readiness.col.source')}
                </th>
                <th class={thClass} scope="col">
                  {t('senders.col.class')}
                </th>
                <th class={`${thClass} text-right`} scope="col">
                  {t('senders.col.messages')}
                </th>
                <th class={`${thClass} text-right`} scope="col">
                  {t('senders.readiness.col.aligned')}
                </th>
                <th class={`${thClass} text-right`} scope="col">
                  {t('senders.readiness.col.dkimAligned')}
                </th>
                <th class={thClass} scope="col">
                  {t('senders.readiness.col.blocks')}
                </th>
              </tr>
            </thead>
            <tbody>
              {readiness.sources.map((s) => (
                <tr key={s.key} data-testid="readiness-row">
                  <td class={tdClass}>{text.label(s.key, s.label)}</td>
                  <td class={tdClass}>
                    <ClassBadge sourceClass={s.class} />
                  </td>
                  {/* The source's own mail, which its aligned shares are of: not what others sent from its platform. */}
                  <td class={`${tdClass} text-right tabular-nums`}>{number(s.ownMessages)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{percent(s.alignedShare, 1)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{percent(s.dkimAlignedShare, 1)}</td>
                  <td class={tdClass}>
                    {s.blocking ? (
                      <Badge colour="red">{t('senders.readiness.blocks')}</Badge>
                    ) : (
                      <Badge colour="green">{t('senders.readiness.ok')}</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      ) : null}
    </Section>
  );
}
