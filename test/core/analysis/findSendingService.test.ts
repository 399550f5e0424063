// The catalogue's one reader (core/analysis/findSendingService.ts): each kind of identifier leads back to its entry,
// and the wizard sees its services under its own keys and names.
import { describe, expect, it } from 'vitest';
import {
  findServiceByAsn,
  findServiceByDomain,
  findServiceByHostName,
  findServiceById,
  findServiceByReturnPathLabel,
  findServiceBySpfInclude,
  findWizardService,
  WIZARD_SERVICES,
} from '../../../core/analysis/findSendingService';
import { SENDING_SERVICES } from '../../../core/analysis/sendingServices';

// Every identifier of every entry must lead back to that entry: this catches two entries claiming one domain and a
// broader suffix shadowing a narrower one. One test per entry.
describe('every catalogue entry is found by its own identifiers', () => {
  it.each(SENDING_SERVICES.map((s) => [s.id, s] as const))('%s', (id, service) => {
    expect(findServiceById(id)).toBe(service);
    for (const domain of service.dkimDomains) expect(findServiceByDomain(domain)?.id, `d=${domain}`).toBe(id);
    for (const domain of service.envelopeDomains) expect(findServiceByDomain(`bounces.${domain}`)?.id, domain).toBe(id);
    for (const suffix of service.rdnsSuffixes)
      expect(findServiceByHostName(`out-203-0-113-9.${suffix}`)?.id, suffix).toBe(id);
    for (const include of service.spfIncludes) {
      expect(findServiceBySpfInclude(include)?.id, include).toBe(id);
      // As an SPF record writes it: an `include:` term, or the `a:` term one gateway asks for instead.
      const term = include.startsWith('a:') ? include : `include:${include}`;
      expect(findServiceBySpfInclude(term.toUpperCase())?.id, term).toBe(id);
    }
    for (const asn of service.asns ?? []) expect(findServiceByAsn(asn)?.id, `AS${asn}`).toBe(id);
  });
});

describe('lookups', () => {
  it('find the longest suffix, and nothing for an unknown name', () => {
    expect(findServiceByHostName('static.88-198-1-2.clients.your-server.de')?.id).toBe('hetzner-cloud');
    expect(findServiceByHostName('www123.your-server.de')?.id).toBe('hetzner-mail');
    expect(findServiceByDomain('customer-example.org')).toBeUndefined();
    expect(findServiceByDomain('SendGrid.NET.')?.id).toBe('sendgrid');
    expect(findServiceById('nope')).toBeUndefined();
    expect(findServiceByAsn(64496)).toBeUndefined();
  });

  it('know a return path by the first label a service gives it', () => {
    expect(findServiceByReturnPathLabel('em1234.customer-example.org')?.id).toBe('sendgrid');
    expect(findServiceByReturnPathLabel('pm-bounces.customer-example.org')?.id).toBe('postmark');
    expect(findServiceByReturnPathLabel('em.customer-example.org')).toBeUndefined();
    expect(findServiceByReturnPathLabel('bounces.customer-example.org')).toBeUndefined();
  });
});

describe('the wizard’s services', () => {
  it('are the catalogue’s DNS setups in catalogue order, under the wizard’s keys and names', () => {
    expect(
      WIZARD_SERVICES.map((s) => [s.id, s.service.id, s.name, s.spfInclude ?? null, s.spfAlignment, s.bulk]),
    ).toEqual([
      ['google-workspace', 'google', 'Google Workspace', '_spf.google.com', 'aligned', false],
      ['microsoft-365', 'microsoft-365', 'Microsoft 365', 'spf.protection.outlook.com', 'aligned', false],
      ['zoho-mail', 'zoho-mail', 'Zoho Mail', 'zoho.com', 'aligned', false],
      ['fastmail', 'fastmail', 'Fastmail', 'spf.messagingengine.com', 'aligned', false],
      ['amazon-ses', 'amazon-ses', 'Amazon SES', 'amazonses.com', 'custom-return-path', true],
      ['sendgrid', 'sendgrid', 'SendGrid (Twilio)', 'sendgrid.net', 'custom-return-path', true],
      ['mailgun', 'mailgun', 'Mailgun', 'mailgun.org', 'aligned', true],
      ['postmark', 'postmark', 'Postmark', null, 'custom-return-path', false],
      ['brevo', 'brevo', 'Brevo (Sendinblue)', 'spf.brevo.com', 'provider', true],
      ['flowmailer', 'flowmailer', 'Flowmailer', 'spf.flowmailer.net', 'custom-return-path', true],
      ['smtpeter', 'smtpeter', 'SMTPeter', 'spf.smtpeter.com', 'custom-return-path', true],
      ['mailchimp', 'mailchimp', 'Mailchimp', null, 'provider', true],
      ['hubspot', 'hubspot', 'HubSpot', null, 'provider', true],
      ['salesforce', 'salesforce', 'Salesforce', '_spf.salesforce.com', 'aligned', false],
      ['zendesk', 'zendesk', 'Zendesk', 'mail.zendesk.com', 'aligned', false],
    ]);
  });

  it('say where DKIM is set up, from the catalogue entry', () => {
    expect(WIZARD_SERVICES.map((s) => [s.id, s.setupAt])).toEqual([
      ['google-workspace', 'the Google Admin console (Apps › Google Workspace › Gmail › Authenticate email)'],
      ['microsoft-365', 'the Microsoft Defender portal (Email authentication settings › DKIM)'],
      ['zoho-mail', 'the Zoho Mail admin console (Domains › Email configuration › DKIM)'],
      ['fastmail', 'Fastmail settings (Domains › DNS records)'],
      ['amazon-ses', 'the Amazon SES console (Verified identities › Easy DKIM)'],
      ['sendgrid', 'SendGrid (Settings › Sender Authentication › Domain Authentication)'],
      ['mailgun', 'Mailgun (Sending › Domains › DNS records)'],
      ['postmark', 'Postmark (Sender Signatures › DNS settings)'],
      ['brevo', 'Brevo (Senders, domains & dedicated IPs › Domains)'],
      ['flowmailer', 'Flowmailer (Dashboard › Sender domains)'],
      ['smtpeter', 'SMTPeter (Dashboard › Sender domains › DNS)'],
      ['mailchimp', 'Mailchimp (Website › Domains › Authenticate)'],
      ['hubspot', 'HubSpot (Settings › Domains & URLs › Email sending domains)'],
      ['salesforce', 'Salesforce Setup (DKIM Keys)'],
      ['zendesk', 'Zendesk Admin Center (Channels › Email › Digitally sign)'],
    ]);
  });

  it('are found by the wizard’s key only', () => {
    expect(findWizardService('google-workspace')?.service.id).toBe('google');
    expect(findWizardService('google')).toBeUndefined();
    expect(findWizardService('sparkpost')).toBeUndefined();
    expect(findWizardService('zendesk')?.dkimRecords).toEqual([
      { name: 'zendesk1._domainkey', type: 'CNAME', value: 'zendesk1._domainkey.zendesk.com' },
      { name: 'zendesk2._domainkey', type: 'CNAME', value: 'zendesk2._domainkey.zendesk.com' },
    ]);
  });
});
