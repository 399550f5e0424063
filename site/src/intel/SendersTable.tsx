// The senders table: every source that sent as the domain, grouped by sending service (or network), each with its class, the reason in a
// sentence and, for misconfigured services, the fix. Spoofing is summed up with its volume and countries.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SourceClass } from '../../../core/analysis/classifyRecord';
import { groupSources, type SourceGroup } from '../../../core/analysis/groupSources';
import { formatCount } from '../../../core/analysis/formatCount';
import type { AggregateReport } from '../../../core/report/types';
import { Badge, mutedClass, Section, TableScroller, tableClass, tdClass, thClass, type BadgeColour } from '../ui/ui';
import { AsnAttribution } from './AsnAttribution';
import { useAsnTable } from './useAsnTable';
import { cachedReverseDns } from './ptrOverHttps';
import { ReverseDnsConsent } from './ReverseDnsConsent';

export const CLASS_BADGE: Record<SourceClass, { colour: BadgeColour; text: string }> = {
  compliant: { colour: 'green', text: 'Compliant' },
  misconfigured: { colour: 'amber', text: 'Misconfigured' },
  forwarded: { colour: 'blue', text: 'Forwarded' },
  suspicious: { colour: 'red', text: 'Suspicious' },
};

const EVIDENCE_TEXT = {
  dkim: 'by its DKIM signature',
  envelope: 'by its envelope domain',
  'header-from': 'by the From domain',
  rdns: 'by reverse DNS',
  asn: 'by its network (AS)',
} as const;

