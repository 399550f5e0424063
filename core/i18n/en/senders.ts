// The Senders page (site/src/senders) and the sentences of sender intelligence. Keys start with `senders.`.
export const sendersEn = {
  'senders.heading': 'Senders',
  'senders.intro':
    'Who sends mail as your domain, whether it passes DMARC, and what to change before the next policy step.',
  'senders.loading': 'Reading reports…',
  'senders.empty': 'No reports stored yet. Import aggregate reports to see who sends as your domains.',

  'senders.table.title': 'Senders of {domain}',
  'senders.table.titleAll': 'Senders',
  'senders.table.none': 'No aggregate report records for this selection.',
  'senders.col.source': 'Source',
  'senders.col.class': 'Class',
  'senders.col.messages': 'Messages',
  'senders.col.pass': 'DMARC pass',
  'senders.col.network': 'Network',
  'senders.col.why': 'Why, and what to do',
  'senders.fix': 'Fix:',
  'senders.recognised': '{type}, recognised {evidence}',
  'senders.notKnown': 'Not a known service',
  'senders.evidence.dkim': 'by its DKIM signature',
  'senders.evidence.envelope': 'by its envelope domain',
  'senders.evidence.header-from': 'by the From domain',
  'senders.evidence.rdns': 'by reverse DNS',
  'senders.evidence.asn': 'by its network (AS)',
  'senders.type.mailbox': 'Mailbox provider',
  'senders.type.marketing': 'Newsletters and campaigns',
  'senders.type.transactional': 'Transactional email',
  'senders.type.crm': 'CRM',
  'senders.type.ticketing': 'Help desk',
  'senders.type.notifications': 'Business app',
  'senders.type.security-gateway': 'Security gateway',
  'senders.type.forwarder': 'Forwarding service',
  'senders.type.mailing-list': 'Mailing list',
  'senders.type.hosting': 'Web hosting',
  'senders.type.cloud': 'Cloud',
  'senders.spoofing.title': 'Possible spoofing:',
  'senders.spoofing.body':
    '{messages} from {sources}{unrecognised} failed both DKIM and SPF alignment and were not forwarded{countries}. Receivers rejected or quarantined {blocked}.',
  'senders.spoofing.unrecognised': ' ({count} not recognised)',
  'senders.beside.compliant': '{count} compliant',
  'senders.beside.forwarded': '{count} forwarded',
  'senders.beside.misconfigured': '{count} misconfigured',
  'senders.beside.suspicious': '{count} suspicious',
  'senders.range.note': '{range}: an internal relay or an artefact of the reporter, not a sender on the Internet',
  'senders.range.unspecified': 'Unspecified address',
  'senders.range.loopback': 'Loopback address',
  'senders.range.private': 'Private address',
  'senders.range.shared': 'Carrier-grade NAT address',
  'senders.range.link-local': 'Link-local address',
  'senders.range.documentation': 'Documentation address',
  'senders.range.benchmarking': 'Benchmarking address',
  'senders.range.multicast': 'Multicast address',
  'senders.range.broadcast': 'Broadcast address',
  'senders.range.reserved': 'Reserved address',
  'senders.spoofing.countries': ', from networks registered in {countries}',
  'senders.asn.unavailable':
    'The offline ASN table could not be loaded ({detail}); sources are named from report data only.',
  'senders.asn.source':
    'AS numbers, AS names and registration countries come from an offline table shipped with this site; no address leaves your browser for them.',
  'senders.asn.data': 'data: {versions} (sapics/ip-location-db)',
  'senders.asn.countries': 'Countries are where a network is registered, not where a server stands.',

  'senders.rdns.open': 'Name servers by reverse DNS…',
  'senders.rdns.group': 'Reverse DNS lookup',
  'senders.rdns.consent':
    'This sends {addresses} of the senders shown, as PTR questions (e.g. {example}), to {host} over HTTPS. Nothing else is sent: no domain, no report. Answers are kept in this browser for a week.',
  'senders.rdns.server': 'DNS server',
  'senders.rdns.lookUp': 'Look up {addresses} at {host}',
  'senders.rdns.cancel': 'Cancel',
  'senders.rdns.progress': '{done} of {total} looked up…',
  'senders.rdns.named': "{named} of {total} addresses named ({cached} answers from this browser's cache)",
  'senders.rdns.withoutName': '; {count, plural, one {# has} other {# have}} no reverse DNS name',
  'senders.rdns.failed': '; {count, plural, one {# lookup} other {# lookups}} failed',

  'senders.readiness.title': 'Ready for the next step? ({domain})',
  'senders.readiness.ready': 'Ready',
  'senders.readiness.notYet': 'Not yet',
  'senders.readiness.done': 'Done',
  'senders.readiness.now': 'Now: {step}',
  'senders.readiness.next': 'next: {step}',
  'senders.readiness.days': '{days} of reports under the current policy',
  'senders.readiness.aligned': '{share} of {messages} aligned',
  'senders.readiness.blockers': 'What blocks the next step',
  'senders.readiness.sources': 'Known sources and their alignment',
  'senders.readiness.col.source': 'Known source',
  'senders.readiness.col.aligned': 'Aligned',
  'senders.readiness.col.dkimAligned': 'DKIM aligned',
  'senders.readiness.col.blocks': 'Blocks?',
  'senders.readiness.blocks': 'Blocks',
  'senders.readiness.ok': 'OK',

  'senders.whatIf.title': 'What if…',
  'senders.whatIf.record': 'Hypothetical DMARC record',
  'senders.whatIf.asPublished': 'as published',
  'senders.whatIf.t': 't (test mode)',
  'senders.whatIf.summary':
    'Of {messages}, {pass} would pass, {quarantine} be quarantined and {reject} be rejected{none}. Receivers reported {reportedQuarantine} quarantined and {reportedReject} rejected; {newlyBlocked}.',
  'senders.whatIf.none': ' ({none} fail but are delivered)',
  'senders.whatIf.byClass':
    'Of the messages it would quarantine or reject, by their class today: {compliant} compliant (your own mail that passes now), {forwarded} forwarded, {misconfigured} misconfigured, {suspicious} suspicious.',
  'senders.whatIf.note':
    'np applies to subdomains that do not exist, which reports cannot show, so it changes nothing here. Receivers may still override the policy for forwarded and mailing-list mail.',
  'senders.whatIf.table': 'Sources that would lose mail',
  'senders.whatIf.col.quarantined': 'Quarantined',
  'senders.whatIf.col.rejected': 'Rejected',
  'senders.whatIf.col.newlyBlocked': 'Newly blocked',
  'senders.whatIf.col.overridden': 'Overridden before',
  'senders.whatIf.nothing': 'No source would lose mail under this record.',

  'senders.changes.title': 'What changed since the last import',
  'senders.changes.noImport': 'No import yet.',
  'senders.changes.nothing':
    'Nothing new in the last import ({reports}): the same sources, passing as before, under the same policy.',
  'senders.changes.policy': 'Policy',
  'senders.changes.startedFailing': 'Started failing',
  'senders.changes.newSource': 'New source',

  'senders.count.ips': '{count, plural, one {# IP} other {# IPs}}',
  'senders.count.sources': '{count, plural, one {# source} other {# sources}}',
  'senders.count.unrecognisedSources': '{count, plural, one {# unrecognised source} other {# unrecognised sources}}',
  'senders.count.sourceAddresses': '{count, plural, one {# source IP address} other {# source IP addresses}}',
  'senders.count.addresses': '{count, plural, one {# address} other {# addresses}}',
  'senders.count.reports': '{count, plural, one {# report} other {# reports}}',
  'senders.count.suspicious':
    '{count, plural, one {# suspicious message the next step acts on} other {# suspicious messages the next step acts on}}',
  'senders.count.forwarded': '{count, plural, one {# forwarded} other {# forwarded}}',
  'senders.count.newlyBlocked':
    '{count, plural, one {# delivered message would now be blocked} other {# delivered messages would now be blocked}}',

  // The sentences core/analysis writes (reasons, fixes, readiness, changes): core/analysis/explanation.ts gives
  // results the code after `senders.explain.` and its parameters. Some are clauses inserted into others; those
  // that start with a space keep it.
  'senders.explain.source.noMessages': 'No messages in the chosen period.',
  'senders.explain.source.compliant': '{passShare} of {messages} from {label} pass DMARC with aligned DKIM{besides}.',
  'senders.explain.source.compliantPartlySigned':
    '{passShare} of {messages} from {label} pass DMARC (aligned DKIM on {dkimShare}){besides}.',
  'senders.explain.source.alsoCarried': '; besides, {others}',
  'senders.explain.class.compliant': '{count} compliant',
  'senders.explain.class.forwarded': '{count} forwarded',
  'senders.explain.class.misconfigured': '{count} misconfigured',
  'senders.explain.class.suspicious': '{count} suspicious',
  'senders.explain.source.misconfigured':
    "{name} sent {failing} of {messages} as {domain} without aligned DKIM or SPF, so DMARC fails. If you do not use {name}, someone else's {name} account is sending as {domain}: report it to {name}.",
  'senders.explain.source.misconfiguredTenant':
    "{name} (your organisation's account there) sent {failing} of {messages} as {domain} without aligned DKIM or SPF, so DMARC fails.",
  'senders.explain.source.forwarded':
    '{failing} of {messages} from {label} failed DMARC after forwarding: {why}. Nothing to fix for these unless you send from this source; keep DKIM signing everything so forwarded copies can pass.',
  'senders.explain.source.suspicious':
    '{failing} of {messages} failed both DKIM and SPF: {what}{countries}.{blocked} Unless this is a sender you use, it is spoofing; p=quarantine or p=reject stops it from reaching inboxes.',
  'senders.explain.forwarded.receiverSaysForwarded':
    'the receivers marked them as forwarded or mailing-list mail (policy override)',
  'senders.explain.forwarded.forwardingService':
    '{name} forwards mail it did not write, so SPF checks its servers instead of yours',
  'senders.explain.forwarded.mailingList':
    '{name} is a mailing list: it changes the message, which breaks your DKIM signature, and sends from its own servers',
  'senders.explain.forwarded.ownSignatureRelayed':
    'they carry your DKIM signature (d={domain}) but arrive from a server you do not send from, so the signature broke on the way',
  'senders.explain.forwarded.relayed': 'they were relayed by a third party',
  'senders.explain.suspicious.mailboxAccount': "someone's {name} account put {domain} in From",
  'senders.explain.suspicious.cloudServer': 'a server at {name} (a general-purpose cloud) sent as {domain}',
  'senders.explain.suspicious.unknown': 'an unrecognised sender used {domain} in From',
  'senders.explain.suspicious.countries': ' from networks registered in {countries}',
  'senders.explain.suspicious.moreCountries': ' from networks registered in {countries} and {more} more',
  'senders.explain.suspicious.country': '{country} ({messages})',
  'senders.explain.suspicious.blocked': ' Receivers rejected or quarantined {blocked}.',
  'senders.explain.fix.dkim': '{dkim}.',
  'senders.explain.fix.dkimAndSpf': '{dkim}; {spf}.',
  'senders.explain.fix.keyUnreachable':
    'Receivers could not fetch the DKIM key {keyName} (temperror): make sure it resolves reliably from every DNS server of {domain}',
  'senders.explain.fix.signatureBroken':
    'The DKIM signature d={domain}{selector} from {name} does not verify ({result}): publish the key {name} gives you at {keyName} exactly as shown',
  'senders.explain.fix.selector': ' (selector {selector})',
  'senders.explain.fix.turnOnDkim': 'Turn on DKIM signing with d={domain} at {where}{signsAs}',
  'senders.explain.fix.signsAs': ' (it signs as {signsAs} today, which does not align)',
  'senders.explain.fix.addInclude': 'add {include} to the SPF record of {envelope}',
  'senders.explain.fix.authorizeServers': "authorize {name}'s servers in the SPF record of {envelope}",
  'senders.explain.fix.returnPath':
    'optionally set a custom return-path under {domain} at {name} so SPF aligns as well',
  'senders.explain.readiness.belowThreshold': '{label}: {aligned} of {messages} aligned (needs {threshold}).',
  'senders.explain.readiness.belowThresholdFix': '{label}: {aligned} of {messages} aligned (needs {threshold}). {fix}',
  'senders.explain.readiness.spfOnly':
    '{label} passes on SPF alone for {spfOnly} of its mail: p=reject needs DKIM (RFC 9989), or forwarded copies will be rejected. Turn on DKIM signing for your domain there.',
  'senders.explain.readiness.authenticatedFailing':
    '{failing} authenticate as a service or forwarder but fail alignment ({share} of {messages}); {step} would quarantine or reject {hit} of them. Fix those senders first.',
  'senders.explain.readiness.noReports': 'No aggregate reports for {domain} in the chosen period.',
  'senders.explain.readiness.fewDays':
    'Only {days} of reports under {step}; RFC 9989 suggests watching at least {minimumDays} days before the next step.',
  'senders.explain.readiness.summaryNoReports': 'No reports for {domain} yet.',
  'senders.explain.readiness.summaryAtReject': '{domain} is at p=reject: the last step. Keep watching for new sources.',
  'senders.explain.readiness.summaryReady':
    '{domain} is ready for {step}: every known source aligns at least {threshold} over {days}.',
  'senders.explain.readiness.summaryNotReady': '{domain} is not ready for {step}: {things} to fix first.',
  'senders.explain.changes.startedFailing':
    '{label} passed DMARC for {before} of its mail in the reports dated before this import and for {now} in this import. {advice}',
  'senders.explain.changes.reportersDisagree':
    'Reporters saw different policies for {domain}: {policies}. A recent change still propagating, or more than one DMARC record (RFC 7489 §6.6.3: then none applies).',
  'senders.explain.changes.changedSinceLastImport':
    'Reporters saw {before} for {domain} in reports up to {until}, and {now} from {since} on.',
  'senders.explain.changes.differsFromPublished':
    '{domain} publishes {published}, but the newest report ({reporter}) saw {reported}: reports lag a day or two behind a change; otherwise check for a second record or a typo.',
  'senders.explain.label.rdns': 'Servers under {org}',
  'senders.explain.label.mailingList': 'Mailing list at {host}',
  'senders.explain.label.unknownAddress': 'unknown address',
  'senders.explain.label.otherAccounts': "Others' accounts at {name}",
  'senders.explain.label.yourDomain': 'your domain',

  // The nouns of counted things in explanations (core/analysis/explanation.ts `quantity`).
  'senders.unit.message': '{count, plural, one {# message} other {# messages}}',
  'senders.unit.day': '{count, plural, one {# day} other {# days}}',
  'senders.unit.thing': '{count, plural, one {# thing} other {# things}}',
} as const;
