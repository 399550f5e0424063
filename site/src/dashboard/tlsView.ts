// SMTP TLS reports (RFC 8460) summed per policy, with the failed sessions broken down per receiving MX and per failure
// type (RFC 8460 §4.3 result types). Failure details may name fewer sessions than the summary's failure count (a
// reporter need not detail every one), or more (Mail.ru's reports: two details of one session each under a count of
// one): the part the details do not cover is its own line, so each breakdown adds up to the failed sessions it sums.
import type { StoredTlsReport } from '../../../core/store';

export interface TlsCount {
  /** A receiving MX host name (or its IP when only that is given), or a result type. */
  name: string;
  failed: number;
}

export interface TlsPolicyRow {
  key: string;
  policyType: string;
  policyDomain: string;
  /** The MX hosts the policy names (RFC 8460 §4.3 `mx-host`). */
  mxHosts: string[];
  reports: number;
  successful: number;
  /** RFC 8460 `total-failure-session-count`, summed. */
  failed: number;
  /** Failed sessions per receiving MX named by the details, most first. */
  byMx: TlsCount[];
  /** Failed sessions per result type named by the details, most first. */
  byType: TlsCount[];
  /** Failed sessions the details leave out: failed − what they name (0 when they name as many or more). */
  undetailed: number;
  /** What the details name beyond the failure count (0 when they name no more than it). */
  detailedBeyond: number;
}

function add(counts: Map<string, number>, name: string, n: number): void {
  counts.set(name, (counts.get(name) ?? 0) + n);
}

function sorted(counts: Map<string, number>): TlsCount[] {
  return [...counts]
    .map(([name, failed]) => ({ name, failed }))
    .sort((a, b) => b.failed - a.failed || (a.name < b.name ? -1 : 1));
}

/** One row per policy (type and domain), over every report; `domain` keeps only that policy domain's rows. */
export function buildTlsRows(reports: readonly StoredTlsReport[], domain: string | null = null): TlsPolicyRow[] {
  const rows = new Map<
    string,
    Omit<TlsPolicyRow, 'byMx' | 'byType' | 'undetailed' | 'detailedBeyond' | 'mxHosts'> & {
      mx: Map<string, number>;
      types: Map<string, number>;
      hosts: Set<string>;
      detailed: number;
    }
  >();
  for (const { report } of reports) {
    for (const policy of report.policies) {
      if (domain !== null && policy.policyDomain.toLowerCase() !== domain) continue;
      const key = `${policy.policyType}\u0000${policy.policyDomain.toLowerCase()}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          key,
          policyType: policy.policyType,
          policyDomain: policy.policyDomain.toLowerCase(),
          reports: 0,
          successful: 0,
          failed: 0,
          mx: new Map(),
          types: new Map(),
          hosts: new Set(),
          detailed: 0,
        };
        rows.set(key, row);
      }
      row.reports++;
      row.successful += policy.successfulSessions;
      row.failed += policy.failedSessions;
      for (const host of policy.mxHost) row.hosts.add(host);
      for (const detail of policy.failureDetails) {
        const n = detail.failedSessionCount;
        add(row.mx, detail.receivingMxHostname ?? detail.receivingIp ?? '', n);
        add(row.types, detail.resultType, n);
        row.detailed += n;
      }
    }
  }
  return [...rows.values()]
    .map(({ mx, types, hosts, detailed, ...row }) => ({
      ...row,
      mxHosts: [...hosts],
      byMx: sorted(mx),
      byType: sorted(types),
      undetailed: Math.max(0, row.failed - detailed),
      detailedBeyond: Math.max(0, detailed - row.failed),
    }))
    .sort((a, b) => b.failed - a.failed || (a.key < b.key ? -1 : 1));
}
