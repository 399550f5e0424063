// Which service sent a report record (core/analysis/identifySource.ts): from its DKIM, envelope and header From
// domains, then from the PTR names and AS of its source IP.
import { describe, expect, it } from 'vitest';
import { findServiceById } from '../../../core/analysis/findSendingService';
import { identifySource } from '../../../core/analysis/identifySource';
import { SENDING_SERVICES } from '../../../core/analysis/sendingServices';
import { makeRecord } from './makeRecord';

const customer = 'customer-example.org';

// Every identifier of every entry, placed where a report record shows it, names that entry with the right evidence.
describe('every catalogue entry is recognised by its own identifiers', () => {
  it.each(SENDING_SERVICES.map((s) => [s.id, s] as const))('%s', (_id, service) => {
    for (const domain of service.dkimDomains) {
      const record = makeRecord({ headerFrom: customer, dkimResults: [{ domain, selector: 's1', result: 'pass' }] });
      expect(identifySource(record), `d=${domain}`).toEqual({ service, evidence: 'dkim', matched: domain });
    }
    for (const domain of service.envelopeDomains) {
      const envelope = `bounces.${domain}`;
      const record = makeRecord({
        headerFrom: customer,
        envelopeFrom: envelope,
        spfResults: [{ domain: envelope, result: 'pass' }],
      });
      expect(identifySource(record), `envelope ${envelope}`).toEqual({
        service,
        evidence: 'envelope',
        matched: envelope,
      });
    }
    for (const suffix of service.rdnsSuffixes) {
      const host = `out-203-0-113-9.${suffix}`;
      expect(identifySource(makeRecord({ headerFrom: customer }), { rdnsNames: [host] }), host).toEqual({
        service,
        evidence: 'rdns',
        matched: host,
      });
    }
    for (const asn of service.asns ?? []) {
      expect(identifySource(makeRecord({ headerFrom: customer }), { asn: { asn } })).toEqual({
        service,
        evidence: 'asn',
        matched: `AS${asn}`,
      });
    }
  });
});

// Identifiers as they appear in real reports and real PTR records.
describe('realistic examples', () => {
  const viaDkim: Array<[string, string]> = [
    ['customer-example-org.20230601.gappssmtp.com', 'google'],
    ['contoso.onmicrosoft.com', 'microsoft-365'],
    ['uccl0.onmicrosoft.com', 'microsoft-365'], // seen in the corpus (loleik__dmarc-analysis)
    ['hotmail.it', 'outlook-com'],
    ['amazonses.com', 'amazon-ses'],
    ['sendgrid.info', 'sendgrid'],
    ['mcsv.net', 'mailchimp'],
    ['googlegroups.com', 'google-groups'],
    ['eu.sparkpostmail.com', 'sparkpost'],
  ];
  it.each(viaDkim)('DKIM d=%s → %s', (domain, id) => {
    const record = makeRecord({ headerFrom: customer, dkimResults: [{ domain, result: 'pass' }] });
    expect(identifySource(record).service?.id).toBe(id);
  });

  const viaEnvelope: Array<[string, string]> = [
    ['eu-west-1.amazonses.com', 'amazon-ses'],
    ['mail186.suw11.mcdlv.net', 'mailchimp'],
    ['bounce.secureserver.net', 'godaddy'], // corpus
    ['jmap.bounce.topicbox.com', 'topicbox'], // corpus
    ['bnc.salesforce.com', 'salesforce'],
    ['pm.mtasv.net', 'postmark'],
    ['bf08x.hubspotemail.net', 'hubspot'],
    ['lists.debian.org', 'list:lists.debian.org'],
    ['em1234.customer-example.org', 'sendgrid'], // SendGrid's branded return path (a CNAME to sendgrid.net)
    ['pm-bounces.customer-example.org', 'postmark'],
  ];
  it.each(viaEnvelope)('envelope %s → %s', (domain, id) => {
    const record = makeRecord({ headerFrom: customer, envelopeFrom: domain, spfResults: [{ domain, result: 'pass' }] });
    expect(identifySource(record).service?.id).toBe(id);
  });

  const viaRdns: Array<[string, string]> = [
    ['mail-sor-f41.google.com', 'google'],
    ['mail-db8eur05on2040.outbound.protection.outlook.com', 'microsoft-365'],
    ['sonic301-22.consmr.mail.ne1.yahoo.com', 'yahoo'],
    ['a48-108.smtp-out.amazonses.com', 'amazon-ses'],
    ['wrqvbtsg.outbound-mail.sendgrid.net', 'sendgrid'],
    ['mail187-10.suw11.mandrillapp.com', 'mandrill'],
    ['mta202a-ord.mtasv.net', 'postmark'],
    ['m228-4.mailgun.net', 'mailgun'],
    ['mta-107-19.sparkpostmail.com', 'sparkpost'],
    ['outbyip8.pod17.use1.zdsys.com', 'zendesk'],
    ['mx0a-00123401.pphosted.com', 'proofpoint'],
    ['eu-smtp-delivery-151.mimecast.com', 'mimecast'],
    ['outbound-ip23a.ess.barracuda.com', 'barracuda'],
    ['out1-smtp.messagingengine.com', 'fastmail'],
    ['st43p00im-ztfb10061701.me.com', 'icloud'],
    ['p3plsmtp03-01.prod.phx3.secureserver.net', 'godaddy'],
    ['static.88-198-1-2.clients.your-server.de', 'hetzner-cloud'],
    ['ec2-3-120-1-2.eu-central-1.compute.amazonaws.com', 'aws-ec2'],
  ];
  it.each(viaRdns)('PTR %s → %s', (name, id) => {
    expect(identifySource(makeRecord({ headerFrom: customer }), { rdnsNames: [name] }).service?.id).toBe(id);
  });

  it('prefers a passing third-party DKIM signature over the envelope, and ignores the customer’s own domains', () => {
    const record = makeRecord({
      headerFrom: 'news.customer-example.org',
      envelopeFrom: 'bounces.customer-example.org',
      dkimResults: [
        { domain: 'customer-example.org', result: 'pass' },
        { domain: 'mcsv.net', result: 'pass' },
      ],
      spfResults: [{ domain: 'mail186.suw11.mcdlv.net', result: 'pass' }],
    });
    expect(identifySource(record)).toEqual({
      service: findServiceById('mailchimp'),
      evidence: 'dkim',
      matched: 'mcsv.net',
    });
  });

  it('falls back to the header From domain when it is a service’s own', () => {
    expect(identifySource(makeRecord({ headerFrom: 'facebookmail.com' })).service?.id).toBe('facebook');
  });

  it('does not take an ordinary own subdomain for a service’s return path', () => {
    const record = makeRecord({
      headerFrom: customer,
      envelopeFrom: 'em.customer-example.org',
      spfResults: [{ domain: 'em.customer-example.org', result: 'pass' }],
    });
    expect(identifySource(record)).toEqual({});
  });

  it('names nothing for a record with no recognisable identifier', () => {
    const record = makeRecord({
      headerFrom: customer,
      envelopeFrom: customer,
      dkimResults: [{ domain: customer, result: 'fail' }],
    });
    expect(identifySource(record)).toEqual({});
  });
});
