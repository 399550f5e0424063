// Every message counted in the class of its own record; a source is the class most of its messages have, with the
// rest counted beside it; the domain's own account at a shared mailbox provider apart from others' accounts there.
// Readiness, what-if and the spoofing figure count messages by their own class.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeSenders } from '../../../core/analysis/analyzeSenders';
import { assessReadiness } from '../../../core/analysis/assessReadiness';
import { receiverSaysForwarded, tenantNamesOrganization } from '../../../core/analysis/classifyRecord';
import { groupSources } from '../../../core/analysis/groupSources';
import { simulatePolicy } from '../../../core/analysis/simulatePolicy';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateRecord, AggregateReport } from '../../../core/report/types';
import { loadAsnTableForTest } from './asnTableFile';
import { makeRecord, makeReport } from './makeRecord';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

async function aggregateReports(path: string): Promise<AggregateReport[]> {
  const result = await parseReport(new Uint8Array(readFileSync(fixtures + path)), { fileName: path.split('/').pop()! });
  if (!result.ok) throw new Error(result.error.message);
  return result.reports.map((r) => r.report).filter((r): r is AggregateReport => r.kind === 'aggregate');
}

/**
 * Google's report for a domain whose Workspace tenant signs with d=<domain> (the shape of
 * domainaware__parsedmarc/nice-input.xml: google.com reporter, Google's outbound servers 209.85.220.x, DKIM with the
 * domain's own selector, SPF for the domain): 620 messages of the tenant pass; 13 more fail from the same servers.
 */
function workspaceReport(failing: AggregateRecord[]): AggregateReport {
  const tenant = [
    ['209.85.220.41', 412],
    ['209.85.220.69', 208],
  ].map(([ip, count]) =>
    makeRecord({
      sourceIp: ip as string,
      count: count as number,
      headerFrom: 'example.org',
      dkimResults: [{ domain: 'example.org', selector: 'google', result: 'pass' }],
      spfResults: [{ domain: 'example.org', scope: 'mfrom', result: 'pass' }],
    }),
  );
  return makeReport([...tenant, ...failing], {
    orgName: 'google.com',
    policy: { domain: 'example.org', p: 'none', adkim: 'r', aspf: 'r' },
  });
}

/** 13 messages someone sent from a public gmail.com account with example.org in From. */
const gmailAccount = makeRecord({
  sourceIp: '209.85.220.73',
  count: 13,
  headerFrom: 'example.org',
  dkimResults: [{ domain: 'gmail.com', selector: '20230601', result: 'pass' }],
  spfResults: [{ domain: 'gmail.com', scope: 'mfrom', result: 'pass' }],
});

/** 13 messages from the tenant's servers with the domain's envelope, unsigned and failing SPF. */
const tenantUnaligned = makeRecord({
  sourceIp: '209.85.220.69',
  count: 13,
  headerFrom: 'example.org',
  spfResults: [{ domain: 'example.org', scope: 'mfrom', result: 'softfail' }],
});

describe('a Google Workspace tenant with 97.9% DMARC pass', () => {
  const asnTable = loadAsnTableForTest();

  it('is Compliant with the 13 failing messages counted beside it, never flipped by them', () => {
    const [google, ...rest] = groupSources([workspaceReport([tenantUnaligned])], { asnTable });
    expect(rest).toEqual([]);
    expect(google!.key).toBe('google');
    expect(google!.messages).toBe(633);
    expect(google!.classification.class).toBe('compliant');
    expect(google!.classification.byClass).toEqual({ compliant: 620, forwarded: 0, misconfigured: 13, suspicious: 0 });
    expect(google!.classification.spoofed).toBe(13);
  });

  it('stands apart from public Gmail accounts sending as the domain', () => {
    const groups = groupSources([workspaceReport([gmailAccount])], { asnTable });
    expect(groups.map((g) => [g.key, g.label, g.classification.class, g.messages, g.classification.byClass])).toEqual([
      [
        'google',
        'Google Workspace / Gmail',
        'compliant',
        620,
        { compliant: 620, forwarded: 0, misconfigured: 0, suspicious: 0 },
      ],
      [
        'others:google',
        "Others' accounts at Google Workspace / Gmail",
        'suspicious',
        13,
        { compliant: 0, forwarded: 0, misconfigured: 0, suspicious: 13 },
      ],
    ]);
  });

  it('stays in the readiness table, aligned on all of its own mail, with the 13 counted by their class', () => {
    const readiness = assessReadiness([workspaceReport([tenantUnaligned, gmailAccount])], {
      domain: 'example.org',
      asnTable,
    });
    const google = readiness.sources.find((s) => s.key === 'google');
    expect(google).toMatchObject({ class: 'compliant', messages: 633, ownMessages: 633, blocking: true });
    expect(google!.alignedShare).toBeCloseTo(620 / 633, 10);
    expect(readiness.sources.map((s) => s.key)).not.toContain('others:google');
    expect(readiness.byClass).toEqual({ compliant: 620, forwarded: 0, misconfigured: 13, suspicious: 13 });
    expect(readiness.suspiciousMessages).toBe(13);
  });

  it('is not blocking when only others’ accounts fail', () => {
    const readiness = assessReadiness([workspaceReport([gmailAccount])], { domain: 'example.org', asnTable });
    expect(readiness.sources.find((s) => s.key === 'google')).toMatchObject({ alignedShare: 1, blocking: false });
  });

  it('what-if counts what p=reject would block by each message’s own class', () => {
    const simulation = simulatePolicy(
      [workspaceReport([tenantUnaligned, gmailAccount])],
      { p: 'reject' },
      {
        asnTable,
      },
    );
    expect(simulation.simulated.blockedByClass).toEqual({
      compliant: 0,
      forwarded: 0,
      misconfigured: 13,
      suspicious: 13,
    });
    expect(simulation.sources.find((s) => s.key === 'others:google')!.blockedByClass.suspicious).toBe(13);
  });
});

