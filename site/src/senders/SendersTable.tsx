// The senders table: every source that sent as the domain, grouped by sending service (or network), each with its
// class, the messages of other classes it carries, the reason in a sentence and, for misconfigured services, the fix.
// Messages are counted by their own class (core/analysis/analyzeSenders.ts, which the CLI's `senders` command and the
// dashboard's figures agree with); spoofing is summed up with its volume and countries. One search box (service, domain,
// IP or CIDR) finds senders, and every row is reachable a page at a time or all at once.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { analyzeSenders, type SendersAnalysis, type SourceGroup } from '../../../core/analysis';
import { describeAddressRange, type AggregateReport } from '../../../core/report';
import { useI18n } from '../i18n/i18n';
import { readSourceSearch, searchSources } from '../dashboard/matchSourceSearch';
import { ShowMore } from '../dashboard/ShowMore';
import { inputClass, mutedClass, Section, TableScroller, tableClass, tdClass, thClass } from '../ui/ui';
import { AsnAttribution } from './AsnAttribution';
import { ClassBadge, ClassBreakdown, SOURCE_CLASSES } from './ClassBadge';
import { useAsnTable } from './useAsnTable';
import { cachedReverseDns } from './ptrOverHttps';
import { ReverseDnsConsent } from './ReverseDnsConsent';
import { useSenderText } from './useSenderText';

/** Rows shown at first and added per "show more". */
const ROWS_PER_PAGE = 200;

/** What the search finds a sender by: its names, the domains of its mail, its networks and addresses. */
function searchWords(group: SourceGroup): string[] {
  return [
    group.label,
    group.key,
    ...(group.service ? [group.service.name] : []),
    ...group.headerFromDomains.map((d) => d.value),
    ...group.foreignDkimDomains.map((d) => d.value),
    ...group.envelopeDomains.map((d) => d.value),
    ...group.asns.flatMap((a) => [`AS${a.asn}`, a.name ?? '']),
  ];
}

function SpoofingSummary({ analysis }: { analysis: SendersAnalysis }) {
  const { t, number } = useI18n();
  const text = useSenderText();
  if (analysis.spoofedMessages === 0) return null;
  const unrecognised = analysis.unrecognisedSpoofingSources;
  const countries = new Map<string, number>();
  for (const s of analysis.sources) {
    if (s.class !== 'suspicious') continue;
    for (const c of s.group.countries) countries.set(c.value, (countries.get(c.value) ?? 0) + c.messages);
  }
  const top = [...countries].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return (
    <p
      class="mb-3 rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
      data-testid="spoofing-summary"
      data-messages={analysis.spoofedMessages}
      data-sources={analysis.spoofingSources}
    >
      <strong>{t('senders.spoofing.title')}</strong>{' '}
      {t('senders.spoofing.body', {
        messages: text.count('senders.unit.message', analysis.spoofedMessages),
        sources: text.count('senders.count.sources', analysis.spoofingSources),
        unrecognised: unrecognised > 0 ? t('senders.spoofing.unrecognised', { count: unrecognised }) : '',
        countries: top.length
          ? t('senders.spoofing.countries', {
              countries: top.map(([c, n]) => `${text.explain({ country: c })} (${number(n)})`).join(', '),
            })
          : '',
        blocked: analysis.spoofedBlocked,
      })}
    </p>
  );
}

/** What an address in a special-purpose range is, for a source named by its address alone. */
function AddressRangeNote({ group }: { group: SourceGroup }) {
  const { t } = useI18n();
  if (!group.key.startsWith('ip:')) return null;
  const range = describeAddressRange(group.key.slice('ip:'.length));
  if (!range) return null;
  return (
    <div class={`text-xs ${mutedClass}`} data-testid="address-range">
      {t('senders.range.note', { range: t(`senders.range.${range}`) })}
    </div>
  );
}

/** PTR names shown under a source before the rest are counted. */
const PTR_NAMES_SHOWN = 2;

/** The PTR names found for a source's addresses (only after the user looked them up), busiest address first. */
function PtrNames({ group, rdns }: { group: SourceGroup; rdns: ReadonlyMap<string, readonly string[]> }) {
  const { t } = useI18n();
  const names: string[] = [];
  for (const ip of group.ips) for (const name of rdns.get(ip.value) ?? []) if (!names.includes(name)) names.push(name);
  if (names.length === 0) return null;
  const rest = names.length - PTR_NAMES_SHOWN;
  return (
    <div class={`text-xs break-all ${mutedClass}`} data-testid="sender-ptr">
      <span class="font-mono">{names.slice(0, PTR_NAMES_SHOWN).join(', ')}</span>
      {rest > 0 ? ` ${t('senders.ptr.more', { count: rest })}` : null}
    </div>
  );
}

