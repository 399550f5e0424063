// "What changed since the last import": sources never seen before, sources that started failing, and a published
// policy that differs from what reporters saw (between imports, among the reporters of one import, or against the
// record the user just looked up in DNS).
import { type AggregateReport, type PolicyPublished, normalizeDomain, isoFromReportSeconds } from '../report';
import { explain, formatExplanation, type Explanation } from './explanation';
import { groupSources, type GroupSourcesOptions, type SourceGroup } from './groupSources';
import { labelExplanation } from './sourceLabel';
import type { SourceClass } from './classifyRecord';

export interface ChangesOptions extends Pick<GroupSourcesOptions, 'asnTable' | 'rdns'> {
  /** The DMARC record each domain publishes now (from a DNS lookup the user asked for), keyed by domain. */
  publishedPolicies?: ReadonlyMap<
    string,
    Pick<PolicyPublished, 'p' | 'sp' | 'np' | 'adkim' | 'aspf' | 'pct' | 'testing'>
  >;
  /** A source "started failing" when its pass share drops below this after being at or above `wasPassingAt`. */
  failingBelow?: number;
  wasPassingAt?: number;
}

export interface NewSource {
  domain: string;
  key: string;
  label: string;
  messages: number;
  class: SourceClass;
  /** The source's reason (classifySource), in English. */
  reason: string;
  reasonExplanation: Explanation;
}

export interface StartedFailing {
  domain: string;
  key: string;
  label: string;
  passShareBefore: number;
  passShareNow: number;
  failingMessages: number;
  /** In English. */
  reason: string;
  reasonExplanation: Explanation;
}

export interface PolicyChange {
  domain: string;
  kind: 'changed-since-last-import' | 'reporters-disagree' | 'differs-from-published';
  /** For `changed-since-last-import`: the policies before and after, and the dates between which it changed. */
  change?: DatedChange;
  /** In English. */
  sentence: string;
  explanation: Explanation;
}

export interface ImportChanges {
  newSources: NewSource[];
  startedFailing: StartedFailing[];
  policyChanges: PolicyChange[];
}

type PolicyFields = Pick<PolicyPublished, 'p' | 'sp' | 'np' | 'adkim' | 'aspf' | 'pct' | 'testing'>;

/** A canonical text of the policy fields that matter, with RFC defaults filled in (RFC 7489 §6.3). */
export function policyText(policy: PolicyFields): string {
  const parts = [`p=${policy.p ?? 'none'}`];
  if (policy.sp && policy.sp !== (policy.p ?? 'none')) parts.push(`sp=${policy.sp}`);
  if (policy.np) parts.push(`np=${policy.np}`);
  if ((policy.adkim ?? 'r') !== 'r') parts.push(`adkim=${policy.adkim}`);
  if ((policy.aspf ?? 'r') !== 'r') parts.push(`aspf=${policy.aspf}`);
  if (policy.pct !== undefined && policy.pct !== 100) parts.push(`pct=${policy.pct}`);
  if (policy.testing === 'y') parts.push('t=y');
  return parts.join(' ');
}

function byDomain(reports: readonly AggregateReport[]): Map<string, AggregateReport[]> {
  const map = new Map<string, AggregateReport[]>();
  for (const report of reports) {
    if (report.kind !== 'aggregate') continue;
    const domain = normalizeDomain(report.policy.domain);
    const list = map.get(domain);
    if (list) list.push(report);
    else map.set(domain, [report]);
  }
  return map;
}

const share = (group: SourceGroup) => (group.messages ? group.passing / group.messages : 1);
const percent = (value: number) => ({ percent: Math.round(value * 100), decimals: 0 as const });

function policyChange(
  domain: string,
  kind: PolicyChange['kind'],
  explanation: Explanation,
  change?: DatedChange,
): PolicyChange {
  return { domain, kind, ...(change ? { change } : {}), sentence: formatExplanation(explanation), explanation };
}

/** The earliest begin of `reports` (Infinity for none), in a loop: a spread of a year of reports overflows the stack. */
function earliestBegin(reports: readonly AggregateReport[]): number {
  let earliest = Infinity;
  for (const report of reports) earliest = Math.min(earliest, report.metadata.begin);
  return earliest;
}

/** A report time as its UTC day (2026-01-31), the way reports state their ranges. */
function utcDay(seconds: number): string {
  return isoFromReportSeconds(seconds)?.slice(0, 10) ?? String(seconds);
}

/** Reports in the order of the days they cover (end, then begin): the order in which policies were seen. */
function byDate(reports: readonly AggregateReport[]): AggregateReport[] {
  return [...reports].sort((a, b) => a.metadata.end - b.metadata.end || a.metadata.begin - b.metadata.begin);
}

export interface DatedChange {
  before: string;
  now: string;
  /** End of the newest report that saw `before`, and begin of the first after it (which saw `now`): Unix seconds. */
  until: number;
  since: number;
}

/**
 * The last change of policy in `sorted` (reports in date order): what the newest report saw, what the newest report
 * before it that saw something else saw, and between which dates; undefined when every report saw the same.
 */
function lastPolicyChange(sorted: readonly AggregateReport[]): DatedChange | undefined {
  const newest = sorted[sorted.length - 1];
  if (newest === undefined) return undefined;
  const now = policyText(newest.policy);
  for (let i = sorted.length - 2; i >= 0; i--) {
    const before = policyText(sorted[i]!.policy);
    if (before !== now) return { before, now, until: sorted[i]!.metadata.end, since: sorted[i + 1]!.metadata.begin };
  }
  return undefined;
}

