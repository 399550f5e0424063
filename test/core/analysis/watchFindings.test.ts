// The watch's judgement on real reports, each figure worked out by hand from the XML (the comments show the sums).
// hello-charly.com: Google's daily reports pasted into one file (asrokknoivl/dmarc-analyser, read in place from
// ../shared/corpus, licence ISC by its package.json). gabrielpantoja.cl (fitogabo/reportes-DMARC) likewise.
// example.com spoofing: two committed fixtures.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport } from '../../../core/report/types';
import {
  diffWatchFindings,
  EMPTY_WATCH_MEMORY,
  openProblems,
  type WatchMemory,
} from '../../../core/analysis/diffWatchFindings';
import { policyDrift, watchFindings, type WatchFinding } from '../../../core/analysis/watchFindings';
import { FIXTURE_REPORTS, SHARED_CORPUS } from '../../corpus/readManifest';
import { loadAsnTableForTest } from './asnTableFile';

const HELLO = `${SHARED_CORPUS}asrokknoivl__dmarc-analyser/noreply-dmarc-support@google.com.txt`;
const PANTOJA = `${SHARED_CORPUS}fitogabo__reportes-DMARC/`;

async function aggregateReports(path: string): Promise<AggregateReport[]> {
  const result = await parseReport(new Uint8Array(readFileSync(path)), { fileName: path });
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return result.reports.flatMap((parsed) => (parsed.report.kind === 'aggregate' ? [parsed.report] : []));
}

/** The reports of a file whose report ids end with the given digits. */
async function reportsEndingWith(path: string, ...idEnds: string[]): Promise<AggregateReport[]> {
  const all = await aggregateReports(path);
  return idEnds.map((end) => {
    const found = all.filter((r) => r.metadata.reportId.endsWith(end));
    if (found.length !== 1) throw new Error(`${found.length} reports end with ${end}`);
    return found[0]!;
  });
}

const at = (iso: string) => Date.parse(iso) / 1000;
// As the extension judges: with the offline ASN table, so unnamed sources are networks, not single addresses.
const asnTable = loadAsnTableForTest();
const watch = (reports: AggregateReport[], options: Omit<Parameters<typeof watchFindings>[1], 'asnTable'>) =>
  watchFindings(reports, { ...options, asnTable });
const byId = (findings: readonly WatchFinding[], id: string) => findings.find((f) => f.id === id);
const ALL_KINDS = ['source', 'spoofing', 'policy', 'drift', 'silence'] as const;
const check = (memory: WatchMemory, findings: WatchFinding[]) =>
  diffWatchFindings(memory, findings, { domains: [...new Set(findings.map((f) => f.domain))], kinds: ALL_KINDS });

