// The catalogue's data (core/analysis/sendingServices.ts): its shape, the spelling of its identifiers, and the DNS
// setups of the services the wizard offers. How it is read: findSendingService.test.ts; identification from a report
// record: identifySource.test.ts.
import { describe, expect, it } from 'vitest';
import { SENDING_SERVICES } from '../../../core/analysis/sendingServices';

describe('the sending-service catalogue', () => {
  it('has at least 150 services with unique kebab-case ids', () => {
    expect(SENDING_SERVICES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(SENDING_SERVICES.map((s) => s.id)).size).toBe(SENDING_SERVICES.length);
    const badIds = SENDING_SERVICES.map((s) => s.id).filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id));
    expect(badIds).toEqual([]);
  });

  it('gives every service something reports show, except the two the wizard alone knows by their SPF include', () => {
    const reportIdentifiers = (s: (typeof SENDING_SERVICES)[number]) =>
      s.dkimDomains.length + s.envelopeDomains.length + s.rdnsSuffixes.length + (s.asns?.length ?? 0);
    const spfOnly = SENDING_SERVICES.filter((s) => reportIdentifiers(s) === 0);
    expect(spfOnly.map((s) => [s.id, s.spfIncludes])).toEqual([
      ['flowmailer', ['spf.flowmailer.net']],
      ['smtpeter', ['spf.smtpeter.com']],
    ]);
  });

  it('covers every kind of sender', () => {
    expect([...new Set(SENDING_SERVICES.map((s) => s.type))].sort()).toEqual([
      'cloud',
      'crm',
      'forwarder',
      'hosting',
      'mailbox',
      'mailing-list',
      'marketing',
      'notifications',
      'security-gateway',
      'ticketing',
      'transactional',
    ]);
  });

  it('writes every domain lower-case, without scheme, mechanism or trailing dot', () => {
    const domainName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
    const misspelt = SENDING_SERVICES.flatMap((s) =>
      [...s.dkimDomains, ...s.envelopeDomains, ...s.rdnsSuffixes]
        .filter((d) => !domainName.test(d))
        .map((d) => `${s.id}: ${d}`),
    );
    expect(misspelt).toEqual([]);
  });
});

describe('the DNS setups the wizard offers', () => {
  const withSetup = SENDING_SERVICES.filter((s) => s.dnsSetup);

  it('belong to these fifteen services', () => {
    expect(withSetup.map((s) => s.id)).toEqual([
      'google',
      'microsoft-365',
      'zoho-mail',
      'fastmail',
      'amazon-ses',
      'sendgrid',
      'mailgun',
      'postmark',
      'brevo',
      'flowmailer',
      'smtpeter',
      'mailchimp',
      'hubspot',
      'salesforce',
      'zendesk',
    ]);
  });

  // One truth per fact: the include the wizard writes is one the analysis recognises, and the wizard's advice has a
  // place to send the user to.
  it.each(withSetup.map((s) => [s.id, s] as const))(
    '%s: its SPF include is its own, with a place to set DKIM up',
    (_id, service) => {
      const setup = service.dnsSetup!;
      if (setup.spfInclude !== undefined) expect(service.spfIncludes).toContain(setup.spfInclude);
      expect(service.dkimSetupAt).toMatch(/^.+ \(.+\)$/);
      expect(setup.dkimRecords.length).toBeGreaterThanOrEqual(1);
      for (const record of setup.dkimRecords) expect(record.name).toMatch(/^[^.]+\._domainkey$/);
    },
  );

  it('leaves the SPF include out where the service bounces with its own domain or gives a per-account one', () => {
    const withoutInclude = withSetup.filter((s) => s.dnsSetup!.spfInclude === undefined);
    expect(withoutInclude.map((s) => [s.id, s.dnsSetup!.spfAlignment])).toEqual([
      ['postmark', 'custom-return-path'],
      ['mailchimp', 'provider'],
      ['hubspot', 'provider'],
    ]);
  });
});