const formatNumber = formatCount;
const share = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 1000) / 10}%` : '–');

function SpoofingSummary({ groups }: { groups: readonly SourceGroup[] }) {
  const suspicious = groups.filter((g) => g.classification.class === 'suspicious');
  if (suspicious.length === 0) return null;
  const messages = suspicious.reduce((n, g) => n + g.messages, 0);
  const blocked = suspicious.reduce((n, g) => n + g.dispositions.reject + g.dispositions.quarantine, 0);
  const countries = new Map<string, number>();
  for (const g of suspicious) for (const c of g.countries) countries.set(c.value, (countries.get(c.value) ?? 0) + c.messages);
  const top = [...countries].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return (
    <p class="mb-3 rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100" data-testid="spoofing-summary">
      <strong>Possible spoofing:</strong> {formatNumber(messages)} message{messages === 1 ? '' : 's'} from{' '}
      {suspicious.length} unrecognised source{suspicious.length === 1 ? '' : 's'} failed both DKIM and SPF
      {top.length ? ` (networks registered in ${top.map(([c, n]) => `${c} ${formatNumber(n)}`).join(', ')})` : ''}.{' '}
      Receivers rejected or quarantined {formatNumber(blocked)}.
    </p>
  );
}

function SenderRow({ group }: { group: SourceGroup }) {
  const badge = CLASS_BADGE[group.classification.class];
  const asn = group.asns[0];
  return (
    <tr data-testid="sender-row" data-class={group.classification.class}>
      <td class={tdClass}>
        <div class="font-medium">{group.label}</div>
        <div class={`text-xs ${mutedClass}`}>
          {group.service ? `${group.service.type}, recognised ${group.evidence ? EVIDENCE_TEXT[group.evidence] : ''}` : 'not a known service'}
        </div>
      </td>
      <td class={tdClass}>
        <Badge colour={badge.colour}>{badge.text}</Badge>
      </td>
      <td class={`${tdClass} text-right tabular-nums`}>{formatNumber(group.messages)}</td>
      <td class={`${tdClass} text-right tabular-nums`}>{share(group.passing, group.messages)}</td>
      <td class={`${tdClass} text-xs`}>
        {asn ? <div>AS{asn.asn}{asn.name ? ` ${asn.name}` : ''}{group.asns.length > 1 ? ` +${group.asns.length - 1}` : ''}</div> : null}
        {group.countries.length ? (
          <div class={mutedClass}>{group.countries.slice(0, 3).map((c) => `${c.value} ${formatNumber(c.messages)}`).join(', ')}</div>
        ) : null}
        <div class={mutedClass}>
          {group.ips.length} IP{group.ips.length === 1 ? '' : 's'}
        </div>
      </td>
      <td class={`${tdClass} max-w-xl text-sm`}>
        <p>{group.classification.reason}</p>
        {group.classification.fix ? (
          <p class="mt-1 font-medium">
            <span class="sr-only">Fix: </span>→ {group.classification.fix}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

export function SendersTable({
  reports,
  domain = null,
}: {
  reports: readonly AggregateReport[];
  /** Only this domain's reports (and its subdomains'); null for all. */
  domain?: string | null;
}) {
  const { table, error } = useAsnTable();
  const [rdns, setRdns] = useState<Map<string, string[]>>(new Map());
  const groups = useMemo(
    () => groupSources(reports, { ...(domain ? { domain } : {}), ...(table ? { asnTable: table } : {}), rdns }),
    [reports, domain, table, rdns],
  );
  // IPs of sources no domain identified: the ones reverse DNS can still name.
  const unnamedIps = useMemo(() => {
    const ips = new Set<string>();
    for (const g of groups) if (!g.service || g.evidence === 'asn') for (const ip of g.ips) ips.add(ip.value);
    return [...ips].slice(0, 500);
  }, [groups]);
  // Names an earlier opt-in already stored in this browser: reading them sends nothing.
  useEffect(() => {
    let live = true;
    void cachedReverseDns(unnamedIps).then((found) => {
      if (live && found.size > 0 && [...found.keys()].some((ip) => !rdns.has(ip))) setRdns(new Map([...rdns, ...found]));
    });
    return () => {
      live = false;
    };
  }, [unnamedIps.join(',')]);

  const totals = new Map<SourceClass, number>();
  for (const g of groups) totals.set(g.classification.class, (totals.get(g.classification.class) ?? 0) + g.messages);
  return (
    <Section title={domain ? `Senders of ${domain}` : 'Senders'} id="intel-senders">
      {groups.length === 0 ? (
        <p class={mutedClass}>No aggregate report records for this selection.</p>
      ) : (
        <>
          <p class="mb-3 flex flex-wrap gap-3 text-sm" data-testid="class-totals">
            {(Object.keys(CLASS_BADGE) as SourceClass[]).map((cls) => (
              <span key={cls}>
                <Badge colour={CLASS_BADGE[cls].colour}>{CLASS_BADGE[cls].text}</Badge> {formatNumber(totals.get(cls) ?? 0)} messages
              </span>
            ))}
          </p>
          <SpoofingSummary groups={groups} />
          <TableScroller label="Senders">
            <table class={tableClass}>
              <thead>
                <tr>
                  <th class={thClass} scope="col">Source</th>
                  <th class={thClass} scope="col">Class</th>
                  <th class={`${thClass} text-right`} scope="col">Messages</th>
                  <th class={`${thClass} text-right`} scope="col">DMARC pass</th>
                  <th class={thClass} scope="col">Network</th>
                  <th class={thClass} scope="col">Why, and what to do</th>
                </tr>
              </thead>
              <tbody>
                {groups.slice(0, 200).map((g) => (
                  <SenderRow key={g.key} group={g} />
                ))}
              </tbody>
            </table>
          </TableScroller>
          {groups.length > 200 ? <p class={`mt-2 text-sm ${mutedClass}`}>The 200 largest of {groups.length} sources are shown.</p> : null}
          <ReverseDnsConsent ips={unnamedIps} onResolved={(found) => setRdns(new Map([...rdns, ...found]))} />
        </>
      )}
      {error ? <p class={`mt-2 text-sm ${mutedClass}`}>{error} Sources are named from report data only.</p> : null}
      <AsnAttribution {...(table ? { meta: table.meta } : {})} />
    </Section>
  );
}