function SenderRow({ group, rdns }: { group: SourceGroup; rdns: ReadonlyMap<string, readonly string[]> }) {
  const { t, number, percent } = useI18n();
  const text = useSenderText();
  const asn = group.asns[0];
  const { classification } = group;
  return (
    <tr
      data-testid="sender-row"
      data-class={classification.class}
      data-key={group.key}
      data-by-class={SOURCE_CLASSES.map((cls) => classification.byClass[cls]).join(',')}
    >
      <td class={tdClass}>
        <div class="font-medium" data-testid="sender-label">
          {text.label(group.key, group.label)}
        </div>
        <div class={`text-xs ${mutedClass}`}>
          {group.service
            ? group.evidence
              ? t('senders.recognised', {
                  type: t(`senders.type.${group.service.type}`),
                  evidence: t(`senders.evidence.${group.evidence}`),
                })
              : t(`senders.type.${group.service.type}`)
            : t('senders.notKnown')}
        </div>
        <AddressRangeNote group={group} />
        <PtrNames group={group} rdns={rdns} />
      </td>
      <td class={tdClass}>
        <ClassBadge sourceClass={classification.class} />
        <ClassBreakdown byClass={classification.byClass} sourceClass={classification.class} />
      </td>
      <td class={`${tdClass} text-right tabular-nums`}>{number(group.messages)}</td>
      <td class={`${tdClass} text-right tabular-nums`}>{percent(group.passing, group.messages)}</td>
      <td class={`${tdClass} text-xs`}>
        {asn ? (
          <div>
            AS{asn.asn}
            {asn.name ? ` ${asn.name}` : ''}
            {group.asns.length > 1 ? ` +${group.asns.length - 1}` : ''}
          </div>
        ) : null}
        {group.countries.length ? (
          <div class={mutedClass}>
            {group.countries.slice(0, 3).map((c, i) => (
              <span key={c.value}>
                {i > 0 ? ', ' : ''}
                <abbr class="no-underline" title={text.explain({ country: c.value })}>
                  {c.value}
                </abbr>{' '}
                {number(c.messages)}
              </span>
            ))}
          </div>
        ) : null}
        <div class={mutedClass}>{text.count('senders.count.ips', group.ips.length)}</div>
      </td>
      <td class={`${tdClass} max-w-xl text-sm`}>
        <p data-testid="sender-reason">{text.explain(classification.reasonExplanation)}</p>
        {classification.fixExplanation ? (
          <p class="mt-1 font-medium" data-testid="sender-fix">
            <span class="sr-only">{t('senders.fix')} </span>→ {text.explain(classification.fixExplanation)}
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
  const { t } = useI18n();
  const text = useSenderText();
  const { table, error } = useAsnTable();
  const [rdns, setRdns] = useState<Map<string, string[]>>(new Map());
  const analysis = useMemo(
    () => analyzeSenders(reports, { ...(domain ? { domain } : {}), ...(table ? { asnTable: table } : {}), rdns }),
    [reports, domain, table, rdns],
  );
  const groups = useMemo(() => analysis.sources.map((s) => s.group), [analysis]);
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  // A sender is listed whole (its figures are its own) when its names, domains or one of its addresses match.
  const found = useMemo(
    () =>
      searchSources(
        groups,
        readSourceSearch(search),
        searchWords,
        (g) => g.ips,
        (ip) => ip.value,
        (g) => g,
      ),
    [groups, search],
  );
  useEffect(() => setLimit(ROWS_PER_PAGE), [groups, search]);
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
      if (live && found.size > 0 && [...found.keys()].some((ip) => !rdns.has(ip)))
        setRdns(new Map([...rdns, ...found]));
    });
    return () => {
      live = false;
    };
  }, [unnamedIps.join(',')]);

  return (
    <Section title={domain ? t('senders.table.title', { domain }) : t('senders.table.titleAll')} id="intel-senders">
      {groups.length === 0 ? (
        <p class={mutedClass}>{t('senders.table.none')}</p>
      ) : (
        <>
          <p class="mb-3 flex flex-wrap gap-3 text-sm" data-testid="class-totals">
            {SOURCE_CLASSES.map((cls) => (
              <span key={cls} data-class={cls} data-messages={analysis.byClass[cls]}>
                <ClassBadge sourceClass={cls} /> {text.count('senders.unit.message', analysis.byClass[cls])}
              </span>
            ))}
          </p>
          <SpoofingSummary analysis={analysis} />
          <label class="mb-3 flex flex-col gap-1 text-sm">
            <span class={mutedClass}>{t('drilldown.search.label')}</span>
            <input
              type="search"
              class={`${inputClass} w-64 max-w-full`}
              placeholder={t('drilldown.search.placeholder')}
              value={search}
              onInput={(e) => setSearch(e.currentTarget.value)}
              data-testid="sender-search"
            />
          </label>
          {found.length === 0 ? (
            <p class={`text-sm ${mutedClass}`} role="status">
              {t('sources.none')}
            </p>
          ) : null}
          <TableScroller label={t('senders.table.titleAll')}>
            <table class={tableClass}>
              <thead>
                <tr>
                  <th class={thClass} scope="col">
                    {t('senders.col.source')}
                  </th>
                  <th class={thClass} scope="col">
                    {t('senders.col.class')}
                  </th>
                  <th class={`${thClass} text-right`} scope="col">
                    {t('senders.col.messages')}
                  </th>
                  <th class={`${thClass} text-right`} scope="col">
                    {t('senders.col.pass')}
                  </th>
                  <th class={thClass} scope="col">
                    {t('senders.col.network')}
                  </th>
                  <th class={thClass} scope="col">
                    {t('senders.col.why')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.slice(0, limit).map((g) => (
                  <SenderRow key={g.key} group={g} rdns={rdns} />
                ))}
              </tbody>
            </table>
          </TableScroller>
          <div class="mt-2">
            <ShowMore shown={limit} total={found.length} page={ROWS_PER_PAGE} unit="sources" onShow={setLimit} />
          </div>
          <ReverseDnsConsent ips={unnamedIps} onResolved={(found) => setRdns(new Map([...rdns, ...found]))} />
        </>
      )}
      {error ? <p class={`mt-2 text-sm ${mutedClass}`}>{t('senders.asn.unavailable', { detail: error })}</p> : null}
      <AsnAttribution {...(table ? { meta: table.meta } : {})} />
    </Section>
  );
}
