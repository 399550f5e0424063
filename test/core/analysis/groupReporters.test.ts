// Reporters as one organization each, from the metadata of real reports (test/fixtures/reports).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanReporterName, groupReporters, type ReporterMetadata } from '../../../core/analysis/groupReporters';
import type { AggregateReport } from '../../../core/report/types';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';
import { parseOneAggregate } from '../../helpers/reportXml';

async function metadataOf(path: string): Promise<ReporterMetadata & { path: string }> {
  const { report }: { report: AggregateReport } = await parseOneAggregate(readFileSync(FIXTURE_REPORTS + path), path);
  const { orgName, email, extraContactInfo } = report.metadata;
  return { path, orgName, email, ...(extraContactInfo === undefined ? {} : { extraContactInfo }) };
}

/** Each organization as its domain, names and the files of its reports. */
function rows(metadata: ReadonlyArray<ReporterMetadata & { path: string }>) {
  return groupReporters(metadata, (m) => m).map((o) => ({
    domain: o.domain,
    name: o.name,
    names: o.names,
    files: o.members.map((m) => m.path),
  }));
}

describe('groupReporters on real reports', () => {
  it('Yahoo writing as "Yahoo" from yahooinc.com and as "Yahoo! Inc." from yahoo.com is one reporter', async () => {
    const yahoo = 'cry-inc__dmarc-report-viewer/yahoo.xml';
    const yahooInc = 'danielsen__dmarc-aggregate-parser/sample_report.xml';
    const yahooMissing = 'avvertix__dmarc-report-parser/dmarc-missing-elements.xml';
    expect(rows(await Promise.all([yahoo, yahooInc, yahooMissing].map(metadataOf)))).toEqual([
      {
        domain: 'yahooinc.com',
        name: 'Yahoo',
        names: ['Yahoo', 'Yahoo! Inc.'],
        files: [yahoo, yahooInc, yahooMissing],
      },
    ]);
  });

  it('"google.com" and "Google Inc." are one reporter, and Microsoft is one under its three names', async () => {
    const files = [
      'cry-inc__dmarc-report-viewer/google.xml',
      'resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml',
      'JasperWallace__django-dmarc2/google.xml',
      'ZeWaren__dmarc-report-milter/correct_dmarc_report.xml',
      'loleik__dmarc-analysis/enterprise.protection.outlook.com!lolei.uk!1740614400!1740700800.xml',
      'cry-inc__dmarc-report-viewer/outlook.xml',
      'jonzobrist__DMARC-Report-Manager/comcast.net!secure.200permits.com!1766188800!1766275200.xml',
    ];
    expect(rows(await Promise.all(files.map(metadataOf)))).toEqual([
      {
        domain: 'google.com',
        name: 'google.com',
        names: ['google.com', 'Google Inc.'],
        files: [files[0], files[1], files[2]],
      },
      {
        domain: 'microsoft.com',
        name: 'Outlook.com',
        names: ['Outlook.com', 'Enterprise Outlook'],
        files: [files[3], files[4], files[5]],
      },
      { domain: 'comcast.net', name: 'comcast.net', names: ['comcast.net'], files: [files[6]] },
    ]);
  });

  it('a report that names GMX but came from Google’s reporting address stays with the address', async () => {
    const gmx = await metadataOf('pescheckit__dmarc-service/namespaced_aggregate.xml');
    const google = await metadataOf('cry-inc__dmarc-report-viewer/google.xml');
    const gmxOwn = { path: 'gmx', orgName: 'GMX', email: 'noreply-dmarc@sicher.gmx.net' };
    expect(rows([gmx, google, gmxOwn]).map((r) => [r.domain, r.names])).toEqual([
      ['google.com', ['GMX', 'google.com']],
      ['gmx.net', ['GMX']],
    ]);
  });
});

