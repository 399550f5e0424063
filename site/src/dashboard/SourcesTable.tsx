// Sources grouped as the Senders page groups them (by sending service, else by network), each with its class, the
// messages of other classes it carries and, when opened, the reason and fix the Senders page gives, then by IP;
// sortable, filterable, with a drill-down to the records and the raw XML of each report.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AggregateRecord, StoredRecord } from '../../../core/report';
import type { ClassifiedSourceGroup, SourceClass, SourceIp, SourceRecords } from '../../../core/analysis';
import { useI18n } from '../i18n/i18n';
import { ClassBadge, ClassBreakdown, SOURCE_CLASSES } from '../senders/ClassBadge';
import { useSenderText } from '../senders/useSenderText';
import { inputClass, linkButtonClass, mutedClass, tableClass, tdClass, thClass, TableScroller } from '../ui/ui';
import { readSourceSearch, searchSources } from './matchSourceSearch';
import { ShowMore } from './ShowMore';
import { RecordDetail } from './RecordDetail';
import { FIRST_SLICE_ROWS, nextSliceRows } from './slicePace';
import { XmlDialog } from './XmlDialog';

type SortKey = 'name' | 'messages' | 'pass' | 'dkim' | 'spf';
/** Groups, and addresses of an opened group, shown at first and added per "show more": the rest is one click away. */
const GROUPS_PER_PAGE = 100;
const IPS_PER_PAGE = 50;

export interface SourceFilters {
  failuresOnly: boolean;
  sourceClass: SourceClass | '';
  /** Service name, domain (header From, DKIM, SPF) or IP / CIDR (matchSourceSearch.ts). */
  search: string;
  reporter: string;
}

export const NO_SOURCE_FILTERS: SourceFilters = { failuresOnly: false, sourceClass: '', search: '', reporter: '' };

/** A group's header From domains, read from its records the first time a search needs them. */
const headerFromOf = new WeakMap<ClassifiedSourceGroup, string[]>();

/** What a search finds a group by: its name and key, its SPF and DKIM domains and the header From of its records. */
function searchWords(group: ClassifiedSourceGroup): string[] {
  let headerFrom = headerFromOf.get(group);
  if (!headerFrom) {
    const domains = new Set<string>();
    for (const ip of group.ips) for (const stored of ip.records.list()) domains.add(stored.record.headerFrom);
    headerFromOf.set(group, (headerFrom = [...domains]));
  }
  return [group.name, group.key, ...group.spfDomains, ...group.dkimDomains, ...headerFrom];
}

function withIps(group: ClassifiedSourceGroup, ips: SourceIp[]): ClassifiedSourceGroup {
  return ips.length === group.ips.length ? group : { ...group, ips, ipCount: ips.length };
}

/** Applies the filters to the groups (IP rows inside a group are narrowed too; empty groups go). */
export function filterSources(
  groups: readonly ClassifiedSourceGroup[],
  filters: SourceFilters,
): ClassifiedSourceGroup[] {
  const byClass = groups.filter(
    (g) =>
      (!filters.sourceClass || g.sourceClass === filters.sourceClass) &&
      (!filters.failuresOnly || g.dmarcPass < g.messages),
  );
  const found = searchSources(
    byClass,
    readSourceSearch(filters.search),
    searchWords,
    (g) => g.ips,
    (ip) => ip.ip,
    withIps,
  );
  if (!filters.reporter && !filters.failuresOnly) return found;
  return found
    .map((g) =>
      withIps(
        g,
        g.ips.filter(
          (ip) =>
            (!filters.reporter || ip.reporters.includes(filters.reporter)) &&
            (!filters.failuresOnly || ip.dmarcPass < ip.messages),
        ),
      ),
    )
    .filter((g) => g.ips.length > 0);
}

function rate(part: number, whole: number): number {
  return whole > 0 ? part / whole : 1;
}

/** The groups in the chosen order; the summary already lists them by messages, most first. */
function sortGroups(groups: ClassifiedSourceGroup[], key: SortKey, descending: boolean): ClassifiedSourceGroup[] {
  if (key === 'messages' && descending) return groups;
  const value = (g: ClassifiedSourceGroup): number | string =>
    key === 'name'
      ? g.name
      : key === 'messages'
        ? g.messages
        : rate(key === 'pass' ? g.dmarcPass : key === 'dkim' ? g.dkimAligned : g.spfAligned, g.messages);
  // Each group's value once, not once per comparison: a source table can hold thousands of groups.
  const keyed = groups.map((group) => ({ group, value: value(group) }));
  keyed.sort((a, b) => {
    const order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    return descending ? -order : order;
  });
  return keyed.map((k) => k.group);
}

