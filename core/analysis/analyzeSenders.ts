// The Senders page's figures for one domain, in one place: the page shows them, the command line writes them
// (`dmarc-lens senders`), and a test holds the dashboard to the same numbers. Every message is counted in the class of
// its own record (classifyRecord); a source is the class most of its messages have.
import { normalizeDomain, type AggregateReport } from '../report';
import type { SourceClass } from './classifyRecord';
import type { ClassCounts } from './classifySource';
import { SourceGrouper, type GroupSourcesOptions, type SourceGroup } from './groupSources';
import type { SendingServiceType } from './sendingServices';
import { receiverPassedDmarc } from './summarizeReport';

/** One source as the Senders page lists it. */
export interface SenderSource {
  /** The group key (groupSources): a service id, `others:<id>`, `asn:<n>`, `rdns:<org>`, `ip:<address>`. */
  key: string;
  /** Its name in English. */
  name: string;
  /** The kind of service, or `unknown` for a network or address no catalogue entry names. */
  type: SendingServiceType | 'unknown';
  class: SourceClass;
  messages: number;
  byClass: ClassCounts;
  /** Every source address, most messages first. */
  ips: string[];
  /** Why it has its class, in English. */
  reason: string;
  /** The group with everything the page shows (networks, domains, the fix). */
  group: SourceGroup;
}

export interface SendersAnalysis {
  /** The domain as asked for (normalized); empty for every domain at once. */
  domain: string;
  messages: number;
  /** Messages the receivers counted as DMARC pass (receiverPassedDmarc), as the dashboard's headline counts them. */
  dmarcPass: number;
  /** Distinct source addresses. */
  distinctIps: number;
  /** Messages that failed both DKIM and SPF alignment and were not forwarded (spoofedOf). */
  spoofedMessages: number;
  /** Of the spoofed messages, those receivers quarantined or rejected. */
  spoofedBlocked: number;
  /** Sources with spoofed messages, whatever their class, and those of them no catalogue entry names. */
  spoofingSources: number;
  unrecognisedSpoofingSources: number;
  /** Messages per class of their own. */
  byClass: ClassCounts;
  /** Largest first. */
  sources: SenderSource[];
}

const CLASSES: readonly SourceClass[] = ['compliant', 'forwarded', 'misconfigured', 'suspicious'];

/**
 * The senders of the reports whose policy domain is `options.domain` (as the Senders page and the dashboard select
 * them), or of every report when no domain is given, within the options' period.
 */
export function analyzeSenders(reports: Iterable<AggregateReport>, options: GroupSourcesOptions = {}): SendersAnalysis {
  const { domain, ...rest } = options;
  const grouper = new SourceGrouper(rest);
  const wanted = domain === undefined ? undefined : normalizeDomain(domain);
  let messages = 0;
  let dmarcPass = 0;
  const ips = new Set<string>();
  for (const report of reports) {
    // The pages show one stored domain at a time: the reports whose policy domain it is. A report without one is a
    // view of its own (an empty domain), never every report.
    if (wanted !== undefined && normalizeDomain(report.policy.domain) !== wanted) continue;
    if (!grouper.addReport(report)) continue;
    for (const record of report.records) {
      messages += record.count;
      if (receiverPassedDmarc(record)) dmarcPass += record.count;
      ips.add(record.sourceIp);
    }
  }
  const byClass: ClassCounts = { compliant: 0, forwarded: 0, misconfigured: 0, suspicious: 0 };
  let spoofedMessages = 0;
  let spoofedBlocked = 0;
  let spoofingSources = 0;
  let unrecognisedSpoofingSources = 0;
  const sources = grouper.groups().map((group): SenderSource => {
    const classification = group.classification;
    for (const cls of CLASSES) byClass[cls] += classification.byClass[cls];
    spoofedMessages += classification.spoofed;
    spoofedBlocked += group.spoofedBlocked;
    if (classification.spoofed > 0) {
      spoofingSources++;
      if (!group.service) unrecognisedSpoofingSources++;
    }
    return {
      key: group.key,
      name: group.label,
      type: group.service?.type ?? 'unknown',
      class: classification.class,
      messages: group.messages,
      byClass: { ...classification.byClass },
      ips: group.ips.map((ip) => ip.value),
      reason: classification.reason,
      group,
    };
  });
  return {
    domain: wanted ?? '',
    messages,
    dmarcPass,
    distinctIps: ips.size,
    spoofedMessages,
    spoofedBlocked,
    spoofingSources,
    unrecognisedSpoofingSources,
    byClass,
    sources,
  };
}

/** The policy domains of the reports, normalized and sorted: one Senders view (and one CLI line) each. */
export function policyDomainsOf(reports: Iterable<AggregateReport>): string[] {
  const domains = new Set<string>();
  for (const report of reports) {
    if (report.kind === 'aggregate') domains.add(normalizeDomain(report.policy.domain));
  }
  return [...domains].sort();
}
