// "Failed" names the mechanism of real failure reports: DMARC failures (Auth-Failure dmarc) failed both DKIM and SPF
// alignment; a DKIM body hash failure is DKIM's; Exim's text report gives Identity-Alignment from its alignment lines.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { failedMechanism } from '../../../core/analysis/failedMechanism';
import { parseReport } from '../../../core/report/parseReport';
import type { FailureReport } from '../../../core/report/types';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

async function failure(path: string): Promise<FailureReport> {
  const result = await parseReport(new Uint8Array(readFileSync(fixtures + path)), { fileName: path });
  const report = result.ok ? result.reports[0]?.report : undefined;
  if (report?.kind !== 'failure') throw new Error(`${path}: no failure report`);
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
    expect(failedMechanism(await failure(path))).toBe(mechanism);
  });

  it('reads Identity-Alignment before Auth-Failure, and names nothing for a report about something else', () => {
    expect(failedMechanism({ authFailure: 'dmarc', identityAlignment: 'spf' })).toBe('spf');
    expect(failedMechanism({ authFailure: 'dmarc', identityAlignment: 'none' })).toBe('both');
    expect(failedMechanism({ authFailure: 'signature, spf' })).toBe('both');
    expect(failedMechanism({ authFailure: 'SPF' })).toBe('spf');
    expect(failedMechanism({})).toBeUndefined();
  });
});
