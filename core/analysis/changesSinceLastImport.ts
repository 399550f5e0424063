// "What changed since the last import": sources never seen before, sources that started failing, and a published
// policy that differs from what reporters saw (between imports, among the reporters of one import, or against the
// record the user just looked up in DNS).
import type { AggregateReport, PolicyPublished } from '../report/types';
import { normalizeDomain } from '../report/alignment';
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

function policyChange(domain: string, kind: PolicyChange['kind'], explanation: Explanation): PolicyChange {
  return { domain, kind, sentence: formatExplanation(explanation), explanation };
}

/** Compares the reports of an import with everything stored before it. */
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
    const oldGroups = new Map(groupSources(earlier, groupOptions).map((g) => [g.key, g]));
    for (const group of groupSources(reports, groupOptions)) {
      const old = oldGroups.get(group.key);
      if (!old) {
        // A domain imported for the first time has only new sources; listing them all says nothing.
        if (earlier.length === 0) continue;
        changes.newSources.push({
          domain,
          key: group.key,
          label: group.label,
          messages: group.messages,
          class: group.classification.class,
          reason: group.classification.reason,
          reasonExplanation: group.classification.reasonExplanation,
        });
      } else if (share(old) >= wasPassingAt && share(group) < failingBelow) {
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

    // Policy seen by reporters in this import, newest last.
    const sorted = [...reports].sort((a, b) => a.metadata.end - b.metadata.end);
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
    const newestNow = sorted[sorted.length - 1];
    const newestBefore = [...earlier].sort((a, b) => a.metadata.end - b.metadata.end).pop();
    if (newestNow && newestBefore) {
      const was = policyText(newestBefore.policy);
      const is = policyText(newestNow.policy);
      if (was !== is) {
        changes.policyChanges.push(
          policyChange(
            domain,
            'changed-since-last-import',
            explain('changes.changedSinceLastImport', { now: is, domain, before: was }),
          ),
        );
      }
    }
    const published = options.publishedPolicies?.get(domain);
    if (published && newestNow) {
      const dns = policyText(published);
      const reported = policyText(newestNow.policy);
      if (dns !== reported) {
        changes.policyChanges.push(
          policyChange(
            domain,
            'differs-from-published',
            explain('changes.differsFromPublished', {
              domain,
              published: dns,
              reporter: newestNow.metadata.orgName,
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