describe.skipIf(!existsSync(HELLO))('watchFindings on hello-charly.com (Google, 2024-01-29 and 30)', () => {
  it('finds the domain’s own Google notifications failing on 29 January: 65 of 75 aligned', async () => {
    const [jan29] = await reportsEndingWith(HELLO, '8770');
    const findings = watch([jan29!], { now: at('2024-01-31T00:00:00Z') });
    // From 209.85.220.73 with d=google.com: 10 (DKIM d=gappssmtp.com, SPF calendar-server.bounces.google.com: neither
    // aligned) + 24 + 21 + 19 aligned, and from 209.85.220.41 one more aligned: 65 of 75.
    expect(byId(findings, 'source:hello-charly.com:google-cloud-notifications')).toEqual({
      kind: 'source',
      id: 'source:hello-charly.com:google-cloud-notifications',
      domain: 'hello-charly.com',
      level: 'problem',
      state: 'failing',
      key: 'google-cloud-notifications',
      label: 'Google service notifications',
      status: 'failing',
      isNew: false,
      firstDay: '2024-01-29',
      lastDay: '2024-01-29',
      ownMessages: 75,
      alignedMessages: 65,
    });
    // The first day of the domain: no source is new, no usual level of spoofing to compare with.
    expect(findings.filter((f) => f.kind === 'source' && f.isNew)).toEqual([]);
    expect(byId(findings, 'spoofing:hello-charly.com')).toMatchObject({ spike: false, baselineDays: 0, recentDays: 1 });
    // p=none, sp=none (as p, so not written), np=none, adkim and aspf r, pct 100: nothing changed.
    expect(byId(findings, 'policy:hello-charly.com')).toMatchObject({ level: 'quiet', now: 'p=none np=none' });
    // The report ends 2024-01-29 23:59:59; a day and a second later is not yet three days.
    expect(byId(findings, 'silence:hello-charly.com')).toMatchObject({ level: 'quiet', daysSilent: 1 });
  });

  it('on 30 January: the notifications pass again (76 of 76) and OVH is a new source failing (0 of 1)', async () => {
    const reports = await reportsEndingWith(HELLO, '8770', '8997');
    const findings = watch(reports, { now: at('2024-01-31T00:00:00Z') });
    // 31 + 45 from 209.85.220.73, d=hello-charly.com passing on both.
    expect(byId(findings, 'source:hello-charly.com:google-cloud-notifications')).toMatchObject({
      level: 'quiet',
      status: 'passing',
      lastDay: '2024-01-30',
      ownMessages: 76,
      alignedMessages: 76,
      alignedShareBefore: 65 / 75,
    });
    // 51.210.94.141, one message, no DKIM, SPF mail-out.cluster028.hosting.ovh.net pass: OVH's, not aligned.
    expect(byId(findings, 'source:hello-charly.com:ovh')).toMatchObject({
      level: 'problem',
      state: 'failing',
      label: 'OVHcloud (mail hosting)',
      isNew: true,
      firstDay: '2024-01-30',
      ownMessages: 1,
      alignedMessages: 0,
    });
  });

  it('alerts once for the new failing source, resolves the one that passes again, and is silent on a second check', async () => {
    const jan29 = await reportsEndingWith(HELLO, '8770');
    const both = await reportsEndingWith(HELLO, '8770', '8997');
    const now = at('2024-01-31T00:00:00Z');
    const first = check(EMPTY_WATCH_MEMORY, watch(jan29, { now }));
    expect(first.alerts.map((a) => [a.change, a.id])).toEqual([
      ['raised', 'source:hello-charly.com:google-cloud-notifications'],
    ]);
    expect(openProblems(first.memory)).toBe(1);

    const second = check(first.memory, watch(both, { now }));
    expect(second.alerts.map((a) => [a.change, a.id])).toEqual([
      ['resolved', 'source:hello-charly.com:google-cloud-notifications'],
      ['raised', 'source:hello-charly.com:ovh'],
    ]);
    expect(openProblems(second.memory)).toBe(1);

    // The same reports again (a second identical import): nothing new, nothing told.
    const third = check(second.memory, watch(both, { now }));
    expect(third.alerts).toEqual([]);
    expect(third.memory).toEqual(second.memory);
  });

  it('tells silence only on a domain it has seen reporting, and its end when reports come again', async () => {
    const both = await reportsEndingWith(HELLO, '8770', '8997');
    // The newest report ended 2024-01-30 23:59:59: on 5 February that is 5 whole days (432,001 s) ago.
    const feb5 = watch(both, { now: at('2024-02-05T00:00:00Z') });
    expect(byId(feb5, 'silence:hello-charly.com')).toMatchObject({
      level: 'problem',
      daysSilent: 5,
      lastDay: '2024-01-30',
    });
    // Imported for the first time already silent: an archive, no alert.
    const archive = check(EMPTY_WATCH_MEMORY, feb5);
    expect(archive.alerts.filter((a) => a.id.startsWith('silence:'))).toEqual([]);
    // Not an open problem either, not on the next check, and not when reports come again.
    expect(archive.memory.findings['silence:hello-charly.com']).toMatchObject({ level: 'notice', state: 'archived' });
    expect(check(archive.memory, feb5).alerts).toEqual([]);
    // Seen reporting on 31 January, silent on 5 February: told once.
    const jan31 = check(EMPTY_WATCH_MEMORY, watch(both, { now: at('2024-01-31T00:00:00Z') }));
    const silent = check(jan31.memory, feb5);
    expect(silent.alerts.map((a) => [a.change, a.id])).toEqual([['raised', 'silence:hello-charly.com']]);
    expect(check(silent.memory, feb5).alerts).toEqual([]);
    // The report of 31 January arrives on 2 February: reporting again.
    const three = await reportsEndingWith(HELLO, '8770', '8997', '6731');
    const back = check(silent.memory, watch(three, { now: at('2024-02-02T00:00:00Z') }));
    expect(back.alerts.map((a) => [a.change, a.id])).toEqual([['resolved', 'silence:hello-charly.com']]);
  });

  it('finds the published record drifting from what reports show, only when a lookup gave it', async () => {
    const both = await reportsEndingWith(HELLO, '8770', '8997');
    const now = at('2024-01-31T00:00:00Z');
    const drift = watch(both, { now, publishedPolicies: new Map([['hello-charly.com', { p: 'reject' }]]) });
    expect(byId(drift, 'drift:hello-charly.com')).toMatchObject({
      level: 'problem',
      published: 'p=reject',
      reported: 'p=none np=none',
      reporter: 'google.com',
    });
    expect(byId(watch(both, { now }), 'drift:hello-charly.com')).toBeUndefined();
    // Lookups turned off after a drift was told: the drift is not judged, so it is neither resolved nor forgotten.
    const told = check(EMPTY_WATCH_MEMORY, drift);
    const off = diffWatchFindings(told.memory, watch(both, { now }), {
      domains: ['hello-charly.com'],
      kinds: ['source', 'spoofing', 'policy', 'silence'],
    });
    expect(off.alerts).toEqual([]);
    expect(off.memory.findings['drift:hello-charly.com']).toMatchObject({ level: 'problem' });
    // Lookups on, but this time the lookup failed: the drift is kept as it was, not resolved.
    const failed = diffWatchFindings(told.memory, watch(both, { now }), {
      domains: ['hello-charly.com'],
      kinds: ALL_KINDS,
      unjudged: ['drift:hello-charly.com'],
    });
    expect(failed.alerts).toEqual([]);
    expect(failed.memory.findings['drift:hello-charly.com']).toMatchObject({ level: 'problem' });
  });

  it('tells a drift once, and not while a reporter on the newest day saw the published record', async () => {
    const both = await reportsEndingWith(HELLO, '8770', '8997');
    const now = at('2024-01-31T00:00:00Z');
    // Google saw p=none sp=none adkim=r aspf=r pct=100 np=none on both days. The record now says p=quarantine
    // (sp, left out, follows it): p and sp differ.
    const published = new Map([['hello-charly.com', { p: 'quarantine' as const }]]);
    const first = check(EMPTY_WATCH_MEMORY, watch(both, { now, publishedPolicies: published }));
    const drift = first.alerts.filter((a) => a.id === 'drift:hello-charly.com');
    expect(drift.map((a) => a.change)).toEqual(['raised']);
    expect(drift[0]).toMatchObject({
      finding: { published: 'p=quarantine', reported: 'p=none np=none', differences: ['p', 'sp'] },
    });
    // The next check finds the same: nothing told.
    const second = check(first.memory, watch(both, { now, publishedPolicies: published }));
    expect(second.alerts.filter((a) => a.id === 'drift:hello-charly.com')).toEqual([]);
    // A second report of 30 January whose reporter already saw p=quarantine (the first still had the old record):
    // no drift, and the one told is resolved.
    const jan30 = both[1]!;
    const seenNew = { ...jan30, policy: { ...jan30.policy, p: 'quarantine' as const, sp: 'quarantine' as const } };
    const resolved = check(second.memory, watch([...both, seenNew], { now, publishedPolicies: published }));
    expect(resolved.alerts.filter((a) => a.id === 'drift:hello-charly.com').map((a) => a.change)).toEqual(['resolved']);
  });

  it('tells when DNS gives no record that applies, while reporters still saw one, and when it is back', async () => {
    const both = await reportsEndingWith(HELLO, '8770', '8997');
    const now = at('2024-01-31T00:00:00Z');
    const gone = watch(both, { now, recordProblems: new Map([['hello-charly.com', 'missing' as const]]) });
    expect(byId(gone, 'drift:hello-charly.com')).toEqual({
      kind: 'drift',
      id: 'drift:hello-charly.com',
      domain: 'hello-charly.com',
      level: 'problem',
      state: 'missing | p=none np=none',
      published: '',
      reported: 'p=none np=none',
      reporter: 'google.com',
      differences: [],
      problem: 'missing',
    });
    const told = check(EMPTY_WATCH_MEMORY, gone);
    expect(told.alerts.filter((a) => a.id === 'drift:hello-charly.com').map((a) => a.change)).toEqual(['raised']);
    // Two records published instead: a different problem, told again.
    const two = check(told.memory, watch(both, { now, recordProblems: new Map([['hello-charly.com', 'several']]) }));
    expect(two.alerts.filter((a) => a.id === 'drift:hello-charly.com').map((a) => a.change)).toEqual(['changed']);
    // The record Google saw is published again: resolved.
    const back = check(
      two.memory,
      watch(both, {
        now,
        publishedPolicies: new Map([['hello-charly.com', { p: 'none' as const, np: 'none' as const }]]),
      }),
    );
    expect(back.alerts.filter((a) => a.id === 'drift:hello-charly.com').map((a) => a.change)).toEqual(['resolved']);
  });
});

