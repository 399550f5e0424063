// What-if: every stored record recomputed under a hypothetical DMARC record (core/analysis/simulatePolicy.ts), with
// the sources and messages that would be quarantined or rejected.
import { useMemo, useState } from 'preact/hooks';
import { formatCount } from '../../../core/analysis/formatCount';
import { simulatePolicy, type HypotheticalPolicy } from '../../../core/analysis/simulatePolicy';
import type { AggregateReport, AlignmentMode, DmarcPolicy } from '../../../core/report/types';
import { mutedClass, Section, TableScroller, tableClass, tdClass, thClass } from '../ui/ui';
import { LabelledSelect } from './LabelledSelect';
import { useAsnTable } from './useAsnTable';

const POLICIES: DmarcPolicy[] = ['none', 'quarantine', 'reject'];
const formatNumber = formatCount;

/** A what-if field: "as published" (empty) or one of the values. */
function Choice<T extends string>(props: { label: string; value: T | ''; options: readonly T[]; onChange: (value: T | '') => void }) {
  const options = [['', 'as published'] as const, ...props.options.map((o) => [o, o] as const)];
  return <LabelledSelect<T | ''> label={props.label} value={props.value} options={options} onChange={props.onChange} />;
}

export function WhatIfPanel({ reports, domain }: { reports: readonly AggregateReport[]; domain: string }) {
  const { table } = useAsnTable();
  const [p, setP] = useState<DmarcPolicy | ''>('reject');
  const [sp, setSp] = useState<DmarcPolicy | ''>('');
  const [np, setNp] = useState<DmarcPolicy | ''>('');
  const [adkim, setAdkim] = useState<AlignmentMode | ''>('');
  const [aspf, setAspf] = useState<AlignmentMode | ''>('');
  const [t, setT] = useState<'y' | 'n' | ''>('');
  const hypothetical: HypotheticalPolicy = {
    ...(p ? { p } : {}),
    ...(sp ? { sp } : {}),
    ...(np ? { np } : {}),
    ...(adkim ? { adkim } : {}),
    ...(aspf ? { aspf } : {}),
    ...(t ? { t } : {}),
  };
  const simulation = useMemo(
    () => simulatePolicy(reports, hypothetical, { domain, ...(table ? { asnTable: table } : {}) }),
    [reports, domain, table, p, sp, np, adkim, aspf, t],
  );
  const affected = simulation.sources.filter((s) => s.quarantine + s.reject > 0);
  const { simulated, reported } = simulation;
  return (
    <Section title="What if…" id="intel-what-if">
      <div class="flex flex-wrap gap-3" role="group" aria-label="Hypothetical DMARC record">
        <Choice label="p" value={p} options={POLICIES} onChange={setP} />
        <Choice label="sp" value={sp} options={POLICIES} onChange={setSp} />
        <Choice label="np" value={np} options={POLICIES} onChange={setNp} />
        <Choice label="adkim" value={adkim} options={['r', 's'] as const} onChange={setAdkim} />
        <Choice label="aspf" value={aspf} options={['r', 's'] as const} onChange={setAspf} />
        <Choice label="t (test mode)" value={t} options={['y', 'n'] as const} onChange={setT} />
      </div>
      <p class="mt-3 text-sm" data-testid="what-if-summary" aria-live="polite">
        Of {formatNumber(simulated.messages)} messages, {formatNumber(simulated.pass)} would pass,{' '}
        {formatNumber(simulated.quarantine)} be quarantined and {formatNumber(simulated.reject)} be rejected
        {simulated.none ? ` (${formatNumber(simulated.none)} fail but are delivered)` : ''}. Receivers reported{' '}
        {formatNumber(reported.quarantine)} quarantined and {formatNumber(reported.reject)} rejected;{' '}
        {formatNumber(simulated.newlyBlocked)} delivered messages would now be blocked.
      </p>
      <p class={`mt-1 text-xs ${mutedClass}`}>
        np applies to subdomains that do not exist, which reports cannot show, so it changes nothing here. Receivers
        may still override the policy for forwarded and mailing-list mail.
      </p>
      {affected.length ? (
        <TableScroller label="Sources that would lose mail">
          <table class={`${tableClass} mt-3`}>
            <thead>
              <tr>
                <th class={thClass} scope="col">Source</th>
                <th class={`${thClass} text-right`} scope="col">Messages</th>
                <th class={`${thClass} text-right`} scope="col">Quarantined</th>
                <th class={`${thClass} text-right`} scope="col">Rejected</th>
                <th class={`${thClass} text-right`} scope="col">Newly blocked</th>
                <th class={`${thClass} text-right`} scope="col">Overridden before</th>
              </tr>
            </thead>
            <tbody>
              {affected.slice(0, 100).map((s) => (
                <tr key={s.key} data-testid="what-if-row">
                  <td class={tdClass}>{s.label}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{formatNumber(s.messages)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{formatNumber(s.quarantine)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{formatNumber(s.reject)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{formatNumber(s.newlyBlocked)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{formatNumber(s.previouslyOverridden)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      ) : (
        <p class={`mt-3 text-sm ${mutedClass}`}>No source would lose mail under this record.</p>
      )}
    </Section>
  );
}
