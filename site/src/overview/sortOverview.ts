// The overview table's order and search: every column sorts, both ways; ties keep the busiest domain first.
import type { DomainOverview, ReadinessState } from '../../../core/analysis';

export const OVERVIEW_COLUMNS = [
  'domain',
  'messages',
  'pass',
  'policy',
  'readiness',
  'trend',
  'new',
  'failing',
] as const;
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];

export interface OverviewSort {
  column: OverviewColumn;
  descending: boolean;
}

/** The order a first click on a column sorts in: names A to Z, figures largest first. */
export function firstDirection(column: OverviewColumn): boolean {
  return column !== 'domain' && column !== 'readiness';
}

const POLICY_RANK = { none: 0, quarantine: 1, reject: 2 } as const;
/** What needs doing first comes first: not ready, then ready for the next step, at reject, no reports. */
const READINESS_RANK: Record<ReadinessState, number> = { 'not-yet': 0, ready: 1, 'at-reject': 2, 'no-data': 3 };

function sortValue(row: DomainOverview, column: OverviewColumn): number | string {
  switch (column) {
    case 'domain':
      return row.domain;
    case 'messages':
      return row.messages;
    case 'pass':
      return row.messages > 0 ? row.dmarcPass / row.messages : -1;
    case 'policy': {
      // The strictest policy a reporter saw, then its pct, then the subdomain policy.
      const policy = row.policies[0];
      return policy ? POLICY_RANK[policy.p] * 1000 + policy.pct * 3 + POLICY_RANK[policy.sp] : -1;
    }
    case 'readiness':
      return READINESS_RANK[row.readiness.state];
    case 'trend':
      return row.spark.reduce((n, d) => n + d.messages, 0);
    case 'new':
      return row.newSources;
    case 'failing':
      return row.failingSources;
  }
}

/** The rows whose domain contains `query` (any case), in the order `sort` asks for. */
export function sortOverview(rows: readonly DomainOverview[], sort: OverviewSort, query = ''): DomainOverview[] {
  const wanted = query.trim().toLowerCase();
  const shown = wanted ? rows.filter((r) => r.domain.includes(wanted)) : [...rows];
  const sign = sort.descending ? -1 : 1;
  return shown.sort((a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return order * sign || b.messages - a.messages || (a.domain < b.domain ? -1 : 1);
  });
}
