// The catalogue of sending services DMARC Lens knows, written and kept in this project: one entry per service, read
// through findSendingService.ts by the report analysis (identifySource.ts) and the DNS records wizard
// (core/dns/buildDomainRecords.ts). Each entry lists the identifiers that show up in aggregate reports (DKIM d=
// domains and envelope/MAIL FROM domains, RFC 9990 §3.1 `auth_results` and `identifiers`), the reverse-DNS suffixes of
// its outbound servers, the SPF includes it publishes for customers (RFC 7208 §5.2), where a network is dedicated to
// it its autonomous systems, and, for the services the wizard offers, the DNS records it asks its customers for.
//
// Matching is by domain suffix: "sendgrid.net" matches d=sendgrid.net and envelope em123.sendgrid.net. A domain must
// appear in one entry only (test/core/analysis/sendingServices.test.ts checks that every identifier of every entry
// identifies that entry). ASNs are listed only where the ASN table names the network after the service.

export type SendingServiceType =
  /** Mailbox providers and business email suites (Gmail/Workspace, Microsoft 365, Yahoo…). */
  | 'mailbox'
  /** Newsletters and campaigns. */
  | 'marketing'
  /** Transactional / API email delivery. */
  | 'transactional'
  /** CRM and sales tools that send as the user's domain. */
  | 'crm'
  /** Help desks and support tools. */
  | 'ticketing'
  /** Business apps that send notifications, invoices or forms as the customer's domain. */
  | 'notifications'
  /** Inbound/outbound filtering gateways that relay the organisation's mail. */
  | 'security-gateway'
  /** Forwarding and alias services (they relay mail they did not write). */
  | 'forwarder'
  /** Mailing-list hosts (they resend, often modifying the message). */
  | 'mailing-list'
  /** Web hosting and domain registrars whose shared servers send site and mailbox mail. */
  | 'hosting'
  /** General-purpose clouds: names where mail came from, never whose mail it is. */
  | 'cloud';

export interface SendingService {
  /** Stable identifier (kebab-case), used as a group key and in stored preferences. */
  id: string;
  name: string;
  type: SendingServiceType;
  /** DKIM d= domains the service signs with when the customer has not set up their own. */
  dkimDomains: readonly string[];
  /** Envelope (RFC5321.MailFrom) domains of the service's bounce handling. */
  envelopeDomains: readonly string[];
  /** Suffixes of the PTR names of its outbound servers. */
  rdnsSuffixes: readonly string[];
  /** What customers add to their SPF record (`include:<value>`). */
  spfIncludes: readonly string[];
  /**
   * What following each of those includes costs a receiver, where it is known without asking DNS: lets the records
   * pages count an SPF record's lookups offline, as an estimate (the services change their records).
   */
  spfLookupCosts?: readonly SpfIncludeCost[];
  /** Autonomous systems dedicated to the service. */
  asns?: readonly number[];
  /**
   * DKIM domains that only this service's business customers get (e.g. Google Workspace's `gappssmtp.com`): a
   * signature with one of them shows the mail came from an account of the domain's own organisation.
   */
  tenantDkimDomains?: readonly string[];
  /**
   * Where the customer turns on DKIM for their own domain, in the words of the service's interface: used in the
   * advice ("at <where>") and by the wizard. Every service with a `dnsSetup` has one.
   */
  dkimSetupAt?: string;
  /**
   * The first label the service gives a customer's own return-path domain (a CNAME to the service), e.g. SendGrid's
   * `em1234.example.com`: an aligned envelope that still names the service.
   */
  returnPathLabel?: RegExp;
  /** What the DNS records wizard offers a domain that sends through the service; only services it lists have one. */
  dnsSetup?: ServiceDnsSetup;
}

/**
 * The DNS lookups (RFC 7208 §4.6.4) a receiver spends inside a service's SPF record: `lookups` counts the terms of
 * the included record and of everything it includes in turn, not the `include:` term that reaches it. `asOf` (YYYY-MM)
 * is when the service's published record was known to look so; an estimate, since services change their records.
 */
export interface SpfIncludeCost {
  include: string;
  lookups: number;
  asOf: string;
}

/** A DNS record a service asks its customer to publish for DKIM. */
export interface DkimSetupRecord {
  /** Name relative to the domain, e.g. `selector1._domainkey`. */
  name: string;
  type: 'CNAME' | 'TXT';
  /**
   * The target or value. `<…>` marks a per-account part the customer copies from the service's DNS settings page;
   * `<domain>` is the customer's domain with its dots written as hyphens.
   */
  value: string;
}

/** The DNS side of a service: what the wizard puts in a domain's records when the domain sends through it. */
export interface ServiceDnsSetup {
  /**
   * The wizard's key for the service, kept in saved setups, when it is not the entry's `id` (the wizard's Google
   * entry is Workspace, `google-workspace`). Its DKIM sentence is `sender.<key>` in core/dns/recordTexts.ts.
   */
  wizardId?: string;
  /** The name the wizard shows when it is not `name`: the product a domain owner sets up, not what reports show. */
  wizardName?: string;
  /**
   * The include the wizard adds to the domain's SPF record; one of `spfIncludes`. Absent when the service's envelope
   * sender is its own bounce domain, a return-path subdomain that carries its own SPF, or an account-specific include.
   */
  spfInclude?: string;
  /**
   * How SPF relates to DMARC: `aligned` when the envelope sender (Return-Path) is the customer's domain,
   * `custom-return-path` when a subdomain must be pointed at the service for SPF to align, `provider` when the
   * service's own bounce domain is used (SPF cannot align; DMARC rests on DKIM).
   */
  spfAlignment: 'aligned' | 'custom-return-path' | 'provider';
  /** The DKIM records the service asks for, in its usual shape. */
  dkimRecords: readonly DkimSetupRecord[];
  /** Bulk or marketing mail: a candidate for its own subdomain. */
  bulk: boolean;
}

type Identifiers = Partial<
  Pick<
    SendingService,
    | 'dkimDomains'
    | 'envelopeDomains'
    | 'rdnsSuffixes'
    | 'spfIncludes'
    | 'spfLookupCosts'
    | 'asns'
    | 'tenantDkimDomains'
    | 'dkimSetupAt'
    | 'returnPathLabel'
    | 'dnsSetup'
  >
>;

function service(id: string, name: string, type: SendingServiceType, ids: Identifiers): SendingService {
  return {
    id,
    name,
    type,
    dkimDomains: ids.dkimDomains ?? [],
    envelopeDomains: ids.envelopeDomains ?? [],
    rdnsSuffixes: ids.rdnsSuffixes ?? [],
    spfIncludes: ids.spfIncludes ?? [],
    ...(ids.spfLookupCosts ? { spfLookupCosts: ids.spfLookupCosts } : {}),
    ...(ids.asns ? { asns: ids.asns } : {}),
    ...(ids.tenantDkimDomains ? { tenantDkimDomains: ids.tenantDkimDomains } : {}),
    ...(ids.dkimSetupAt ? { dkimSetupAt: ids.dkimSetupAt } : {}),
    ...(ids.returnPathLabel ? { returnPathLabel: ids.returnPathLabel } : {}),
    ...(ids.dnsSetup ? { dnsSetup: ids.dnsSetup } : {}),
  };
}

/** DKIM CNAMEs a service numbers (selector1, selector2…): each key's name and target from its number. */
function numberedCnames(
  numbers: readonly number[],
  name: (n: number) => string,
  value: (n: number) => string,
): DkimSetupRecord[] {
  return numbers.map((n) => ({ name: name(n), type: 'CNAME', value: value(n) }));
}

const hotmail = ['hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es', 'hotmail.nl'];
const live = ['live.com', 'live.cn', 'live.co.uk', 'live.fr', 'live.de', 'live.nl', 'live.it'];
const outlookConsumer = [
  'outlook.com',
  'outlook.fr',
  'outlook.de',
  'outlook.es',
  'outlook.it',
  'msn.com',
  'msn.cn',
  'passport.com',
];

/**
 * When the services' published SPF records were known to cost what the entries below say. Only services whose
 * record is known carry a cost; any other include is left uncounted offline.
 */
const SPF_COSTS_AS_OF = '2025-01';