/** The verdict and each result: DKIM with its selector (`example.com/s1: pass`), SPF with its domain. */
function authSummary(record: AggregateRecord, kind: 'dkim' | 'spf'): string {
  const verdict = record[kind];
  const detail = (
    kind === 'dkim'
      ? record.dkimResults.map((r) => `${r.domain || '?'}${r.selector ? `/${r.selector}` : ''}: ${r.result}`)
      : record.spfResults.map((r) => `${r.domain || '?'}: ${r.result}`)
  ).join(', ');
  return detail ? `${verdict} (${detail})` : verdict;
}

/** One record's row, and its full detail below it when opened. */
function RecordRow({ stored: r, onShowXml }: { stored: StoredRecord; onShowXml: (r: StoredRecord) => void }) {
  const { t, number, date } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr data-testid="record-row">
        <td class={tdClass}>{r.orgName}</td>
        <td class={`${tdClass} whitespace-nowrap`}>
          {date(r.begin)} – {date(r.end)}
        </td>
        <td class={`${tdClass} text-right tabular-nums`}>{number(r.record.count)}</td>
        <td class={tdClass}>{r.record.disposition}</td>
        <td class={tdClass}>{authSummary(r.record, 'dkim')}</td>
        <td class={tdClass}>{authSummary(r.record, 'spf')}</td>
        <td class={tdClass}>{r.record.headerFrom}</td>
        <td class={tdClass}>
          {r.record.reasons.map((reason) => reason.type + (reason.comment ? `: ${reason.comment}` : '')).join('; ')}
        </td>
        <td class={tdClass}>
          <div class="flex flex-col items-start gap-1 whitespace-nowrap">
            <button type="button" class={linkButtonClass} aria-expanded={open} onClick={() => setOpen(!open)}>
              {t(open ? 'drilldown.record.hide' : 'drilldown.record.show')}
            </button>
            <button type="button" class={linkButtonClass} onClick={() => onShowXml(r)}>
              {t('records.viewXml')}
            </button>
          </div>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={9} class="px-2 pb-3">
            <RecordDetail stored={r} onShowXml={onShowXml} />
          </td>
        </tr>
      )}
    </>
  );
}

function RecordsTable({ source, onShowXml }: { source: SourceRecords; onShowXml: (r: StoredRecord) => void }) {
  const { t } = useI18n();
  // Made when the drill-down opens (the summary keeps only where they are).
  const records = useMemo(() => source.list(), [source]);
  return (
    <TableScroller label={t('records.heading')}>
      <table class={`${tableClass} text-xs`}>
        <thead>
          <tr>
            <th scope="col" class={thClass}>
              {t('records.col.reporter')}
            </th>
            <th scope="col" class={thClass}>
              {t('records.col.period')}
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              {t('records.col.count')}
            </th>
            <th scope="col" class={thClass}>
              {t('records.col.disposition')}
            </th>
            <th scope="col" class={thClass}>
              {t('records.col.dkim')}
            </th>
            <th scope="col" class={thClass}>
              {t('records.col.spf')}
            </th>
            <th scope="col" class={thClass}>
              {t('records.col.headerFrom')}
            </th>
            <th scope="col" class={thClass}>
              {t('records.col.reasons')}
            </th>
            <th scope="col" class={thClass}>
              <span class="sr-only">XML</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <RecordRow key={r.id.join('|')} stored={r} onShowXml={onShowXml} />
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

function IpRow({ ip, onShowXml }: { ip: SourceIp; onShowXml: (r: StoredRecord) => void }) {
  const { t, number, percent } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr class="bg-slate-50/60 dark:bg-slate-800/40">
        <td class={`${tdClass} pl-8 font-mono text-xs`}>
          <span class="mr-2">{ip.ip}</span>
          <button type="button" class={linkButtonClass} aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('sources.hideRecords') : t('sources.showRecords')}
          </button>
        </td>
        <td class={tdClass} />
        <td class={`${tdClass} text-right tabular-nums`}>{number(ip.messages)}</td>
        <td class={`${tdClass} text-right tabular-nums`}>{percent(ip.dmarcPass, ip.messages)}</td>
        <td class={`${tdClass} text-right tabular-nums`}>{percent(ip.dkimAligned, ip.messages)}</td>
        <td class={`${tdClass} text-right tabular-nums`}>{percent(ip.spfAligned, ip.messages)}</td>
        <td class={`${tdClass} text-xs ${mutedClass}`}>{ip.reporters.join(', ')}</td>
      </tr>
      {open && (
        <tr>
          <td colSpan={7} class="px-2 pb-3">
            <RecordsTable source={ip.records} onShowXml={onShowXml} />
          </td>
        </tr>
      )}
    </>
  );
}

