// Common services that send mail for a domain, with what each needs in DNS to pass DMARC — the wizard's view of them.
// Services also known to report analysis (core/analysis/sendingServices.ts) link to that entry by `serviceId`, which
// supplies where DKIM is set up; their SPF include must be one that entry lists (checked by the tests). Exact DKIM
// targets carry per-account parts, shown as `<…>` placeholders the user copies from the provider's DNS settings page.
import { findServiceById } from '../analysis/identifySource';
import { recordText, type DnsRecordSentence } from './recordTexts';

export interface SenderDkimRecord {
  /** Name relative to the domain, e.g. `selector1._domainkey`. */
  name: string;
  type: 'CNAME' | 'TXT';
  /** The target or value; `<…>` marks the part the provider's dashboard gives. */
  value: string;
}

export interface SenderService {
  id: string;
  name: string;
  /** The same service in core/analysis/sendingServices.ts, when it is there. */
  serviceId?: string;
  /** The include: to add to the domain's SPF record, when the service's envelope sender uses the customer's domain. */
  spfInclude?: string;
  /**
   * How SPF relates to DMARC for this service: `aligned` when the envelope sender (Return-Path) is the customer's
   * domain, `custom-return-path` when a subdomain must be pointed at the provider for SPF to align, `provider` when
   * the provider's own bounce domain is used (SPF cannot align; DMARC rests on DKIM).
   */
  spfAlignment: 'aligned' | 'custom-return-path' | 'provider';
  /** DKIM practice in one sentence. */
  dkimPractice: DnsRecordSentence;
  /** Records the provider asks for, in its usual shape. */
  dkimRecords: SenderDkimRecord[];
  /** Bulk or marketing mail: a candidate for its own subdomain (see subdomain strategy). */
  bulk: boolean;
  /** Where in the provider's interface the exact values are found, for services without a linked `serviceId`. */
  whereToFind?: string;
}

