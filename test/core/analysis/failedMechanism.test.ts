// "Failed" names the mechanism of real failure reports: DMARC failures (Auth-Failure dmarc) failed both DKIM and SPF
// alignment; a DKIM body hash failure is DKIM's; Exim's text report says it in its alignment lines. Identity-Alignment
// is read by the report's own Authentication-Results, since RFC 7489 and RFC 9991 give it opposite meanings.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { failedMechanism } from '../../../core/analysis/failedMechanism';
import { parseReport } from '../../../core/report/parseReport';
import type { FailureReport } from '../../../core/report/types';
import { SHARED_CORPUS } from '../../corpus/readManifest';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

async function failure(path: string, text?: string): Promise<FailureReport> {
  const bytes = text === undefined ? new Uint8Array(readFileSync(path)) : new TextEncoder().encode(text);
  const result = await parseReport(bytes, { fileName: path });
  const report = result.ok ? result.reports[0]?.report : undefined;
  if (report?.kind !== 'failure') throw new Error(`${path}: no failure report`);
  return report;
}

/** A real report with an Identity-Alignment line added to its feedback part, after its Auth-Failure line. */
async function withIdentityAlignment(path: string, value: string): Promise<FailureReport> {
  const text = readFileSync(path, 'utf8');
  const added = text.replace(/^Auth-Failure: .*$/m, (line) => `${line}\nIdentity-Alignment: ${value}`);
  expect(added).not.toBe(text);
  const report = await failure(path, added);
  expect(report.identityAlignment).toBe(value);
  return report;
}

describe('failedMechanism', () => {
  it.each([
    ['domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml', 'both'],
    ['sisimai__set-of-emails/arf-07.eml', 'both'],
    ['stalwartlabs__mail-auth/004.eml', 'both'],
    // Auth-Failure: bodyhash, DKIM-Domain example.net.
    ['stalwartlabs__mail-auth/003.eml', 'dkim'],
    // "SPF Alignment: no" and "DKIM Alignment: no".
    ['domainaware__parsedmarc/exim_plain_text_only_no_arf_part.eml', 'both'],
  ])('%s: %s', async (path, mechanism) => {
    expect(failedMechanism(await failure(fixtures + path))).toBe(mechanism);
  });

  it('reads Auth-Failure, and names nothing for a report about something else', () => {
    expect(failedMechanism({ authFailure: 'signature, spf' })).toBe('both');
    expect(failedMechanism({ authFailure: 'SPF' })).toBe('spf');
    expect(failedMechanism({})).toBeUndefined();
  });
});

// The grammar is the same in both RFCs:
//
//     id-align     = "Identity-Alignment:" [CFWS]
//                    ( "none" / dmarc-method *( [CFWS] "," [CFWS] dmarc-method ) ) [CFWS]
//     dmarc-method = ( "dkim" / "spf" )
//
// RFC 7489 §7.3.1: "a comma-separated list of authentication mechanism names that produced an aligned identity, or
// the keyword "none" if none did". RFC 9991 §3.1: "… that failed to authenticate an aligned identity, or the keyword
// "none" if none did". No report of the corpus carries the field (OpenDMARC does not write it), so real reports get
// one line added.
describe('Identity-Alignment, read by what the report says of the mechanism it lists', () => {
  const B1 = `${SHARED_CORPUS}WoodySlum__dmarc-parser/rfc_6591_ARF_B1.eml`;

  // RFC 6591's example B.1 (GPL-3.0 in the corpus, read in place): Reported-Domain a.sender.example, its own
  // Authentication-Results "dkim=fail (bodyhash) header.d=sender.example", and in the message's header
  // "spf=pass smtp.mailfrom=anexample.reply@a.sender.example".
  it.skipIf(!existsSync(B1))('a listed mechanism that passed aligned: RFC 7489, the others failed', async () => {
    // SPF passed for a.sender.example: "spf" names what aligned, so DKIM is what failed (RFC 9991's reading would say
    // SPF, which the report contradicts).
    expect(failedMechanism(await withIdentityAlignment(B1, 'spf'))).toBe('dkim');
    // DKIM failed for sender.example: "dkim" names what failed.
    expect(failedMechanism(await withIdentityAlignment(B1, 'dkim'))).toBe('dkim');
  });

  it('a listed mechanism that failed: RFC 9991, it is what failed', async () => {
    // stalwartlabs 004: "dkim=fail … header.d=interpublication.org", Reported-Domain interpublication.org.
    const stalwart = `${fixtures}stalwartlabs__mail-auth/004.eml`;
    expect(failedMechanism(await withIdentityAlignment(stalwart, 'dkim'))).toBe('dkim');
    // LinkedIn's: "spf=neutral smtp.mailfrom=\"\"" and "dkim=none (message not signed)" for example.com.
    const linkedin = `${fixtures}domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml`;
    expect(failedMechanism(await withIdentityAlignment(linkedin, 'spf'))).toBe('spf');
    expect(failedMechanism(await withIdentityAlignment(linkedin, 'dkim, spf'))).toBe('both');
  });

  it('none, or a list nothing in the report bears out, leaves it to Auth-Failure', async () => {
    const linkedin = `${fixtures}domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml`;
    expect(failedMechanism(await withIdentityAlignment(linkedin, 'none'))).toBe('both');
    // stalwartlabs 004 says nothing of SPF: "spf" could mean either, and Auth-Failure dmarc says neither aligned.
    const stalwart = `${fixtures}stalwartlabs__mail-auth/004.eml`;
    expect(failedMechanism(await withIdentityAlignment(stalwart, 'spf'))).toBe('both');
  });
});
