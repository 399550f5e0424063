// "What changed since the last import": new sources, sources that started failing, and policies reporters saw that
// differ from before or from each other (core/analysis/changesSinceLastImport.ts).
import { useMemo } from 'preact/hooks';
import { changesSinceLastImport } from '../../../core/analysis';
import type { AggregateReport, PolicyPublished } from '../../../core/report';
import { useI18n } from '../i18n/i18n';
import { Badge, mutedClass, Section } from '../ui/ui';
import { ClassBadge } from './ClassBadge';
import { useAsnTable } from './useAsnTable';
import { useSenderText } from './useSenderText';

export function ChangesPanel({
  previous,
  imported,
  publishedPolicies,
}: {
  previous: readonly AggregateReport[];
  imported: readonly AggregateReport[];
  /** DMARC records looked up live (only when the user turned live lookups on), keyed by domain. */
  publishedPolicies?: ReadonlyMap<
    string,
    Pick<PolicyPublished, 'p' | 'sp' | 'np' | 'adkim' | 'aspf' | 'pct' | 'testing'>
  >;
}) {
  const { t } = useI18n();
  const text = useSenderText();
  const { table } = useAsnTable();
  const changes = useMemo(
    () =>
      changesSinceLastImport(previous, imported, {
        ...(table ? { asnTable: table } : {}),
        ...(publishedPolicies ? { publishedPolicies } : {}),
      }),
    [previous, imported, table, publishedPolicies],
  );
  const nothing = !changes.newSources.length && !changes.startedFailing.length && !changes.policyChanges.length;
  return (
    <Section title={t('senders.changes.title')} id="intel-changes">
      {imported.length === 0 ? (
        <p class={mutedClass}>{t('senders.changes.noImport')}</p>
      ) : nothing ? (
        <p class={mutedClass} data-testid="changes-none">
          {t('senders.changes.nothing', { reports: text.count('senders.count.reports', imported.length) })}
        </p>
      ) : (
        <ul class="space-y-2 text-sm" data-testid="changes-list">
          {changes.policyChanges.map((c) => (
            <li key={`${c.domain}-${c.kind}`}>
              <Badge colour="amber">{t('senders.changes.policy')}</Badge> {text.explain(c.explanation)}
            </li>
          ))}
          {changes.startedFailing.map((c) => (
            <li key={`${c.domain}-${c.key}-failing`}>
              <Badge colour="red">{t('senders.changes.startedFailing')}</Badge> <strong>{c.domain}</strong>:{' '}
              {text.explain(c.reasonExplanation)}
            </li>
          ))}
          {changes.newSources.map((c) => (
            <li key={`${c.domain}-${c.key}-new`}>
              <Badge colour="blue">{t('senders.changes.newSource')}</Badge> <strong>{c.domain}</strong>:{' '}
              {text.label(c.key, c.label)}, {text.count('senders.unit.message', c.messages)}{' '}
              <ClassBadge sourceClass={c.class} /> — {text.explain(c.reasonExplanation)}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
