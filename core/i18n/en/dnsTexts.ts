// Every sentence core/dns says to a person (findings, tag explanations, rollout steps, what each record is for),
// under `records.text.<id>`: core/dns/recordTexts.ts gives results the id and its parameters.
export const dnsTextsEn = {
  // Lists: `{first}` is an item, `{rest}` the remaining items joined the same way.
  'records.text.list.and': '{first} and {rest}',
  'records.text.list.comma': '{first}, {rest}',

  // The tag-list syntax shared by DKIM, DMARC, MTA-STS, TLS-RPT and BIMI (tagList.ts).
  'records.text.tag.empty': 'The record has an empty tag (two semicolons in a row); receivers skip it.',
  'records.text.tag.empty.fix': 'Remove the extra semicolon.',
  'records.text.tag.malformed': '"{segment}" is not a tag: every part between semicolons must be name=value.',
  'records.text.tag.malformed.fix': 'Write it as name=value, or remove it.',
  'records.text.tag.invalid-name': '"{name}" is not a valid tag name (a letter followed by letters, digits or "_").',
  'records.text.tag.invalid-value':
    'The value of {name} contains characters a tag value cannot hold (control characters or non-ASCII).',
  'records.text.tag.duplicate': 'The tag {name} appears more than once, which makes the whole record invalid.',
  'records.text.tag.duplicate.fix': 'Keep a single {name}= tag.',
  'records.text.tag.extension': 'An extension; senders ignore it.',
  'records.text.tag.missing-semicolon': '"{segment}" runs tags together: separate tags with ";", as in {fixed}.',
  'records.text.tag.missing-semicolon.fix': 'Put a semicolon between every two tags.',

  // DNS answers that are failures (types.ts, evaluateSpfLookups.ts, the site's DNS-over-HTTPS resolver).
  'records.text.dns.unusable-answer': 'the resolver gave no usable answer for {name} {type}',
  'records.text.dns.lookup-threw': 'lookup of {name} {type} failed: {error}',
  'records.text.dns.question-limit': 'stopped after {max} DNS questions',
  'records.text.dns.http-status': '{server} answered HTTP {status}',
  'records.text.dns.unreachable': '{server} could not be reached ({error})',
  'records.text.dns.not-dns-json':
    '{server} answered, but not with a DNS answer (a captive portal or a proxy page can do this): try again on another network',
  'records.text.dns.rcode': 'DNS error code {code}',
  'records.text.dns.lookup-failed': 'Could not look up {name}: {error}.',

  // DMARC (dmarcRecord.ts).
  'records.text.dmarc.missing-version':
    'A DMARC record must start with v=DMARC1 (exactly, in capitals); receivers ignore any other record.',
  'records.text.dmarc.missing-version.fix': 'Put v=DMARC1 first.',
  'records.text.dmarc.repeated-version': 'v= may appear only once, first.',
  'records.text.dmarc.invalid-policy': '{tag}={value} is not a policy: use none, quarantine or reject.',
  'records.text.dmarc.invalid-alignment': '{tag}={value} must be r (relaxed) or s (strict).',
  'records.text.dmarc.invalid-pct': 'pct={value} must be a whole number from 0 to 100.',
  'records.text.dmarc.invalid-fo': 'fo={value} must be a colon-separated list of 0, 1, d and s.',
  'records.text.dmarc.invalid-ri': 'ri={value} must be a number of seconds.',
  'records.text.dmarc.invalid-psd': 'psd={value} must be y, n or u.',
  'records.text.dmarc.invalid-t': 't={value} must be y or n.',
  'records.text.dmarc.unknown-tag': '{name} is not a DMARC tag; receivers ignore it (is it a typo?).',
  'records.text.dmarc.invalid-report-uri':
    '"{item}" in {tag}= is not a report address; write mailto:address@domain, separated by commas.',
  'records.text.dmarc.missing-p': 'There is no p= tag; receivers treat the record as p=none.',
  'records.text.dmarc.missing-p.fix': 'Add p=none (or stricter).',
  'records.text.dmarc.monitoring-only':
    'p=none only asks for reports: receivers will not quarantine or reject mail that fails DMARC.',
  'records.text.dmarc.monitoring-only.fix':
    'Once the reports show every legitimate source aligned, move on to quarantine (see the rollout plan).',
  'records.text.dmarc.reject-without-dkim':
    'p=reject without DKIM signing relies on SPF alone, which breaks on every forward: RFC 9989 advises against it.',
  'records.text.dmarc.reject-without-dkim.fix': 'Set up DKIM for every sending service before publishing p=reject.',
  'records.text.dmarc.no-rua':
    'No rua= address: you will receive no aggregate reports and cannot see who sends as your domain.',
  'records.text.dmarc.no-rua.fix': 'Add rua=mailto:dmarc-reports@your-domain.',
  'records.text.dmarc.many-uris':
    '{tag}= lists {count} addresses; receivers only have to send to two of them (RFC 7489 §6.2), so later ones may get nothing.',
  'records.text.dmarc.many-uris.fix': 'Keep at most two addresses, the most important first.',
  'records.text.dmarc.non-mailto-uri': '{uri} is not a mailto: address; receivers only send reports by mail.',
  'records.text.dmarc.uri-size': 'The !{size} size limit on {uri} is ignored by RFC 9989 receivers.',
  'records.text.dmarc.external-report-domain':
    "Reports go to another organization's domain: it must publish a TXT record {name} with the value v=DMARC1, or receivers will not send them.",
  'records.text.dmarc.external-report-domain.fix':
    'Ask the owner of {domain} to publish {name} TXT "v=DMARC1" (many report services do this for you).',
  'records.text.dmarc.ruf-privacy':
    'ruf= asks for failure reports, which can contain personal data; few receivers send them.',
  'records.text.dmarc.fo-without-ruf': 'fo= only chooses when failure reports are sent; without ruf= none are.',
  'records.text.dmarc.fo-without-ruf.fix': 'Add ruf= or remove fo=.',
  'records.text.dmarc.historic-pct':
    'pct={pct} applies the policy to {pct}% of failing mail at RFC 7489 receivers only; RFC 9989 made pct historic and its receivers ignore it.',
  'records.text.dmarc.historic-pct.fix':
    'For RFC 9989 receivers use t=y while testing a stricter policy (pct=0 corresponds to t=y).',
  'records.text.dmarc.historic-tag': '{tag}= is historic in RFC 9989; receivers may ignore it.',
  'records.text.dmarc.historic-tag.fix': 'Remove {tag}=.',
  'records.text.dmarc.psd':
    'psd=y declares this domain a public suffix (like a TLD); only registries should publish it.',
  'records.text.dmarc.psd.fix': 'Remove psd=y unless you operate a public suffix.',
  'records.text.dmarc.weaker-subdomain-policy':
    'Subdomains get sp={sp}, weaker than p={p}: spoofed mail from made-up subdomains is treated more leniently.',
  'records.text.dmarc.test-mode-and-pct':
    't=y (RFC 9989) and pct (RFC 7489) both soften the policy; each kind of receiver reads only its own tag.',
  'records.text.dmarc.policy.none': 'take no action on mail that fails DMARC, only report it',
  'records.text.dmarc.policy.quarantine': 'treat mail that fails DMARC as suspicious (usually the spam folder)',
  'records.text.dmarc.policy.reject': 'refuse mail that fails DMARC during the SMTP transaction',
  'records.text.dmarc.policy.unknown': 'an unknown policy',
  'records.text.dmarc.explain.v': 'Marks the record as DMARC version 1; it must come first.',
  'records.text.dmarc.explain.p': 'Policy for the domain itself: receivers {policy}.',
  'records.text.dmarc.explain.sp': 'Policy for subdomains: receivers {policy}. Without sp, subdomains get p.',
  'records.text.dmarc.explain.np':
    'RFC 9989 policy for subdomains that do not exist in DNS: receivers {policy}. Falls back to sp, then p.',
  'records.text.dmarc.explain.adkim.s':
    'Strict DKIM alignment: the signing domain d= must equal the From domain exactly.',
  'records.text.dmarc.explain.adkim.r':
    'Relaxed DKIM alignment: the signing domain d= may be any domain of the same organization as the From domain.',
  'records.text.dmarc.explain.aspf.s':
    'Strict SPF alignment: the envelope sender (Return-Path) domain must equal the From domain exactly.',
  'records.text.dmarc.explain.aspf.r':
    'Relaxed SPF alignment: the envelope sender domain may be any domain of the same organization as the From domain.',
  'records.text.dmarc.explain.pct':
    'RFC 7489 receivers apply the policy to {pct}% of failing mail and the next weaker policy to the rest; historic in RFC 9989.',
  'records.text.dmarc.explain.fo': 'Failure reports are requested when {conditions}.',
  'records.text.dmarc.explain.fo.or': '{first}, or when {rest}',
  'records.text.dmarc.explain.fo.0': 'all checks fail',
  'records.text.dmarc.explain.fo.1': 'any check fails',
  'records.text.dmarc.explain.fo.d': 'a DKIM signature fails',
  'records.text.dmarc.explain.fo.s': 'SPF fails',
  'records.text.dmarc.explain.rua': 'Aggregate (daily summary) reports are sent to {addresses}.',
  'records.text.dmarc.explain.ruf': 'Failure reports about single messages are sent to {addresses}.',
  'records.text.dmarc.explain.addresses-you-list': 'the addresses you list',
  'records.text.dmarc.explain.rf': 'Format of failure reports (afrf); historic in RFC 9989.',
  'records.text.dmarc.explain.ri':
    'Asks for aggregate reports every {seconds, plural, one {# second} other {# seconds}} (receivers send daily regardless); historic in RFC 9989.',
  'records.text.dmarc.explain.psd.y': 'RFC 9989: this domain is a public suffix domain (a registry such as a TLD).',
  'records.text.dmarc.explain.psd.n':
    'RFC 9989: this domain is an organizational domain, not a public suffix; the tree walk stops here.',
  'records.text.dmarc.explain.psd.u': 'RFC 9989: no statement about being a public suffix (the default).',
  'records.text.dmarc.explain.t.y':
    'RFC 9989 test mode: receivers apply the next weaker policy (reject acts as quarantine, quarantine as none) while you watch the reports.',
  'records.text.dmarc.explain.t.n': 'RFC 9989: the policy is applied as written (not in test mode).',
  'records.text.dmarc.explain.unknown': 'Not a DMARC tag; receivers ignore it.',
  'records.text.dmarc.explain.authorization':
    'Authorizes the domain named before ._report._dmarc. to send its DMARC reports to this domain (RFC 7489 §7.1).',

  // SPF (spfRecord.ts, evaluateSpfLookups.ts).
  'records.text.spf.missing-version': 'An SPF record must start with v=spf1 followed by a space.',
  'records.text.spf.missing-version.fix': 'Start the record with "v=spf1 ".',
  'records.text.spf.invalid-character':
    'The record contains tabs, line breaks or non-ASCII characters; terms are separated by spaces only.',
  'records.text.spf.repeated-modifier': '{name}= may appear only once (RFC 7208 §6).',
  'records.text.spf.invalid-term': '"{term}" is not a valid SPF term.',
  'records.text.spf.invalid-modifier-domain': '{name}={value} needs a valid domain.',
  'records.text.spf.unknown-mechanism':
    '"{term}" is not an SPF mechanism (all, include, a, mx, ptr, ip4, ip6, exists) or modifier.',
  'records.text.spf.all-argument': '{term}: all takes no argument.',
  'records.text.spf.needs-domain': '{term}: {mechanism} needs a domain, as {mechanism}:example.com.',
  'records.text.spf.invalid-domain': '{term}: the domain is not valid.',
  'records.text.spf.ip4-cidr-too-long': '{term}: an IPv4 prefix length is at most 32.',
  'records.text.spf.ip6-cidr-too-long': '{term}: an IPv6 prefix length is at most 128.',
  'records.text.spf.needs-address': '{term}: {mechanism} needs an address, as {mechanism}:{example}.',
  'records.text.spf.invalid-address': '{term}: {address} is not an {family} address.',
  'records.text.spf.prefix-range': '{term}: the prefix length must be 0 to {max}.',
  'records.text.spf.plus-all': '{term} authorizes every server on the Internet to send as this domain.',
  'records.text.spf.neutral-all': '?all says nothing about other servers; SPF then protects nothing.',
  'records.text.spf.use-softfail-or-fail': 'Use ~all or -all.',
  'records.text.spf.softfail-all':
    '~all marks other servers as "probably not authorized". With DMARC at quarantine or reject this is the usual choice: DMARC decides, and forwarded mail still reaches DMARC evaluation and DKIM.',
  'records.text.spf.fail-all':
    '-all tells receivers to reject mail from other servers; some reject before DMARC and DKIM are checked, which can lose forwarded mail that DKIM would have saved.',
  'records.text.spf.fail-all.fix':
    'Use -all only when every sender is listed; ~all is the safer companion of a DMARC policy.',
  'records.text.spf.no-all': 'The record ends without an all mechanism, so mail from any other server gets "neutral".',
  'records.text.spf.no-all.fix': 'End the record with ~all or -all.',
  'records.text.spf.redirect-ignored': 'redirect= is ignored when the record has an all mechanism (RFC 7208 §6.1).',
  'records.text.spf.redirect-ignored.fix':
    'Remove redirect= (its record is never read), or remove all so the redirect applies when nothing else matches.',
  'records.text.spf.terms-after-all': 'Mechanisms after {term} are never evaluated.',
  'records.text.spf.terms-after-all.fix': 'Move all to the end.',
  'records.text.spf.ptr':
    'The ptr mechanism is slow and unreliable; RFC 7208 §5.5 says it SHOULD NOT be used, and some receivers ignore it.',
  'records.text.spf.ptr.fix': 'Replace ptr with ip4/ip6 or a.',
  'records.text.spf.modifier-typo':
    '{name}={value} is read as an unknown modifier and ignored; mechanisms take a colon.',
  'records.text.spf.modifier-typo.fix': 'Write {mechanism}:{value}.',
  'records.text.spf.duplicate-term': '{term} appears more than once.',
  'records.text.spf.duplicate-term.fix': 'Remove the repetition.',
  'records.text.spf.too-many-lookups':
    'The record needs {count} DNS lookups by itself; receivers stop at {max} with a permerror (RFC 7208 §4.6.4).',
  'records.text.spf.too-many-lookups.fix': 'Replace includes of services you no longer use, or a/mx with ip4/ip6.',
  'records.text.spf.split-strings':
    'The record is {bytes} bytes, so it must be published as several strings of at most 255 bytes (joined without spaces by receivers).',
  'records.text.spf.too-long':
    'The record is {bytes} bytes; RFC 7208 §3.4 advises staying under {max} so the answer fits one UDP packet.',
  'records.text.spf.macros':
    'The record uses macros (%{…}); they are expanded per message, so lookups through them cannot be followed here.',
  'records.text.spf.multiple-records':
    'The domain publishes {count} SPF records; receivers then return permerror and SPF fails for all mail (RFC 7208 §4.5).',
  'records.text.spf.multiple-records.fix': 'Merge them into one record.',
  'records.text.spf.tree-too-many-lookups':
    'Evaluating the record takes {count} DNS lookups through its includes; receivers stop at {max} and SPF fails with permerror (RFC 7208 §4.6.4).',
  'records.text.spf.tree-too-many-lookups.fix':
    'Remove includes of services you no longer use, replace a/mx with ip4/ip6, or move a service to a subdomain with its own SPF record.',
  'records.text.spf.too-many-void-lookups':
    '{count} lookups found nothing; receivers allow {max} and then fail with permerror (RFC 7208 §4.6.4).',
  'records.text.spf.too-many-void-lookups.fix': 'Remove includes and a/mx terms that point at names without records.',
  'records.text.spf.estimate.too-many':
    "Too many lookups (estimate): about {total}, counting what the included services' records cost as of {asOf}; receivers stop at {max} and SPF fails with permerror (RFC 7208 §4.6.4).",
  'records.text.spf.estimate.too-many-at-least':
    "Too many lookups (estimate): at least {total}, counting the known services' records as of {asOf}, without {includes}; receivers stop at {max} and SPF fails with permerror (RFC 7208 §4.6.4).",
  'records.text.spf.estimate.not-counted':
    '{direct} of {max} lookups at the top level, nested not counted ({includes}): turn on live lookups to count the whole tree.',
  'records.text.spf.estimate.partly-counted':
    "{total} of {max} lookups counting the known services' records as of {asOf} (an estimate); {includes} not counted: turn on live lookups to count the whole tree.",
  'records.text.spf.estimate.within':
    "{total} of {max} lookups (estimate), counting what the included services' records cost as of {asOf}; turn on live lookups for the exact tree.",
  'records.text.spf.include-loop': '{domain} includes itself through {path}; receivers fail with permerror.',
  'records.text.spf.temperror': 'Could not read the TXT records of {domain}: {error}.',
  'records.text.spf.no-record': '{domain} publishes no SPF record.',
  'records.text.spf.no-included-record':
    '{domain} (reached by {via}) publishes no SPF record, which makes the including record fail with permerror (RFC 7208 §5.2).',
  'records.text.spf.void-mx': 'mx:{target} finds no MX record (a void lookup).',
  'records.text.spf.too-many-mx':
    '{target} has {hosts} MX hosts; the mx mechanism may look up at most {max} (RFC 7208 §4.6.4).',
  'records.text.spf.void-address': '{mechanism}:{target} finds no address (a void lookup).',
  'records.text.spf.multiple-published':
    '{domain} publishes {count} SPF records; receivers return permerror (RFC 7208 §4.5).',
  'records.text.spf.explain.v': 'Marks the record as SPF version 1.',
  'records.text.spf.explain.redirect':
    'When nothing else matches, use the SPF record of {domain} instead (one DNS lookup).',
  'records.text.spf.explain.exp': 'On fail, receivers may show the explanation published at {domain}.',
  'records.text.spf.explain.unknown-modifier': 'An unknown modifier; receivers ignore it.',
  'records.text.spf.explain.this-domain': 'this domain',
  'records.text.spf.explain.cidr': ' (networks /{ip4} for IPv4, /{ip6} for IPv6)',
  'records.text.spf.explain.all': 'Every other server: {result}.',
  'records.text.spf.explain.include':
    'Servers allowed by the SPF record of {target}: {result} (one DNS lookup, plus whatever that record costs).',
  'records.text.spf.explain.a': 'The addresses of {target}{cidr}: {result} (one DNS lookup).',
  'records.text.spf.explain.mx':
    'The mail servers (MX) of {target}{cidr}: {result} (one DNS lookup, plus one per MX host).',
  'records.text.spf.explain.ptr':
    'Servers whose reverse DNS name ends in {target}: {result}. Discouraged by RFC 7208 §5.5.',
  'records.text.spf.explain.address': 'The address {address}: {result} (no DNS lookup).',
  'records.text.spf.explain.address-range': 'The address range {address}: {result} (no DNS lookup).',
  'records.text.spf.explain.exists':
    'If {target} resolves to an address: {result} (one DNS lookup; usually a macro-based rule).',

  // DKIM key records (dkimKeyRecord.ts).
  'records.text.dkim.invalid-version': 'v= must be exactly DKIM1 and the first tag.',
  'records.text.dkim.invalid-version.fix': 'Start the record with v=DKIM1.',
  'records.text.dkim.missing-p': 'A DKIM key record needs p= with the public key (RFC 6376 §3.6.1).',
  'records.text.dkim.invalid-p': 'p= is not valid base64.',
  'records.text.dkim.invalid-p.fix': 'Copy the key again; check nothing was cut or quoted.',
  'records.text.dkim.revoked': 'p= is empty: this key is revoked and every signature with this selector fails.',
  'records.text.dkim.unknown-key-type': 'k={keyType} is not a key type verifiers know (rsa, ed25519).',
  'records.text.dkim.unreadable-key': 'p= does not hold a valid {keyType} public key.',
  'records.text.dkim.key-too-small': 'The RSA key has {bits} bits; verifiers reject keys under {min} (RFC 8301 §3.2).',
  'records.text.dkim.key-too-small.fix': 'Generate a 2048-bit key.',
  'records.text.dkim.key-weak': 'The RSA key has {bits} bits; RFC 8301 asks signers for at least {recommended}.',
  'records.text.dkim.key-weak.fix': 'Rotate to a 2048-bit key under a new selector.',
  'records.text.dkim.ed25519':
    'Ed25519 keys (RFC 8463) are not verified by every receiver yet: sign with an RSA key as well.',
  'records.text.dkim.sha1': 'h= allows only sha1, which RFC 8301 forbids for signing and verifying.',
  'records.text.dkim.sha1.fix': 'Use h=sha256 or remove h=.',
  'records.text.dkim.testing': 't=y marks the key as in testing: some receivers treat failed signatures as unsigned.',
  'records.text.dkim.testing.fix': 'Remove t=y once signing works.',
  'records.text.dkim.service-type': 's={services} excludes email, so the key cannot verify mail.',
  'records.text.dkim.missing-at': 'No DKIM key at {name}.',
  'records.text.dkim.explain.v': 'DKIM key record, version 1.',
  'records.text.dkim.explain.h': 'Hash algorithms this key may be used with: {value}.',
  'records.text.dkim.explain.k': 'Key type: {keyType}.',
  'records.text.dkim.explain.n': 'A note for people; receivers ignore it.',
  'records.text.dkim.explain.p.revoked': 'Empty: the key is revoked.',
  'records.text.dkim.explain.p.rsa': 'The public key: RSA, {bits} bits.',
  'records.text.dkim.explain.p.ed25519': 'The public key: Ed25519.',
  'records.text.dkim.explain.p.unreadable': 'The public key (could not be read).',
  'records.text.dkim.explain.s': 'Service types the key is for: {value}.',
  'records.text.dkim.explain.t': 'Flags: {flags}.',
  'records.text.dkim.explain.t.y': 'testing',
  'records.text.dkim.explain.t.s': 'the i= domain must equal d=, no subdomains',
  'records.text.dkim.explain.unknown': 'Not a DKIM key tag; receivers ignore it.',

  // MTA-STS (mtaStsRecord.ts, and the policy file's explanation in checkRecordText.ts).
  'records.text.mta-sts.missing-version': 'An MTA-STS record must start with v=STSv1 (RFC 8461 §3.1).',
  'records.text.mta-sts.invalid-id': 'id={id} must be 1 to 32 letters and digits.',
  'records.text.mta-sts.invalid-id.fix': 'Use a timestamp such as 20261122113000.',
  'records.text.mta-sts.missing-id': 'The record needs id=, which senders use to notice a new policy.',
  'records.text.mta-sts.policy-malformed': '"{line}" is not a key: value line.',
  'records.text.mta-sts.policy-version': 'The policy file must start with "version: STSv1".',
  'records.text.mta-sts.policy-repeated-version': 'version may appear only once, first.',
  'records.text.mta-sts.policy-mode': 'mode: {value} must be enforce, testing or none.',
  'records.text.mta-sts.policy-mx': 'mx: {value} is not a host name or *.domain pattern.',
  'records.text.mta-sts.policy-max-age': 'max_age: {value} must be a number of seconds up to {max}.',
  'records.text.mta-sts.policy-no-mode': 'The policy needs a mode: line.',
  'records.text.mta-sts.policy-no-max-age': 'The policy needs a max_age: line.',
  'records.text.mta-sts.policy-no-mx': 'mode: {mode} needs at least one mx: line naming your MX hosts.',
  'records.text.mta-sts.testing': 'mode: testing only asks for TLS reports; senders still deliver without TLS.',
  'records.text.mta-sts.testing.fix': 'Switch to enforce once the TLS reports are clean.',
  'records.text.mta-sts.short-max-age':
    'A max_age under a week gives little protection against downgrade; RFC 8461 §3.2 suggests weeks or more.',
  'records.text.mta-sts.explain.v':
    'MTA-STS version 1: this domain publishes a policy requiring TLS for incoming mail.',
  'records.text.mta-sts.explain.id': 'Policy version; senders fetch the policy file again when it changes.',
  'records.text.mta-sts.explain.mode.enforce':
    'Senders must deliver over TLS to a listed MX with a valid certificate, or not at all.',
  'records.text.mta-sts.explain.mode.testing': 'Senders deliver anyway but report TLS failures (TLS-RPT).',
  'records.text.mta-sts.explain.mode.none': 'The policy is withdrawn.',
  'records.text.mta-sts.explain.mx': 'An MX host senders may deliver to.',
  'records.text.mta-sts.explain.max-age': 'Senders cache the policy for {days, plural, one {# day} other {# days}}.',

  // TLS-RPT (tlsRptRecord.ts).
  'records.text.tls-rpt.missing-version': 'A TLS-RPT record must start with v=TLSRPTv1 (RFC 8460 §3).',
  'records.text.tls-rpt.invalid-rua': '{uri} must be a mailto: or https: address (RFC 8460 §3).',
  'records.text.tls-rpt.missing-rua': 'The record needs rua= with the address for reports.',
  'records.text.tls-rpt.explain.v': 'SMTP TLS reporting, version 1.',
  'records.text.tls-rpt.explain.rua':
    'Daily reports about TLS connection failures to your mail servers go to {addresses}.',

  // BIMI (bimiRecord.ts).
  'records.text.bimi.missing-version': 'A BIMI record must start with v=BIMI1.',
  'records.text.bimi.missing-l': 'The record needs l= with the https URL of the logo (or l= empty to decline).',
  'records.text.bimi.invalid-l': 'l= must be an https: URL of an SVG file.',
  'records.text.bimi.invalid-a': 'a= must be an https: URL of a PEM certificate.',
  'records.text.bimi.not-svg': 'The logo must be an SVG Tiny Portable/Secure file.',
  'records.text.bimi.no-certificate':
    'Without a=, Gmail and Apple Mail show no logo; they require a Verified or Common Mark Certificate.',
  'records.text.bimi.needs-enforcement':
    'BIMI logos are shown only when DMARC is p=quarantine or p=reject on 100% of mail (no pct below 100, no t=y, sp not none).',
  'records.text.bimi.needs-enforcement.fix': 'Finish the DMARC rollout first.',
  'records.text.bimi.explain.v': 'Brand Indicators for Message Identification, version 1.',
  'records.text.bimi.explain.l.none': 'No logo: the domain declines to show one.',
  'records.text.bimi.explain.l': 'Where mailbox providers fetch the logo (SVG).',
  'records.text.bimi.explain.a': 'The mark certificate proving the logo belongs to the domain owner.',
  'records.text.bimi.explain.unknown': 'Not a BIMI tag known here; mailbox providers may ignore it.',

  // The checker (checkRecordText.ts) and its live mode (lookupPublishedRecords.ts).
  'records.text.check.unknown-record':
    'Not a DMARC, SPF, DKIM, MTA-STS, TLS-RPT or BIMI record: none starts with its version tag (v=DMARC1, v=spf1, v=DKIM1, v=STSv1, v=TLSRPTv1, v=BIMI1).',
  'records.text.check.unclosed-quote': 'A quoted string is not closed.',
  'records.text.live.dmarc-multiple-records': '{name} has {count} DMARC records; receivers then apply none of them.',
  'records.text.live.dmarc-from-organization':
    '{domain} has no DMARC record of its own; the record of {organization} applies (its sp= and np= tags govern subdomains).',
  'records.text.live.dmarc-from-tree-walk':
    '{domain} gets its DMARC policy from {source} by the RFC 9989 tree walk; RFC 7489 receivers look at {organization} instead.',
  'records.text.live.dmarc-missing': '{domain} publishes no DMARC record, and no parent domain does either.',
  'records.text.live.optional-missing': 'No {kind} record at {name}.',
  'records.text.live.optional-multiple-records': '{name} has {count} {kind} records; senders then ignore them all.',
  'records.text.live.authorization-missing':
    '{name} does not publish v=DMARC1, so receivers will not send reports there.',

  // The wizard (buildDomainRecords.ts, the services of core/analysis/sendingServices.ts, dkimConfigSnippets.ts).
  'records.text.setup.invalid-domain': '"{domain}" is not a domain name such as example.com.',
  'records.text.setup.invalid-host': '{host} is not a host name.',
  'records.text.setup.invalid-network': '{network} is not an IPv4 or IPv6 address or network.',
  'records.text.setup.unknown-sender': 'Unknown sending service "{id}".',
  'records.text.setup.spf-not-aligned':
    '{service} sends with its own bounce domain, so SPF cannot align for its mail: DMARC passes only through its DKIM signature.',
  'records.text.setup.spf-not-aligned.fix': 'Publish the DKIM records for {service} before moving DMARC past p=none.',
  'records.text.setup.custom-return-path':
    '{service}: SPF aligns only after you set up its custom return-path (bounce) subdomain; until then rely on its DKIM.',
  'records.text.setup.custom-return-path.fix': 'Set it up at {location}.',
  'records.text.setup.fail-all':
    '-all asks receivers to reject mail from unlisted servers; some do so before DKIM and DMARC are checked, losing forwarded mail.',
  'records.text.setup.fail-all.fix':
    '~all is the usual companion of a DMARC policy; choose -all only when every sender is listed.',
  'records.text.setup.invalid-selector': '"{selector}" is not a valid DKIM selector (letters, digits, hyphens, dots).',
  'records.text.setup.invalid-key': 'The public key for selector {selector} is not base64.',
  'records.text.setup.no-dkim':
    "Nothing signs this domain's mail with DKIM: DMARC then depends on SPF alone, which forwarding breaks.",
  'records.text.setup.no-dkim.fix': 'Generate a DKIM key for your own servers or add the services that sign for you.',
  'records.text.setup.invalid-subdomain': '"{label}" is not a valid subdomain label.',
  'records.text.setup.subdomain-advice.one':
    '{services} sends bulk mail from the main domain. Moving it to a subdomain such as news.{domain} keeps their reputation and misconfigurations apart and lets {domain} reach p=reject sooner.',
  'records.text.setup.subdomain-advice.many':
    '{services} send bulk mail from the main domain. Moving them to a subdomain such as news.{domain} keeps their reputation and misconfigurations apart and lets {domain} reach p=reject sooner.',
  'records.text.setup.subdomain-advice.fix': 'Add a subdomain in the wizard and move the bulk services there.',
  'records.text.setup.mta-sts-no-mx': 'The MTA-STS policy needs your MX host names.',
  'records.text.setup.mta-sts-without-tls-rpt':
    'With MTA-STS, publish a TLS-RPT record too, to hear about TLS failures before enforcing.',
  'records.text.purpose.spf': 'SPF: the servers allowed to send as this domain',
  'records.text.purpose.sender-dkim': 'DKIM for {service} (set up at {location})',
  'records.text.purpose.own-dkim': 'DKIM public key ({keyType}) for your own servers',
  'records.text.purpose.dmarc': 'DMARC policy and report addresses',
  'records.text.purpose.report-authorization': 'Authorizes the report domain to receive your reports (RFC 7489 §7.1)',
  'records.text.purpose.subdomain-spf': 'SPF for {subdomain} ({services})',
  'records.text.purpose.subdomain-dmarc':
    'DMARC for {subdomain}: monitoring on its own pace, so the main domain can move to enforcement sooner',
  'records.text.purpose.mta-sts': 'MTA-STS: announces the policy file (change id whenever the file changes)',
  'records.text.purpose.mta-sts-file':
    'MTA-STS policy file, served over HTTPS with a valid certificate for mta-sts.{domain}',
  'records.text.purpose.tls-rpt': 'TLS-RPT: where to send SMTP TLS reports (RFC 8460)',
  'records.text.purpose.bimi': 'BIMI: brand logo shown by supporting mailbox providers',
  'records.text.zone.placeholder-comment': 'fill in the <…> parts from the provider',
  'records.text.sender.google-workspace':
    'Generate a 2048-bit key in the Admin console and publish it as a TXT record under the selector "google".',
  'records.text.sender.microsoft-365':
    'Publish two CNAMEs (selector1, selector2) pointing at keys Microsoft rotates, then enable DKIM signing for the domain.',
  'records.text.sender.amazon-ses': 'Easy DKIM: three CNAMEs pointing at keys Amazon manages and rotates.',
  'records.text.sender.sendgrid':
    'Domain authentication: CNAMEs for the s1/s2 selectors and a return-path subdomain, all pointing at SendGrid.',
  'records.text.sender.mailchimp':
    'Two CNAMEs (k2, k3) pointing at Mailchimp keys; Mailchimp uses its own bounce domain, so DMARC rests on DKIM.',
  'records.text.sender.mailgun':
    'Mailgun generates the key and shows a TXT (or CNAME) record for its selector; it recommends a sending subdomain such as mg.',
  'records.text.sender.postmark':
    'A TXT record under a dated selector ending in "pm", and a pm-bounces CNAME as the Return-Path so SPF aligns.',
  'records.text.sender.brevo':
    'Two CNAMEs (brevo1, brevo2) pointing at keys Brevo manages; its bounce domain is its own, so DMARC rests on DKIM.',
  'records.text.sender.hubspot':
    'Two CNAMEs (hs1, hs2 with your account id) pointing at HubSpot keys; SPF uses an account-specific include HubSpot shows.',
  'records.text.sender.salesforce':
    'Create a DKIM key in Setup; publish the two CNAMEs (selector and alternate selector) Salesforce shows, then activate it.',
  'records.text.sender.zendesk':
    'Two CNAMEs (zendesk1, zendesk2) pointing at Zendesk keys, then enable digital signatures.',
  'records.text.sender.flowmailer':
    'Flowmailer creates the key pair and shows the DKIM CNAMEs and a return-path subdomain to point at it.',
  'records.text.sender.smtpeter':
    'SMTPeter generates and rotates the keys; publish the CNAME delegations it lists for the sender domain.',
  'records.text.sender.zoho-mail': 'Add a selector in the Zoho admin console and publish the TXT record it shows.',
  'records.text.sender.fastmail': 'Three CNAMEs (fm1, fm2, fm3) pointing at keys Fastmail manages.',
  'records.text.snippet.install-key': 'Install the key with: {command}',
  'records.text.snippet.reload': 'Reload with: {command}',
  'records.text.snippet.ed25519':
    'Ed25519 signing (RFC 8463) needs OpenDKIM 2.11+, rspamd 1.9+ or Exim 4.93+; also sign with an RSA key, as not every receiver verifies Ed25519.',
  'records.text.snippet.note-and-ed25519': '{note} {ed25519}',

  // The rollout plan (rolloutPlan.ts) and the next-step check (assessNextStep.ts).
  'records.text.rollout.effect.none':
    'Nothing changes for failing mail; you collect reports to find every legitimate sender.',
  'records.text.rollout.effect.test-quarantine':
    'Test mode: failing mail is still delivered normally (quarantine acts as none), and reports show what would have been quarantined.',
  'records.text.rollout.effect.test-reject': 'Test mode: failing mail is quarantined rather than rejected.',
  'records.text.rollout.effect.all-quarantined': 'All failing mail is quarantined (spam folder).',
  'records.text.rollout.effect.all-rejected': 'All failing mail is rejected.',
  'records.text.rollout.effect.some-quarantined':
    '{pct}% of failing mail is quarantined (spam folder); the rest is delivered normally.',
  'records.text.rollout.effect.some-rejected': '{pct}% of failing mail is rejected; the rest is quarantined.',
  'records.text.rollout.reject-advice':
    'Before reject: every source must sign with aligned DKIM, because SPF does not survive forwarding. RFC 9989 advises domains whose users post to mailing lists to stay at quarantine.',
  'records.text.assess.reason': '{dkim}; {spf}.',
  'records.text.assess.reason.dkim-unaligned': 'DKIM passes for {domain}, which does not align with {from}{strict}',
  'records.text.assess.reason.unsigned': 'The mail is not DKIM-signed',
  'records.text.assess.reason.dkim-fails': 'Its DKIM signature fails',
  'records.text.assess.reason.spf-unaligned': 'SPF passes for {domain}, which does not align with {from}{strict}',
  'records.text.assess.reason.spf-fails': 'SPF does not pass',
  'records.text.assess.reason.strict': ' (strict)',
  'records.text.assess.summary.no-reports':
    'No stored reports for this domain in the period: import aggregate reports first.',
  'records.text.assess.summary.too-few':
    'Only {total, plural, one {# message} other {# messages}} in the period: too few to judge the next step.',
  'records.text.assess.summary.safe':
    'Safe: {failing} of {total} messages fail DMARC, {authenticated} of them from authenticated sources; the next step would have hit {hit}.',
  'records.text.assess.summary.caution':
    'Caution: {authenticated} of {total} messages from authenticated sources ({sources}) still fail alignment; the next step would have hit {hit} failing messages, {authenticatedHit} of them from those sources.',
  'records.text.assess.summary.not-yet':
    'Not yet: {authenticated} of {total} messages come from sources that authenticate but do not align ({sources}). Fix them before the next step, which would have hit {hit} messages, {authenticatedHit} of them from those sources.',
} as const;
