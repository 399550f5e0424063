// Executable specification of the aggregate report fields, by RFC section: RFC 7489 appendix C (the 1.0 schema most
// reporters still send) and RFC 9990 (the DMARCbis aggregate reporting schema, dmarc-xml-0.2.xsd), plus the real-world
// deviations docs/report-quirks.md lists. Each `it` names the rule it checks.
import { describe, expect, it } from 'vitest';
import { parseOneAggregate, recordXml, reportXml } from '../../helpers/reportXml';

describe('RFC 7489 appendix C — ReportMetadataType', () => {
  it('reads org_name, email, extra_contact_info, report_id, date_range and error', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        metadata:
          '<org_name>google.com</org_name><email>noreply-dmarc-support@google.com</email>' +
          '<extra_contact_info>https://support.google.com/a/answer/2466580</extra_contact_info><report_id>12345</report_id>' +
          '<date_range><begin>1549929600</begin><end>1550015999</end></date_range><error>first</error><error>second</error>',
      }),
    );
    expect(report.metadata).toEqual({
      orgName: 'google.com',
      email: 'noreply-dmarc-support@google.com',
      extraContactInfo: 'https://support.google.com/a/answer/2466580',
      reportId: '12345',
      begin: 1549929600,
      end: 1550015999,
      errors: ['first', 'second'],
    });
  });

  it('keeps report_id case and leading zeros (an opaque string)', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        metadata:
          '<org_name>x</org_name><email>a@x</email><report_id>007AbC</report_id><date_range><begin>1700000000</begin><end>1700086399</end></date_range>',
      }),
    );
    expect(report.metadata.reportId).toBe('007AbC');
  });

  it('reads decimal timestamps as whole seconds and keeps the raw value', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        metadata:
          '<org_name>x</org_name><email>a@x</email><report_id>1</report_id><date_range><begin>1538204542.0</begin><end>1538290942.5</end></date_range>',
      }),
    );
    expect(report.metadata.begin).toBe(1538204542);
    expect(report.metadata.end).toBe(1538290942);
    expect(report.metadata.raw).toEqual({ begin: '1538204542.0', end: '1538290942.5' });
  });

  it('takes a missing org_name from the email domain, with a warning', async () => {
    const { report, warnings } = await parseOneAggregate(
      reportXml({
        metadata:
          '<email>dmarc@reports.example.net</email><report_id>1</report_id><date_range><begin>1700000000</begin><end>1700086399</end></date_range>',
      }),
    );
    expect(report.metadata.orgName).toBe('reports.example.net');
    expect(warnings.join()).toMatch(/org_name missing/);
  });

  it('accepts the misspelled <data_range>', async () => {
    const { report, warnings } = await parseOneAggregate(
      reportXml({
        metadata:
          '<org_name>x</org_name><email>a@x</email><report_id>1</report_id><data_range><begin>1700000000</begin><end>1700086399</end></data_range>',
      }),
    );
    expect([report.metadata.begin, report.metadata.end]).toEqual([1700000000, 1700086399]);
    expect(warnings.join()).toMatch(/date_range/);
  });
});

describe('RFC 7489 appendix C — PolicyPublishedType', () => {
  it('reads domain, adkim, aspf, p, sp, pct, fo', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        policy:
          '<domain>Example.COM</domain><adkim>s</adkim><aspf>r</aspf><p>reject</p><sp>quarantine</sp><pct>50</pct><fo>1:d</fo>',
      }),
    );
    expect(report.policy).toEqual({
      domain: 'example.com',
      adkim: 's',
      aspf: 'r',
      p: 'reject',
      sp: 'quarantine',
      pct: 50,
      fo: '1:d',
    });
  });

  it('treats an empty <sp/> as absent (seen in real reports)', async () => {
    const { report } = await parseOneAggregate(
      reportXml({ policy: '<domain>example.com</domain><p>none</p><sp></sp>' }),
    );
    expect(report.policy.sp).toBeUndefined();
  });

  it('normalizes policy words and keeps the raw value', async () => {
    const { report } = await parseOneAggregate(
      reportXml({ policy: '<domain>example.com</domain><p>Reject</p><adkim>relaxed</adkim>' }),
    );
    expect(report.policy.p).toBe('reject');
    expect(report.policy.adkim).toBe('r');
    expect(report.policy.raw).toEqual({ p: 'Reject', adkim: 'relaxed' });
  });
});

