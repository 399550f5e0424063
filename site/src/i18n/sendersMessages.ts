// Strings of the Senders page (site/src/senders), in English and Dutch. Merged into the site catalogue by messages.ts;
// keys start with `senders.`. The sentences core/analysis writes (reasons, fixes, readiness, changes) are
// explanations with a code (core/analysis/explanation.ts): their English templates come from core under
// `senders.explain.<code>`, the nouns they count under `senders.unit.<unit>.one|other`, and the Dutch ones are here.
// A key ending in `.one` / `.other` is a counted noun (useSenderText's `count`).
import { EXPLANATION_TEMPLATES, QUANTITY_TEMPLATES } from '../../../core/analysis/explanation';

type Prefixed<Prefix extends string, T> = { readonly [K in keyof T & string as `${Prefix}${K}`]: string };

function prefixed<Prefix extends string, T extends Readonly<Record<string, string>>>(
  prefix: Prefix,
  templates: T,
): Prefixed<Prefix, T> {
  return Object.fromEntries(Object.entries(templates).map(([key, text]) => [`${prefix}${key}`, text])) as Prefixed<
    Prefix,
    T
  >;
}

export const sendersEn = {
  'senders.heading': 'Senders',
  'senders.intro':
    'Who sends mail as your domain, whether it passes DMARC, and what to change before the next policy step.',
  'senders.loading': 'Reading reports…',
  'senders.empty': 'No reports stored yet. Import aggregate reports to see who sends as your domains.',

  'senders.table.title': 'Senders of {domain}',
  'senders.table.titleAll': 'Senders',
  'senders.table.none': 'No aggregate report records for this selection.',
  'senders.table.more': 'The {shown} largest of {count} sources are shown.',
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
    '{messages} from {sources} failed both DKIM and SPF{countries}. Receivers rejected or quarantined {blocked}.',
  'senders.spoofing.countries': ' (networks registered in {countries})',
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
  'senders.rdns.withoutName': '; {count} have no reverse DNS name',
  'senders.rdns.failed': '; {count} lookups failed',

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

  'senders.count.ips.one': '{count} IP',
  'senders.count.ips.other': '{count} IPs',
  'senders.count.unrecognisedSources.one': '{count} unrecognised source',
  'senders.count.unrecognisedSources.other': '{count} unrecognised sources',
  'senders.count.sourceAddresses.one': '{count} source IP address',
  'senders.count.sourceAddresses.other': '{count} source IP addresses',
  'senders.count.addresses.one': '{count} address',
  'senders.count.addresses.other': '{count} addresses',
  'senders.count.reports.one': '{count} report',
  'senders.count.reports.other': '{count} reports',
  'senders.count.suspicious.one': '{count} suspicious message the next step acts on',
  'senders.count.suspicious.other': '{count} suspicious messages the next step acts on',
  'senders.count.forwarded.one': '{count} forwarded',
  'senders.count.forwarded.other': '{count} forwarded',
  'senders.count.newlyBlocked.one': '{count} delivered message would now be blocked',
  'senders.count.newlyBlocked.other': '{count} delivered messages would now be blocked',

  ...prefixed('senders.explain.', EXPLANATION_TEMPLATES),
  ...prefixed('senders.unit.', QUANTITY_TEMPLATES),
} as const;

