// What a failure report says failed, in the words a postmaster debugs with: DKIM, SPF or both, rather than the ARF
// feedback type `auth-failure` every DMARC failure report carries.
import { organizationalDomain, type FailureReport } from '../report';

export type FailedMechanism = 'dkim' | 'spf' | 'both';

type Mechanism = 'dkim' | 'spf';
const MECHANISMS: readonly Mechanism[] = ['dkim', 'spf'];

/** RFC 6591 §3.2 Auth-Failure values that name a DKIM failure (RFC 9991 keeps them). */
const DKIM_FAILURES = new Set(['bodyhash', 'revoked', 'signature', 'dkim']);

function combine(dkim: boolean, spf: boolean): FailedMechanism | undefined {
  return dkim && spf ? 'both' : dkim ? 'dkim' : spf ? 'spf' : undefined;
}

function words(value: string | undefined): string[] {
  return (value ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** What the reading needs of a failure report. */
type ReportFields = Pick<
  FailureReport,
  'authFailure' | 'identityAlignment' | 'authenticationResults' | 'reportedDomain' | 'original' | 'fields'
>;

/** The domain of `local@domain` or of a bare domain, without quotes or angle brackets. */
function domainOf(value: string): string {
  const bare = value.replace(/^["<]+|[">]+$/g, '');
  return bare.slice(bare.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * What Authentication-Results (RFC 8601) say of `mechanism` for the reported domain: true when it passed for a domain
 * aligned with it (the same organizational domain, RFC 7489 §3.1), false when results for it are given but none is such
 * a pass, undefined when none is given. The feedback part's own field is read first, then the topmost header of the
 * message that failed (added by the receiver that reports; those below it are earlier hops').
 */
function alignedPass(report: ReportFields, mechanism: Mechanism): boolean | undefined {
  const reported = report.reportedDomain;
  if (!reported) return undefined;
  const fromHeader = report.original?.headers.find(([name]) => name.toLowerCase() === 'authentication-results')?.[1];
  for (const text of [report.authenticationResults, fromHeader]) {
    if (text === undefined) continue;
    let seen = false;
    // Comments (RFC 5322 CFWS) may hold `=` and `;`: "dkim=fail (bodyhash) header.d=…".
    for (const resinfo of text.replace(/\([^()]*\)/g, ' ').split(';')) {
      const found = /^\s*([a-z0-9-]+)\s*=\s*([a-z]+)(.*)$/is.exec(resinfo);
      if (!found || found[1]!.toLowerCase() !== mechanism) continue;
      seen = true;
      const property = mechanism === 'dkim' ? /\bheader\.[di]\s*=\s*(\S+)/i : /\bsmtp\.mailfrom\s*=\s*(\S+)/i;
      const domain = domainOf(property.exec(found[3]!)?.[1] ?? '');
      if (
        found[2]!.toLowerCase() === 'pass' &&
        domain !== '' &&
        organizationalDomain(domain) === organizationalDomain(reported)
      )
        return true;
    }
    if (seen) return false;
  }
  return undefined;
}

/**
 * The mechanisms Identity-Alignment names as failed, or undefined when the report cannot tell.
 *
 * The field's grammar has not changed (RFC 7489 §7.3.1, RFC 9991 §3.1):
 *
 *     id-align     = "Identity-Alignment:" [CFWS]
 *                    ( "none" / dmarc-method *( [CFWS] "," [CFWS] dmarc-method ) ) [CFWS]
 *     dmarc-method = ( "dkim" / "spf" )
 *
 * but its meaning was turned around: RFC 7489 lists the mechanisms "that produced an aligned identity", RFC 9991 (which
 * obsoletes it) those "that failed to authenticate an aligned identity". Reporters of both generations send it, so a
 * list is read by what the report's own Authentication-Results say of a listed mechanism: an aligned pass means the
 * list names what aligned (RFC 7489) and the others failed; a failure means it names what failed (RFC 9991). `none`
 * under RFC 7489 means nothing aligned; under RFC 9991 nothing failed, which no failure report can say: so it tells
 * nothing beyond Auth-Failure, and neither does a list with nothing to check it against.
 */
function failedFromIdentityAlignment(report: ReportFields): Mechanism[] | undefined {
  const listed = MECHANISMS.filter((m) => words(report.identityAlignment).includes(m));
  if (listed.length === 0) return undefined;
  const evidence = listed.map((m) => alignedPass(report, m));
  if (evidence.includes(true)) {
    const failed = MECHANISMS.filter((m) => !listed.includes(m));
    return failed.length ? failed : undefined;
  }
  return evidence.includes(false) ? listed : undefined;
}

/**
 * Exim's plain-text failure report says it outright, one line per mechanism: "SPF Alignment: no", "DKIM Alignment: yes"
 * (the fields keep what was written; domainaware__parsedmarc/exim_plain_text_only_no_arf_part.eml).
 */
function failedFromAlignmentLines(report: ReportFields): Mechanism[] | undefined {
  const line = (name: string) => report.fields.find(([n]) => n === name)?.[1];
  const dkim = line('dkim alignment');
  const spf = line('spf alignment');
  if (dkim === undefined || spf === undefined) return undefined;
  return MECHANISMS.filter((m) => /^no\b/i.test(m === 'dkim' ? dkim : spf));
}

/**
 * The mechanism that failed: from Exim's alignment lines when the report has them, then from Identity-Alignment when
 * the report shows which way it is meant (failedFromIdentityAlignment), else from Auth-Failure: `bodyhash`, `revoked`
 * and `signature` are DKIM's, `spf` is SPF's, and `dmarc` means both, since DMARC fails only when neither DKIM nor SPF
 * gave an aligned pass (RFC 7489 §6.6.2). Undefined for a report that is not about authentication (an abuse report)
 * or says nothing of it.
 */
export function failedMechanism(
  report: Pick<FailureReport, 'authFailure' | 'identityAlignment'> & Partial<ReportFields>,
): FailedMechanism | undefined {
  const fields: ReportFields = { ...report, fields: report.fields ?? [] };
  const stated = failedFromAlignmentLines(fields) ?? failedFromIdentityAlignment(fields);
  const fromAlignment = stated && combine(stated.includes('dkim'), stated.includes('spf'));
  if (fromAlignment) return fromAlignment;
  const failures = words(report.authFailure);
  if (failures.includes('dmarc')) return 'both';
  return combine(
    failures.some((f) => DKIM_FAILURES.has(f)),
    failures.includes('spf'),
  );
}