describe('RFC 7489 appendix C — RecordType (row, identifiers, auth_results)', () => {
  it('reads source_ip, count, policy_evaluated, identifiers and auth_results', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        records: [
          recordXml({
            ip: '2001:db8::25',
            count: 42,
            disposition: 'quarantine',
            dkim: 'fail',
            spf: 'pass',
            identifiers: '<header_from>example.com</header_from><envelope_from>bounce.example.com</envelope_from>',
            authResults:
              '<dkim><domain>esp.example</domain><selector>k1</selector><result>pass</result></dkim>' +
              '<spf><domain>bounce.example.com</domain><scope>mfrom</scope><result>pass</result></spf>',
          }),
        ],
      }),
    );
    expect(report.records[0]).toEqual({
      sourceIp: '2001:db8::25',
      count: 42,
      disposition: 'quarantine',
      dkim: 'fail',
      spf: 'pass',
      reasons: [],
      headerFrom: 'example.com',
      envelopeFrom: 'bounce.example.com',
      dkimResults: [{ domain: 'esp.example', selector: 'k1', result: 'pass' }],
      spfResults: [{ domain: 'bounce.example.com', scope: 'mfrom', result: 'pass' }],
      dkimAligned: false,
      spfAligned: true,
    });
  });

  it('reads several reasons, several dkim and several spf results', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        records: [
          recordXml({
            extraEvaluated:
              '<reason><type>forwarded</type><comment>via list</comment></reason><reason><type>local_policy</type></reason>',
            authResults:
              '<dkim><domain>a.example</domain><result>fail</result></dkim><dkim><domain>example.com</domain><selector>s</selector><result>pass</result></dkim>' +
              '<spf><domain>helo.example</domain><scope>helo</scope><result>pass</result></spf><spf><domain>example.com</domain><scope>mfrom</scope><result>softfail</result></spf>',
          }),
        ],
      }),
    );
    const record = report.records[0]!;
    expect(record.reasons).toEqual([{ type: 'forwarded', comment: 'via list' }, { type: 'local_policy' }]);
    expect(record.dkimResults.map((d) => d.result)).toEqual(['fail', 'pass']);
    expect(record.spfResults.map((s) => [s.scope, s.result])).toEqual([
      ['helo', 'pass'],
      ['mfrom', 'softfail'],
    ]);
  });

  it('reads every record of a report in order', async () => {
    const records = Array.from({ length: 25 }, (_, i) => recordXml({ ip: `198.51.100.${i}`, count: i + 1 }));
    const { report } = await parseOneAggregate(reportXml({ records }));
    expect(report.records.map((r) => r.count)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });
});