describe('policyDrift: the published record against what a report saw', () => {
  // Google writes every RFC 7489 tag (hello-charly.com above); a Microsoft-style report leaves np out.
  const google = { p: 'none', sp: 'none', adkim: 'r', aspf: 'r', pct: 100, np: 'none' } as const;
  const rows: Array<[string, Parameters<typeof policyDrift>[0], Parameters<typeof policyDrift>[1], string[]]> = [
    ['the same policy, written out', { p: 'none', sp: 'none', adkim: 'r', aspf: 'r', pct: 100 }, google, []],
    ['the same policy, defaults left out of the record', { p: 'none' }, google, []],
    ['p changed; sp, left out, follows p', { p: 'reject' }, google, ['p', 'sp']],
    ['p changed, sp kept at none', { p: 'reject', sp: 'none' }, google, ['p']],
    ['only sp changed', { p: 'none', sp: 'quarantine' }, google, ['sp']],
    ['strict DKIM alignment', { p: 'none', adkim: 's' }, google, ['adkim']],
    ['strict SPF alignment', { p: 'none', aspf: 's' }, google, ['aspf']],
    ['pct 25', { p: 'none', pct: 25 }, google, ['pct']],
    [
      'every tag at once',
      { p: 'reject', sp: 'quarantine', adkim: 's', aspf: 's', pct: 50 },
      google,
      ['p', 'sp', 'adkim', 'aspf', 'pct'],
    ],
    ['np differs: not compared', { p: 'none', np: 'reject' }, google, []],
    ['t=y: not compared', { p: 'none', testing: 'y' }, google, []],
    ['a report stating only p', { p: 'reject', adkim: 's', pct: 10 }, { p: 'reject' }, []],
    ['a report stating only p, which differs', { p: 'reject' }, { p: 'quarantine' }, ['p']],
    ['a report without p saw none', { p: 'none' }, {}, []],
    ['a report without p, record p=reject', { p: 'reject' }, {}, ['p']],
  ];
  for (const [name, published, reported, expected] of rows) {
    it(name, () => expect(policyDrift(published, reported)).toEqual(expected));
  }
});

