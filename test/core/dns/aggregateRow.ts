// An aggregate record for tests: a failing message row with no authentication results, overridden by `partial`.
import type { AggregateRecord } from '../../../core/report/types';

export function aggregateRow(
  partial: Partial<AggregateRecord> & Pick<AggregateRecord, 'sourceIp' | 'count' | 'headerFrom'>,
): AggregateRecord {
  return {
    disposition: 'none',
    dkim: 'fail',
    spf: 'fail',
    reasons: [],
    dkimResults: [],
    spfResults: [],
    dkimAligned: false,
    spfAligned: false,
    ...partial,
  };
}
