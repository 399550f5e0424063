// Who sent reports: per reporter the reports and messages, the published policy as each reporter saw it, override
// reasons, and the warnings of each report (what the parser had to repair or normalize).
import { useState } from 'preact/hooks';
import { localizeReportText, type PolicyPublished, type OverrideReason } from '../../../core/report';
import type { StoredAggregateReport } from '../../../core/store';
import { groupReporters } from '../../../core/analysis';
import { useComputedInTask } from '../app/useComputedInTask';
import { useI18n } from '../i18n/i18n';
import { linkButtonClass, mutedClass, tableClass, tdClass, thClass, TableScroller } from '../ui/ui';

/** Tag names of a DMARC record (RFC 7489 §6.3) and the policy fields they state, in record order. */
const POLICY_TAGS = [
  ['p', 'p'],
  ['sp', 'sp'],
  ['np', 'np'],
  ['adkim', 'adkim'],
  ['aspf', 'aspf'],
  ['pct', 'pct'],
  ['t', 'testing'],
  ['fo', 'fo'],
] as const satisfies ReadonlyArray<readonly [string, keyof PolicyPublished]>;

/**
 * The policy as a DMARC record would state it (RFC 7489 §6.3 tag names). One plain loop: the reporters table calls
 * it for every report, thousands after a big import.
 */
export function describePolicy(policy: PolicyPublished): string {
  let text = '';
  for (const [tag, field] of POLICY_TAGS) {
    const value = policy[field];
    if (value === undefined || value === '') continue;
    text += `${text === '' ? '' : '; '}${tag}=${value}`;
  }
  return text;
}

/** Whether two policies read the same as a reporters table line: same domain and same stated tags. */
function samePolicyLine(a: PolicyPublished, b: PolicyPublished): boolean {
  if (a.domain !== b.domain) return false;
  for (const [, field] of POLICY_TAGS) if (a[field] !== b[field]) return false;
  return true;
}

interface ReporterRow {
  /** The organization (core/analysis/groupReporters.ts): one row however many names and addresses it reports from. */
  key: string;
  name: string;
  /** The other names its reports use, and its domain when no name is that domain: shown under `name`. */
  aliases: string[];
  reports: StoredAggregateReport[];
  messages: number;
  policies: string[];
  overrides: ReadonlyMap<OverrideReason, number>;
  warnings: number;
}

/** Override reasons of every name the organization's reports use, added up (they are counted per org_name). */
function mergedOverrides(
  reports: readonly StoredAggregateReport[],
  overridesByReporter: ReadonlyMap<string, ReadonlyMap<OverrideReason, number>>,
): Map<OverrideReason, number> {
  const merged = new Map<OverrideReason, number>();
  for (const orgName of new Set(reports.map((r) => r.orgName))) {
    for (const [reason, count] of overridesByReporter.get(orgName) ?? []) {
      merged.set(reason, (merged.get(reason) ?? 0) + count);
    }
  }
  return merged;
}

export function buildReporterRows(
  reports: readonly StoredAggregateReport[],
  overridesByReporter: ReadonlyMap<string, ReadonlyMap<OverrideReason, number>>,
): ReporterRow[] {
  // The report's own metadata (its org_name is the row's orgName): nothing made for each of thousands of reports.
  const organizations = groupReporters(reports, (r) => r.report.metadata);
  return organizations
    .map((organization): ReporterRow => {
      const policies: string[] = [];
      let messages = 0;
      let warnings = 0;
      // An organization's reports mostly state the policy of the report before: its line is written once for them.
      let last: PolicyPublished | undefined;
      for (const report of organization.members) {
        messages += report.messageCount;
        warnings += report.warnings.length;
        const { policy } = report.report;
        if (last !== undefined && samePolicyLine(policy, last)) continue;
        last = policy;
        // A reporter reports on several domains: each policy says whose it is.
        const line = `${policy.domain}: ${describePolicy(policy)}`;
        if (!policies.includes(line)) policies.push(line);
      }
      const aliases = organization.names.filter((n) => n !== organization.name);
      const { domain } = organization;
      if (domain !== undefined && !organization.names.some((n) => n.toLowerCase() === domain)) aliases.push(domain);
      return {
        key: organization.key,
        name: organization.name,
        aliases,
        reports: organization.members,
        messages,
        policies,
        overrides: mergedOverrides(organization.members, overridesByReporter),
        warnings,
      };
    })
    .sort((a, b) => b.messages - a.messages);
}