describe.skipIf(!existsSync(PANTOJA))('watchFindings on gabrielpantoja.cl (Google, June and September 2024)', () => {
  it('notices the policy reporters saw change from p=none to p=quarantine pct=25', async () => {
    const june = await aggregateReports(`${PANTOJA}google.com!gabrielpantoja.cl!1719619200!1719705599.xml`);
    const september = await aggregateReports(`${PANTOJA}google.com!gabrielpantoja.cl!1725408000!1725494399.zip`);
    const findings = watch([...september, ...june], { now: at('2024-09-05T00:00:00Z') });
    // June: p=none sp=none np=none; September: p=quarantine sp=quarantine np=quarantine pct=25.
    expect(byId(findings, 'policy:gabrielpantoja.cl')).toEqual({
      kind: 'policy',
      id: 'policy:gabrielpantoja.cl',
      domain: 'gabrielpantoja.cl',
      level: 'notice',
      state: 'p=none np=none → p=quarantine np=quarantine pct=25',
      now: 'p=quarantine np=quarantine pct=25',
      before: 'p=none np=none',
      until: '2024-06-29',
      since: '2024-09-04',
    });
    const told = check(EMPTY_WATCH_MEMORY, findings);
    expect(told.alerts.filter((a) => a.id === 'policy:gabrielpantoja.cl').map((a) => a.change)).toEqual(['raised']);
    expect(check(told.memory, findings).alerts).toEqual([]);
  });
});

describe('watchFindings on example.com (committed fixtures, 2012)', () => {
  it('finds a spoofing spike: 1,415 spoofed messages on 18 May against none on 28 April', async () => {
    const acme = await aggregateReports(`${FIXTURE_REPORTS}cry-inc__dmarc-report-viewer/acme.xml`);
    const good = await aggregateReports(
      `${FIXTURE_REPORTS}trusteddomainproject__OpenDMARC/good.com!example.com!1337270400!1337356799.xml`,
    );
    const findings = watch([...acme, ...good], { now: at('2012-05-19T00:00:00Z') });
    // acme.com: two messages, SPF aligned (envelope example.com): nothing spoofed, 19 days before. 126.com's report
    // (ends 2012-05-18 15:59:59): 1,415 messages failed both DKIM and SPF alignment and were not forwarded, as the
    // hand-checked truth set has it (test/fixtures/truth/reports.tsv, row 126-facebook).
    expect(byId(findings, 'spoofing:example.com')).toMatchObject({
      level: 'problem',
      spike: true,
      recentSpoofed: 1415,
      recentDays: 1,
      baselineSpoofed: 0,
      baselineDays: 1,
    });
    // Without the day before, there is no usual level: no spike is claimed.
    expect(byId(watch(good, { now: at('2012-05-19T00:00:00Z') }), 'spoofing:example.com')).toMatchObject({
      spike: false,
      recentSpoofed: 1415,
    });
  });
});