describe('RFC 7489 §3.1 — alignment recomputed from auth_results', () => {
  const withAuth = (policy: string, identifiers: string, authResults: string) =>
    reportXml({
      policy: `<domain>example.com</domain>${policy}<p>none</p>`,
      records: [recordXml({ identifiers, authResults })],
    });

  it('relaxed DKIM: a subdomain d= aligns with the organizational domain', async () => {
    const { report } = await parseOneAggregate(
      withAuth(
        '<adkim>r</adkim>',
        '<header_from>example.com</header_from>',
        '<dkim><domain>mail.example.com</domain><result>pass</result></dkim>',
      ),
    );
    expect(report.records[0]!.dkimAligned).toBe(true);
  });

  it('strict DKIM: only the exact domain aligns', async () => {
    const { report } = await parseOneAggregate(
      withAuth(
        '<adkim>s</adkim>',
        '<header_from>example.com</header_from>',
        '<dkim><domain>mail.example.com</domain><result>pass</result></dkim>',
      ),
    );
    expect(report.records[0]!.dkimAligned).toBe(false);
  });

  it('a failing signature never aligns', async () => {
    const { report } = await parseOneAggregate(
      withAuth(
        '',
        '<header_from>example.com</header_from>',
        '<dkim><domain>example.com</domain><result>fail</result></dkim>',
      ),
    );
    expect(report.records[0]!.dkimAligned).toBe(false);
  });

  it('relaxed SPF uses the Public Suffix List: example.co.uk and other.co.uk do not align', async () => {
    const { report } = await parseOneAggregate(
      withAuth(
        '',
        '<header_from>news.example.co.uk</header_from>',
        '<spf><domain>bounce.example.co.uk</domain><result>pass</result></spf><spf><domain>other.co.uk</domain><result>pass</result></spf>',
      ),
    );
    expect(report.records[0]!.spfAligned).toBe(true);
    const { report: other } = await parseOneAggregate(
      withAuth(
        '',
        '<header_from>example.co.uk</header_from>',
        '<spf><domain>other.co.uk</domain><result>pass</result></spf>',
      ),
    );
    expect(other.records[0]!.spfAligned).toBe(false);
  });

  it('an SPF pass for the HELO identity does not align', async () => {
    const { report } = await parseOneAggregate(
      withAuth(
        '',
        '<header_from>example.com</header_from>',
        '<spf><domain>example.com</domain><scope>helo</scope><result>pass</result></spf>',
      ),
    );
    expect(report.records[0]!.spfAligned).toBe(false);
  });

  it('strict SPF: a subdomain envelope does not align', async () => {
    const { report } = await parseOneAggregate(
      withAuth(
        '<aspf>s</aspf>',
        '<header_from>example.com</header_from>',
        '<spf><domain>bounce.example.com</domain><result>pass</result></spf>',
      ),
    );
    expect(report.records[0]!.spfAligned).toBe(false);
  });
});

describe('RFC 9990 §3 — the DMARCbis aggregate schema', () => {
  const ns = 'urn:ietf:params:xml:ns:dmarc-2.0';

  it('reads reports in the dmarc-2.0 namespace (default and prefixed) — no silent zero records', async () => {
    for (const [root, prefix] of [
      [`<feedback xmlns="${ns}">`, ''],
      [`<dmarc:feedback xmlns:dmarc="${ns}">`, 'dmarc:'],
    ] as const) {
      const xml = reportXml({ root, records: [recordXml({}, prefix), recordXml({ count: 2 }, prefix)] }).replace(
        /<(\/?)(report_metadata|org_name|email|report_id|date_range|begin|end|policy_published|domain|adkim|aspf|p|sp|pct)>/g,
        `<$1${prefix}$2>`,
      );
      const { report } = await parseOneAggregate(xml);
      expect(report.namespace).toBe(ns);
      expect(report.records.map((r) => r.count)).toEqual([1, 2]);
      expect(report.metadata.orgName).toBe('Example Receiver');
    }
  });

  it('reads the dmarc.org 0.1 and 0.2 draft namespaces', async () => {
    for (const version of ['0.1', '0.2']) {
      const { report } = await parseOneAggregate(
        reportXml({ root: `<feedback xmlns="http://dmarc.org/dmarc-xml/${version}">` }),
      );
      expect(report.namespace).toBe(`http://dmarc.org/dmarc-xml/${version}`);
      expect(report.records).toHaveLength(1);
    }
  });

  it('reads np, testing and discovery_method in policy_published', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        policy:
          '<domain>example.com</domain><p>reject</p><sp>reject</sp><np>quarantine</np><testing>y</testing><discovery_method>treewalk</discovery_method>',
      }),
    );
    expect(report.policy).toMatchObject({ np: 'quarantine', testing: 'y', discoveryMethod: 'treewalk' });
    expect(report.policy.pct).toBeUndefined();
  });

  it('reads generator, version, human_result, envelope_to and the report extension', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        root: '<feedback>',
        metadata:
          '<org_name>x</org_name><email>a@x</email><report_id>1</report_id><date_range><begin>1700000000</begin><end>1700086399</end></date_range><generator>Receiver 4.2</generator>',
        beforeRecords: '<extension><vendor>data</vendor></extension>',
        records: [
          recordXml({
            identifiers:
              '<envelope_to>example.net</envelope_to><envelope_from>example.com</envelope_from><header_from>example.com</header_from>',
            authResults:
              '<dkim><domain>example.com</domain><selector>s1</selector><result>pass</result><human_result>good signature</human_result></dkim><spf><domain>example.com</domain><scope>mfrom</scope><result>pass</result><human_result>ok</human_result></spf>',
          }),
        ],
      }).replace('<feedback>', '<feedback><version>2.0</version>'),
    );
    expect(report.version).toBe('2.0');
    expect(report.metadata.generator).toBe('Receiver 4.2');
    expect(report.extension).toEqual({ vendor: 'data' });
    expect(report.records[0]!.envelopeTo).toBe('example.net');
    expect(report.records[0]!.dkimResults[0]!.humanResult).toBe('good signature');
    expect(report.records[0]!.spfResults[0]!.humanResult).toBe('ok');
  });

  it('reads the pass disposition and the policy_test_mode reason', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        records: [recordXml({ disposition: 'pass', extraEvaluated: '<reason><type>policy_test_mode</type></reason>' })],
      }),
    );
    expect(report.records[0]!.disposition).toBe('pass');
    expect(report.records[0]!.reasons).toEqual([{ type: 'policy_test_mode' }]);
  });
});

