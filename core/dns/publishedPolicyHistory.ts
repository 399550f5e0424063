// What the stored reports say the domain published: each aggregate report carries the policy the receiver found
// (`policy_published`, RFC 7489 appendix C / RFC 9990 §3.1), so the newest reports show the current rollout step and
// how long it has been in place, without any DNS lookup.
import type { PolicyPublished } from '../report';
import type { DmarcFailureOption, DmarcRecord } from './dmarcRecord';

const FAILURE_OPTIONS: readonly string[] = ['0', '1', 'd', 's'];

/** A report's `fo` as the record's options; undefined when it holds anything RFC 7489 §6.3 does not define. */
function failureOptions(fo: string | undefined): DmarcFailureOption[] | undefined {
  const options = fo?.split(':').map((option) => option.trim().toLowerCase());
  return options?.every((option) => FAILURE_OPTIONS.includes(option)) ? (options as DmarcFailureOption[]) : undefined;
}

export interface ReportPolicy {
  /** Unix seconds, the report's date range. */
  begin: number;
  end: number;
  policy: PolicyPublished;
}

export interface PublishedPolicyRun {
  /** The policy as a DMARC record (only the tags reports carry). */
  record: DmarcRecord;
  /** Start of the oldest report in the unbroken run of reports showing this policy, Unix seconds. */
  since: number;
  /** End of the newest report, Unix seconds. */
  until: number;
  /** Reports in the run. */
  reports: number;
}

function recordOf(policy: PolicyPublished): DmarcRecord {
  const fo = failureOptions(policy.fo);
  return {
    ...(policy.p ? { p: policy.p } : {}),
    ...(policy.sp ? { sp: policy.sp } : {}),
    ...(policy.np ? { np: policy.np } : {}),
    ...(policy.adkim ? { adkim: policy.adkim } : {}),
    ...(policy.aspf ? { aspf: policy.aspf } : {}),
    // pct=100 is the default and many reporters write it for every record; leaving it out keeps runs comparable.
    ...(policy.pct !== undefined && policy.pct !== 100 ? { pct: policy.pct } : {}),
    ...(policy.testing === 'y' ? { t: 'y' as const } : {}),
    ...(fo ? { fo } : {}),
    extensions: [],
  };
}

/** The step fields a rollout cares about: a change in rua or fo is not a new step. */
const stepKey = (record: DmarcRecord) => `${record.p ?? 'none'}|${record.pct ?? 100}|${record.t ?? 'n'}`;

/**
 * Two reports in a row (newest first) showing another step end a run; a single one is a receiver with a cached old
 * record (DNS TTLs, and reports cover a day or more), not a change of policy.
 */
const RUN_BREAKING_MISMATCHES = 2;

/** The policy of the newest report and since when reports have shown it. */
export function publishedPolicyHistory(reports: readonly ReportPolicy[]): PublishedPolicyRun | undefined {
  const sorted = [...reports].sort((a, b) => b.end - a.end || b.begin - a.begin);
  const newest = sorted[0];
  if (!newest) return undefined;
  const record = recordOf(newest.policy);
  const key = stepKey(record);
  let since = newest.begin;
  let count = 0;
  let mismatches = 0;
  for (const report of sorted) {
    if (stepKey(recordOf(report.policy)) === key) {
      since = Math.min(since, report.begin);
      count++;
      mismatches = 0;
    } else if (++mismatches >= RUN_BREAKING_MISMATCHES) break;
  }
  return { record, since, until: newest.end, reports: count };
}