function GroupRows({ group, onShowXml }: { group: ClassifiedSourceGroup; onShowXml: (r: StoredRecord) => void }) {
  const { t, number, percent } = useI18n();
  const text = useSenderText();
  const [open, setOpen] = useState(false);
  const [ipLimit, setIpLimit] = useState(IPS_PER_PAGE);
  const name = text.label(group.key, group.name);
  const { classification } = group;
  return (
    <>
      <tr
        data-testid="source-group"
        data-key={group.key}
        data-class={group.sourceClass}
        data-by-class={SOURCE_CLASSES.map((cls) => classification.byClass[cls]).join(',')}
      >
        <th scope="row" class={`${tdClass} font-medium`}>
          <button
            type="button"
            class="inline-flex items-center gap-1 text-left hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
            aria-expanded={open}
            aria-label={t('sources.expand', { name })}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true" class="inline-block w-3">
              {open ? '▾' : '▸'}
            </span>
            <span data-testid="source-name">{name}</span>
          </button>
          <div class={`text-xs font-normal ${mutedClass}`}>{t('sources.ips', { count: group.ipCount })}</div>
        </th>
        <td class={tdClass}>
          <ClassBadge sourceClass={group.sourceClass} />
          <ClassBreakdown byClass={classification.byClass} sourceClass={group.sourceClass} />
        </td>
        <td class={`${tdClass} text-right tabular-nums`}>{number(group.messages)}</td>
        <td class={`${tdClass} text-right tabular-nums`}>{percent(group.dmarcPass, group.messages)}</td>
        <td class={`${tdClass} text-right tabular-nums`}>{percent(group.dkimAligned, group.messages)}</td>
        <td class={`${tdClass} text-right tabular-nums`}>{percent(group.spfAligned, group.messages)}</td>
        <td class={`${tdClass} text-xs`}>
          <div>SPF: {group.spfDomains.join(', ') || '–'}</div>
          <div>DKIM: {group.dkimDomains.join(', ') || '–'}</div>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={7} class={`${tdClass} text-sm`} data-testid="source-reason">
            <p>{text.explain(classification.reasonExplanation)}</p>
            {classification.fixExplanation ? (
              <p class="mt-1 font-medium">
                <span class="sr-only">{t('senders.fix')} </span>→ {text.explain(classification.fixExplanation)}
              </p>
            ) : null}
          </td>
        </tr>
      )}
      {open && group.ips.slice(0, ipLimit).map((ip) => <IpRow key={ip.ip} ip={ip} onShowXml={onShowXml} />)}
      {open && group.ips.length > ipLimit && (
        <tr>
          <td colSpan={7} class={`${tdClass} pl-8`}>
            <ShowMore
              shown={ipLimit}
              total={group.ips.length}
              page={IPS_PER_PAGE}
              unit="addresses"
              onShow={setIpLimit}
            />
          </td>
        </tr>
      )}
    </>
  );
}

