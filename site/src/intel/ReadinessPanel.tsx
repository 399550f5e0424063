// Readiness of one domain for its next policy step: the share of aligned mail per known source over the chosen
// period, and what blocks the step (core/analysis/assessReadiness.ts).
import { useMemo } from 'preact/hooks';
import { formatCount } from '../../../core/analysis/formatCount';
import { assessReadiness, describeStep } from '../../../core/analysis/assessReadiness';
import type { AggregateReport } from '../../../core/report/types';
import { Badge, mutedClass, Section, TableScroller, tableClass, tdClass, thClass } from '../ui/ui';
import { CLASS_BADGE } from './SendersTable';
import { useAsnTable } from './useAsnTable';

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function ReadinessPanel({ reports, domain }: { reports: readonly AggregateReport[]; domain: string }) {
  const { table } = useAsnTable();
  const readiness = useMemo(
    () => assessReadiness(reports as AggregateReport[], { domain, ...(table ? { asnTable: table } : {}) }),
    [reports, domain, table],
  );
  return (
    <Section title={`Ready for the next step? (${domain})`} id="intel-readiness">
      <p class="text-base" data-testid="readiness-summary">
        {readiness.ready ? <Badge colour="green">Ready</Badge> : <Badge colour={readiness.next ? 'amber' : 'grey'}>{readiness.next ? 'Not yet' : 'Done'}</Badge>}{' '}
        {readiness.summary}
      </p>
      {readiness.current ? (
        <p class={`mt-1 text-sm ${mutedClass}`}>
          Now: {describeStep(readiness.current)}
          {readiness.next ? ` · next: ${describeStep(readiness.next)}` : ''} · {readiness.daysUnderCurrentPolicy} days of reports
          under the current policy · {percent(readiness.alignedShare)} of {formatCount(readiness.messages)} messages aligned
          {readiness.suspiciousMessages ? ` · ${formatCount(readiness.suspiciousMessages)} suspicious messages the next step acts on` : ''}
          {readiness.forwardedMessages ? ` · ${formatCount(readiness.forwardedMessages)} forwarded` : ''}
        </p>
      ) : null}
      {readiness.blockers.length ? (
        <ul class="mt-3 list-disc space-y-1 pl-5 text-sm" aria-label="What blocks the next step">
          {readiness.blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      ) : null}
      {readiness.sources.length ? (
        <TableScroller label="Known sources and their alignment">
          <table class={`${tableClass} mt-3`}>
            <thead>
              <tr>
                <th class={thClass} scope="col">Known source</th>
                <th class={thClass} scope="col">Class</th>
                <th class={`${thClass} text-right`} scope="col">Messages</th>
                <th class={`${thClass} text-right`} scope="col">Aligned</th>
                <th class={`${thClass} text-right`} scope="col">DKIM aligned</th>
                <th class={thClass} scope="col">Blocks?</th>
              </tr>
            </thead>
            <tbody>
              {readiness.sources.map((s) => (
                <tr key={s.key} data-testid="readiness-row">
                  <td class={tdClass}>{s.label}</td>
                  <td class={tdClass}>
                    <Badge colour={CLASS_BADGE[s.class].colour}>{CLASS_BADGE[s.class].text}</Badge>
                  </td>
                  <td class={`${tdClass} text-right tabular-nums`}>{formatCount(s.messages)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{percent(s.alignedShare)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{percent(s.dkimAlignedShare)}</td>
                  <td class={tdClass}>{s.blocking ? <Badge colour="red">Blocks</Badge> : <Badge colour="green">OK</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      ) : null}
    </Section>
  );
}
