// The one reader of the sending-service catalogue (sendingServices.ts): lookups by each kind of identifier, for the
// report analysis (identifySource.ts, the rollout assessment), and the services the DNS records wizard offers, in
// catalogue order.
import { normalizeDomain } from '../report';
import { SENDING_SERVICES, type DkimSetupRecord, type SendingService, type ServiceDnsSetup } from './sendingServices';

interface ServiceIndex {
  byDomain: Map<string, SendingService>;
  byRdns: Map<string, SendingService>;
  byAsn: Map<number, SendingService>;
  bySpfInclude: Map<string, SendingService>;
  byId: Map<string, SendingService>;
  byWizardId: Map<string, WizardService>;
}

/** A service as the DNS records wizard offers it: its DNS setup with the wizard's key and name. */
export interface WizardService {
  /** The wizard's key (saved setups keep it): `dnsSetup.wizardId`, else the catalogue id. */
  id: string;
  /** The name the wizard shows: `dnsSetup.wizardName`, else the catalogue name. */
  name: string;
  /** The catalogue entry. */
  service: SendingService;
  spfInclude?: string;
  spfAlignment: ServiceDnsSetup['spfAlignment'];
  dkimRecords: readonly DkimSetupRecord[];
  bulk: boolean;
  /** Where in the service's interface DKIM and the exact record values are set up (`dkimSetupAt`). */
  setupAt: string;
}

const INCLUDE_PREFIX = /^(include|a|mx):/i;

function toWizardService(service: SendingService): WizardService | undefined {
  const setup = service.dnsSetup;
  // A wizard entry without a place to set DKIM up would leave its advice without an answer; the catalogue test
  // requires both.
  if (!setup || service.dkimSetupAt === undefined) return undefined;
  return {
    id: setup.wizardId ?? service.id,
    name: setup.wizardName ?? service.name,
    service,
    ...(setup.spfInclude === undefined ? {} : { spfInclude: setup.spfInclude }),
    spfAlignment: setup.spfAlignment,
    dkimRecords: setup.dkimRecords,
    bulk: setup.bulk,
    setupAt: service.dkimSetupAt,
  };
}

function buildIndex(services: readonly SendingService[]): ServiceIndex {
  const index: ServiceIndex = {
    byDomain: new Map(),
    byRdns: new Map(),
    byAsn: new Map(),
    bySpfInclude: new Map(),
    byId: new Map(),
    byWizardId: new Map(),
  };
  // The first entry to claim an identifier keeps it (the catalogue test checks no two entries claim one).
  const claim = <K>(map: Map<K, SendingService>, key: K, service: SendingService) => {
    if (!map.has(key)) map.set(key, service);
  };
  for (const service of services) {
    index.byId.set(service.id, service);
    for (const domain of [...service.dkimDomains, ...service.envelopeDomains])
      claim(index.byDomain, normalizeDomain(domain), service);
    for (const suffix of service.rdnsSuffixes) claim(index.byRdns, normalizeDomain(suffix), service);
    for (const asn of service.asns ?? []) claim(index.byAsn, asn, service);
    for (const include of service.spfIncludes)
      claim(index.bySpfInclude, normalizeDomain(include.replace(INCLUDE_PREFIX, '')), service);
    const wizard = toWizardService(service);
    if (wizard) index.byWizardId.set(wizard.id, wizard);
  }
  return index;
}

const catalogue = buildIndex(SENDING_SERVICES);
const returnPathServices = SENDING_SERVICES.filter((s) => s.returnPathLabel);

/** The entry holding the longest suffix of `name` (so "clients.your-server.de" beats "your-server.de"). */
function findBySuffix(map: Map<string, SendingService>, name: string): SendingService | undefined {
  let candidate = normalizeDomain(name);
  while (candidate) {
    const service = map.get(candidate);
    if (service) return service;
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
  return undefined;
}

export function findServiceById(id: string): SendingService | undefined {
  return catalogue.byId.get(id);
}

/** The catalogue entry that signs or bounces with `domain` (or a subdomain of one of its domains). */
export function findServiceByDomain(domain: string): SendingService | undefined {
  return findBySuffix(catalogue.byDomain, domain);
}

/** The catalogue entry whose servers carry PTR name `hostName`. */
export function findServiceByHostName(hostName: string): SendingService | undefined {
  return findBySuffix(catalogue.byRdns, hostName);
}

/** The catalogue entry whose SPF include this is (`include:` prefix optional), e.g. "include:sendgrid.net". */
export function findServiceBySpfInclude(include: string): SendingService | undefined {
  return catalogue.bySpfInclude.get(normalizeDomain(include.replace(INCLUDE_PREFIX, '')));
}

/** The catalogue entry whose network this AS is. */
export function findServiceByAsn(asn: number): SendingService | undefined {
  return catalogue.byAsn.get(asn);
}

/**
 * The service whose custom return-path naming the first label of this envelope domain follows (SendGrid's
 * `em1234.example.com`); the caller has checked the domain is the sender's own.
 */
export function findServiceByReturnPathLabel(envelope: string): SendingService | undefined {
  const first = normalizeDomain(envelope).split('.', 1)[0] ?? '';
  return returnPathServices.find((s) => s.returnPathLabel?.test(first));
}

/** The services the DNS records wizard offers, in catalogue order. */
export const WIZARD_SERVICES: readonly WizardService[] = [...catalogue.byWizardId.values()];

/** The wizard's service by its wizard key (`WizardService.id`). */
export function findWizardService(id: string): WizardService | undefined {
  return catalogue.byWizardId.get(id);
}