export const sendersNl: Record<keyof typeof sendersEn, string> = {
  'senders.heading': 'Afzenders',
  'senders.intro':
    'Wie er mail verstuurt namens je domein, of die voor DMARC slaagt, en wat je moet aanpassen vóór de volgende beleidsstap.',
  'senders.loading': 'Rapporten lezen…',
  'senders.empty':
    'Nog geen rapporten bewaard. Importeer aggregaatrapporten om te zien wie er namens je domeinen verstuurt.',

  'senders.table.title': 'Afzenders van {domain}',
  'senders.table.titleAll': 'Afzenders',
  'senders.table.none': 'Geen records uit aggregaatrapporten voor deze selectie.',
  'senders.table.more': 'De {shown} grootste van {count} bronnen worden getoond.',
  'senders.col.source': 'Bron',
  'senders.col.class': 'Klasse',
  'senders.col.messages': 'Berichten',
  'senders.col.pass': 'DMARC geslaagd',
  'senders.col.network': 'Netwerk',
  'senders.col.why': 'Waarom, en wat te doen',
  'senders.fix': 'Oplossing:',
  'senders.recognised': '{type}, herkend {evidence}',
  'senders.notKnown': 'Geen bekende dienst',
  'senders.evidence.dkim': 'aan de DKIM-handtekening',
  'senders.evidence.envelope': 'aan het envelopdomein',
  'senders.evidence.header-from': 'aan het From-domein',
  'senders.evidence.rdns': 'via reverse DNS',
  'senders.evidence.asn': 'aan het netwerk (AS)',
  'senders.type.mailbox': 'Mailboxprovider',
  'senders.type.marketing': 'Nieuwsbrieven en campagnes',
  'senders.type.transactional': 'Transactionele e-mail',
  'senders.type.crm': 'CRM',
  'senders.type.ticketing': 'Helpdesk',
  'senders.type.notifications': 'Bedrijfsapplicatie',
  'senders.type.security-gateway': 'Beveiligingsgateway',
  'senders.type.forwarder': 'Doorstuurdienst',
  'senders.type.mailing-list': 'Mailinglijst',
  'senders.type.hosting': 'Webhosting',
  'senders.type.cloud': 'Cloud',
  'senders.spoofing.title': 'Mogelijke spoofing:',
  'senders.spoofing.body':
    'Bij {messages} van {sources} mislukten zowel DKIM als SPF{countries}. Ontvangers weigerden of plaatsten er {blocked} in quarantaine.',
  'senders.spoofing.countries': ' (netwerken geregistreerd in {countries})',
  'senders.asn.unavailable':
    'De offline ASN-tabel kon niet worden geladen ({detail}); bronnen krijgen alleen een naam uit de rapportgegevens.',
  'senders.asn.source':
    'AS-nummers, AS-namen en registratielanden komen uit een offline tabel die met deze site wordt meegeleverd; daarvoor verlaat geen enkel adres je browser.',
  'senders.asn.data': 'gegevens: {versions} (sapics/ip-location-db)',
  'senders.asn.countries': 'Een land is waar een netwerk geregistreerd staat, niet waar een server staat.',

  'senders.rdns.open': 'Servers een naam geven via reverse DNS…',
  'senders.rdns.group': 'Reverse-DNS-opzoeking',
  'senders.rdns.consent':
    'Dit stuurt {addresses} van de getoonde afzenders als PTR-vragen (bijv. {example}) via HTTPS naar {host}. Verder wordt niets verstuurd: geen domein, geen rapport. Antwoorden blijven een week in deze browser bewaard.',
  'senders.rdns.server': 'DNS-server',
  'senders.rdns.lookUp': '{addresses} opzoeken bij {host}',
  'senders.rdns.cancel': 'Annuleren',
  'senders.rdns.progress': '{done} van {total} opgezocht…',
  'senders.rdns.named':
    '{named} van {total} adressen hebben een naam ({cached} antwoorden uit de cache van deze browser)',
  'senders.rdns.withoutName': '; {count} hebben geen reverse-DNS-naam',
  'senders.rdns.failed': '; {count} opzoekingen mislukt',

  'senders.readiness.title': 'Klaar voor de volgende stap? ({domain})',
  'senders.readiness.ready': 'Klaar',
  'senders.readiness.notYet': 'Nog niet',
  'senders.readiness.done': 'Afgerond',
  'senders.readiness.now': 'Nu: {step}',
  'senders.readiness.next': 'volgende: {step}',
  'senders.readiness.days': '{days} aan rapporten onder het huidige beleid',
  'senders.readiness.aligned': '{share} van {messages} in lijn',
  'senders.readiness.blockers': 'Wat de volgende stap tegenhoudt',
  'senders.readiness.sources': 'Bekende bronnen en hoeveel van hun mail in lijn is',
  'senders.readiness.col.source': 'Bekende bron',
  'senders.readiness.col.aligned': 'In lijn',
  'senders.readiness.col.dkimAligned': 'DKIM in lijn',
  'senders.readiness.col.blocks': 'Blokkeert?',
  'senders.readiness.blocks': 'Blokkeert',
  'senders.readiness.ok': 'In orde',

  'senders.whatIf.title': 'Wat als…',
  'senders.whatIf.record': 'Denkbeeldig DMARC-record',
  'senders.whatIf.asPublished': 'zoals gepubliceerd',
  'senders.whatIf.t': 't (testmodus)',
  'senders.whatIf.summary':
    'Van {messages} zouden er {pass} slagen, {quarantine} in quarantaine gaan en {reject} geweigerd worden{none}. Ontvangers meldden {reportedQuarantine} in quarantaine en {reportedReject} geweigerd; {newlyBlocked}.',
  'senders.whatIf.none': ' ({none} mislukken maar worden toch afgeleverd)',
  'senders.whatIf.note':
    'np geldt voor subdomeinen die niet bestaan, en dat kunnen rapporten niet laten zien; hier verandert het dus niets. Ontvangers kunnen het beleid nog steeds opzijzetten voor doorgestuurde mail en mail van mailinglijsten.',
  'senders.whatIf.table': 'Bronnen die mail zouden verliezen',
  'senders.whatIf.col.quarantined': 'In quarantaine',
  'senders.whatIf.col.rejected': 'Geweigerd',
  'senders.whatIf.col.newlyBlocked': 'Nieuw tegengehouden',
  'senders.whatIf.col.overridden': 'Eerder toegelaten',
  'senders.whatIf.nothing': 'Onder dit record zou geen enkele bron mail verliezen.',

  'senders.changes.title': 'Wat er veranderde sinds de vorige import',
  'senders.changes.noImport': 'Nog geen import.',
  'senders.changes.nothing':
    'Niets nieuws in de laatste import ({reports}): dezelfde bronnen, die slagen zoals eerder, onder hetzelfde beleid.',
  'senders.changes.policy': 'Beleid',
  'senders.changes.startedFailing': 'Begon te mislukken',
  'senders.changes.newSource': 'Nieuwe bron',

  'senders.count.ips.one': '{count} IP-adres',
  'senders.count.ips.other': '{count} IP-adressen',
  'senders.count.unrecognisedSources.one': '{count} onbekende bron',
  'senders.count.unrecognisedSources.other': '{count} onbekende bronnen',
  'senders.count.sourceAddresses.one': '{count} bron-IP-adres',
  'senders.count.sourceAddresses.other': '{count} bron-IP-adressen',
  'senders.count.addresses.one': '{count} adres',
  'senders.count.addresses.other': '{count} adressen',
  'senders.count.reports.one': '{count} rapport',
  'senders.count.reports.other': '{count} rapporten',
  'senders.count.suspicious.one': '{count} verdacht bericht waar de volgende stap op ingrijpt',
  'senders.count.suspicious.other': '{count} verdachte berichten waar de volgende stap op ingrijpt',
  'senders.count.forwarded.one': '{count} doorgestuurd',
  'senders.count.forwarded.other': '{count} doorgestuurd',
  'senders.count.newlyBlocked.one': '{count} afgeleverd bericht zou nu worden tegengehouden',
  'senders.count.newlyBlocked.other': '{count} afgeleverde berichten zouden nu worden tegengehouden',

  'senders.explain.source.noMessages': 'Geen berichten in de gekozen periode.',
  'senders.explain.source.compliant':
    '{passShare} van {messages} van {label} slaagt voor DMARC met DKIM in lijn{fewFailed}.',
  'senders.explain.source.compliantPartlySigned':
    '{passShare} van {messages} van {label} slaagt voor DMARC (DKIM in lijn bij {dkimShare}){fewFailed}.',
  'senders.explain.source.fewFailed': '; {failed} mislukt, te weinig om het oordeel te veranderen',
  'senders.explain.source.misconfigured':
    '{name} verstuurde {failing} van {messages} als {domain} zonder DKIM of SPF in lijn, dus DMARC mislukt. Gebruik je {name} niet, dan verstuurt iemand anders met een eigen account bij {name} als {domain}: meld het bij {name}.',
  'senders.explain.source.misconfiguredTenant':
    '{name} (het account van je eigen organisatie daar) verstuurde {failing} van {messages} als {domain} zonder DKIM of SPF in lijn, dus DMARC mislukt.',
  'senders.explain.source.forwarded':
    'Bij {failing} van {messages} van {label} mislukte DMARC na doorsturen: {why}. Hier hoef je niets aan te doen, tenzij je zelf vanaf deze bron verstuurt; blijf alles met DKIM ondertekenen, zodat doorgestuurde kopieën kunnen slagen.',
  'senders.explain.source.suspicious':
    'Bij {failing} van {messages} mislukten zowel DKIM als SPF: {what}{countries}.{blocked} Tenzij dit een afzender is die je gebruikt, is het spoofing; p=quarantine of p=reject houdt het uit de inbox.',
  'senders.explain.forwarded.receiverSaysForwarded':
    'de ontvangers markeerden ze als doorgestuurde mail of mail van een mailinglijst (policy override)',
  'senders.explain.forwarded.forwardingService':
    '{name} stuurt mail door die het niet zelf schreef, dus SPF controleert de servers van {name} in plaats van de jouwe',
  'senders.explain.forwarded.mailingList':
    '{name} is een mailinglijst: die past het bericht aan, waardoor je DKIM-handtekening breekt, en verstuurt vanaf eigen servers',
  'senders.explain.forwarded.ownSignatureRelayed':
    'ze dragen je DKIM-handtekening (d={domain}), maar komen van een server waarvandaan jij niet verstuurt, dus de handtekening is onderweg gebroken',
  'senders.explain.forwarded.relayed': 'ze zijn door een derde partij doorgegeven',
  'senders.explain.suspicious.mailboxAccount': 'iemands account bij {name} zette {domain} in de From',
  'senders.explain.suspicious.cloudServer': 'een server bij {name} (een algemene cloud) verstuurde als {domain}',
  'senders.explain.suspicious.unknown': 'een onbekende afzender gebruikte {domain} in de From',
  'senders.explain.suspicious.countries': ' vanaf netwerken geregistreerd in {countries}',
  'senders.explain.suspicious.moreCountries': ' vanaf netwerken geregistreerd in {countries} en nog {more} andere',
  'senders.explain.suspicious.country': '{country} {messages}',
  'senders.explain.suspicious.blocked': ' Ontvangers weigerden of plaatsten er {blocked} in quarantaine.',
  'senders.explain.fix.dkim': '{dkim}.',
  'senders.explain.fix.dkimAndSpf': '{dkim}; {spf}.',
  'senders.explain.fix.keyUnreachable':
    'Ontvangers konden de DKIM-sleutel {keyName} niet ophalen (temperror): zorg dat die vanaf elke DNS-server van {domain} betrouwbaar op te vragen is',
  'senders.explain.fix.signatureBroken':
    'De DKIM-handtekening d={domain}{selector} van {name} klopt niet ({result}): publiceer de sleutel die {name} je geeft precies zo op {keyName}',
  'senders.explain.fix.selector': ' (selector {selector})',
  'senders.explain.fix.turnOnDkim': 'Zet DKIM-ondertekening met d={domain} aan bij {where}{signsAs}',
  'senders.explain.fix.signsAs': ' (nu ondertekent het als {signsAs}, en dat is niet in lijn)',
  'senders.explain.fix.addInclude': 'voeg {include} toe aan het SPF-record van {envelope}',
  'senders.explain.fix.authorizeServers': 'geef de servers van {name} toestemming in het SPF-record van {envelope}',
  'senders.explain.fix.returnPath':
    'stel eventueel bij {name} een eigen return-path onder {domain} in, zodat ook SPF in lijn is',
  'senders.explain.readiness.belowThreshold': '{label}: {aligned} van {messages} in lijn (nodig: {threshold}).',
  'senders.explain.readiness.belowThresholdFix':
    '{label}: {aligned} van {messages} in lijn (nodig: {threshold}). {fix}',
  'senders.explain.readiness.spfOnly':
    '{label} slaagt voor {spfOnly} van zijn mail alleen op SPF: p=reject vraagt om DKIM (RFC 9989), anders worden doorgestuurde kopieën geweigerd. Zet daar DKIM-ondertekening voor je domein aan.',
  'senders.explain.readiness.authenticatedFailing':
    '{failing} authenticeren als een dienst of doorstuurder maar zijn niet in lijn ({share} van {messages}); {step} zou er {hit} in quarantaine zetten of weigeren. Los die afzenders eerst op.',
  'senders.explain.readiness.noReports': 'Geen aggregaatrapporten voor {domain} in de gekozen periode.',
  'senders.explain.readiness.fewDays':
    'Pas {days} aan rapporten onder {step}; RFC 9989 raadt aan minstens {minimumDays} dagen te kijken vóór de volgende stap.',
  'senders.explain.readiness.summaryNoReports': 'Nog geen rapporten voor {domain}.',
  'senders.explain.readiness.summaryAtReject':
    '{domain} staat op p=reject: de laatste stap. Blijf letten op nieuwe bronnen.',
  'senders.explain.readiness.summaryReady':
    '{domain} is klaar voor {step}: elke bekende bron is over {days} voor minstens {threshold} in lijn.',
  'senders.explain.readiness.summaryNotReady': '{domain} is nog niet klaar voor {step}: eerst {things} oplossen.',
  'senders.explain.changes.startedFailing':
    '{label} slaagde vóór deze import voor {before} van zijn mail voor DMARC en nu voor {now}. {advice}',
  'senders.explain.changes.reportersDisagree':
    'Rapporteurs zagen verschillende beleidsregels voor {domain}: {policies}. Een recente wijziging die nog doorwerkt, of meer dan één DMARC-record (RFC 7489 §6.6.3: dan geldt er geen).',
  'senders.explain.changes.changedSinceLastImport':
    'Rapporteurs zien nu {now} voor {domain}; vóór deze import zagen ze {before}.',
  'senders.explain.changes.differsFromPublished':
    '{domain} publiceert {published}, maar het nieuwste rapport ({reporter}) zag {reported}: rapporten lopen een dag of twee achter op een wijziging; controleer anders of er een tweede record of een tikfout is.',
  'senders.explain.label.rdns': 'Servers onder {org}',
  'senders.explain.label.mailingList': 'Mailinglijst op {host}',
  'senders.explain.label.unknownAddress': 'onbekend adres',
  'senders.explain.label.yourDomain': 'je domein',

  'senders.unit.message.one': '{count} bericht',
  'senders.unit.message.other': '{count} berichten',
  'senders.unit.day.one': '{count} dag',
  'senders.unit.day.other': '{count} dagen',
  'senders.unit.thing.one': '{count} punt',
  'senders.unit.thing.other': '{count} punten',
};
