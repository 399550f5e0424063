// Counting an SPF record's DNS lookups (RFC 7208 §4.6.4) without asking DNS: the record's own terms are exact; what an
// include or redirect costs inside the other domain's record is known only for the services the catalogue has read
// (their `spfLookupCosts`), and then only as an estimate of the day it was read. Anything else is named as not
// counted, so a record is never called within the limit when the count cannot be known.
import { findServiceBySpfInclude } from '../analysis';
import { normalizeDomain } from '../report';
import { joinTexts, recordText } from './recordTexts';
import { countDirectSpfLookups, formatSpfTerm, MAX_SPF_DNS_LOOKUPS, type SpfRecord, type SpfTerm } from './spfRecord';
import { recordIssue, type RecordIssue } from './types';

export interface CountedSpfInclude {
  /** The term as written, e.g. `include:_spf.google.com`. */
  term: string;
  /** Lookups inside the included record (the catalogue's figure). */
  lookups: number;
  /** YYYY-MM the figure was read. */
  asOf: string;
}

export interface SpfLookupEstimate {
  /** Lookups the record's own terms cost: exact. */
  direct: number;
  /** `direct` plus what the counted includes cost inside their records. */
  total: number;
  counted: CountedSpfInclude[];
  /** Terms (include, redirect) whose cost is not known offline: a domain not in the catalogue, or a macro. */
  uncounted: string[];
  /** The oldest `asOf` of the counted figures, when any was used. */
  asOf?: string;
}

/** The include and redirect terms a receiver follows into another record (RFC 7208 §6.1: redirect only without all). */
function followedTerms(record: SpfRecord): SpfTerm[] {
  const hasAll = record.terms.some((term) => term.kind === 'mechanism' && term.name === 'all');
  return record.terms.filter((term) =>
    term.kind === 'modifier' ? term.name === 'redirect' && !hasAll : term.name === 'include',
  );
}

function targetOf(term: SpfTerm): string {
  return term.kind === 'modifier' ? term.value : (term.domainSpec ?? '');
}

/** The record's lookups as far as they are known offline. */
export function estimateSpfLookups(record: SpfRecord): SpfLookupEstimate {
  const direct = countDirectSpfLookups(record);
  const counted: CountedSpfInclude[] = [];
  const uncounted: string[] = [];
  for (const term of followedTerms(record)) {
    const target = targetOf(term);
    const domain = normalizeDomain(target);
    const cost = target.includes('%')
      ? undefined
      : findServiceBySpfInclude(domain)?.spfLookupCosts?.find((c) => normalizeDomain(c.include) === domain);
    if (cost) counted.push({ term: formatSpfTerm(term), lookups: cost.lookups, asOf: cost.asOf });
    else uncounted.push(formatSpfTerm(term));
  }
  const total = direct + counted.reduce((sum, include) => sum + include.lookups, 0);
  const asOf = counted.map((include) => include.asOf).sort()[0];
  return { direct, total, counted, uncounted, ...(asOf === undefined ? {} : { asOf }) };
}

/**
 * What the estimate says about the record: too many lookups (a permerror at receivers, RFC 7208 §4.6.4), a count
 * that leaves includes out, or the estimated count. Nothing when the record follows no include or redirect, since
 * its own count is then exact (checkSpfRecord reports it), nor when its own terms are already over the limit.
 */
export function spfEstimateIssues(estimate: SpfLookupEstimate): RecordIssue[] {
  const { direct, total, uncounted, asOf } = estimate;
  const max = MAX_SPF_DNS_LOOKUPS;
  if (direct > max || (estimate.counted.length === 0 && uncounted.length === 0)) return [];
  const last = uncounted[uncounted.length - 1] ?? '';
  const includes =
    uncounted.length < 2
      ? last
      : recordText('list.and', { first: joinTexts(uncounted.slice(0, -1), 'list.comma'), rest: last });
  if (total > max)
    return [
      recordIssue(
        'error',
        'spf-too-many-lookups-estimate',
        uncounted.length === 0
          ? recordText('spf.estimate.too-many', { total, max, asOf: asOf ?? '' })
          : recordText('spf.estimate.too-many-at-least', { total, max, asOf: asOf ?? '', includes }),
        undefined,
        recordText('spf.tree-too-many-lookups.fix'),
      ),
    ];
  if (uncounted.length > 0)
    return [
      recordIssue(
        'warning',
        'spf-lookups-not-counted',
        asOf === undefined
          ? recordText('spf.estimate.not-counted', { direct, max, includes })
          : recordText('spf.estimate.partly-counted', { total, max, asOf, includes }),
      ),
    ];
  return [
    recordIssue('info', 'spf-lookups-estimate', recordText('spf.estimate.within', { total, max, asOf: asOf ?? '' })),
  ];
}