describe('groupReporters: the rules', () => {
  const m = (orgName: string, email: string, extraContactInfo?: string) => ({
    path: `${orgName}|${email}`,
    orgName,
    email,
    ...(extraContactInfo === undefined ? {} : { extraContactInfo }),
  });

  it('a name that is a domain, or a company name without an address, joins the group of that domain', () => {
    expect(
      rows([
        m('Yahoo', 'dmarchelp@yahooinc.com'),
        m('yahoo.com', 'postmaster@dmarc.yahoo.com'),
        m('Yahoo! Inc.', 'postmaster@dmarc.yahoo.com'),
        m('Google Inc.', ''),
        m('google.com', 'noreply-dmarc-support@google.com'),
        m('Veeam.com', ''),
        m('veeam.com', 'noreply.it.dmarc@veeam.com'),
      ]).map((r) => [r.domain, r.names]),
    ).toEqual([
      ['yahoo.com', ['Yahoo', 'Yahoo! Inc.', 'yahoo.com']],
      ['google.com', ['Google Inc.', 'google.com']],
      ['veeam.com', ['Veeam.com']],
    ]);
  });

  it('two domains are never one reporter by their first label alone, nor by a shared legal form', () => {
    expect(
      rows([
        m('example.net', 'postmaster@example.net'),
        m('example.org', 'noreply@example.org'),
        m('Acme Inc.', 'dmarc@acme.example'),
        m('Widgets Inc.', 'dmarc@widgets.example'),
      ]).map((r) => r.domain),
    ).toEqual(['acme.example', 'example.net', 'example.org', 'widgets.example']);
  });

  it('without an email, extra_contact_info says the domain; without either, the name alone groups', () => {
    expect(
      rows([
        m('Mail.Ru', '', 'http://help.mail.ru/mail-help'),
        m('Mail.Ru', 'dmarc_support@corp.mail.ru'),
        m('Some Receiver', ''),
        m('"Some Receiver"', ''),
      ]).map((r) => [r.domain, r.names, r.files.length]),
    ).toEqual([
      ['mail.ru', ['Mail.Ru'], 2],
      [undefined, ['Some Receiver'], 2],
    ]);
  });

  it('gives the same organizations, names and domains whatever order the reports come in', () => {
    const reports = [
      m('Yahoo! Inc.', 'postmaster@dmarc.yahoo.com'),
      m('Yahoo', 'dmarchelp@yahooinc.com'),
      m('Google Inc.', 'noreply-dmarc-support@google.com'),
      m('google.com', 'noreply-dmarc-support@google.com'),
    ];
    const summary = (list: typeof reports) =>
      groupReporters(list, (r) => r).map((o) => [o.key, o.domain, o.name, o.names, o.members.length]);
    expect(summary(reports)).toEqual([
      ['d:google.com', 'google.com', 'Google Inc.', ['Google Inc.', 'google.com'], 2],
      ['d:yahoo.com', 'yahoo.com', 'Yahoo', ['Yahoo', 'Yahoo! Inc.'], 2],
    ]);
    expect(summary([...reports].reverse())).toEqual(summary(reports));
  });

  it('stray quotes and blanks around a name are removed', () => {
    expect(cleanReporterName('"Yahoo! Inc.')).toBe('Yahoo! Inc.');
    expect(cleanReporterName('  “Google Inc.”  ')).toBe('Google Inc.');
    expect(cleanReporterName("'Mail.Ru'")).toBe('Mail.Ru');
    expect(cleanReporterName(' Test \n org ')).toBe('Test org');
    expect(cleanReporterName('""')).toBe('');
  });
});

describe('groupReporters: work per report', () => {
  it('reads each of 10,000 reports at most twice, however many organizations they make', () => {
    // The dashboard groups every report of the period while it draws the reporters table, so the work must grow
    // with the reports, not with reports × organizations.
    const reporters = Array.from({ length: 40 }, (_, i) => ({
      orgName: i % 2 === 0 ? `Receiver ${i} Inc.` : `receiver${i}.example`,
      email: `dmarc@receiver${i}.example`,
    }));
    const reports = Array.from({ length: 10_000 }, (_, i) => ({ ...reporters[(i * 7) % reporters.length]!, i }));
    let reads = 0;
    const counted = new Proxy(reports, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const organizations = groupReporters(counted, (r) => r);
    expect(organizations).toHaveLength(40);
    expect(organizations.every((o) => o.members.length === 250)).toBe(true);
    // Each organization's reports keep the order they were given in.
    expect(organizations[0]!.members.map((r) => r.i)).toEqual(
      reports.filter((r) => r.email === organizations[0]!.members[0]!.email).map((r) => r.i),
    );
    expect(reads).toBeLessThanOrEqual(2 * reports.length);
  });
});
