// What a failure report says failed, in the words a postmaster debugs with: DKIM, SPF or both, rather than the ARF
// feedback type `auth-failure` every DMARC failure report carries.
import type { FailureReport } from '../report';

export type FailedMechanism = 'dkim' | 'spf' | 'both';

/** RFC 6591 §3.2 Auth-Failure values that name a DKIM failure (RFC 9991 keeps them). */
const DKIM_FAILURES = new Set(['bodyhash', 'revoked', 'signature', 'dkim']);

function combine(dkim: boolean, spf: boolean): FailedMechanism | undefined {
  return dkim && spf ? 'both' : dkim ? 'dkim' : spf ? 'spf' : undefined;
}

/**
 * The mechanism that failed, from Identity-Alignment when it lists mechanisms (RFC 9991: those that failed to give an
 * aligned pass; `none` names none), else from Auth-Failure: `bodyhash`, `revoked` and `signature` are DKIM's, `spf` is
 * SPF's, and `dmarc` means both, since DMARC fails only when neither DKIM nor SPF gave an aligned pass (RFC 7489
 * §6.6.2). Undefined for a report that is not about authentication (an abuse report) or says nothing of it.
 */
export function failedMechanism(
  report: Pick<FailureReport, 'authFailure' | 'identityAlignment'>,
): FailedMechanism | undefined {
  const listed = (report.identityAlignment ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const fromAlignment = combine(listed.includes('dkim'), listed.includes('spf'));
  if (fromAlignment) return fromAlignment;
  const failures = (report.authFailure ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (failures.includes('dmarc')) return 'both';
  return combine(
    failures.some((f) => DKIM_FAILURES.has(f)),
    failures.includes('spf'),
  );
}
