import { describe, expect, it } from 'vitest';
import { groupSources } from '../../../core/analysis/groupSources';
import { classifyRecord } from '../../../core/analysis/classifyRecord';
import { identifySource } from '../../../core/analysis/identifySource';
import { makeRecord, makeReport } from './makeRecord';
import { loadAsnTableForTest } from './asnTableFile';

const pass = 'pass' as const;
const fail = 'fail' as const;

describe('classifyRecord', () => {
  const cause = (input: Parameters<typeof makeRecord>[0]) => {
    const record = makeRecord(input);
    return classifyRecord(record, identifySource(record));
  };

  it('compliant: an aligned DKIM or SPF pass', () => {
    expect(cause({ dkimResults: [{ domain: 'example.com', result: pass }] })).toBe('dmarc-pass');
    expect(cause({ envelopeFrom: 'bounce.example.com', spfResults: [{ domain: 'bounce.example.com', result: pass }] })).toBe('dmarc-pass');
  });

  it('takes an aligned pass in auth_results over a receiver that wrote fail (zoho.com fixture)', () => {
    expect(cause({ dkim: fail, spf: fail, dkimResults: [{ domain: 'example.com', result: pass }] })).toBe('dmarc-pass');
  });

  it('forwarded: the receiver’s override reason says so', () => {
    expect(cause({ reasons: [{ type: 'mailing_list' }], dkimResults: [{ domain: 'example.com', result: fail }] })).toBe('receiver-says-forwarded');
    expect(cause({ reasons: [{ type: 'trusted_forwarder' }] })).toBe('receiver-says-forwarded');
  });

  it('forwarded: a forwarder or list host, or the domain’s own signature arriving from elsewhere', () => {
    expect(cause({ envelopeFrom: 'improvmx.com', spfResults: [{ domain: 'improvmx.com', result: pass }] })).toBe('forwarding-service');
    expect(cause({ dkimResults: [{ domain: 'googlegroups.com', result: pass }, { domain: 'example.com', result: fail }] })).toBe('mailing-list');
    expect(cause({ sourceIp: '198.51.100.7', dkimResults: [{ domain: 'example.com', selector: 's1', result: fail }], spfResults: [{ domain: 'relay.example.net', result: pass }] })).toBe('own-signature-relayed');
  });

  it('misconfigured: a known service without alignment, or the domain’s own tenant', () => {
    expect(cause({ dkimResults: [{ domain: 'sendgrid.net', result: pass }], spfResults: [{ domain: 'sendgrid.net', result: pass }] })).toBe('service-unaligned');
    expect(cause({ dkimResults: [{ domain: 'example-com.20230601.gappssmtp.com', result: pass }] })).toBe('own-tenant-unaligned');
  });

  it('suspicious: a free-mail account, a cloud server or nothing recognisable, failing both', () => {
    expect(cause({ envelopeFrom: 'gmail.com', dkimResults: [{ domain: 'gmail.com', result: pass }], spfResults: [{ domain: 'gmail.com', result: pass }] })).toBe('mailbox-account');
    expect(cause({ spfResults: [{ domain: 'spoof.example.net', result: 'softfail' }] })).toBe('unknown-failing');
  });
});

describe('groupSources and classifySource on constructed reports', () => {
  const records = [
    makeRecord({ sourceIp: '167.89.1.1', count: 500, dkimResults: [{ domain: 'example.com', result: pass }, { domain: 'sendgrid.net', result: pass }] }),
    makeRecord({ sourceIp: '167.89.1.2', count: 3, dkimResults: [{ domain: 'sendgrid.net', result: pass }] }),
    makeRecord({ sourceIp: '198.2.128.5', count: 120, envelopeFrom: 'mail186.suw11.mcdlv.net', dkimResults: [{ domain: 'mcsv.net', result: pass }], spfResults: [{ domain: 'mail186.suw11.mcdlv.net', result: pass }] }),
    makeRecord({ sourceIp: '198.2.128.6', count: 30, envelopeFrom: 'example.com', spfResults: [{ domain: 'example.com', result: 'softfail' }], dkimResults: [{ domain: 'mcsv.net', result: pass }] }),
    makeRecord({ sourceIp: '8.8.8.8', count: 40, disposition: 'reject', spfResults: [{ domain: 'spoof.example.net', result: fail }] }),
    makeRecord({ sourceIp: '77.88.8.8', count: 10, disposition: 'quarantine', spfResults: [{ domain: 'spoof.example.org', result: fail }] }),
    makeRecord({ sourceIp: '209.85.220.41', count: 25, dkimResults: [{ domain: 'googlegroups.com', result: pass }, { domain: 'example.com', selector: 's1', result: fail }], envelopeFrom: 'googlegroups.com', spfResults: [{ domain: 'googlegroups.com', result: pass }] }),
  ];
  const groups = groupSources([makeReport(records)], { asnTable: loadAsnTableForTest() });
  const byKey = new Map(groups.map((g) => [g.key, g]));

  it('groups by service and sorts by volume', () => {
    expect(groups.map((g) => g.key)).toEqual(['sendgrid', 'mailchimp', 'google', 'google-groups', 'yandex']);
    expect(byKey.get('google')?.evidence).toBe('asn');
    expect(byKey.get('sendgrid')).toMatchObject({ messages: 503, passing: 500, records: 2 });
  });

  it('keeps a service compliant when a few messages fail', () => {
    const sendgrid = byKey.get('sendgrid')!;
    expect(sendgrid.classification.class).toBe('compliant');
    expect(sendgrid.classification.reason).toBe('99.4% of 503 messages from Twilio SendGrid pass DMARC with aligned DKIM; 3 messages failed, too few to change the verdict.');
  });

  it('says what to fix for a misconfigured service', () => {
    const mailchimp = byKey.get('mailchimp')!;
    expect(mailchimp.classification.class).toBe('misconfigured');
    expect(mailchimp.classification.reason).toContain('Mailchimp sent 150 of 150 messages as example.com without aligned DKIM or SPF');
    expect(mailchimp.classification.fix).toBe(
      'Turn on DKIM signing with d=example.com at Mailchimp (Website › Domains › Authenticate) (it signs as mcsv.net today, which does not align); ' +
        'add include:servers.mcsv.net to the SPF record of mail186.suw11.mcdlv.net.',
    );
  });

  it('explains forwarded mail', () => {
    const list = byKey.get('google-groups')!;
    expect(list.classification.class).toBe('forwarded');
    expect(list.classification.reason).toContain('Google Groups is a mailing list');
  });

  it('reports spoofing with its volume and countries', () => {
    const spoof = byKey.get('google')!;
    expect(spoof.classification.class).toBe('suspicious');
    expect(spoof.countries).toEqual([{ value: 'US', messages: 40 }]);
    expect(spoof.classification.reason).toBe(
      '40 of 40 messages failed both DKIM and SPF: someone\'s Google Workspace / Gmail account put example.com in From from networks registered in US 40. ' +
        'Receivers rejected or quarantined 40. Unless this is a sender you use, it is spoofing; p=quarantine or p=reject stops it from reaching inboxes.',
    );
    expect(byKey.get('yandex')!.classification.class).toBe('suspicious');
  });

  it('filters by domain and period', () => {
    const other = makeReport([makeRecord({ headerFrom: 'other.org', count: 9 })], { policy: { domain: 'other.org' } });
    expect(groupSources([makeReport(records), other], { domain: 'other.org' }).map((g) => g.messages)).toEqual([9]);
    expect(groupSources([makeReport(records)], { since: Date.UTC(2027, 0, 1) / 1000 })).toEqual([]);
  });
});
