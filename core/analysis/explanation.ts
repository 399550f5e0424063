// The sentences sender intelligence writes for people (a source's reason and fix, readiness, changes since the last
// import) as a stable code with parameters, so a page can show them in its own language. The English templates are
// here, and the English text every result also carries is formatted from them: the command line, the tests and the
// English site read the same words. A template names its parameters as `{name}`; a parameter can itself be an
// explanation (a clause), a count with its noun, or a percentage, each formatted for the reader's language.
import { formatCount } from './formatCount';

/** English templates by code. Some are clauses inserted into others; those that start with a space keep it. */
export const EXPLANATION_TEMPLATES = {
  'source.noMessages': 'No messages in the chosen period.',
  'source.compliant': '{passShare} of {messages} from {label} pass DMARC with aligned DKIM{fewFailed}.',
  'source.compliantPartlySigned':
    '{passShare} of {messages} from {label} pass DMARC (aligned DKIM on {dkimShare}){fewFailed}.',
  'source.fewFailed': '; {failed} failed, too few to change the verdict',
  'source.misconfigured':
    "{name} sent {failing} of {messages} as {domain} without aligned DKIM or SPF, so DMARC fails. If you do not use {name}, someone else's {name} account is sending as {domain}: report it to {name}.",
  'source.misconfiguredTenant':
    "{name} (your organisation's account there) sent {failing} of {messages} as {domain} without aligned DKIM or SPF, so DMARC fails.",
  'source.forwarded':
    '{failing} of {messages} from {label} failed DMARC after forwarding: {why}. Nothing to fix for these unless you send from this source; keep DKIM signing everything so forwarded copies can pass.',
  'source.suspicious':
    '{failing} of {messages} failed both DKIM and SPF: {what}{countries}.{blocked} Unless this is a sender you use, it is spoofing; p=quarantine or p=reject stops it from reaching inboxes.',
  'forwarded.receiverSaysForwarded': 'the receivers marked them as forwarded or mailing-list mail (policy override)',
  'forwarded.forwardingService': '{name} forwards mail it did not write, so SPF checks its servers instead of yours',
  'forwarded.mailingList':
    '{name} is a mailing list: it changes the message, which breaks your DKIM signature, and sends from its own servers',
  'forwarded.ownSignatureRelayed':
    'they carry your DKIM signature (d={domain}) but arrive from a server you do not send from, so the signature broke on the way',
  'forwarded.relayed': 'they were relayed by a third party',
  'suspicious.mailboxAccount': "someone's {name} account put {domain} in From",
  'suspicious.cloudServer': 'a server at {name} (a general-purpose cloud) sent as {domain}',
  'suspicious.unknown': 'an unrecognised sender used {domain} in From',
  'suspicious.countries': ' from networks registered in {countries}',
  'suspicious.moreCountries': ' from networks registered in {countries} and {more} more',
  'suspicious.country': '{country} {messages}',
  'suspicious.blocked': ' Receivers rejected or quarantined {blocked}.',
  'fix.dkim': '{dkim}.',
  'fix.dkimAndSpf': '{dkim}; {spf}.',
  'fix.keyUnreachable':
    'Receivers could not fetch the DKIM key {keyName} (temperror): make sure it resolves reliably from every DNS server of {domain}',
  'fix.signatureBroken':
    'The DKIM signature d={domain}{selector} from {name} does not verify ({result}): publish the key {name} gives you at {keyName} exactly as shown',
  'fix.selector': ' (selector {selector})',
  'fix.turnOnDkim': 'Turn on DKIM signing with d={domain} at {where}{signsAs}',
  'fix.signsAs': ' (it signs as {signsAs} today, which does not align)',
  'fix.addInclude': 'add {include} to the SPF record of {envelope}',
  'fix.authorizeServers': "authorize {name}'s servers in the SPF record of {envelope}",
  'fix.returnPath': 'optionally set a custom return-path under {domain} at {name} so SPF aligns as well',
  'readiness.belowThreshold': '{label}: {aligned} of {messages} aligned (needs {threshold}).',
  'readiness.belowThresholdFix': '{label}: {aligned} of {messages} aligned (needs {threshold}). {fix}',
  'readiness.spfOnly':
    '{label} passes on SPF alone for {spfOnly} of its mail: p=reject needs DKIM (RFC 9989), or forwarded copies will be rejected. Turn on DKIM signing for your domain there.',
  'readiness.authenticatedFailing':
    '{failing} authenticate as a service or forwarder but fail alignment ({share} of {messages}); {step} would quarantine or reject {hit} of them. Fix those senders first.',
  'readiness.noReports': 'No aggregate reports for {domain} in the chosen period.',
  'readiness.fewDays':
    'Only {days} of reports under {step}; RFC 9989 suggests watching at least {minimumDays} days before the next step.',
  'readiness.summaryNoReports': 'No reports for {domain} yet.',
  'readiness.summaryAtReject': '{domain} is at p=reject: the last step. Keep watching for new sources.',
  'readiness.summaryReady': '{domain} is ready for {step}: every known source aligns at least {threshold} over {days}.',
  'readiness.summaryNotReady': '{domain} is not ready for {step}: {things} to fix first.',
  'changes.startedFailing': '{label} passed DMARC for {before} of its mail before this import and {now} now. {advice}',
  'changes.reportersDisagree':
    'Reporters saw different policies for {domain}: {policies}. A recent change still propagating, or more than one DMARC record (RFC 7489 §6.6.3: then none applies).',
  'changes.changedSinceLastImport': 'Reporters now see {now} for {domain}; before this import they saw {before}.',
  'changes.differsFromPublished':
    '{domain} publishes {published}, but the newest report ({reporter}) saw {reported}: reports lag a day or two behind a change; otherwise check for a second record or a typo.',
  'label.rdns': 'Servers under {org}',
  'label.mailingList': 'Mailing list at {host}',
  'label.unknownAddress': 'unknown address',
  'label.yourDomain': 'your domain',
} as const;