/** A stored report with the import it came in (the same `importedAt` for every report of one import). */
export interface ImportedReport {
  importedAt: number;
  report: AggregateReport;
}

/**
 * Splits stored reports into those of the newest import and everything stored before it. An import is told by its
 * `importedAt` (the time the import began, the same on each of its reports), not by a window of time, so two imports
 * a minute apart stay two imports.
 */
export function splitByImport(reports: readonly ImportedReport[]): {
  previous: AggregateReport[];
  imported: AggregateReport[];
} {
  let newest = -Infinity;
  for (const r of reports) newest = Math.max(newest, r.importedAt);
  const previous: AggregateReport[] = [];
  const imported: AggregateReport[] = [];
  for (const r of reports) (r.importedAt === newest ? imported : previous).push(r.report);
  return { previous, imported };
}

/**
 * Compares the reports of an import with everything stored before it, by the dates the reports cover, so that an
 * import of older reports never reads backwards:
 * - a new source is one first seen in the import's reports, on a day after the earliest report stored before (there is
 *   earlier data without it) and in no report stored before;
 * - a source started failing when it passed in the reports dated before the import's and fails in the import's;
 * - a policy change is the last change in date order over all reports, listed when the import changed what it is.
 */
export function changesSinceLastImport(
  previous: readonly AggregateReport[],
  imported: readonly AggregateReport[],
  options: ChangesOptions = {},
): ImportChanges {
  const failingBelow = options.failingBelow ?? 0.9;
  const wasPassingAt = options.wasPassingAt ?? 0.98;
  const before = byDomain(previous);
  const now = byDomain(imported);
  const changes: ImportChanges = { newSources: [], startedFailing: [], policyChanges: [] };
  const groupOptions = {
    ...(options.asnTable ? { asnTable: options.asnTable } : {}),
    ...(options.rdns ? { rdns: options.rdns } : {}),
  };

  for (const [domain, reports] of now) {
    const earlier = before.get(domain) ?? [];
    const importBegins = earliestBegin(reports);
    const historyBegins = earliestBegin(earlier);
    const storedGroups = new Map(groupSources(earlier, groupOptions).map((g) => [g.key, g]));
    const datedBefore = earlier.filter((r) => r.metadata.begin < importBegins);
    const groupsBefore = new Map(groupSources(datedBefore, groupOptions).map((g) => [g.key, g]));
    for (const group of groupSources(reports, groupOptions)) {
      // A domain imported for the first time has only new sources, and a source first seen before any stored report
      // may have been there all along: listing those says nothing.
      if (!storedGroups.has(group.key) && group.firstSeen > historyBegins) {
        changes.newSources.push({
          domain,
          key: group.key,
          label: group.label,
          messages: group.messages,
          class: group.classification.class,
          reason: group.classification.reason,
          reasonExplanation: group.classification.reasonExplanation,
        });
      }
      const old = groupsBefore.get(group.key);
      if (old && share(old) >= wasPassingAt && share(group) < failingBelow) {
        const reason = explain('changes.startedFailing', {
          label: labelExplanation(group.key, group.label),
          before: percent(share(old)),
          now: percent(share(group)),
          advice: group.classification.fixExplanation ?? group.classification.reasonExplanation,
        });
        changes.startedFailing.push({
          domain,
          key: group.key,
          label: group.label,
          passShareBefore: share(old),
          passShareNow: share(group),
          failingMessages: group.messages - group.passing,
          reason: formatExplanation(reason),
          reasonExplanation: reason,
        });
      }
    }

    // Policies seen by the reporters of this import, in date order.
    const sorted = byDate(reports);
    const seen = new Map<string, string[]>();
    for (const report of sorted) {
      const text = policyText(report.policy);
      const reporters = seen.get(text) ?? [];
      if (!reporters.includes(report.metadata.orgName)) reporters.push(report.metadata.orgName);
      seen.set(text, reporters);
    }
    if (seen.size > 1) {
      const list = [...seen].map(
        ([text, orgs]) => `${text} (${orgs.slice(0, 3).join(', ')}${orgs.length > 3 ? '…' : ''})`,
      );
      changes.policyChanges.push(
        policyChange(
          domain,
          'reporters-disagree',
          explain('changes.reportersDisagree', { domain, policies: list.join('; ') }),
        ),
      );
    }
    const all = byDate([...earlier, ...reports]);
    const change = lastPolicyChange(all);
    const known = lastPolicyChange(byDate(earlier));
    if (change && (change.before !== known?.before || change.now !== known.now)) {
      changes.policyChanges.push(
        policyChange(
          domain,
          'changed-since-last-import',
          explain('changes.changedSinceLastImport', {
            before: change.before,
            domain,
            until: utcDay(change.until),
            now: change.now,
            since: utcDay(change.since),
          }),
          change,
        ),
      );
    }
    const newest = all[all.length - 1];
    const published = options.publishedPolicies?.get(domain);
    if (published && newest) {
      const dns = policyText(published);
      const reported = policyText(newest.policy);
      if (dns !== reported) {
        changes.policyChanges.push(
          policyChange(
            domain,
            'differs-from-published',
            explain('changes.differsFromPublished', {
              domain,
              published: dns,
              reporter: newest.metadata.orgName,
              reported,
            }),
          ),
        );
      }
    }
  }
  changes.newSources.sort((a, b) => b.messages - a.messages);
  changes.startedFailing.sort((a, b) => b.failingMessages - a.failingMessages);
  return changes;
}