describe('docs/report-quirks.md — values real reporters write differently', () => {
  it('normalizes Pass/PASS, hardfail, unknown and error, keeping the raw words', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        records: [
          recordXml({
            disposition: 'None',
            dkim: 'PASS',
            spf: 'Fail',
            authResults:
              '<dkim><domain>example.com</domain><result>Pass</result></dkim><dkim><domain>x.example</domain><result>unknown</result></dkim><spf><domain>example.com</domain><result>hardfail</result></spf><spf><domain>y.example</domain><result>error</result></spf>',
          }),
        ],
      }),
    );
    const r = report.records[0]!;
    expect([r.disposition, r.dkim, r.spf]).toEqual(['none', 'pass', 'fail']);
    expect(r.raw).toEqual({ disposition: 'None', dkim: 'PASS', spf: 'Fail' });
    expect(r.dkimResults.map((d) => [d.result, d.raw?.result])).toEqual([
      ['pass', 'Pass'],
      ['none', 'unknown'],
    ]);
    expect(r.spfResults.map((s) => [s.result, s.raw?.result])).toEqual([
      ['fail', 'hardfail'],
      ['temperror', 'error'],
    ]);
  });

  it('reads an empty <type/> reason as "other" with the raw empty value', async () => {
    const { report } = await parseOneAggregate(
      reportXml({ records: [recordXml({ extraEvaluated: '<reason><type/></reason>' })] }),
    );
    expect(report.records[0]!.reasons).toEqual([{ type: 'other', raw: { type: '' } }]);
  });

  it("accepts <identities> for <identifiers> and Microsoft's <diskim> for <dkim>", async () => {
    const { report, warnings } = await parseOneAggregate(
      reportXml({
        records: [
          recordXml({ authResults: '<diskim><domain>example.com</domain><result>pass</result></diskim>' }).replace(
            /identifiers>/g,
            'identities>',
          ),
        ],
      }),
    );
    expect(report.records[0]!.headerFrom).toBe('example.com');
    expect(report.records[0]!.dkimResults).toEqual([{ domain: 'example.com', result: 'pass' }]);
    expect(warnings.join('\n')).toMatch(/identities/);
    expect(warnings.join('\n')).toMatch(/diskim/);
  });

  it('keeps unknown record elements as extensions, with a warning', async () => {
    const { report, warnings } = await parseOneAggregate(
      reportXml({ records: [recordXml({ extra: '<vendor_score>7</vendor_score>' })] }),
    );
    expect(report.records[0]!.extensions).toEqual({ vendor_score: '7' });
    expect(warnings.join()).toMatch(/vendor_score/);
  });
});