export type ExplanationCode = keyof typeof EXPLANATION_TEMPLATES;

/** English nouns of counted things, singular and plural (`{count}` is the formatted number). */
export const QUANTITY_TEMPLATES = {
  'message.one': '{count} message',
  'message.other': '{count} messages',
  'day.one': '{count} day',
  'day.other': '{count} days',
  'thing.one': '{count} thing',
  'thing.other': '{count} things',
} as const;

export type QuantityUnit = 'message' | 'day' | 'thing';

/** A count with the noun it counts: "1 message", "3 days". */
export interface Quantity {
  count: number;
  unit: QuantityUnit;
}

/** A percentage already rounded to `decimals` places (how many it shows: 99.4 with 1, 98 with 0). */
export interface Percentage {
  percent: number;
  decimals: 0 | 1;
}

export type ExplanationParam = string | number | Quantity | Percentage | Explanation | readonly ExplanationParam[];

export interface Explanation {
  code: ExplanationCode;
  params: Readonly<Record<string, ExplanationParam>>;
}

export function explain(code: ExplanationCode, params: Readonly<Record<string, ExplanationParam>> = {}): Explanation {
  return { code, params };
}

export function quantity(count: number, unit: QuantityUnit): Quantity {
  return { count, unit };
}

/** `share` (0…1) as a percentage with one decimal, or none when that decimal would read .0 (98%, 99.4%). */
export function percentage(share: number): Percentage {
  const percent = Number((share * 100).toFixed(1));
  return { percent, decimals: Number.isInteger(percent) ? 0 : 1 };
}

/** How one language writes the pieces of an explanation. */
export interface ExplanationFormat {
  /** The template of a code, with `{name}` parameters. */
  template(code: ExplanationCode): string;
  number(value: number): string;
  percentage(value: Percentage): string;
  quantity(value: Quantity): string;
  /** Joins the items of a list parameter. */
  list(items: readonly string[]): string;
}

export const ENGLISH: ExplanationFormat = {
  template: (code) => EXPLANATION_TEMPLATES[code],
  number: formatCount,
  percentage: ({ percent, decimals }) => `${percent.toFixed(decimals)}%`,
  quantity: ({ count, unit }) =>
    QUANTITY_TEMPLATES[`${unit}.${count === 1 ? 'one' : 'other'}`].replace('{count}', formatCount(count)),
  list: (items) => items.join(', '),
};

function formatParam(value: ExplanationParam, format: ExplanationFormat): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return format.number(value);
  if (Array.isArray(value)) return format.list(value.map((item: ExplanationParam) => formatParam(item, format)));
  if ('code' in value) return formatExplanation(value, format);
  if ('unit' in value) return format.quantity(value);
  return format.percentage(value as Percentage);
}

/** The text of an explanation or parameter in `format`'s language (English by default). */
export function formatExplanation(value: ExplanationParam, format: ExplanationFormat = ENGLISH): string {
  if (typeof value !== 'object' || !('code' in value)) return formatParam(value, format);
  return format.template(value.code).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const param = value.params[name];
    return param === undefined ? whole : formatParam(param, format);
  });
}