export const SENDER_CATALOGUE: readonly SenderService[] = [
  {
    id: 'google-workspace',
    serviceId: 'google',
    name: 'Google Workspace',
    spfInclude: '_spf.google.com',
    spfAlignment: 'aligned',
    dkimPractice: recordText('sender.google-workspace'),
    dkimRecords: [{ name: 'google._domainkey', type: 'TXT', value: 'v=DKIM1; k=rsa; p=<key from the Admin console>' }],
    bulk: false,
  },
  {
    id: 'microsoft-365',
    serviceId: 'microsoft-365',
    name: 'Microsoft 365',
    spfInclude: 'spf.protection.outlook.com',
    spfAlignment: 'aligned',
    dkimPractice: recordText('sender.microsoft-365'),
    dkimRecords: [
      { name: 'selector1._domainkey', type: 'CNAME', value: 'selector1-<domain-key>._domainkey.<tenant>.onmicrosoft.com' },
      { name: 'selector2._domainkey', type: 'CNAME', value: 'selector2-<domain-key>._domainkey.<tenant>.onmicrosoft.com' },
    ],
    bulk: false,
  },
  {
    id: 'amazon-ses',
    serviceId: 'amazon-ses',
    name: 'Amazon SES',
    spfInclude: 'amazonses.com',
    spfAlignment: 'custom-return-path',
    dkimPractice: recordText('sender.amazon-ses'),
    dkimRecords: [1, 2, 3].map((n) => ({ name: `<token${n}>._domainkey`, type: 'CNAME' as const, value: `<token${n}>.dkim.amazonses.com` })),
    bulk: true,
  },
  {
    id: 'sendgrid',
    serviceId: 'sendgrid',
    name: 'SendGrid (Twilio)',
    spfInclude: 'sendgrid.net',
    spfAlignment: 'custom-return-path',
    dkimPractice: recordText('sender.sendgrid'),
    dkimRecords: [
      { name: 's1._domainkey', type: 'CNAME', value: 's1.domainkey.<account>.wl.sendgrid.net' },
      { name: 's2._domainkey', type: 'CNAME', value: 's2.domainkey.<account>.wl.sendgrid.net' },
    ],
    bulk: true,
  },
  {
    id: 'mailchimp',
    serviceId: 'mailchimp',
    name: 'Mailchimp',
    spfAlignment: 'provider',
    dkimPractice: recordText('sender.mailchimp'),
    dkimRecords: [
      { name: 'k2._domainkey', type: 'CNAME', value: 'dkim2.mcsv.net' },
      { name: 'k3._domainkey', type: 'CNAME', value: 'dkim3.mcsv.net' },
    ],
    bulk: true,
  },
  {
    id: 'mailgun',
    serviceId: 'mailgun',
    name: 'Mailgun',
    spfInclude: 'mailgun.org',
    spfAlignment: 'aligned',
    dkimPractice: recordText('sender.mailgun'),
    dkimRecords: [{ name: '<selector>._domainkey', type: 'TXT', value: 'k=rsa; p=<key from Mailgun>' }],
    bulk: true,
  },
  {
    id: 'postmark',
    serviceId: 'postmark',
    name: 'Postmark',
    spfAlignment: 'custom-return-path',
    dkimPractice: recordText('sender.postmark'),
    dkimRecords: [{ name: '<date>pm._domainkey', type: 'TXT', value: 'k=rsa; p=<key from Postmark>' }],
    bulk: false,
  },
  {
    id: 'brevo',
    serviceId: 'brevo',
    name: 'Brevo (Sendinblue)',
    spfInclude: 'spf.brevo.com',
    spfAlignment: 'provider',
    dkimPractice: recordText('sender.brevo'),
    dkimRecords: [
      { name: 'brevo1._domainkey', type: 'CNAME', value: 'b1.<domain-id>.dkim.brevo.com' },
      { name: 'brevo2._domainkey', type: 'CNAME', value: 'b2.<domain-id>.dkim.brevo.com' },
    ],
    bulk: true,
  },
  {
    id: 'hubspot',
    serviceId: 'hubspot',
    name: 'HubSpot',
    spfAlignment: 'provider',
    dkimPractice: recordText('sender.hubspot'),
    dkimRecords: [
      { name: 'hs1-<account>._domainkey', type: 'CNAME', value: '<domain>.hs1-<account>.dkim.hubspotemail.net' },
      { name: 'hs2-<account>._domainkey', type: 'CNAME', value: '<domain>.hs2-<account>.dkim.hubspotemail.net' },
    ],
    bulk: true,
  },
  {
    id: 'salesforce',
    serviceId: 'salesforce',
    name: 'Salesforce',
    spfInclude: '_spf.salesforce.com',
    spfAlignment: 'aligned',
    dkimPractice: recordText('sender.salesforce'),
    dkimRecords: [
      { name: '<selector>._domainkey', type: 'CNAME', value: '<selector>.<id>.custdkim.salesforce.com' },
      { name: '<alternate>._domainkey', type: 'CNAME', value: '<alternate>.<id>.custdkim.salesforce.com' },
    ],
    bulk: false,
  },
  {
    id: 'zendesk',
    serviceId: 'zendesk',
    name: 'Zendesk',
    spfInclude: 'mail.zendesk.com',
    spfAlignment: 'aligned',
    dkimPractice: recordText('sender.zendesk'),
    dkimRecords: [
      { name: 'zendesk1._domainkey', type: 'CNAME', value: 'zendesk1._domainkey.zendesk.com' },
      { name: 'zendesk2._domainkey', type: 'CNAME', value: 'zendesk2._domainkey.zendesk.com' },
    ],
    bulk: false,
  },
  {
    id: 'flowmailer',
    name: 'Flowmailer',
    spfInclude: 'spf.flowmailer.net',
    spfAlignment: 'custom-return-path',
    dkimPractice: recordText('sender.flowmailer'),
    dkimRecords: [{ name: '<selector>._domainkey', type: 'CNAME', value: '<target shown by Flowmailer>' }],
    bulk: true,
    whereToFind: 'Flowmailer dashboard → Sender domains',
  },
  {
    id: 'smtpeter',
    name: 'SMTPeter',
    spfInclude: 'spf.smtpeter.com',
    spfAlignment: 'custom-return-path',
    dkimPractice: recordText('sender.smtpeter'),
    dkimRecords: [{ name: '<selector>._domainkey', type: 'CNAME', value: '<target shown by SMTPeter>' }],
    bulk: true,
    whereToFind: 'SMTPeter dashboard → Sender domains → DNS',
  },
  {
    id: 'zoho-mail',
    serviceId: 'zoho-mail',
    name: 'Zoho Mail',
    spfInclude: 'zoho.com',
    spfAlignment: 'aligned',
    dkimPractice: recordText('sender.zoho-mail'),
    dkimRecords: [{ name: '<selector>._domainkey', type: 'TXT', value: 'v=DKIM1; k=rsa; p=<key from Zoho>' }],
    bulk: false,
  },
  {
    id: 'fastmail',
    serviceId: 'fastmail',
    name: 'Fastmail',
    spfInclude: 'spf.messagingengine.com',
    spfAlignment: 'aligned',
    dkimPractice: recordText('sender.fastmail'),
    dkimRecords: [1, 2, 3].map((n) => ({ name: `fm${n}._domainkey`, type: 'CNAME' as const, value: `fm${n}.<domain>.dkim.fmhosted.com` })),
    bulk: false,
  },
];

export function findSender(id: string): SenderService | undefined {
  return SENDER_CATALOGUE.find((sender) => sender.id === id);
}

/**
 * Where in the service's interface DKIM (and the exact record values) are set up: the provider's own menu path, in the
 * words of its interface, or else a sentence.
 */
export function senderSetupLocation(sender: SenderService): string | DnsRecordSentence {
  const linked = sender.serviceId === undefined ? undefined : findServiceById(sender.serviceId);
  return linked?.dkimSetupAt ?? sender.whereToFind ?? recordText('sender.dns-settings', { service: sender.name });
}