describe('the spoofing figure counts messages that failed both alignments and were not forwarded', () => {
  it('trusteddomainproject good.com report: 1,415 messages, not every message of the sources classed suspicious', async () => {
    // Counted from the XML: 183,934 messages from 749 addresses, 182,497 with a DKIM or SPF pass in
    // policy_evaluated; 1,437 fail both, no override reasons. 24 of those carry a failing d=example.com signature:
    // 2 from Facebook's servers (the domain's own sender, misconfigured), 22 from servers that are not the domain's
    // (forwarded copies whose signature broke). 1,437 − 22 = 1,415. The Chinanet network (AS4134) alone sent 1,005,
    // of which 14 pass with SPF aligned.
    const reports = await aggregateReports(
      'trusteddomainproject__OpenDMARC/good.com!example.com!1337270400!1337356799.xml',
    );
    const analysis = analyzeSenders(reports, { domain: 'example.com', asnTable: loadAsnTableForTest() });
    expect(analysis).toMatchObject({ messages: 183_934, dmarcPass: 182_497, distinctIps: 749, spoofedMessages: 1415 });
    expect(analysis.byClass).toEqual({ compliant: 182_497, forwarded: 22, misconfigured: 2, suspicious: 1413 });
    // The banner's sources: every source with such messages; Facebook (2 misconfigured) is among them but is a
    // catalogued service, never "not recognised".
    const spoofing = analysis.sources.filter((s) => s.byClass.misconfigured + s.byClass.suspicious > 0);
    expect(analysis.spoofingSources).toBe(spoofing.length);
    expect(spoofing.find((s) => s.key === 'facebook')?.byClass.misconfigured).toBe(2);
    expect(analysis.unrecognisedSpoofingSources).toBe(spoofing.filter((s) => s.type === 'unknown').length);
    expect(analysis.unrecognisedSpoofingSources).toBe(analysis.spoofingSources - 1);
    const chinanet = analysis.sources.find((s) => s.key === 'asn:4134')!;
    expect(chinanet.class).toBe('suspicious');
    expect(chinanet.byClass).toEqual({ compliant: 14, forwarded: 0, misconfigured: 0, suspicious: 991 });
  });
});

describe('forwarding and tenants on DSalko__dmarc_parser/complete.xml (google.com for opserv.io)', () => {
  it('splits other organisations’ Workspace tenants from the Google mail of opserv.io, and reads arc=pass as forwarding', async () => {
    // The XML: 112 messages (96 + 10 + 6) from 209.85.220.69 signed by condenast-com-tw.…gappssmtp.com,
    // unicstay-com.…gappssmtp.com and sportskeeda.com, each with Gmail's override `local_policy` `arc=pass`: copies
    // of opserv.io mail other organisations forwarded. 69 messages (3 + 66) from 209.85.220.41 carry opserv.io's own
    // passing signature.
    const groups = groupSources(await aggregateReports('DSalko__dmarc_parser/complete.xml'), {
      asnTable: loadAsnTableForTest(),
    });
    const byKey = new Map(groups.map((g) => [g.key, g]));
    expect(byKey.get('google')!.classification.byClass).toEqual({
      compliant: 69,
      forwarded: 0,
      misconfigured: 0,
      suspicious: 0,
    });
    expect(byKey.get('others:google')!.classification.class).toBe('forwarded');
    expect(byKey.get('others:google')!.classification.byClass).toEqual({
      compliant: 0,
      forwarded: 112,
      misconfigured: 0,
      suspicious: 0,
    });
  });

  it('reads an ARC override as forwarding only when the comment says arc=pass', () => {
    const record = (comment: string) => makeRecord({ reasons: [{ type: 'local_policy', comment }] });
    expect(receiverSaysForwarded(record('arc=pass'))).toBe(true);
    expect(receiverSaysForwarded(record('dkim=pass; arc=pass'))).toBe(true);
    expect(receiverSaysForwarded(record('arc=fail'))).toBe(false);
    expect(receiverSaysForwarded(record('sparc=passive'))).toBe(false);
  });

  it('knows a tenant by the name the provider gives it', () => {
    expect(tenantNamesOrganization('opserv-io.20150623', 'opserv.io')).toBe(true);
    expect(tenantNamesOrganization('condenast-com-tw.20150623', 'opserv.io')).toBe(false);
    expect(tenantNamesOrganization('contoso', 'contoso.com')).toBe(true);
    expect(tenantNamesOrganization('contoso.mail', 'fabrikam.com')).toBe(false);
    expect(tenantNamesOrganization('x', '')).toBe(false);
  });
});
