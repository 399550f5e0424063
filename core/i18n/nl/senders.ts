import type { Translation } from '../translation';
import type { sendersEn } from '../en/senders';

export const sendersNl: Translation<typeof sendersEn> = {
  'senders.heading': 'Afzenders',
  'senders.intro':
    'Wie er mail verstuurt namens je domein, of die voor DMARC slaagt, en wat je moet aanpassen vóór de volgende beleidsstap.',
  'senders.loading': 'Rapporten lezen…',
  'senders.empty':
    'Nog geen rapporten bewaard. Importeer aggregaatrapporten om te zien wie er namens je domeinen verstuurt.',

  'senders.table.title': 'Afzenders van {domain}',
  'senders.table.titleAll': 'Afzenders',
  'senders.table.none': 'Geen records uit aggregaatrapporten voor deze selectie.',
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
    'Bij {messages} van {sources}{unrecognised} lagen DKIM en SPF allebei niet in lijn en was de mail niet doorgestuurd{countries}. Ontvangers weigerden of plaatsten er {blocked} in quarantaine.',
  'senders.spoofing.unrecognised': ' ({count} niet herkend)',
  'senders.beside.compliant': '{count} in orde',
  'senders.beside.forwarded': '{count} doorgestuurd',
  'senders.beside.misconfigured': '{count} verkeerd ingesteld',
  'senders.beside.suspicious': '{count} verdacht',
  'senders.range.note': '{range}: een interne relay of een artefact van de rapporteur, geen afzender op internet',
  'senders.range.unspecified': 'Ongespecificeerd adres',
  'senders.range.loopback': 'Loopback-adres',
  'senders.range.private': 'Privéadres',
  'senders.range.shared': 'Carrier-grade-NAT-adres',
  'senders.range.link-local': 'Link-local-adres',
  'senders.range.documentation': 'Documentatieadres',
  'senders.range.benchmarking': 'Benchmarkadres',
  'senders.range.multicast': 'Multicastadres',
  'senders.range.broadcast': 'Broadcastadres',
  'senders.range.reserved': 'Gereserveerd adres',
  'senders.spoofing.countries': ', vanuit netwerken geregistreerd in {countries}',
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
  'senders.rdns.withoutName': '; {count, plural, one {# heeft} other {# hebben}} geen reverse-DNS-naam',
  'senders.rdns.failed': '; {count, plural, one {# opzoeking} other {# opzoekingen}} mislukt',

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
  'senders.whatIf.byClass':
    'Van de berichten die in quarantaine zouden gaan of geweigerd zouden worden, naar hun klasse nu: {compliant} in orde (je eigen mail die nu slaagt), {forwarded} doorgestuurd, {misconfigured} verkeerd ingesteld, {suspicious} verdacht.',
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

  'senders.count.ips': '{count, plural, one {# IP-adres} other {# IP-adressen}}',
  'senders.count.sources': '{count, plural, one {# bron} other {# bronnen}}',
  'senders.count.unrecognisedSources': '{count, plural, one {# onbekende bron} other {# onbekende bronnen}}',
  'senders.count.sourceAddresses': '{count, plural, one {# bron-IP-adres} other {# bron-IP-adressen}}',
  'senders.count.addresses': '{count, plural, one {# adres} other {# adressen}}',
  'senders.count.reports': '{count, plural, one {# rapport} other {# rapporten}}',
  'senders.count.suspicious':
    '{count, plural, one {# verdacht bericht waar de volgende stap op ingrijpt} other {# verdachte berichten waar de volgende stap op ingrijpt}}',
  'senders.count.forwarded': '{count, plural, one {# doorgestuurd} other {# doorgestuurd}}',
  'senders.count.newlyBlocked':
    '{count, plural, one {# afgeleverd bericht zou nu worden tegengehouden} other {# afgeleverde berichten zouden nu worden tegengehouden}}',

  'senders.explain.source.noMessages': 'Geen berichten in de gekozen periode.',
  'senders.explain.source.compliant':
    '{passShare} van {messages} van {label} slaagt voor DMARC met DKIM in lijn{besides}.',
  'senders.explain.source.compliantPartlySigned':
    '{passShare} van {messages} van {label} slaagt voor DMARC (DKIM in lijn bij {dkimShare}){besides}.',
  'senders.explain.source.alsoCarried': '; daarnaast {others}',
  'senders.explain.class.compliant': '{count} in orde',
  'senders.explain.class.forwarded': '{count} doorgestuurd',
  'senders.explain.class.misconfigured': '{count} verkeerd ingesteld',
  'senders.explain.class.suspicious': '{count} verdacht',
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
  'senders.explain.suspicious.country': '{country} ({messages})',
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
    '{label} slaagde in de rapporten van vóór deze import voor {before} van zijn mail voor DMARC en in deze import voor {now}. {advice}',
  'senders.explain.changes.reportersDisagree':
    'Rapporteurs zagen verschillende beleidsregels voor {domain}: {policies}. Een recente wijziging die nog doorwerkt, of meer dan één DMARC-record (RFC 7489 §6.6.3: dan geldt er geen).',
  'senders.explain.changes.changedSinceLastImport':
    'Rapporteurs zagen {before} voor {domain} in rapporten tot en met {until}, en {now} vanaf {since}.',
  'senders.explain.changes.differsFromPublished':
    '{domain} publiceert {published}, maar het nieuwste rapport ({reporter}) zag {reported}: rapporten lopen een dag of twee achter op een wijziging; controleer anders of er een tweede record of een tikfout is.',
  'senders.explain.label.rdns': 'Servers onder {org}',
  'senders.explain.label.mailingList': 'Mailinglijst op {host}',
  'senders.explain.label.unknownAddress': 'onbekend adres',
  'senders.explain.label.otherAccounts': 'Accounts van anderen bij {name}',
  'senders.explain.label.yourDomain': 'je domein',

  'senders.unit.message': '{count, plural, one {# bericht} other {# berichten}}',
  'senders.unit.day': '{count, plural, one {# dag} other {# dagen}}',
  'senders.unit.thing': '{count, plural, one {# punt} other {# punten}}',
};
