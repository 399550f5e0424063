// "What changed since the last import": new sources, sources that started failing, and policies reporters saw that
// differ from before or from each other (core/analysis/changesSinceLastImport.ts).
import { useMemo } from 'preact/hooks';
import { formatCount } from '../../../core/analysis/formatCount';
import { changesSinceLastImport } from '../../../core/analysis/changesSinceLastImport';
import type { AggregateReport, PolicyPublished } from '../../../core/report/types';
import { Badge, mutedClass, Section } from '../ui/ui';
import { CLASS_BADGE } from './SendersTable';
import { useAsnTable } from './useAsnTable';

export function ChangesPanel({
  previous,
  imported,
  publishedPolicies,
}: {
  previous: readonly AggregateReport[];
  imported: readonly AggregateReport[];
  /** DMARC records looked up live (only when the user turned live lookups on), keyed by domain. */
  publishedPolicies?: ReadonlyMap<string, Pick<PolicyPublished, 'p' | 'sp' | 'np' | 'adkim' | 'aspf' | 'pct' | 'testing'>>;
}) {
  const { table } = useAsnTable();
  const changes = useMemo(
    () => changesSinceLastImport(previous, imported, { ...(table ? { asnTable: table } : {}), ...(publishedPolicies ? { publishedPolicies } : {}) }),
    [previous, imported, table, publishedPolicies],
  );
  const nothing = !changes.newSources.length && !changes.startedFailing.length && !changes.policyChanges.length;
  return (
    <Section title="What changed since the last import" id="intel-changes">
      {imported.length === 0 ? (
        <p class={mutedClass}>No import yet.</p>
      ) : nothing ? (
        <p class={mutedClass} data-testid="changes-none">
          Nothing new in the last import ({imported.length} report{imported.length === 1 ? '' : 's'}): the same sources, passing as
          before, under the same policy.
        </p>
      ) : (
        <ul class="space-y-2 text-sm" data-testid="changes-list">
          {changes.policyChanges.map((c) => (
            <li key={`${c.domain}-${c.kind}`}>
              <Badge colour="amber">Policy</Badge> {c.sentence}
            </li>
          ))}
          {changes.startedFailing.map((c) => (
            <li key={`${c.domain}-${c.key}-failing`}>
              <Badge colour="red">Started failing</Badge> <strong>{c.domain}</strong>: {c.reason}
            </li>
          ))}
          {changes.newSources.map((c) => (
            <li key={`${c.domain}-${c.key}-new`}>
              <Badge colour="blue">New source</Badge> <strong>{c.domain}</strong>: {c.label}, {formatCount(c.messages)} messages{' '}
              <Badge colour={CLASS_BADGE[c.class].colour}>{CLASS_BADGE[c.class].text}</Badge> — {c.reason}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