export const SENDING_SERVICES: readonly SendingService[] = [
  // ── Mailbox providers and business suites ──────────────────────────────────────────────────────────────────────
  service('google', 'Google Workspace / Gmail', 'mailbox', {
    dkimDomains: ['gmail.com', 'googlemail.com', 'gappssmtp.com'],
    envelopeDomains: ['gmail.com', 'googlemail.com'],
    rdnsSuffixes: ['google.com', 'googlemail.com'],
    spfIncludes: ['_spf.google.com'],
    // _spf.google.com includes _netblocks, _netblocks2 and _netblocks3.google.com, which list addresses only.
    spfLookupCosts: [{ include: '_spf.google.com', lookups: 3, asOf: SPF_COSTS_AS_OF }],
    asns: [15169],
    tenantDkimDomains: ['gappssmtp.com'],
    dkimSetupAt: 'the Google Admin console (Apps › Google Workspace › Gmail › Authenticate email)',
    dnsSetup: {
      wizardId: 'google-workspace',
      wizardName: 'Google Workspace',
      spfInclude: '_spf.google.com',
      spfAlignment: 'aligned',
      dkimRecords: [
        { name: 'google._domainkey', type: 'TXT', value: 'v=DKIM1; k=rsa; p=<key from the Admin console>' },
      ],
      bulk: false,
    },
  }),
  service('microsoft-365', 'Microsoft 365 (Exchange Online)', 'mailbox', {
    dkimDomains: ['onmicrosoft.com'],
    rdnsSuffixes: ['protection.outlook.com'],
    spfIncludes: ['spf.protection.outlook.com'],
    // Addresses, and include:spfd.protection.outlook.com, which lists addresses only.
    spfLookupCosts: [{ include: 'spf.protection.outlook.com', lookups: 1, asOf: SPF_COSTS_AS_OF }],
    asns: [8075],
    tenantDkimDomains: ['onmicrosoft.com'],
    dkimSetupAt: 'the Microsoft Defender portal (Email authentication settings › DKIM)',
    dnsSetup: {
      wizardName: 'Microsoft 365',
      spfInclude: 'spf.protection.outlook.com',
      spfAlignment: 'aligned',
      dkimRecords: numberedCnames(
        [1, 2],
        (n) => `selector${n}._domainkey`,
        (n) => `selector${n}-<domain-key>._domainkey.<tenant>.onmicrosoft.com`,
      ),
      bulk: false,
    },
  }),
  service('outlook-com', 'Outlook.com / Hotmail', 'mailbox', {
    dkimDomains: [...outlookConsumer, ...hotmail, ...live],
    envelopeDomains: [...outlookConsumer, ...hotmail, ...live],
  }),
  service('yahoo', 'Yahoo Mail', 'mailbox', {
    dkimDomains: ['yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.co.jp', 'ymail.com', 'rocketmail.com'],
    envelopeDomains: ['yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com', 'rocketmail.com'],
    rdnsSuffixes: ['yahoo.com', 'yahoo.net', 'yahoodns.net'],
    spfIncludes: ['_spf.mail.yahoo.com'],
    // AS56173 is the one the ASN data names Yahoo-Inc; Oath's AS26101 is not listed, since the data does not name the
    // mail service there.
    asns: [36646, 36647, 56173],
  }),
  service('aol', 'AOL Mail', 'mailbox', {
    dkimDomains: ['aol.com', 'aim.com', 'verizon.net'],
    envelopeDomains: ['aol.com', 'aim.com', 'verizon.net'],
    rdnsSuffixes: ['aol.com'],
  }),
  service('icloud', 'Apple iCloud Mail', 'mailbox', {
    dkimDomains: ['icloud.com', 'me.com', 'mac.com'],
    envelopeDomains: ['icloud.com', 'me.com', 'mac.com'],
    rdnsSuffixes: ['mail.icloud.com', 'eps.apple.com', 'me.com'],
    spfIncludes: ['icloud.com'],
    asns: [714, 6185],
    dkimSetupAt: 'iCloud settings (Custom Email Domain)',
  }),
  service('zoho-mail', 'Zoho Mail', 'mailbox', {
    dkimDomains: ['zoho.com', 'zohomail.com', 'zoho.eu', 'zoho.in', 'zohomail.eu'],
    envelopeDomains: ['zoho.com', 'zohomail.com', 'zoho.eu', 'zoho.in', 'zohomail.eu'],
    rdnsSuffixes: ['zoho.com', 'zohomail.com', 'zoho.eu', 'zoho.in'],
    spfIncludes: ['zoho.com', 'zoho.eu', 'zoho.in'],
    asns: [2639],
    dkimSetupAt: 'the Zoho Mail admin console (Domains › Email configuration › DKIM)',
    dnsSetup: {
      spfInclude: 'zoho.com',
      spfAlignment: 'aligned',
      dkimRecords: [{ name: '<selector>._domainkey', type: 'TXT', value: 'v=DKIM1; k=rsa; p=<key from Zoho>' }],
      bulk: false,
    },
  }),
  service('fastmail', 'Fastmail', 'mailbox', {
    dkimDomains: ['fastmail.com', 'fastmail.fm', 'messagingengine.com'],
    envelopeDomains: ['fastmail.com', 'fastmail.fm', 'messagingengine.com'],
    rdnsSuffixes: ['messagingengine.com', 'fastmail.com'],
    spfIncludes: ['spf.messagingengine.com'],
    asns: [151847],
    dkimSetupAt: 'Fastmail settings (Domains › DNS records)',
    dnsSetup: {
      spfInclude: 'spf.messagingengine.com',
      spfAlignment: 'aligned',
      dkimRecords: numberedCnames(
        [1, 2, 3],
        (n) => `fm${n}._domainkey`,
        (n) => `fm${n}.<domain>.dkim.fmhosted.com`,
      ),
      bulk: false,
    },
  }),
  service('proton', 'Proton Mail', 'mailbox', {
    dkimDomains: ['protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me'],
    envelopeDomains: ['protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me'],
    rdnsSuffixes: ['protonmail.ch', 'proton.ch'],
    spfIncludes: ['_spf.protonmail.ch'],
    asns: [62371],
    dkimSetupAt: 'Proton settings (Domain names › DKIM)',
  }),
  service('gmx', 'GMX', 'mailbox', {
    dkimDomains: ['gmx.net', 'gmx.de', 'gmx.com', 'gmx.at', 'gmx.ch'],
    envelopeDomains: ['gmx.net', 'gmx.de', 'gmx.com', 'gmx.at', 'gmx.ch'],
    rdnsSuffixes: ['gmx.net', 'gmx.com'],
  }),
  service('web-de', 'WEB.DE', 'mailbox', {
    dkimDomains: ['web.de'],
    envelopeDomains: ['web.de'],
    rdnsSuffixes: ['web.de'],
  }),
  service('mail-com', 'mail.com', 'mailbox', {
    dkimDomains: ['mail.com', 'email.com', 'usa.com'],
    envelopeDomains: ['mail.com', 'email.com', 'usa.com'],
  }),
  service('yandex', 'Yandex Mail', 'mailbox', {
    dkimDomains: ['yandex.ru', 'yandex.com', 'ya.ru', 'yandex.by', 'yandex.kz'],
    envelopeDomains: ['yandex.ru', 'yandex.com', 'ya.ru', 'yandex.by', 'yandex.kz'],
    rdnsSuffixes: ['yandex.net', 'yandex.ru'],
    spfIncludes: ['_spf.yandex.net'],
    asns: [13238],
  }),
  service('mail-ru', 'Mail.ru', 'mailbox', {
    dkimDomains: ['mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'internet.ru'],
    envelopeDomains: ['mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'internet.ru'],
    rdnsSuffixes: ['mail.ru'],
    spfIncludes: ['_spf.mail.ru'],
    asns: [47764],
  }),
  service('qq', 'QQ Mail / Tencent Exmail', 'mailbox', {
    dkimDomains: ['qq.com', 'foxmail.com', 'exmail.qq.com'],
    envelopeDomains: ['qq.com', 'foxmail.com'],
    rdnsSuffixes: ['qq.com'],
    spfIncludes: ['spf.mail.qq.com'],
  }),
  service('netease', 'NetEase Mail (163/126)', 'mailbox', {
    dkimDomains: ['163.com', '126.com', 'yeah.net', '188.com', 'netease.com'],
    envelopeDomains: ['163.com', '126.com', 'yeah.net', '188.com'],
    rdnsSuffixes: ['163.com', '126.net'],
    spfIncludes: ['spf.163.com'],
    asns: [45062],
  }),
  service('china-mobile-139', '139 Mail (China Mobile)', 'mailbox', {
    dkimDomains: ['139.com'],
    envelopeDomains: ['139.com'],
    rdnsSuffixes: ['139.com'],
  }),
  service('sina', 'Sina Mail', 'mailbox', {
    dkimDomains: ['sina.com', 'sina.cn', 'vip.sina.com'],
    envelopeDomains: ['sina.com', 'sina.cn'],
  }),
  service('naver', 'Naver Mail', 'mailbox', {
    dkimDomains: ['naver.com'],
    envelopeDomains: ['naver.com'],
    rdnsSuffixes: ['naver.com'],
  }),
  service('daum', 'Daum / Kakao Mail', 'mailbox', {
    dkimDomains: ['daum.net', 'hanmail.net', 'kakao.com'],
    envelopeDomains: ['daum.net', 'hanmail.net'],
  }),
  service('comcast', 'Comcast Xfinity', 'mailbox', {
    dkimDomains: ['comcast.net', 'xfinity.com'],
    envelopeDomains: ['comcast.net'],
    rdnsSuffixes: ['comcast.net'],
    spfIncludes: ['spf.comcast.net'],
  }),
  service('att', 'AT&T Mail', 'mailbox', {
    dkimDomains: ['att.net', 'sbcglobal.net', 'bellsouth.net'],
    envelopeDomains: ['att.net', 'sbcglobal.net', 'bellsouth.net'],
  }),
  service('orange-fr', 'Orange (France)', 'mailbox', {
    dkimDomains: ['orange.fr', 'wanadoo.fr'],
    envelopeDomains: ['orange.fr', 'wanadoo.fr'],
    rdnsSuffixes: ['orange.fr'],
  }),
  service('free-fr', 'Free (France)', 'mailbox', {
    dkimDomains: ['free.fr'],
    envelopeDomains: ['free.fr'],
    rdnsSuffixes: ['free.fr', 'proxad.net'],
  }),
  service('laposte', 'La Poste Mail', 'mailbox', {
    dkimDomains: ['laposte.net'],
    envelopeDomains: ['laposte.net'],
  }),
  service('t-online', 'T-Online', 'mailbox', {
    dkimDomains: ['t-online.de', 'magenta.de'],
    envelopeDomains: ['t-online.de', 'magenta.de'],
    rdnsSuffixes: ['t-online.de'],
  }),
  service('libero', 'Libero Mail', 'mailbox', {
    dkimDomains: ['libero.it', 'iol.it', 'inwind.it', 'blu.it'],
    envelopeDomains: ['libero.it', 'iol.it', 'inwind.it', 'blu.it'],
    rdnsSuffixes: ['libero.it', 'iol.it'],
  }),
  service('virgilio', 'Virgilio / TIM Mail', 'mailbox', {
    dkimDomains: ['virgilio.it', 'alice.it', 'tim.it'],
    envelopeDomains: ['virgilio.it', 'alice.it', 'tim.it'],
  }),
  service('seznam', 'Seznam Email', 'mailbox', {
    dkimDomains: ['seznam.cz', 'email.cz', 'post.cz', 'spoluzaci.cz'],
    envelopeDomains: ['seznam.cz', 'email.cz', 'post.cz'],
    rdnsSuffixes: ['seznam.cz'],
    spfIncludes: ['spf.seznam.cz'],
  }),
  service('wp-pl', 'WP Poczta / o2', 'mailbox', {
    dkimDomains: ['wp.pl', 'o2.pl', 'tlen.pl'],
    envelopeDomains: ['wp.pl', 'o2.pl', 'tlen.pl'],
  }),
  service('onet', 'Onet Poczta', 'mailbox', {
    dkimDomains: ['onet.pl', 'op.pl', 'vp.pl', 'onet.eu'],
    envelopeDomains: ['onet.pl', 'op.pl', 'vp.pl'],
  }),
  service('rediffmail', 'Rediffmail', 'mailbox', {
    dkimDomains: ['rediffmail.com'],
    envelopeDomains: ['rediffmail.com'],
  }),
  service('mailbox-org', 'mailbox.org', 'mailbox', {
    dkimDomains: ['mailbox.org'],
    envelopeDomains: ['mailbox.org'],
    rdnsSuffixes: ['mailbox.org'],
    spfIncludes: ['mailbox.org'],
    asns: [199118],
  }),
  service('posteo', 'Posteo', 'mailbox', {
    dkimDomains: ['posteo.de', 'posteo.net'],
    envelopeDomains: ['posteo.de', 'posteo.net'],
    rdnsSuffixes: ['posteo.de'],
  }),
  service('tuta', 'Tuta (Tutanota)', 'mailbox', {
    dkimDomains: ['tutanota.de', 'tutanota.com', 'tuta.io', 'tuta.com', 'tutamail.com', 'keemail.me'],
    envelopeDomains: ['tutanota.de', 'tutanota.com', 'tuta.io', 'tuta.com', 'tutamail.com', 'keemail.me'],
    rdnsSuffixes: ['tutanota.de'],
    spfIncludes: ['spf.tutanota.de'],
  }),
  service('hey', 'HEY', 'mailbox', {
    dkimDomains: ['hey.com'],
    envelopeDomains: ['hey.com'],
    rdnsSuffixes: ['hey.com'],
    spfIncludes: ['_spf.hey.com'],
  }),
  service('gandi-mail', 'Gandi Mail', 'mailbox', {
    dkimDomains: ['gandi.net'],
    envelopeDomains: ['gandi.net'],
    rdnsSuffixes: ['gandi.net'],
    spfIncludes: ['_mailcust.gandi.net'],
    asns: [29169, 203476],
  }),
  service('migadu', 'Migadu', 'mailbox', {
    dkimDomains: ['migadu.com'],
    envelopeDomains: ['migadu.com'],
    rdnsSuffixes: ['migadu.com'],
    spfIncludes: ['spf.migadu.com'],
  }),
  service('titan', 'Titan Email', 'mailbox', {
    dkimDomains: ['titan.email'],
    envelopeDomains: ['titan.email'],
    rdnsSuffixes: ['titan.email'],
    spfIncludes: ['spf.titan.email'],
  }),
  service('rackspace-email', 'Rackspace Email', 'mailbox', {
    dkimDomains: ['emailsrvr.com'],
    envelopeDomains: ['emailsrvr.com'],
    rdnsSuffixes: ['emailsrvr.com'],
    spfIncludes: ['emailsrvr.com'],
  }),
  service('amazon-workmail', 'Amazon WorkMail', 'mailbox', {
    dkimDomains: ['awsapps.com'],
    envelopeDomains: ['awsapps.com'],
  }),
  service('lark', 'Lark / Feishu Mail', 'mailbox', {
    dkimDomains: ['larksuite.com', 'feishu.cn'],
    spfIncludes: ['spf.feishu.cn'],
  }),

  // ── Transactional / API delivery ───────────────────────────────────────────────────────────────────────────────
  service('amazon-ses', 'Amazon SES', 'transactional', {
    dkimDomains: ['amazonses.com'],
    envelopeDomains: ['amazonses.com'],
    rdnsSuffixes: ['amazonses.com'],
    spfIncludes: ['amazonses.com'],
    spfLookupCosts: [{ include: 'amazonses.com', lookups: 0, asOf: SPF_COSTS_AS_OF }],
    dkimSetupAt: 'the Amazon SES console (Verified identities › Easy DKIM)',
    dnsSetup: {
      spfInclude: 'amazonses.com',
      spfAlignment: 'custom-return-path',
      dkimRecords: numberedCnames(
        [1, 2, 3],
        (n) => `<token${n}>._domainkey`,
        (n) => `<token${n}>.dkim.amazonses.com`,
      ),
      bulk: true,
    },
  }),
  service('sendgrid', 'Twilio SendGrid', 'transactional', {
    dkimDomains: ['sendgrid.net', 'sendgrid.info', 'sendgrid.me'],
    envelopeDomains: ['sendgrid.net', 'sendgrid.info'],
    rdnsSuffixes: ['outbound-mail.sendgrid.net', 'sendgrid.net'],
    spfIncludes: ['sendgrid.net'],
    // Addresses, and include:ab.sendgrid.net, which lists addresses only.
    spfLookupCosts: [{ include: 'sendgrid.net', lookups: 1, asOf: SPF_COSTS_AS_OF }],
    asns: [11377],
    dkimSetupAt: 'SendGrid (Settings › Sender Authentication › Domain Authentication)',
    returnPathLabel: /^em\d+$/,
    dnsSetup: {
      wizardName: 'SendGrid (Twilio)',
      spfInclude: 'sendgrid.net',
      spfAlignment: 'custom-return-path',
      dkimRecords: numberedCnames(
        [1, 2],
        (n) => `s${n}._domainkey`,
        (n) => `s${n}.domainkey.<account>.wl.sendgrid.net`,
      ),
      bulk: true,
    },
  }),
  service('mailgun', 'Mailgun', 'transactional', {
    dkimDomains: ['mailgun.org', 'mailgun.net', 'mg-d0.com'],
    envelopeDomains: ['mailgun.org', 'mailgun.net'],
    rdnsSuffixes: ['mailgun.net', 'mailgun.info'],
    spfIncludes: ['mailgun.org', 'eu.mailgun.org'],
    // mailgun.org includes _spf.mailgun.org and _spf.eu.mailgun.org, each a list of addresses.
    spfLookupCosts: [{ include: 'mailgun.org', lookups: 2, asOf: SPF_COSTS_AS_OF }],
    dkimSetupAt: 'Mailgun (Sending › Domains › DNS records)',
    dnsSetup: {
      spfInclude: 'mailgun.org',
      spfAlignment: 'aligned',
      dkimRecords: [{ name: '<selector>._domainkey', type: 'TXT', value: 'k=rsa; p=<key from Mailgun>' }],
      bulk: true,
    },
  }),
  service('postmark', 'Postmark', 'transactional', {
    dkimDomains: ['pm.mtasv.net', 'mtasv.net', 'postmarkapp.com'],
    envelopeDomains: ['pm.mtasv.net', 'mtasv.net'],
    rdnsSuffixes: ['mtasv.net'],
    spfIncludes: ['spf.mtasv.net'],
    spfLookupCosts: [{ include: 'spf.mtasv.net', lookups: 0, asOf: SPF_COSTS_AS_OF }],
    dkimSetupAt: 'Postmark (Sender Signatures › DNS settings)',
    returnPathLabel: /^pm-bounces$/,
    dnsSetup: {
      spfAlignment: 'custom-return-path',
      dkimRecords: [{ name: '<date>pm._domainkey', type: 'TXT', value: 'k=rsa; p=<key from Postmark>' }],
      bulk: false,
    },
  }),
  service('sparkpost', 'SparkPost (Bird)', 'transactional', {
    dkimDomains: ['sparkpostmail.com', 'sparkpostmail1.com', 'eu.sparkpostmail.com'],
    envelopeDomains: ['sparkpostmail.com', 'sparkpostmail1.com'],
    rdnsSuffixes: ['sparkpostmail.com', 'mta.sparkpostmail.com'],
    spfIncludes: ['_spf.sparkpostmail.com', '_spf.eu.sparkpostmail.com'],
    asns: [23528],
    dkimSetupAt: 'SparkPost (Configuration › Sending Domains)',
  }),
  service('mandrill', 'Mailchimp Transactional (Mandrill)', 'transactional', {
    dkimDomains: ['mandrillapp.com'],
    envelopeDomains: ['mandrillapp.com'],
    rdnsSuffixes: ['mandrillapp.com'],
    spfIncludes: ['spf.mandrillapp.com'],
    spfLookupCosts: [{ include: 'spf.mandrillapp.com', lookups: 0, asOf: SPF_COSTS_AS_OF }],
    dkimSetupAt: 'Mandrill (Settings › Sending Domains)',
  }),
  service('mailjet', 'Mailjet', 'transactional', {
    dkimDomains: ['mailjet.com'],
    envelopeDomains: ['mailjet.com', 'bnc3.mailjet.com'],
    rdnsSuffixes: ['mailjet.com'],
    spfIncludes: ['spf.mailjet.com'],
    asns: [200069],
    dkimSetupAt: 'Mailjet (Account settings › Domains › SPF/DKIM authentication)',
  }),
  service('brevo', 'Brevo (Sendinblue)', 'marketing', {
    dkimDomains: ['sendinblue.com', 'brevo.com', 'brevosend.com', 'sendibm1.com', 'sendibt2.com'],
    envelopeDomains: ['sendinblue.com', 'brevosend.com', 'sendibm1.com', 'sendibt2.com', 'sendibt3.com'],
    rdnsSuffixes: ['sendinblue.com', 'brevo.com', 'sendibm1.com', 'sendibt2.com', 'sendibt3.com'],
    spfIncludes: ['spf.sendinblue.com', 'spf.brevo.com'],
    asns: [200484],
    dkimSetupAt: 'Brevo (Senders, domains & dedicated IPs › Domains)',
    dnsSetup: {
      spfInclude: 'spf.brevo.com',
      spfAlignment: 'provider',
      dkimRecords: numberedCnames(
        [1, 2],
        (n) => `brevo${n}._domainkey`,
        (n) => `b${n}.<domain-id>.dkim.brevo.com`,
      ),
      bulk: true,
    },
  }),
  service('smtp2go', 'SMTP2GO', 'transactional', {
    dkimDomains: ['smtpcorp.com', 'smtp2go.com'],
    envelopeDomains: ['smtpcorp.com', 'smtp2go.com'],
    rdnsSuffixes: ['smtp2go.com', 'smtpcorp.com'],
    spfIncludes: ['spf.smtp2go.com'],
  }),
  service('socketlabs', 'SocketLabs', 'transactional', {
    dkimDomains: ['socketlabs.com', 'email-od.com'],
    envelopeDomains: ['email-od.com'],
    rdnsSuffixes: ['email-od.com', 'socketlabs.com'],
    spfIncludes: ['email-od.com'],
  }),
  service('elastic-email', 'Elastic Email', 'transactional', {
    dkimDomains: ['elasticemail.com', 'elasticemail.net'],
    envelopeDomains: ['elasticemail.net', 'elasticemail.com'],
    rdnsSuffixes: ['elasticemail.net'],
    spfIncludes: ['_spf.elasticemail.com'],
  }),
  service('mailtrap', 'Mailtrap', 'transactional', {
    dkimDomains: ['mailtrap.io', 'mailtrap.live', 'smtp.mailtrap.live'],
    envelopeDomains: ['mailtrap.live', 'mailtrap.io'],
    rdnsSuffixes: ['mailtrap.live'],
    spfIncludes: ['_spf.smtp.mailtrap.live'],
  }),
  service('resend', 'Resend', 'transactional', {
    dkimDomains: ['resend.dev', 'resend.com'],
    envelopeDomains: ['resend.dev'],
  }),
  service('mailersend', 'MailerSend', 'transactional', {
    dkimDomains: ['mailersend.net', 'mlsender.net'],
    envelopeDomains: ['mailersend.net', 'mlsender.net'],
    rdnsSuffixes: ['mailersend.net', 'mlsender.net'],
    spfIncludes: ['_spf.mailersend.net'],
  }),
  service('sendlayer', 'SendLayer', 'transactional', {
    dkimDomains: ['sendlayer.net'],
    envelopeDomains: ['sendlayer.net'],
    spfIncludes: ['_spf.sendlayer.net'],
  }),
  service('netcore', 'Netcore / Pepipost', 'transactional', {
    dkimDomains: ['pepipost.net', 'netcorecloud.net', 'netcoresmtp.com'],
    envelopeDomains: ['pepipost.net', 'netcorecloud.net', 'netcoresmtp.com'],
    rdnsSuffixes: ['pepipost.net', 'netcoresmtp.com'],
    spfIncludes: ['spf.netcorecloud.net', 'spf.pepipost.net'],
  }),
  service('sendpulse', 'SendPulse', 'marketing', {
    dkimDomains: ['sendpulse.com', 'sendpulse.net'],
    envelopeDomains: ['sendpulse.net', 'sendpulse.com'],
    rdnsSuffixes: ['sendpulse.net'],
    spfIncludes: ['mxsmtp.sendpulse.com'],
  }),
  service('unisender', 'UniSender', 'marketing', {
    dkimDomains: ['unisender.com', 'usndr.com'],
    envelopeDomains: ['usndr.com'],
    spfIncludes: ['spf.unisender.com'],
  }),
  service('mailchannels', 'MailChannels', 'transactional', {
    dkimDomains: ['mailchannels.net'],
    envelopeDomains: ['mailchannels.net'],
    rdnsSuffixes: ['mailchannels.net'],
    spfIncludes: ['relay.mailchannels.net'],
  }),
  service('turbo-smtp', 'turboSMTP', 'transactional', {
    dkimDomains: ['turbo-smtp.com', 'serversmtp.com'],
    envelopeDomains: ['serversmtp.com'],
    rdnsSuffixes: ['serversmtp.com'],
    spfIncludes: ['_spf.serversmtp.com'],
  }),

  // Offered by the DNS records wizard; their bounce domains and servers are not catalogued yet, so reports never name them.
  service('flowmailer', 'Flowmailer', 'transactional', {
    spfIncludes: ['spf.flowmailer.net'],
    dkimSetupAt: 'Flowmailer (Dashboard › Sender domains)',
    dnsSetup: {
      spfInclude: 'spf.flowmailer.net',
      spfAlignment: 'custom-return-path',
      dkimRecords: [{ name: '<selector>._domainkey', type: 'CNAME', value: '<target shown by Flowmailer>' }],
      bulk: true,
    },
  }),
  service('smtpeter', 'SMTPeter', 'transactional', {
    spfIncludes: ['spf.smtpeter.com'],
    dkimSetupAt: 'SMTPeter (Dashboard › Sender domains › DNS)',
    dnsSetup: {
      spfInclude: 'spf.smtpeter.com',
      spfAlignment: 'custom-return-path',
      dkimRecords: [{ name: '<selector>._domainkey', type: 'CNAME', value: '<target shown by SMTPeter>' }],
      bulk: true,
    },
  }),

  // ── Marketing ──────────────────────────────────────────────────────────────────────────────────────────────────
  service('mailchimp', 'Mailchimp', 'marketing', {
    dkimDomains: ['mcsv.net', 'mcdlv.net', 'mailchimpapp.net'],
    envelopeDomains: ['mcsv.net', 'mcdlv.net', 'rsgsv.net', 'mailchimpapp.net'],
    rdnsSuffixes: ['mcsv.net', 'mcdlv.net', 'rsgsv.net'],
    spfIncludes: ['servers.mcsv.net'],
    spfLookupCosts: [{ include: 'servers.mcsv.net', lookups: 0, asOf: SPF_COSTS_AS_OF }],
    asns: [14782],
    dkimSetupAt: 'Mailchimp (Website › Domains › Authenticate)',
    dnsSetup: {
      spfAlignment: 'provider',
      dkimRecords: numberedCnames(
        [2, 3],
        (n) => `k${n}._domainkey`,
        (n) => `dkim${n}.mcsv.net`,
      ),
      bulk: true,
    },
  }),
  service('constant-contact', 'Constant Contact', 'marketing', {
    dkimDomains: ['constantcontact.com', 'ccsend.com', 'ctctcdn.com'],
    envelopeDomains: ['in.constantcontact.com', 'ccsend.com', 'constantcontact.com'],
    rdnsSuffixes: ['constantcontact.com', 'ccsend.com'],
    spfIncludes: ['spf.constantcontact.com'],
    dkimSetupAt: 'Constant Contact (My Settings › Self-Authenticate)',
  }),
  service('campaign-monitor', 'Campaign Monitor', 'marketing', {
    dkimDomains: ['createsend.com', 'cmail1.com', 'cmail2.com', 'cmail19.com', 'cmail20.com'],
    envelopeDomains: ['createsend.com', 'cmail1.com', 'cmail2.com', 'cmail19.com', 'cmail20.com'],
    rdnsSuffixes: ['createsend.com', 'cmail19.com', 'cmail20.com'],
    spfIncludes: ['_spf.createsend.com'],
  }),
  service('klaviyo', 'Klaviyo', 'marketing', {
    dkimDomains: ['klaviyomail.com', 'klaviyo.com', 'klaviyodns.com'],
    envelopeDomains: ['klaviyomail.com', 'kmail-lists.com'],
    rdnsSuffixes: ['klaviyomail.com'],
    spfIncludes: ['_spf.klaviyo.com'],
    dkimSetupAt: 'Klaviyo (Settings › Domains › Branded sending domain)',
  }),
  service('aweber', 'AWeber', 'marketing', {
    dkimDomains: ['aweber.com', 'aweber.net', 'aweberemail.com'],
    envelopeDomains: ['aweber.net', 'aweber.com', 'aweberemail.com'],
    rdnsSuffixes: ['aweber.com', 'aweber.net'],
    spfIncludes: ['send.aweber.com'],
    asns: [11810],
  }),
  service('getresponse', 'GetResponse', 'marketing', {
    dkimDomains: ['getresponse.com', 'getresponse-mail.com', 'gr-mail.com'],
    envelopeDomains: ['getresponse.com', 'getresponse-mail.com', 'gr-mail.com'],
    rdnsSuffixes: ['getresponse.com', 'getresponse-mail.com'],
    spfIncludes: ['_spf.getresponse.com'],
    asns: [198881],
  }),
  service('activecampaign', 'ActiveCampaign', 'marketing', {
    dkimDomains: ['acems1.com', 'acems2.com', 'activecampaign.com', 'acemsrvc.com'],
    envelopeDomains: ['emsd1.com', 'acems1.com', 'acemsrvc.com'],
    rdnsSuffixes: ['acems1.com', 'acemsrvc.com', 'emsd1.com'],
    spfIncludes: ['emsd1.com'],
  }),
  service('mailerlite', 'MailerLite', 'marketing', {
    dkimDomains: ['mlsend.com', 'mailerlite.com', 'mlsend2.com'],
    envelopeDomains: ['mlsend.com', 'mlsend2.com'],
    rdnsSuffixes: ['mlsend.com', 'mlsend2.com'],
    spfIncludes: ['_spf.mlsend.com'],
  }),
  service('kit', 'Kit (ConvertKit)', 'marketing', {
    dkimDomains: ['convertkit.com', 'ck.page', 'cksend.com', 'ckespa.com'],
    envelopeDomains: ['cksend.com', 'ckespa.com', 'convertkit-mail.com'],
    rdnsSuffixes: ['convertkit-mail.com', 'cksend.com'],
    spfIncludes: ['spf.convertkit.com'],
  }),
  service('drip', 'Drip', 'marketing', {
    dkimDomains: ['getdrip.com', 'drip.com', 'dripemail2.com'],
    envelopeDomains: ['dripemail2.com', 'getdrip.com'],
    spfIncludes: ['_spf.getdrip.com'],
  }),
  service('omnisend', 'Omnisend', 'marketing', {
    dkimDomains: ['omnisend.com', 'omnisrv.com', 'omnisendemail.com'],
    envelopeDomains: ['omnisrv.com', 'omnisendemail.com'],
    spfIncludes: ['_spf.omnisend.com'],
  }),
  service('moosend', 'Moosend', 'marketing', {
    dkimDomains: ['moosend.com', 'moosendmail.com'],
    envelopeDomains: ['moosendmail.com'],
    spfIncludes: ['spfa.mailendo.com'],
  }),
  service('benchmark-email', 'Benchmark Email', 'marketing', {
    dkimDomains: ['benchmarkemail.com', 'bmsend.com', 'bmetrack.com'],
    envelopeDomains: ['bmsend.com', 'benchmarkemail.com'],
    spfIncludes: ['spf.benchmarkemail.com'],
  }),
  service('emma', 'Emma (Marigold)', 'marketing', {
    dkimDomains: ['e2ma.net', 'myemma.com'],
    envelopeDomains: ['e2ma.net'],
    rdnsSuffixes: ['e2ma.net'],
    spfIncludes: ['e2ma.net'],
  }),
  service('icontact', 'iContact', 'marketing', {
    dkimDomains: ['icontact.com', 'icptrack.com', 'icpbounce.com'],
    envelopeDomains: ['icpbounce.com'],
    rdnsSuffixes: ['icpbounce.com', 'icontact.com'],
    spfIncludes: ['spf.icpbounce.com'],
  }),
  service('verticalresponse', 'VerticalResponse', 'marketing', {
    dkimDomains: ['verticalresponse.com', 'vresp.com'],
    envelopeDomains: ['vresp.com'],
    spfIncludes: ['spf.verticalresponse.com'],
  }),
  service('mailpoet', 'MailPoet Sending Service', 'marketing', {
    dkimDomains: ['mailpoet.com', 'sendingservice.net'],
    envelopeDomains: ['sendingservice.net', 'mailpoet.com'],
    spfIncludes: ['spf.sendingservice.net'],
  }),
  service('flodesk', 'Flodesk', 'marketing', {
    dkimDomains: ['flodesk.com', 'flodeskmail.com'],
    envelopeDomains: ['flodeskmail.com'],
  }),
  service('beehiiv', 'beehiiv', 'marketing', {
    dkimDomains: ['beehiiv.com', 'mail.beehiiv.com'],
    envelopeDomains: ['mail.beehiiv.com'],
  }),
  service('substack', 'Substack', 'marketing', {
    dkimDomains: ['substack.com', 'mg2.substack.com'],
    envelopeDomains: ['mg1.substack.com', 'mg2.substack.com'],
  }),
  service('cleverreach', 'CleverReach', 'marketing', {
    dkimDomains: ['cleverreach.com', 'crsend.com'],
    envelopeDomains: ['crsend.com'],
    rdnsSuffixes: ['crsend.com'],
    spfIncludes: ['_spf.crsend.com'],
  }),
  service('rapidmail', 'rapidmail', 'marketing', {
    dkimDomains: ['rapidmail.de', 'emailsys.net'],
    envelopeDomains: ['emailsys.net'],
    rdnsSuffixes: ['emailsys.net'],
    spfIncludes: ['_spf.emailsys.net'],
  }),
  service('mailup', 'MailUp', 'marketing', {
    dkimDomains: ['mailup.com', 'mailupclient.com', 'musvc.com'],
    envelopeDomains: ['musvc.com', 'mailupclient.com'],
    rdnsSuffixes: ['musvc.com'],
    spfIncludes: ['musvc.com'],
  }),
  service('emarsys', 'SAP Emarsys', 'marketing', {
    dkimDomains: ['emarsys.net', 'emarsys.com'],
    envelopeDomains: ['emarsys.net'],
    rdnsSuffixes: ['emarsys.net'],
    spfIncludes: ['emarsys.net'],
    asns: [199236, 203501],
  }),
  service('dotdigital', 'Dotdigital', 'marketing', {
    dkimDomains: ['dotdigital.com', 'dotmailer.com', 'dmtrk.net', 'dmtrk.com'],
    envelopeDomains: ['dmtrk.net', 'dmtrk.com', 'dotmailer-email.com'],
    rdnsSuffixes: ['dmtrk.net', 'dmtrk.com'],
    spfIncludes: ['spf.dotmailer.com'],
  }),
  service('marketing-cloud', 'Salesforce Marketing Cloud (ExactTarget)', 'marketing', {
    dkimDomains: ['exacttarget.com', 'exct.net', 'marketingcloud.com'],
    envelopeDomains: ['exct.net', 'exacttarget.com'],
    rdnsSuffixes: ['exacttarget.com', 'exct.net'],
    spfIncludes: ['cust-spf.exacttarget.com'],
    dkimSetupAt: 'Marketing Cloud (Sender Authentication Package)',
  }),
  service('pardot', 'Salesforce Account Engagement (Pardot)', 'marketing', {
    dkimDomains: ['pardot.com'],
    envelopeDomains: ['pardot.com'],
    rdnsSuffixes: ['pardot.com'],
    spfIncludes: ['aspmx.pardot.com'],
  }),
  service('marketo', 'Adobe Marketo Engage', 'marketing', {
    dkimDomains: ['mktdns.com', 'marketo.com', 'mktomail.com'],
    envelopeDomains: ['mktomail.com'],
    rdnsSuffixes: ['mktomail.com', 'marketo.org'],
    spfIncludes: ['mktomail.com'],
  }),
  service('eloqua', 'Oracle Eloqua', 'marketing', {
    dkimDomains: ['eloqua.com', 'en25.com'],
    envelopeDomains: ['en25.com'],
    rdnsSuffixes: ['en25.com', 'eloqua.com'],
    spfIncludes: ['_spf.en25.com'],
  }),
  service('responsys', 'Oracle Responsys', 'marketing', {
    dkimDomains: ['responsys.net', 'rsys2.com', 'rsys5.com'],
    envelopeDomains: ['rsys2.com', 'rsys5.com', 'rsys1.com'],
    rdnsSuffixes: ['rsys2.com', 'rsys5.com', 'responsys.net'],
    spfIncludes: ['_spf.responsys.net'],
  }),
  service('acoustic', 'Acoustic Campaign (Silverpop)', 'marketing', {
    dkimDomains: ['silverpop.com', 'mkt41.net', 'mkt51.net', 'mkt61.net', 'goacoustic.com'],
    envelopeDomains: ['mkt41.net', 'mkt51.net', 'mkt61.net', 'mkt32.net'],
    rdnsSuffixes: ['mkt41.net', 'mkt51.net', 'mkt61.net', 'mkt32.net'],
    spfIncludes: ['spf.silverpop.com'],
  }),
  service('adobe-campaign', 'Adobe Campaign', 'marketing', {
    dkimDomains: ['campaign.adobe.com', 'neolane.net'],
    envelopeDomains: ['neolane.net'],
    rdnsSuffixes: ['neolane.net'],
  }),
  service('sailthru', 'Sailthru (Marigold)', 'marketing', {
    dkimDomains: ['sailthru.com', 'sailthru-mail.com'],
    envelopeDomains: ['sailthru.com', 'sailthru-mail.com'],
    rdnsSuffixes: ['sailthru.com'],
    spfIncludes: ['sailthru.com'],
    asns: [18877],
  }),
  service('cheetah-digital', 'Cheetah Digital (Marigold)', 'marketing', {
    dkimDomains: ['cheetahmail.com', 'chtah.com', 'chtah.net'],
    envelopeDomains: ['chtah.com', 'chtah.net'],
    rdnsSuffixes: ['chtah.com', 'chtah.net'],
    spfIncludes: ['spf.chtah.com'],
  }),
  service('epsilon', 'Epsilon', 'marketing', {
    dkimDomains: ['epsilon.com', 'epsl1.com'],
    envelopeDomains: ['epsl1.com'],
    rdnsSuffixes: ['epsl1.com'],
    asns: [19137],
  }),
  service('listrak', 'Listrak', 'marketing', {
    dkimDomains: ['listrak.com', 'listrakbi.com', 'ltrk.net'],
    envelopeDomains: ['listrak.com', 'ltrk.net'],
    rdnsSuffixes: ['listrak.com'],
    spfIncludes: ['spf.listrak.com'],
  }),
  service('cordial', 'Cordial', 'marketing', {
    dkimDomains: ['cordial.com', 'crdl.io', 'cordialmail.net'],
    envelopeDomains: ['cordialmail.net'],
  }),
  service('iterable', 'Iterable', 'marketing', {
    dkimDomains: ['iterable.com', 'itbl.co'],
    envelopeDomains: ['itbl.co'],
  }),
  service('braze', 'Braze', 'marketing', {
    dkimDomains: ['braze.com', 'appboy.com', 'brazesend.com'],
    envelopeDomains: ['appboy.com', 'brazesend.com'],
  }),
  service('customer-io', 'Customer.io', 'marketing', {
    dkimDomains: ['customeriomail.com', 'customer.io'],
    envelopeDomains: ['customeriomail.com'],
    rdnsSuffixes: ['customeriomail.com'],
    spfIncludes: ['customeriomail.com'],
  }),
  service('zoho-campaigns', 'Zoho Campaigns', 'marketing', {
    dkimDomains: ['zcsend.net', 'zohocampaigns.com'],
    envelopeDomains: ['zcsend.net'],
    rdnsSuffixes: ['zcsend.net'],
    spfIncludes: ['zcsend.net'],
  }),
  service('squarespace-campaigns', 'Squarespace Email Campaigns', 'marketing', {
    dkimDomains: ['squarespace-mail.com', 'sqsp.net'],
    envelopeDomains: ['squarespace-mail.com', 'sqsp.net'],
    spfIncludes: ['_spf.squarespace-mail.com'],
  }),
  service('wix', 'Wix', 'notifications', {
    dkimDomains: ['wix.com', 'wixemails.com', 'wixshoutout.com'],
    envelopeDomains: ['wixemails.com', 'wixshoutout.com'],
    spfIncludes: ['_spf.wixemails.com'],
    asns: [14353],
  }),
  service('shopify', 'Shopify', 'notifications', {
    dkimDomains: ['shopify.com', 'shopifyemail.com', 'myshopify.com'],
    envelopeDomains: ['shopifyemail.com', 'shopify.com'],
    rdnsSuffixes: ['shopifyemail.com'],
    spfIncludes: ['shops.shopify.com'],
    dkimSetupAt: 'Shopify (Settings › Notifications › Sender email › Authenticate)',
  }),
  service('bigcommerce', 'BigCommerce', 'notifications', {
    dkimDomains: ['bigcommerce.com', 'mybigcommerce.com'],
    envelopeDomains: ['bigcommerce.com'],
    spfIncludes: ['_spf.bigcommerce.com'],
  }),
  service('wordpress-com', 'WordPress.com / Jetpack', 'notifications', {
    dkimDomains: ['wordpress.com', 'jetpack.com'],
    envelopeDomains: ['wordpress.com'],
    rdnsSuffixes: ['wordpress.com', 'automattic.com'],
    asns: [2635],
  }),
  service('ghost', 'Ghost(Pro)', 'marketing', {
    dkimDomains: ['ghost.io'],
    envelopeDomains: ['ghost.io'],
  }),

  // ── CRM and sales tools ────────────────────────────────────────────────────────────────────────────────────────
  service('hubspot', 'HubSpot', 'crm', {
    dkimDomains: ['hubspotemail.net', 'hubspot.com', 'hs-email.net', 'hubspotstarter.net', 'hubspotfree.net'],
    envelopeDomains: ['hubspotemail.net', 'hubspotstarter.net', 'hubspotfree.net', 'hs-email.net'],
    rdnsSuffixes: ['hubspotemail.net', 'hubspotstarter.net', 'hubspotfree.net'],
    spfIncludes: ['_spf.hubspotemail.net'],
    dkimSetupAt: 'HubSpot (Settings › Domains & URLs › Email sending domains)',
    dnsSetup: {
      spfAlignment: 'provider',
      dkimRecords: numberedCnames(
        [1, 2],
        (n) => `hs${n}-<account>._domainkey`,
        (n) => `<domain>.hs${n}-<account>.dkim.hubspotemail.net`,
      ),
      bulk: true,
    },
  }),
  service('salesforce', 'Salesforce', 'crm', {
    dkimDomains: ['salesforce.com', 'force.com', 'my.salesforce.com'],
    envelopeDomains: ['bnc.salesforce.com', 'salesforce.com', 'force.com'],
    rdnsSuffixes: ['salesforce.com', 'mta.salesforce.com'],
    spfIncludes: ['_spf.salesforce.com'],
    // One exists: term with a macro (%{i}._spf.mta.salesforce.com), one lookup per evaluation.
    spfLookupCosts: [{ include: '_spf.salesforce.com', lookups: 1, asOf: SPF_COSTS_AS_OF }],
    asns: [14340],
    dkimSetupAt: 'Salesforce Setup (DKIM Keys)',
    dnsSetup: {
      spfInclude: '_spf.salesforce.com',
      spfAlignment: 'aligned',
      dkimRecords: [
        { name: '<selector>._domainkey', type: 'CNAME', value: '<selector>.<id>.custdkim.salesforce.com' },
        { name: '<alternate>._domainkey', type: 'CNAME', value: '<alternate>.<id>.custdkim.salesforce.com' },
      ],
      bulk: false,
    },
  }),
  service('zoho-crm', 'Zoho CRM', 'crm', {
    dkimDomains: ['zohocrm.com', 'zcrm.com'],
    envelopeDomains: ['zcrm.com', 'zohocrm.com'],
    spfIncludes: ['zcsend.net.zohocrm.com'],
  }),
  service('pipedrive', 'Pipedrive', 'crm', {
    dkimDomains: ['pipedrive.com', 'pipedrivemail.com'],
    envelopeDomains: ['pipedrivemail.com'],
    spfIncludes: ['_spf.pipedrive.com'],
  }),
  service('keap', 'Keap (Infusionsoft)', 'crm', {
    dkimDomains: ['infusionmail.com', 'keap.com', 'infusionsoft.com'],
    envelopeDomains: ['infusionmail.com'],
    rdnsSuffixes: ['infusionmail.com'],
    spfIncludes: ['infusionmail.com'],
  }),
  service('dynamics-365', 'Microsoft Dynamics 365 Customer Insights', 'crm', {
    dkimDomains: ['dynamics.com', 'crm.dynamics.com'],
    envelopeDomains: ['dynamics.com'],
    spfIncludes: ['spf.dynamics.com'],
  }),
  service('freshsales', 'Freshsales (Freshworks CRM)', 'crm', {
    dkimDomains: ['freshsales.io', 'myfreshworks.com'],
    envelopeDomains: ['freshsales.io'],
  }),
  service('close', 'Close CRM', 'crm', {
    dkimDomains: ['close.com', 'close.io'],
    envelopeDomains: ['close.com'],
  }),
  service('copper', 'Copper CRM', 'crm', {
    dkimDomains: ['copper.com', 'prosperworks.com'],
    envelopeDomains: ['copper.com'],
  }),
  service('insightly', 'Insightly', 'crm', {
    dkimDomains: ['insightly.com', 'insightlymail.com'],
    envelopeDomains: ['insightlymail.com'],
  }),
  service('sugarcrm', 'SugarCRM', 'crm', {
    dkimDomains: ['sugarcrm.com', 'sugarondemand.com'],
    envelopeDomains: ['sugarondemand.com'],
  }),
  service('outreach', 'Outreach', 'crm', {
    dkimDomains: ['outreach.io', 'outrch.com'],
    envelopeDomains: ['outrch.com'],
  }),
  service('salesloft', 'Salesloft', 'crm', {
    dkimDomains: ['salesloft.com', 'sloftmail.com'],
    envelopeDomains: ['sloftmail.com'],
  }),
  service('apollo', 'Apollo.io', 'crm', {
    dkimDomains: ['apollo.io', 'apollomail.io'],
    envelopeDomains: ['apollomail.io'],
  }),
  service('lemlist', 'lemlist', 'crm', {
    dkimDomains: ['lemlist.com', 'lemlist.io'],
    envelopeDomains: ['lemlist.io'],
  }),
  service('monday', 'monday.com', 'notifications', {
    dkimDomains: ['monday.com', 'mondaymail.com'],
    envelopeDomains: ['mondaymail.com'],
  }),

  // ── Help desks ─────────────────────────────────────────────────────────────────────────────────────────────────
  service('zendesk', 'Zendesk', 'ticketing', {
    dkimDomains: ['zendesk.com', 'zdsys.com', 'zendesk-mail.com'],
    envelopeDomains: ['zendesk.com', 'zdsys.com'],
    rdnsSuffixes: ['zdsys.com', 'zendesk.com'],
    spfIncludes: ['mail.zendesk.com'],
    spfLookupCosts: [{ include: 'mail.zendesk.com', lookups: 0, asOf: SPF_COSTS_AS_OF }],
    asns: [21880, 61186],
    dkimSetupAt: 'Zendesk Admin Center (Channels › Email › Digitally sign)',
    dnsSetup: {
      spfInclude: 'mail.zendesk.com',
      spfAlignment: 'aligned',
      dkimRecords: numberedCnames(
        [1, 2],
        (n) => `zendesk${n}._domainkey`,
        (n) => `zendesk${n}._domainkey.zendesk.com`,
      ),
      bulk: false,
    },
  }),
  service('freshdesk', 'Freshdesk (Freshworks)', 'ticketing', {
    dkimDomains: ['freshdesk.com', 'freshemail.io', 'freshservice.com', 'freshworks.com'],
    envelopeDomains: ['freshdesk.com', 'freshemail.io', 'freshservice.com'],
    rdnsSuffixes: ['freshemail.io', 'freshdesk.com'],
    spfIncludes: ['email.freshdesk.com', 'fdspfus.freshemail.io'],
    dkimSetupAt: 'Freshdesk (Admin › Email › DKIM)',
  }),
  service('help-scout', 'Help Scout', 'ticketing', {
    dkimDomains: ['helpscout.net', 'helpscoutemail.com', 'helpscout.com'],
    envelopeDomains: ['helpscoutemail.com', 'helpscout.net'],
    rdnsSuffixes: ['helpscoutemail.com'],
    spfIncludes: ['helpscoutemail.com'],
  }),
  service('intercom', 'Intercom', 'ticketing', {
    dkimDomains: ['intercom-mail.com', 'intercom.io', 'intercom-mail-200.com'],
    envelopeDomains: ['intercom-mail.com', 'intercom-mail-200.com'],
    rdnsSuffixes: ['intercom-mail.com'],
    spfIncludes: ['intercom-mail.com'],
  }),
  service('front', 'Front', 'ticketing', {
    dkimDomains: ['frontapp.com', 'frontmail.com'],
    envelopeDomains: ['frontapp.com', 'frontmail.com'],
    spfIncludes: ['_spf.frontapp.com'],
  }),
  service('servicenow', 'ServiceNow', 'ticketing', {
    dkimDomains: ['service-now.com', 'servicenow.com'],
    envelopeDomains: ['service-now.com'],
    rdnsSuffixes: ['service-now.com'],
    spfIncludes: ['_spf.service-now.com'],
  }),
  service('jira-service-management', 'Atlassian (Jira, Confluence)', 'ticketing', {
    dkimDomains: ['atlassian.net', 'atlassian.com', 'am.atlassian.net'],
    envelopeDomains: ['am.atlassian.net', 'e.atlassian.com', 'atlassian.net'],
    rdnsSuffixes: ['atlassian.net', 'atlassian.com'],
    spfIncludes: ['_spf.atlassian.net'],
    asns: [133530],
  }),
  service('zoho-desk', 'Zoho Desk', 'ticketing', {
    dkimDomains: ['zohodesk.com', 'zohodesk.eu'],
    envelopeDomains: ['zohodesk.com', 'zohodesk.eu'],
    spfIncludes: ['one.zoho.com'],
  }),
  service('gorgias', 'Gorgias', 'ticketing', {
    dkimDomains: ['gorgias.com', 'gorgias.io', 'gorgias-mail.com'],
    envelopeDomains: ['gorgias-mail.com', 'gorgias.io'],
  }),
  service('kayako', 'Kayako', 'ticketing', {
    dkimDomains: ['kayako.com', 'kayako.net'],
    envelopeDomains: ['kayako.com'],
  }),
  service('groove', 'Groove', 'ticketing', {
    dkimDomains: ['groovehq.com', 'groovemail.com'],
    envelopeDomains: ['groovehq.com'],
  }),
  service('teamwork-desk', 'Teamwork Desk', 'ticketing', {
    dkimDomains: ['teamwork.com', 'teamworkdesk.com'],
    envelopeDomains: ['teamwork.com'],
  }),
  service('liveagent', 'LiveAgent', 'ticketing', {
    dkimDomains: ['liveagent.com', 'ladesk.com'],
    envelopeDomains: ['ladesk.com'],
    spfIncludes: ['_spf.ladesk.com'],
  }),
  service('happyfox', 'HappyFox', 'ticketing', {
    dkimDomains: ['happyfox.com', 'happyfoxchat.com'],
    envelopeDomains: ['happyfox.com'],
  }),

  // ── Notifications, invoices, forms ─────────────────────────────────────────────────────────────────────────────
  service('xero', 'Xero', 'notifications', {
    dkimDomains: ['xero.com', 'post.xero.com'],
    envelopeDomains: ['post.xero.com', 'xero.com'],
    spfIncludes: ['_spf.xero.com'],
  }),
  service('quickbooks', 'Intuit QuickBooks', 'notifications', {
    dkimDomains: ['intuit.com', 'notification.intuit.com', 'quickbooks.com'],
    envelopeDomains: ['intuit.com', 'notification.intuit.com'],
    rdnsSuffixes: ['intuit.com'],
    spfIncludes: ['_spf.intuit.com'],
    asns: [20439],
  }),
  service('freshbooks', 'FreshBooks', 'notifications', {
    dkimDomains: ['freshbooks.com', 'freshbooksmail.com'],
    envelopeDomains: ['freshbooksmail.com'],
    spfIncludes: ['_spf.freshbooks.com'],
  }),
  service('stripe', 'Stripe', 'notifications', {
    dkimDomains: ['stripe.com'],
    envelopeDomains: ['stripe.com'],
    rdnsSuffixes: ['stripe.com'],
    spfIncludes: ['_spf.stripe.com'],
  }),
  service('paypal', 'PayPal', 'notifications', {
    dkimDomains: ['paypal.com', 'paypal.de', 'paypal.co.uk'],
    envelopeDomains: ['paypal.com'],
    rdnsSuffixes: ['paypal.com'],
    spfIncludes: ['pp._spf.paypal.com'],
    asns: [17012],
  }),
  service('square', 'Square', 'notifications', {
    dkimDomains: ['squareup.com', 'messaging.squareup.com'],
    envelopeDomains: ['squareup.com'],
  }),
  service('docusign', 'DocuSign', 'notifications', {
    dkimDomains: ['docusign.net', 'docusign.com'],
    envelopeDomains: ['docusign.net'],
    rdnsSuffixes: ['docusign.net'],
    spfIncludes: ['spf.docusign.net'],
  }),
  service('calendly', 'Calendly', 'notifications', {
    dkimDomains: ['calendly.com'],
    envelopeDomains: ['calendly.com'],
  }),
  service('zoom', 'Zoom', 'notifications', {
    dkimDomains: ['zoom.us', 'zoom.com'],
    envelopeDomains: ['zoom.us'],
    rdnsSuffixes: ['zoom.us'],
    spfIncludes: ['_spf.zoom.us'],
    asns: [30103],
  }),
  service('github', 'GitHub', 'notifications', {
    dkimDomains: ['github.com', 'githubapp.com'],
    envelopeDomains: ['github.com'],
    rdnsSuffixes: ['github.net', 'github.com'],
  }),
  service('gitlab', 'GitLab.com', 'notifications', {
    dkimDomains: ['gitlab.com', 'mg.gitlab.com'],
    envelopeDomains: ['mg.gitlab.com'],
  }),
  service('slack', 'Slack', 'notifications', {
    dkimDomains: ['slack.com', 'slack-mail.com'],
    envelopeDomains: ['slack-mail.com', 'slack.com'],
  }),
  service('asana', 'Asana', 'notifications', {
    dkimDomains: ['asana.com', 'mail.asana.com'],
    envelopeDomains: ['mail.asana.com'],
  }),
  service('trello', 'Trello', 'notifications', {
    dkimDomains: ['trello.com', 'trellobutler.com'],
    envelopeDomains: ['trello.com'],
  }),
  service('notion', 'Notion', 'notifications', {
    dkimDomains: ['notion.so', 'makenotion.com', 'mail.notion.so'],
    envelopeDomains: ['mail.notion.so'],
  }),
  service('dropbox', 'Dropbox', 'notifications', {
    dkimDomains: ['dropbox.com', 'dropboxmail.com'],
    envelopeDomains: ['dropbox.com', 'dropboxmail.com'],
    rdnsSuffixes: ['dropbox.com'],
    asns: [19679],
  }),
  service('facebook', 'Meta (Facebook, Instagram)', 'notifications', {
    dkimDomains: ['facebookmail.com', 'instagram.com', 'facebook.com'],
    envelopeDomains: ['facebookmail.com', 'instagram.com'],
    rdnsSuffixes: ['facebook.com', 'fbmta.com'],
    asns: [32934],
  }),
  service('linkedin', 'LinkedIn', 'notifications', {
    dkimDomains: ['linkedin.com', 'bounce.linkedin.com'],
    envelopeDomains: ['bounce.linkedin.com', 'linkedin.com'],
    rdnsSuffixes: ['linkedin.com'],
    asns: [14413, 13443],
  }),
  service('x-twitter', 'X (Twitter)', 'notifications', {
    dkimDomains: ['twitter.com', 'x.com'],
    envelopeDomains: ['bounce.twitter.com', 'bounce.x.com'],
    rdnsSuffixes: ['twitter.com', 'twttr.com'],
    asns: [13414],
  }),
  service('eventbrite', 'Eventbrite', 'notifications', {
    dkimDomains: ['eventbrite.com', 'eventbrite.co.uk'],
    envelopeDomains: ['eventbrite.com'],
    spfIncludes: ['_spf.eventbrite.com'],
  }),
  service('surveymonkey', 'SurveyMonkey', 'notifications', {
    dkimDomains: ['surveymonkey.com', 'surveymonkeyuser.com'],
    envelopeDomains: ['surveymonkeyuser.com'],
    spfIncludes: ['_spf.surveymonkey.com'],
  }),
  service('typeform', 'Typeform', 'notifications', {
    dkimDomains: ['typeform.com', 'typeformmail.com'],
    envelopeDomains: ['typeformmail.com'],
  }),
  service('jotform', 'Jotform', 'notifications', {
    dkimDomains: ['jotform.com', 'jotformpro.com'],
    envelopeDomains: ['jotform.com'],
    spfIncludes: ['_spf.jotform.com'],
  }),
  service('greenhouse', 'Greenhouse', 'notifications', {
    dkimDomains: ['greenhouse.io', 'greenhouse-mail.io'],
    envelopeDomains: ['greenhouse-mail.io', 'greenhouse.io'],
    spfIncludes: ['mg-spf.greenhouse.io'],
  }),
  service('lever', 'Lever', 'notifications', {
    dkimDomains: ['lever.co', 'hire.lever.co'],
    envelopeDomains: ['hire.lever.co'],
  }),
  service('workable', 'Workable', 'notifications', {
    dkimDomains: ['workable.com', 'workablemail.com'],
    envelopeDomains: ['workablemail.com'],
  }),
  service('bamboohr', 'BambooHR', 'notifications', {
    dkimDomains: ['bamboohr.com'],
    envelopeDomains: ['bamboohr.com'],
  }),
  service('gusto', 'Gusto', 'notifications', {
    dkimDomains: ['gusto.com', 'gustomail.com'],
    envelopeDomains: ['gusto.com'],
  }),
  service('workday', 'Workday', 'notifications', {
    dkimDomains: ['workday.com', 'myworkday.com'],
    envelopeDomains: ['myworkday.com'],
    spfIncludes: ['_spf.myworkday.com'],
  }),
  service('sap-concur', 'SAP Concur', 'notifications', {
    dkimDomains: ['concursolutions.com', 'concur.com'],
    envelopeDomains: ['concursolutions.com'],
    spfIncludes: ['_spf.concursolutions.com'],
  }),
  service('netsuite', 'Oracle NetSuite', 'notifications', {
    dkimDomains: ['netsuite.com', 'netsuite.email'],
    envelopeDomains: ['netsuite.com'],
    spfIncludes: ['mailsenders.netsuite.com'],
  }),
  service('google-cloud-notifications', 'Google service notifications', 'notifications', {
    dkimDomains: ['google.com', 'accounts.google.com', 'doclist.bounces.google.com'],
    envelopeDomains: ['bounces.google.com', 'doclist.bounces.google.com', 'calendar-server.bounces.google.com'],
  }),
  service('microsoft-notifications', 'Microsoft service notifications', 'notifications', {
    dkimDomains: ['microsoft.com', 'email.microsoft.com', 'accountprotection.microsoft.com'],
    envelopeDomains: ['email.microsoft.com', 'microsoft.com'],
  }),
  service('amazon-retail', 'Amazon (retail notifications)', 'notifications', {
    dkimDomains: ['amazon.com', 'amazon.de', 'amazon.co.uk', 'marketplace.amazon.com'],
    envelopeDomains: ['amazon.com', 'bounces.amazon.com', 'marketplace.amazon.com'],
  }),

  // ── Security gateways and relays ───────────────────────────────────────────────────────────────────────────────
  service('mimecast', 'Mimecast', 'security-gateway', {
    dkimDomains: ['mimecast.com', 'mimecast-offshore.com'],
    rdnsSuffixes: ['mimecast.com', 'mimecast-offshore.com', 'mimecast.co.za'],
    spfIncludes: ['_netblocks.mimecast.com', 'eu._netblocks.mimecast.com', 'us._netblocks.mimecast.com'],
    asns: [30031, 33538, 208638, 136792],
  }),
  service('proofpoint', 'Proofpoint', 'security-gateway', {
    dkimDomains: ['pphosted.com'],
    rdnsSuffixes: ['pphosted.com', 'ppops.net'],
    spfIncludes: ['spf.pphosted.com'],
    asns: [22843, 26211, 13916],
  }),
  service('proofpoint-essentials', 'Proofpoint Essentials', 'security-gateway', {
    rdnsSuffixes: ['ppe-hosted.com'],
    spfIncludes: ['a:dispatch-us.ppe-hosted.com', 'a:dispatch-eu.ppe-hosted.com'],
    dkimDomains: ['ppe-hosted.com'],
  }),
  service('barracuda', 'Barracuda Email Security', 'security-gateway', {
    dkimDomains: ['barracudanetworks.com', 'cudamail.com'],
    rdnsSuffixes: ['ess.barracudanetworks.com', 'barracudanetworks.com', 'ess.barracuda.com', 'cudamail.com'],
    spfIncludes: ['spf.ess.barracudanetworks.com'],
    asns: [15324],
  }),
  service('cisco-secure-email', 'Cisco Secure Email (IronPort Cloud)', 'security-gateway', {
    dkimDomains: ['iphmx.com'],
    rdnsSuffixes: ['iphmx.com'],
    spfIncludes: ['spf.iphmx.com'],
    asns: [16417],
  }),
  service('trend-micro', 'Trend Micro Email Security', 'security-gateway', {
    dkimDomains: ['tmes.trendmicro.com'],
    rdnsSuffixes: ['tmes.trendmicro.com', 'tmes.trendmicro.eu', 'trendmicro.com'],
    spfIncludes: ['spf.tmes.trendmicro.com', 'spf.tmes.trendmicro.eu'],
    asns: [16880],
  }),
  service('sophos', 'Sophos Email', 'security-gateway', {
    dkimDomains: ['hydra.sophos.com'],
    rdnsSuffixes: ['hydra.sophos.com', 'sophos.com'],
    spfIncludes: ['_spf.prod.hydra.sophos.com'],
  }),
  service('symantec-email', 'Symantec Email Security.cloud', 'security-gateway', {
    dkimDomains: ['messagelabs.com'],
    rdnsSuffixes: ['messagelabs.com', 'messagelabs.net'],
    spfIncludes: ['spf.messagelabs.com'],
  }),
  service('forcepoint', 'Forcepoint Email Security', 'security-gateway', {
    dkimDomains: ['mailcontrol.com'],
    rdnsSuffixes: ['mailcontrol.com'],
    spfIncludes: ['_spf.mailcontrol.com'],
    asns: [13448],
  }),
  service('hornetsecurity', 'Hornetsecurity', 'security-gateway', {
    dkimDomains: ['hornetsecurity.com', 'hornetdmarc.com'],
    rdnsSuffixes: ['hornetsecurity.com', 'hornetsecurity.net'],
    spfIncludes: ['spf.hornetsecurity.com'],
  }),
  service('spamexperts', 'SpamExperts / N-able Mail Assure', 'security-gateway', {
    dkimDomains: ['antispamcloud.com', 'spamexperts.com'],
    rdnsSuffixes: ['antispamcloud.com', 'spamexperts.com', 'spamexperts.net'],
    spfIncludes: ['spf.antispamcloud.com', 'mx.spamexperts.com'],
  }),
  service('mailroute', 'MailRoute', 'security-gateway', {
    dkimDomains: ['mailroute.net'],
    rdnsSuffixes: ['mailroute.net'],
    spfIncludes: ['mailroute.net'],
  }),
  service('appriver', 'Zix / AppRiver', 'security-gateway', {
    dkimDomains: ['appriver.com', 'zixmail.net'],
    rdnsSuffixes: ['appriver.com', 'zixmail.net', 'arsmtp.com'],
    spfIncludes: ['spf.appriver.com', 'spf.zixmail.net'],
  }),
  service('fortimail-cloud', 'FortiMail Cloud', 'security-gateway', {
    dkimDomains: ['fortimailcloud.com'],
    rdnsSuffixes: ['fortimailcloud.com'],
    spfIncludes: ['spf.fortimailcloud.com'],
    asns: [200589],
  }),
  service('libraesva', 'Libraesva Email Security', 'security-gateway', {
    dkimDomains: ['libraesva.com', 'esvacloud.com'],
    rdnsSuffixes: ['esvacloud.com', 'libraesva.com'],
    spfIncludes: ['spf.esvacloud.com'],
  }),
  service('mailprotector', 'Mailprotector', 'security-gateway', {
    dkimDomains: ['mailprotector.net'],
    rdnsSuffixes: ['mailprotector.net'],
    spfIncludes: ['mailprotector.net'],
  }),
  service('cloudflare-area1', 'Cloudflare Email Security (Area 1)', 'security-gateway', {
    dkimDomains: ['area1security.com'],
    rdnsSuffixes: ['area1security.com', 'mxrecord.io'],
    spfIncludes: ['_spf.area1security.com'],
  }),
  service('eleven', 'Eleven / Cyren (eXpurgate)', 'security-gateway', {
    dkimDomains: ['eleven.de', 'expurgate.net'],
    rdnsSuffixes: ['eleven.de', 'expurgate.net'],
    spfIncludes: ['spf.eleven.de'],
  }),
  service('retarus', 'Retarus Email Security', 'security-gateway', {
    dkimDomains: ['retarus.com', 'retarus.net'],
    rdnsSuffixes: ['retarus.net', 'retarus.com'],
    spfIncludes: ['_spf.retarus.com'],
  }),

  // ── Forwarders and alias services ──────────────────────────────────────────────────────────────────────────────
  service('cloudflare-email-routing', 'Cloudflare Email Routing', 'forwarder', {
    dkimDomains: ['cloudflare-email.net', 'cloudflare-email.com'],
    envelopeDomains: ['cloudflare-email.net'],
    rdnsSuffixes: ['cloudflare-email.net'],
    spfIncludes: ['_spf.mx.cloudflare.net'],
  }),
  service('improvmx', 'ImprovMX', 'forwarder', {
    dkimDomains: ['improvmx.com'],
    envelopeDomains: ['improvmx.com'],
    rdnsSuffixes: ['improvmx.com'],
    spfIncludes: ['spf.improvmx.com'],
  }),
  service('forward-email', 'Forward Email', 'forwarder', {
    dkimDomains: ['forwardemail.net'],
    envelopeDomains: ['forwardemail.net'],
    rdnsSuffixes: ['forwardemail.net'],
    spfIncludes: ['spf.forwardemail.net'],
  }),
  service('pobox', 'Pobox', 'forwarder', {
    dkimDomains: ['pobox.com'],
    envelopeDomains: ['pobox.com'],
    rdnsSuffixes: ['pobox.com'],
    spfIncludes: ['pobox.com'],
  }),
  service('simplelogin', 'SimpleLogin', 'forwarder', {
    dkimDomains: ['simplelogin.co', 'simplelogin.com', 'aleeas.com', 'slmails.com'],
    envelopeDomains: ['simplelogin.co', 'simplelogin.com', 'slmails.com'],
    rdnsSuffixes: ['simplelogin.co'],
    spfIncludes: ['simplelogin.co'],
  }),
  service('addy', 'addy.io (AnonAddy)', 'forwarder', {
    dkimDomains: ['anonaddy.me', 'anonaddy.com', 'addy.io'],
    envelopeDomains: ['anonaddy.me', 'addy.io'],
    rdnsSuffixes: ['anonaddy.me', 'addy.io'],
    spfIncludes: ['spf.anonaddy.me'],
  }),
  service('firefox-relay', 'Firefox Relay', 'forwarder', {
    dkimDomains: ['mozmail.com', 'relay.firefox.com'],
    envelopeDomains: ['mozmail.com'],
  }),
  service('apple-hide-my-email', 'Apple Hide My Email (private relay)', 'forwarder', {
    dkimDomains: ['privaterelay.appleid.com'],
    envelopeDomains: ['privaterelay.appleid.com'],
  }),
  service('duckduckgo-email', 'DuckDuckGo Email Protection', 'forwarder', {
    dkimDomains: ['duck.com'],
    envelopeDomains: ['duck.com'],
    rdnsSuffixes: ['duck.com'],
  }),
  service('33mail', '33mail', 'forwarder', {
    dkimDomains: ['33mail.com'],
    envelopeDomains: ['33mail.com'],
    rdnsSuffixes: ['33mail.com'],
  }),
  service('namecheap-forwarding', 'Namecheap email forwarding', 'forwarder', {
    dkimDomains: ['registrar-servers.com'],
    envelopeDomains: ['registrar-servers.com'],
    rdnsSuffixes: ['registrar-servers.com'],
    spfIncludes: ['spf.efwd.registrar-servers.com'],
  }),

  // ── Mailing-list hosts ─────────────────────────────────────────────────────────────────────────────────────────
  service('google-groups', 'Google Groups', 'mailing-list', {
    dkimDomains: ['googlegroups.com'],
    envelopeDomains: ['googlegroups.com'],
  }),
  service('groups-io', 'Groups.io', 'mailing-list', {
    dkimDomains: ['groups.io'],
    envelopeDomains: ['groups.io'],
    rdnsSuffixes: ['groups.io'],
  }),
  service('topicbox', 'Topicbox', 'mailing-list', {
    dkimDomains: ['topicbox.com'],
    envelopeDomains: ['topicbox.com', 'bounce.topicbox.com'],
    rdnsSuffixes: ['topicbox.com'],
  }),
  service('librelist', 'Librelist', 'mailing-list', {
    dkimDomains: ['librelist.com'],
    envelopeDomains: ['librelist.com'],
  }),
  service('freelists', 'FreeLists', 'mailing-list', {
    dkimDomains: ['freelists.org'],
    envelopeDomains: ['freelists.org'],
    rdnsSuffixes: ['freelists.org'],
  }),
  service('simplelists', 'Simplelists', 'mailing-list', {
    dkimDomains: ['simplelists.com'],
    envelopeDomains: ['simplelists.com'],
    rdnsSuffixes: ['simplelists.com'],
  }),
  service('sourceforge-lists', 'SourceForge mailing lists', 'mailing-list', {
    dkimDomains: ['lists.sourceforge.net'],
    envelopeDomains: ['lists.sourceforge.net'],
    rdnsSuffixes: ['sourceforge.net'],
  }),
  service('ietf-lists', 'IETF mailing lists', 'mailing-list', {
    dkimDomains: ['ietf.org'],
    envelopeDomains: ['ietf.org'],
    rdnsSuffixes: ['ietf.org', 'amsl.com'],
  }),
  service('discourse', 'Discourse (hosted forums)', 'mailing-list', {
    dkimDomains: ['discoursemail.com', 'discourse.org'],
    envelopeDomains: ['discoursemail.com'],
    rdnsSuffixes: ['discoursemail.com'],
  }),
  service('lsoft-listserv', 'L-Soft LISTSERV hosting', 'mailing-list', {
    dkimDomains: ['lsoft.com', 'listserv.net'],
    envelopeDomains: ['listserv.net', 'lsoft.com'],
    rdnsSuffixes: ['lsoft.com', 'listserv.net'],
  }),
  service('mailman-hosting', 'Mailman hosting (mailman3.com)', 'mailing-list', {
    dkimDomains: ['mailman3.com'],
    envelopeDomains: ['mailman3.com'],
    rdnsSuffixes: ['mailman3.com'],
  }),

  // ── Web hosting and registrars ─────────────────────────────────────────────────────────────────────────────────
  service('godaddy', 'GoDaddy (Workspace Email, hosting)', 'hosting', {
    dkimDomains: ['secureserver.net'],
    envelopeDomains: ['secureserver.net'],
    rdnsSuffixes: ['secureserver.net', 'prod.phx3.secureserver.net'],
    spfIncludes: ['secureserver.net'],
    asns: [26496, 31815],
  }),
  service('namecheap-private-email', 'Namecheap Private Email', 'hosting', {
    dkimDomains: ['privateemail.com'],
    envelopeDomains: ['privateemail.com'],
    rdnsSuffixes: ['privateemail.com', 'web-hosting.com'],
    spfIncludes: ['spf.privateemail.com'],
    asns: [22612],
  }),
  service('ionos', 'IONOS (1&1)', 'hosting', {
    dkimDomains: ['ionos.com', 'kundenserver.de', 'perfora.net'],
    envelopeDomains: ['kundenserver.de', 'perfora.net', 'ionos.com'],
    rdnsSuffixes: ['kundenserver.de', 'perfora.net', 'ionos.de', 'ionos.com', 'mout.kundenserver.de'],
    spfIncludes: ['_spf.perfora.net', '_spf-eu.ionos.com', '_spf-us.ionos.com'],
    asns: [8560],
  }),
  service('strato', 'STRATO', 'hosting', {
    dkimDomains: ['strato.de', 'stratoserver.net'],
    envelopeDomains: ['strato.de', 'stratoserver.net'],
    rdnsSuffixes: ['strato.de', 'stratoserver.net', 'rzone.de'],
    spfIncludes: ['smtp.rzone.de'],
    asns: [6724],
  }),
  service('one-com', 'one.com', 'hosting', {
    dkimDomains: ['one.com'],
    envelopeDomains: ['one.com'],
    rdnsSuffixes: ['one.com'],
    spfIncludes: ['_spf.one.com'],
    asns: [197495],
  }),
  service('ovh', 'OVHcloud (mail hosting)', 'hosting', {
    dkimDomains: ['ovh.net', 'mail.ovh.net'],
    envelopeDomains: ['ovh.net'],
    rdnsSuffixes: ['mail.ovh.net', 'ha.ovh.net'],
    spfIncludes: ['mx.ovh.com'],
  }),
  service('hostinger', 'Hostinger', 'hosting', {
    dkimDomains: ['hostinger.com', 'hostinger.io'],
    envelopeDomains: ['hostinger.com', 'hostinger.io'],
    rdnsSuffixes: ['hostinger.com', 'hostinger.io', 'mail.hostinger.com'],
    spfIncludes: ['_spf.mail.hostinger.com'],
    asns: [204915],
  }),
  service('newfold', 'Bluehost / HostGator (Newfold Digital)', 'hosting', {
    dkimDomains: ['bluehost.com', 'hostgator.com', 'websitewelcome.com'],
    envelopeDomains: ['bluehost.com', 'websitewelcome.com', 'hostgator.com'],
    rdnsSuffixes: ['bluehost.com', 'websitewelcome.com', 'unifiedlayer.com', 'hostgator.com'],
    spfIncludes: ['bluehost.com', 'websitewelcome.com'],
    asns: [46606, 29873],
  }),
  service('siteground', 'SiteGround', 'hosting', {
    dkimDomains: ['siteground.com', 'sgvps.net'],
    envelopeDomains: ['sgvps.net'],
    rdnsSuffixes: ['sgvps.net', 'siteground.net', 'siteground.eu'],
    spfIncludes: ['_spf.siteground.net'],
    asns: [200450],
  }),
  service('dreamhost', 'DreamHost', 'hosting', {
    dkimDomains: ['dreamhost.com'],
    envelopeDomains: ['dreamhost.com'],
    rdnsSuffixes: ['dreamhost.com', 'dreamhostps.com'],
    spfIncludes: ['netblocks.dreamhost.com'],
    asns: [26347],
  }),
  service('inmotion', 'InMotion Hosting', 'hosting', {
    dkimDomains: ['inmotionhosting.com'],
    envelopeDomains: ['inmotionhosting.com'],
    rdnsSuffixes: ['inmotionhosting.com'],
    spfIncludes: ['_spf.inmotionhosting.com'],
    asns: [22611],
  }),
  service('a2-hosting', 'A2 Hosting', 'hosting', {
    dkimDomains: ['a2hosting.com', 'supercp.com'],
    envelopeDomains: ['a2hosting.com', 'supercp.com'],
    rdnsSuffixes: ['a2hosting.com', 'supercp.com'],
    spfIncludes: ['_spf.a2hosting.com'],
  }),
  service('liquid-web', 'Liquid Web', 'hosting', {
    dkimDomains: ['liquidweb.com', 'liquidweb.services'],
    rdnsSuffixes: ['liquidweb.com', 'liquidweb.services'],
    asns: [32244],
  }),
  service('host-europe', 'Host Europe', 'hosting', {
    dkimDomains: ['hosteurope.de'],
    envelopeDomains: ['hosteurope.de'],
    rdnsSuffixes: ['hosteurope.de', 'webpack.hosteurope.de'],
    spfIncludes: ['_spf.webpack.hosteurope.de'],
    asns: [20773],
  }),
  service('all-inkl', 'ALL-INKL.COM', 'hosting', {
    dkimDomains: ['kasserver.com', 'all-inkl.com'],
    envelopeDomains: ['kasserver.com'],
    rdnsSuffixes: ['kasserver.com'],
    spfIncludes: ['spf.kasserver.com'],
  }),
  service('hetzner-mail', 'Hetzner (web hosting)', 'hosting', {
    dkimDomains: ['your-server.de'],
    envelopeDomains: ['your-server.de'],
    rdnsSuffixes: ['your-server.de'],
    spfIncludes: ['spf.your-server.de'],
  }),
  service('infomaniak', 'Infomaniak', 'hosting', {
    dkimDomains: ['infomaniak.ch', 'infomaniak.com', 'ik-server.com'],
    envelopeDomains: ['infomaniak.ch', 'ik-server.com'],
    rdnsSuffixes: ['infomaniak.ch', 'ik-server.com'],
    spfIncludes: ['spf.infomaniak.ch'],
  }),
  service('nibs-dns', 'NIBS hosting (cPanel)', 'hosting', {
    rdnsSuffixes: ['nibsdns.com'],
    envelopeDomains: ['nibsdns.com'],
    dkimDomains: ['nibsdns.com'],
  }),

  // ── General-purpose clouds (where, not who) ─────────────────────────────────────────────────────────────────────
  service('aws-ec2', 'Amazon Web Services (EC2)', 'cloud', {
    rdnsSuffixes: ['amazonaws.com', 'compute.amazonaws.com'],
    asns: [16509, 14618],
  }),
  service('azure', 'Microsoft Azure', 'cloud', {
    rdnsSuffixes: ['cloudapp.net', 'cloudapp.azure.com'],
    asns: [8068, 8069],
  }),
  service('google-cloud', 'Google Cloud', 'cloud', {
    rdnsSuffixes: ['googleusercontent.com', 'bc.googleusercontent.com'],
    asns: [396982],
  }),
  service('digitalocean', 'DigitalOcean', 'cloud', {
    rdnsSuffixes: ['digitalocean.com'],
    asns: [14061],
  }),
  service('linode', 'Akamai Cloud (Linode)', 'cloud', {
    rdnsSuffixes: ['linodeusercontent.com', 'members.linode.com'],
    asns: [63949],
  }),
  service('hetzner-cloud', 'Hetzner Online (servers)', 'cloud', {
    rdnsSuffixes: ['clients.your-server.de', 'hetzner.cloud'],
    asns: [24940, 213230, 212317, 215859],
  }),
  service('ovh-cloud', 'OVHcloud (servers)', 'cloud', {
    rdnsSuffixes: ['vps.ovh.net', 'vps.ovh.ca'],
    asns: [16276],
  }),
  service('vultr', 'Vultr', 'cloud', {
    rdnsSuffixes: ['vultrusercontent.com', 'vultr.com'],
    asns: [20473],
  }),
  service('contabo', 'Contabo', 'cloud', {
    rdnsSuffixes: ['contaboserver.net'],
    asns: [51167, 141995],
  }),
  service('scaleway', 'Scaleway', 'cloud', {
    rdnsSuffixes: ['scaleway.com', 'poneytelecom.eu'],
    asns: [12876],
  }),
];
