// What-if: every stored record recomputed under a hypothetical DMARC record (core/analysis/simulatePolicy.ts), with
// the sources and messages that would be quarantined or rejected, and those messages by their own class today.
import { useMemo, useState } from 'preact/hooks';
import { simulatePolicy, type HypotheticalPolicy } from '../../../core/analysis';
import type { AggregateReport, AlignmentMode, DmarcPolicy } from '../../../core/report';
import { useI18n } from '../i18n/i18n';
import { mutedClass, Section, TableScroller, tableClass, tdClass, thClass } from '../ui/ui';
import { LabelledSelect } from './LabelledSelect';
import { useAsnTable } from './useAsnTable';
import { useSenderText } from './useSenderText';

const POLICIES: DmarcPolicy[] = ['none', 'quarantine', 'reject'];

/** A what-if field: "as published" (empty) or one of the values (DMARC tag values, the same in every language). */
function Choice<T extends string>(props: {
  label: string;
  value: T | '';
  options: readonly T[];
  onChange: (value: T | '') => void;
}) {
  const { t } = useI18n();
  const options = [['', t('senders.whatIf.asPublished')] as const, ...props.options.map((o) => [o, o] as const)];
  return <LabelledSelect<T | ''> label={props.label} value={props.value} options={options} onChange={props.onChange} />;
}

export function WhatIfPanel({ reports, domain }: { reports: readonly AggregateReport[]; domain: string }) {
  const { t, number } = useI18n();
  const text = useSenderText();
  const { table } = useAsnTable();
  const [p, setP] = useState<DmarcPolicy | ''>('reject');
  const [sp, setSp] = useState<DmarcPolicy | ''>('');
  const [np, setNp] = useState<DmarcPolicy | ''>('');
  const [adkim, setAdkim] = useState<AlignmentMode | ''>('');
  const [aspf, setAspf] = useState<AlignmentMode | ''>('');
  const [testing, setTesting] = useState<'y' | 'n' | ''>('');
  const hypothetical: HypotheticalPolicy = {
    ...(p ? { p } : {}),
    ...(sp ? { sp } : {}),
    ...(np ? { np } : {}),
    ...(adkim ? { adkim } : {}),
    ...(aspf ? { aspf } : {}),
    ...(testing ? { t: testing } : {}),
  };
  const simulation = useMemo(
    () => simulatePolicy(reports, hypothetical, { domain, ...(table ? { asnTable: table } : {}) }),
    [reports, domain, table, p, sp, np, adkim, aspf, testing],
  );
  const affected = simulation.sources.filter((s) => s.quarantine + s.reject > 0);
  const { simulated, reported } = simulation;
  return (
    <Section title={t('senders.whatIf.title')} id="intel-what-if">
      <div class="flex flex-wrap gap-3" role="group" aria-label={t('senders.whatIf.record')}>
        <Choice label="p" value={p} options={POLICIES} onChange={setP} />
        <Choice label="sp" value={sp} options={POLICIES} onChange={setSp} />
        <Choice label="np" value={np} options={POLICIES} onChange={setNp} />
        <Choice label="adkim" value={adkim} options={['r', 's'] as const} onChange={setAdkim} />
        <Choice label="aspf" value={aspf} options={['r', 's'] as const} onChange={setAspf} />
        <Choice label={t('senders.whatIf.t')} value={testing} options={['y', 'n'] as const} onChange={setTesting} />
      </div>
      <p class="mt-3 text-sm" data-testid="what-if-summary" aria-live="polite">
        {t('senders.whatIf.summary', {
          messages: text.count('senders.unit.message', simulated.messages),
          pass: simulated.pass,
          quarantine: simulated.quarantine,
          reject: simulated.reject,
          none: simulated.none ? t('senders.whatIf.none', { none: simulated.none }) : '',
          reportedQuarantine: reported.quarantine,
          reportedReject: reported.reject,
          newlyBlocked: text.count('senders.count.newlyBlocked', simulated.newlyBlocked),
        })}
      </p>
      {simulated.quarantine + simulated.reject > 0 ? (
        <p class="mt-1 text-sm" data-testid="what-if-by-class">
          {t('senders.whatIf.byClass', { ...simulated.blockedByClass })}
        </p>
      ) : null}
      <p class={`mt-1 text-xs ${mutedClass}`}>{t('senders.whatIf.note')}</p>
      {affected.length ? (
        <TableScroller label={t('senders.whatIf.table')}>
          <table class={`${tableClass} mt-3`}>
            <thead>
              <tr>
                <th class={thClass} scope="col">
                  {t('senders.col.source')}
                </th>
                <th class={`${thClass} text-right`} scope="col">
                  {t('senders.col.messages')}
                </th>
                <th class={`${thClass} text-right`} scope="col">
                  {t('senders.whatIf.col.quarantined')}
                </th>
                <th class={`${thClass} text-right`} scope="col">
                  {t('senders.whatIf.col.rejected')}
                </th>
                <th class={`${thClass} text-right`} scope="col">
                  {t('senders.whatIf.col.newlyBlocked')}
                </th>
                <th class={`${thClass} text-right`} scope="col">
                  {t('senders.whatIf.col.overridden')}
                </th>
              </tr>
            </thead>
            <tbody>
              {affected.slice(0, 100).map((s) => (
                <tr key={s.key} data-testid="what-if-row">
                  <td class={tdClass}>{text.label(s.key, s.label)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{number(s.messages)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{number(s.quarantine)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{number(s.reject)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{number(s.newlyBlocked)}</td>
                  <td class={`${tdClass} text-right tabular-nums`}>{number(s.previouslyOverridden)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      ) : (
        <p class={`mt-3 text-sm ${mutedClass}`}>{t('senders.whatIf.nothing')}</p>
      )}
    </Section>
  );
}