function ReporterRowView({ row }: { row: ReporterRow }) {
  const { t, number, date } = useI18n();
  const [open, setOpen] = useState(false);
  const withWarnings = row.reports.filter((r) => r.warnings.length > 0);
  return (
    <>
      <tr>
        <th scope="row" class={`${tdClass} font-medium`}>
          {row.name || '–'}
          {row.aliases.length > 0 && (
            <div class={`text-xs font-normal ${mutedClass}`} data-testid="reporter-aliases">
              {row.aliases.join(' · ')}
            </div>
          )}
        </th>
        <td class={`${tdClass} text-right tabular-nums`}>{number(row.reports.length)}</td>
        <td class={`${tdClass} text-right tabular-nums`}>{number(row.messages)}</td>
        <td class={`${tdClass} font-mono text-xs`}>
          {row.policies.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </td>
        <td class={`${tdClass} text-xs`}>
          {[...row.overrides].map(([type, count]) => `${type} (${number(count)})`).join(', ') || '–'}
        </td>
        <td class={`${tdClass} text-right`}>
          {row.warnings === 0 ? (
            '0'
          ) : (
            <button type="button" class={linkButtonClass} aria-expanded={open} onClick={() => setOpen(!open)}>
              {number(row.warnings)} · {t('reporters.showWarnings')}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={6} class="px-2 pb-3">
            <ul class="space-y-2 text-xs">
              {withWarnings.map((report) => (
                <li key={report.key}>
                  <div class="font-medium">
                    {report.fileName} · {report.report.metadata.reportId} · {date(report.begin)}
                  </div>
                  <ul class={`ml-4 list-disc ${mutedClass}`}>
                    {report.warnings.map((w, i) => (
                      <li key={i}>{localizeReportText(w, t)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}

export function ReportersTable({
  reports,
  overridesByReporter,
}: {
  /** Undefined while they are being read. */
  reports: readonly StoredAggregateReport[] | undefined;
  overridesByReporter: ReadonlyMap<string, ReadonlyMap<OverrideReason, number>>;
}) {
  const { t } = useI18n();
  // Built in a task before the one that draws them: after a large import each took up to 90 ms on a busy machine,
  // and the two together went over the 100 ms a task the page allows itself.
  const rows = useComputedInTask(
    () => (reports ? buildReporterRows(reports, overridesByReporter) : []),
    [reports, overridesByReporter],
  );
  if (!reports || !rows) {
    return (
      <p class={`text-sm ${mutedClass}`} role="status">
        {t('reporters.reading')}
      </p>
    );
  }
  if (rows.length === 0) return <p class={`text-sm ${mutedClass}`}>{t('reporters.none')}</p>;
  return (
    <TableScroller label={t('reporters.heading')}>
      <table class={tableClass} data-testid="reporters-table">
        <thead>
          <tr>
            <th scope="col" class={thClass}>
              {t('reporters.col.org')}
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              {t('reporters.col.reports')}
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              {t('reporters.col.messages')}
            </th>
            <th scope="col" class={thClass}>
              {t('reporters.col.policy')}
            </th>
            <th scope="col" class={thClass}>
              {t('reporters.col.overrides')}
            </th>
            <th scope="col" class={`${thClass} text-right`}>
              {t('reporters.col.warnings')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ReporterRowView key={row.key} row={row} />
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