export function SourcesTable({
  groups,
  pending = false,
  untilImportEnds = false,
  filters,
  onFiltersChange,
}: {
  groups: readonly ClassifiedSourceGroup[];
  /** Sources are still being grouped (the headline above is already shown). */
  pending?: boolean;
  /** Pending because an import is still being counted in: the sources come when it ends. */
  untilImportEnds?: boolean;
  filters: SourceFilters;
  onFiltersChange: (filters: SourceFilters) => void;
}) {
  const { t } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'messages', descending: true });
  const [xmlOf, setXmlOf] = useState<StoredRecord | undefined>();
  const [limit, setLimit] = useState(GROUPS_PER_PAGE);
  const reporters = useMemo(() => {
    const all = new Set<string>();
    for (const g of groups) for (const reporter of g.reporters) all.add(reporter);
    return [...all].sort();
  }, [groups]);
  const shown = useMemo(
    () => sortGroups(filterSources(groups, filters), sort.key, sort.descending),
    [groups, filters, sort],
  );
  // Other filters or data start again from the first page.
  useEffect(() => setLimit(GROUPS_PER_PAGE), [groups, filters]);
  // New groups are drawn a slice per frame, from the first, each slice as large as the last one's pace allows
  // (slicePace.ts): the count drawn belongs to the groups it was drawn of.
  const [drawnOf, setDrawnOf] = useState({ groups, count: FIRST_SLICE_ROWS });
  const drawn = drawnOf.groups === groups ? drawnOf.count : FIRST_SLICE_ROWS;
  const drawing = drawn < Math.min(limit, shown.length);
  const pace = useRef<{ rows: number; at?: number }>({ rows: FIRST_SLICE_ROWS });
  useEffect(() => {
    if (!drawing) {
      pace.current = { rows: FIRST_SLICE_ROWS };
      return;
    }
    const frame = requestAnimationFrame((now) => {
      const { rows, at } = pace.current;
      const next = nextSliceRows(rows, at === undefined ? undefined : now - at);
      pace.current = { rows: next, at: now };
      setDrawnOf({ groups, count: drawn + next });
    });
    return () => cancelAnimationFrame(frame);
  }, [drawing, drawn, groups]);
  const header = (key: SortKey, label: string, alignRight = true) => (
    <th
      scope="col"
      class={`${thClass} ${alignRight ? 'text-right' : ''}`}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        class="inline-flex items-center gap-1 uppercase hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
        onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : key !== 'name' })}
      >
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? '↓' : '↑') : ''}</span>
      </button>
    </th>
  );
  // What the table holds, for tests and benchmarks: grouping done and every row of the page drawn, and the messages of
  // all groups (the headline total).
  const messages = useMemo(() => groups.reduce((sum, g) => sum + g.messages, 0), [groups]);
  return (
    <div
      data-testid="sources"
      data-state={pending ? 'pending' : drawing ? 'drawing' : 'ready'}
      data-messages={pending ? undefined : messages}
      aria-busy={pending || drawing}
    >
      <div class="mb-3 flex flex-wrap items-end gap-3 text-sm">
        <label class="inline-flex items-center gap-2">
          <input
            type="checkbox"
            checked={filters.failuresOnly}
            onChange={(e) => onFiltersChange({ ...filters, failuresOnly: e.currentTarget.checked })}
          />
          {t('sources.failuresOnly')}
        </label>
        <label class="flex flex-col gap-1">
          <span class={mutedClass}>{t('sources.class')}</span>
          <select
            class={inputClass}
            value={filters.sourceClass}
            onChange={(e) => onFiltersChange({ ...filters, sourceClass: e.currentTarget.value as SourceClass | '' })}
          >
            <option value="">{t('sources.anyClass')}</option>
            {SOURCE_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`class.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="flex flex-col gap-1">
          <span class={mutedClass}>{t('drilldown.search.label')}</span>
          <input
            type="search"
            class={`${inputClass} w-64 max-w-full`}
            placeholder={t('drilldown.search.placeholder')}
            value={filters.search}
            onInput={(e) => onFiltersChange({ ...filters, search: e.currentTarget.value })}
            data-testid="source-search"
          />
        </label>
        <label class="flex flex-col gap-1">
          <span class={mutedClass}>{t('sources.reporter')}</span>
          <select
            class={inputClass}
            value={filters.reporter}
            onChange={(e) => onFiltersChange({ ...filters, reporter: e.currentTarget.value })}
          >
            <option value="">{t('sources.anyReporter')}</option>
            {reporters.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <p class={`text-sm ${mutedClass}`} role="status">
          {pending ? t(untilImportEnds ? 'sources.afterImport' : 'sources.grouping') : t('sources.none')}
        </p>
      ) : (
        <TableScroller label={t('sources.heading')}>
          <table class={tableClass} data-testid="sources-table">
            <thead>
              <tr>
                {header('name', t('sources.col.source'), false)}
                <th scope="col" class={thClass}>
                  {t('sources.col.class')}
                </th>
                {header('messages', t('sources.col.messages'))}
                {header('pass', t('sources.col.pass'))}
                {header('dkim', t('sources.col.dkim'))}
                {header('spf', t('sources.col.spf'))}
                <th scope="col" class={thClass}>
                  {t('sources.col.domains')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, Math.min(limit, drawn)).map((g) => (
                <GroupRows key={g.key} group={g} onShowXml={setXmlOf} />
              ))}
            </tbody>
          </table>
          {shown.length > limit && (
            <div class="mt-2">
              <ShowMore shown={limit} total={shown.length} page={GROUPS_PER_PAGE} unit="sources" onShow={setLimit} />
            </div>
          )}
        </TableScroller>
      )}
      {xmlOf && (
        <XmlDialog
          reportKey={xmlOf.reportKey}
          title={`${xmlOf.orgName} ${xmlOf.reportKey.split('\u0000').pop() ?? ''}`}
          record={{ index: xmlOf.id[3], ip: xmlOf.record.sourceIp }}
          onClose={() => setXmlOf(undefined)}
        />
      )}
    </div>
  );
}
