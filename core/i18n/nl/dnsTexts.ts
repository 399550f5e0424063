import type { Translation } from '../translation';
import type { dnsTextsEn } from '../en/dnsTexts';

export const dnsTextsNl: Translation<typeof dnsTextsEn> = {
  // Lists: `{first}` is an item, `{rest}` the remaining items joined the same way.
  'records.text.list.and': '{first} en {rest}',
  'records.text.list.comma': '{first}, {rest}',

  // The tag-list syntax shared by DKIM, DMARC, MTA-STS, TLS-RPT and BIMI (tagList.ts).
  'records.text.tag.empty':
    'Het record heeft een lege tag (twee puntkomma’s achter elkaar); ontvangers slaan die over.',
  'records.text.tag.empty.fix': 'Haal de extra puntkomma weg.',
  'records.text.tag.malformed': '"{segment}" is geen tag: elk deel tussen puntkomma’s moet naam=waarde zijn.',
  'records.text.tag.malformed.fix': 'Schrijf het als naam=waarde, of haal het weg.',
  'records.text.tag.invalid-name':
    '"{name}" is geen geldige tagnaam (een letter gevolgd door letters, cijfers of "_").',
  'records.text.tag.invalid-value':
    'De waarde van {name} bevat tekens die niet in een tagwaarde mogen (stuurtekens of niet-ASCII).',
  'records.text.tag.duplicate': 'De tag {name} komt meer dan eens voor, waardoor het hele record ongeldig is.',
  'records.text.tag.duplicate.fix': 'Houd één {name}=-tag over.',
  'records.text.tag.extension': 'Een uitbreiding; afzenders negeren die.',
  'records.text.tag.missing-semicolon': '"{segment}" zet tags aan elkaar: scheid tags met ";", zoals in {fixed}.',
  'records.text.tag.missing-semicolon.fix': 'Zet een puntkomma tussen elke twee tags.',

  // DNS answers that are failures (types.ts, evaluateSpfLookups.ts, the site's DNS-over-HTTPS resolver).
  'records.text.dns.unusable-answer': 'de resolver gaf geen bruikbaar antwoord voor {name} {type}',
  'records.text.dns.lookup-threw': 'opvragen van {name} {type} mislukt: {error}',
  'records.text.dns.question-limit': 'gestopt na {max} DNS-vragen',
  'records.text.dns.http-status': '{server} antwoordde met HTTP {status}',
  'records.text.dns.unreachable': '{server} is niet bereikbaar ({error})',
  'records.text.dns.not-dns-json':
    '{server} antwoordde, maar niet met een DNS-antwoord (een inlogpagina van een wifinetwerk of een proxy kan dat doen): probeer het opnieuw op een ander netwerk',
  'records.text.dns.rcode': 'DNS-foutcode {code}',
  'records.text.dns.lookup-failed': '{name} kon niet worden opgevraagd: {error}.',

  // DMARC (dmarcRecord.ts).
  'records.text.dmarc.missing-version':
    'Een DMARC-record moet beginnen met v=DMARC1 (precies zo, in hoofdletters); ontvangers negeren elk ander record.',
  'records.text.dmarc.missing-version.fix': 'Zet v=DMARC1 vooraan.',
  'records.text.dmarc.repeated-version': 'v= mag maar één keer voorkomen, als eerste.',
  'records.text.dmarc.invalid-policy': '{tag}={value} is geen beleid: gebruik none, quarantine of reject.',
  'records.text.dmarc.invalid-alignment': '{tag}={value} moet r (relaxed) of s (strict) zijn.',
  'records.text.dmarc.invalid-pct': 'pct={value} moet een geheel getal van 0 tot en met 100 zijn.',
  'records.text.dmarc.invalid-fo': 'fo={value} moet een lijst zijn van 0, 1, d en s, gescheiden door dubbele punten.',
  'records.text.dmarc.invalid-ri': 'ri={value} moet een aantal seconden zijn.',
  'records.text.dmarc.invalid-psd': 'psd={value} moet y, n of u zijn.',
  'records.text.dmarc.invalid-t': 't={value} moet y of n zijn.',
  'records.text.dmarc.unknown-tag': '{name} is geen DMARC-tag; ontvangers negeren hem (een tikfout?).',
  'records.text.dmarc.invalid-report-uri':
    '"{item}" in {tag}= is geen rapportadres; schrijf mailto:adres@domein, gescheiden door komma’s.',
  'records.text.dmarc.missing-p': 'Er is geen p=-tag; ontvangers behandelen het record als p=none.',
  'records.text.dmarc.missing-p.fix': 'Voeg p=none (of strenger) toe.',
  'records.text.dmarc.monitoring-only':
    'p=none vraagt alleen om rapporten: ontvangers zetten mail die niet door DMARC komt niet in quarantaine en weigeren die ook niet.',
  'records.text.dmarc.monitoring-only.fix':
    'Zodra de rapporten laten zien dat elke legitieme bron in lijn is, ga je door naar quarantine (zie het uitrolplan).',
  'records.text.dmarc.reject-without-dkim':
    'p=reject zonder DKIM-ondertekening leunt alleen op SPF, en dat breekt bij elke doorsturing: RFC 9989 raadt dit af.',
  'records.text.dmarc.reject-without-dkim.fix': 'Stel DKIM in voor elke verzenddienst voordat je p=reject publiceert.',
  'records.text.dmarc.no-rua':
    'Geen rua=-adres: je ontvangt geen aggregaatrapporten en ziet niet wie er namens je domein mailt.',
  'records.text.dmarc.no-rua.fix': 'Voeg rua=mailto:dmarc-rapporten@jouw-domein toe.',
  'records.text.dmarc.many-uris':
    '{tag}= noemt {count} adressen; ontvangers hoeven er maar twee te bedienen (RFC 7489 §6.2), dus de latere krijgen mogelijk niets.',
  'records.text.dmarc.many-uris.fix': 'Noem hoogstens twee adressen, het belangrijkste eerst.',
  'records.text.dmarc.non-mailto-uri': '{uri} is geen mailto:-adres; ontvangers versturen rapporten alleen per mail.',
  'records.text.dmarc.uri-size': 'De groottelimiet !{size} bij {uri} wordt door ontvangers volgens RFC 9989 genegeerd.',
  'records.text.dmarc.external-report-domain':
    'Rapporten gaan naar het domein van een andere organisatie: dat moet een TXT-record {name} met de waarde v=DMARC1 publiceren, anders sturen ontvangers ze niet.',
  'records.text.dmarc.external-report-domain.fix':
    'Vraag de eigenaar van {domain} om {name} TXT "v=DMARC1" te publiceren (veel rapportdiensten doen dit voor je).',
  'records.text.dmarc.ruf-privacy':
    'ruf= vraagt om foutmeldingsrapporten, die persoonsgegevens kunnen bevatten; weinig ontvangers sturen ze.',
  'records.text.dmarc.fo-without-ruf':
    'fo= bepaalt alleen wanneer foutmeldingsrapporten worden verstuurd; zonder ruf= worden er geen verstuurd.',
  'records.text.dmarc.fo-without-ruf.fix': 'Voeg ruf= toe of haal fo= weg.',
  'records.text.dmarc.historic-pct':
    'pct={pct} past het beleid toe op {pct}% van de mail die niet door DMARC komt, en alleen bij ontvangers volgens RFC 7489; RFC 9989 heeft pct historisch verklaard en zijn ontvangers negeren het.',
  'records.text.dmarc.historic-pct.fix':
    'Gebruik voor ontvangers volgens RFC 9989 t=y terwijl je een strenger beleid test (pct=0 komt overeen met t=y).',
  'records.text.dmarc.historic-tag': '{tag}= is historisch in RFC 9989; ontvangers kunnen het negeren.',
  'records.text.dmarc.historic-tag.fix': 'Haal {tag}= weg.',
  'records.text.dmarc.psd':
    'psd=y verklaart dit domein tot publiek suffix (zoals een TLD); alleen registries horen dit te publiceren.',
  'records.text.dmarc.psd.fix': 'Haal psd=y weg, tenzij je een publiek suffix beheert.',
  'records.text.dmarc.weaker-subdomain-policy':
    'Subdomeinen krijgen sp={sp}, zwakker dan p={p}: vervalste mail van verzonnen subdomeinen wordt milder behandeld.',
  'records.text.dmarc.test-mode-and-pct':
    't=y (RFC 9989) en pct (RFC 7489) zwakken allebei het beleid af; elke soort ontvanger leest alleen zijn eigen tag.',
  'records.text.dmarc.policy.none':
    'ondernemen geen actie tegen mail die niet door DMARC komt en rapporteren die alleen',
  'records.text.dmarc.policy.quarantine': 'behandelen mail die niet door DMARC komt als verdacht (meestal de spammap)',
  'records.text.dmarc.policy.reject': 'weigeren mail die niet door DMARC komt al tijdens de SMTP-sessie',
  'records.text.dmarc.policy.unknown': 'volgen een onbekend beleid',
  'records.text.dmarc.explain.v': 'Markeert het record als DMARC versie 1; moet vooraan staan.',
  'records.text.dmarc.explain.p': 'Beleid voor het domein zelf: ontvangers {policy}.',
  'records.text.dmarc.explain.sp': 'Beleid voor subdomeinen: ontvangers {policy}. Zonder sp krijgen subdomeinen p.',
  'records.text.dmarc.explain.np':
    'Beleid volgens RFC 9989 voor subdomeinen die niet in DNS bestaan: ontvangers {policy}. Valt terug op sp, en dan op p.',
  'records.text.dmarc.explain.adkim.s':
    'Strikte DKIM-uitlijning: het ondertekenende domein d= moet precies gelijk zijn aan het From-domein.',
  'records.text.dmarc.explain.adkim.r':
    'Ruime DKIM-uitlijning (relaxed): het ondertekenende domein d= mag elk domein van dezelfde organisatie als het From-domein zijn.',
  'records.text.dmarc.explain.aspf.s':
    'Strikte SPF-uitlijning: het domein van de envelopafzender (Return-Path) moet precies gelijk zijn aan het From-domein.',
  'records.text.dmarc.explain.aspf.r':
    'Ruime SPF-uitlijning (relaxed): het domein van de envelopafzender mag elk domein van dezelfde organisatie als het From-domein zijn.',
  'records.text.dmarc.explain.pct':
    'Ontvangers volgens RFC 7489 passen het beleid toe op {pct}% van de mail die niet door DMARC komt en het eerstvolgende zwakkere beleid op de rest; historisch in RFC 9989.',
  'records.text.dmarc.explain.fo': 'Foutmeldingsrapporten worden gevraagd als {conditions}.',
  'records.text.dmarc.explain.fo.or': '{first}, of als {rest}',
  'records.text.dmarc.explain.fo.0': 'alle controles mislukken',
  'records.text.dmarc.explain.fo.1': 'een van de controles mislukt',
  'records.text.dmarc.explain.fo.d': 'een DKIM-handtekening ongeldig is',
  'records.text.dmarc.explain.fo.s': 'SPF mislukt',
  'records.text.dmarc.explain.rua': 'Aggregaatrapporten (dagelijkse samenvattingen) gaan naar {addresses}.',
  'records.text.dmarc.explain.ruf': 'Foutmeldingsrapporten over afzonderlijke berichten gaan naar {addresses}.',
  'records.text.dmarc.explain.addresses-you-list': 'de adressen die je opgeeft',
  'records.text.dmarc.explain.rf': 'Formaat van foutmeldingsrapporten (afrf); historisch in RFC 9989.',
  'records.text.dmarc.explain.ri':
    'Vraagt om elke {seconds, plural, one {# seconde} other {# seconden}} een aggregaatrapport (ontvangers sturen toch dagelijks); historisch in RFC 9989.',
  'records.text.dmarc.explain.psd.y': 'RFC 9989: dit domein is een publiek-suffixdomein (een registry, zoals een TLD).',
  'records.text.dmarc.explain.psd.n':
    'RFC 9989: dit domein is een organisatiedomein, geen publiek suffix; de boomwandeling stopt hier.',
  'records.text.dmarc.explain.psd.u': 'RFC 9989: geen uitspraak over of dit een publiek suffix is (de standaard).',
  'records.text.dmarc.explain.t.y':
    'Testmodus van RFC 9989: ontvangers passen het eerstvolgende zwakkere beleid toe (reject werkt als quarantine, quarantine als none) terwijl jij de rapporten bekijkt.',
  'records.text.dmarc.explain.t.n': 'RFC 9989: het beleid wordt toegepast zoals het er staat (niet in testmodus).',
  'records.text.dmarc.explain.unknown': 'Geen DMARC-tag; ontvangers negeren hem.',
  'records.text.dmarc.explain.authorization':
    'Geeft het domein dat vóór ._report._dmarc. staat toestemming zijn DMARC-rapporten naar dit domein te sturen (RFC 7489 §7.1).',

  // SPF (spfRecord.ts, evaluateSpfLookups.ts).
  'records.text.spf.missing-version': 'Een SPF-record moet beginnen met v=spf1, gevolgd door een spatie.',
  'records.text.spf.missing-version.fix': 'Begin het record met "v=spf1 ".',
  'records.text.spf.invalid-character':
    'Het record bevat tabs, regeleinden of niet-ASCII-tekens; termen worden alleen door spaties gescheiden.',
  'records.text.spf.repeated-modifier': '{name}= mag maar één keer voorkomen (RFC 7208 §6).',
  'records.text.spf.invalid-term': '"{term}" is geen geldige SPF-term.',
  'records.text.spf.invalid-modifier-domain': '{name}={value} heeft een geldig domein nodig.',
  'records.text.spf.unknown-mechanism':
    '"{term}" is geen SPF-mechanisme (all, include, a, mx, ptr, ip4, ip6, exists) en ook geen modifier.',
  'records.text.spf.all-argument': '{term}: all neemt geen argument.',
  'records.text.spf.needs-domain': '{term}: {mechanism} heeft een domein nodig, zoals {mechanism}:example.com.',
  'records.text.spf.invalid-domain': '{term}: het domein is ongeldig.',
  'records.text.spf.ip4-cidr-too-long': '{term}: een IPv4-prefixlengte is hoogstens 32.',
  'records.text.spf.ip6-cidr-too-long': '{term}: een IPv6-prefixlengte is hoogstens 128.',
  'records.text.spf.needs-address': '{term}: {mechanism} heeft een adres nodig, zoals {mechanism}:{example}.',
  'records.text.spf.invalid-address': '{term}: {address} is geen {family}-adres.',
  'records.text.spf.prefix-range': '{term}: de prefixlengte moet van 0 tot en met {max} zijn.',
  'records.text.spf.plus-all': '{term} geeft elke server op internet toestemming om namens dit domein te mailen.',
  'records.text.spf.neutral-all': '?all zegt niets over andere servers; SPF beschermt dan niets.',
  'records.text.spf.use-softfail-or-fail': 'Gebruik ~all of -all.',
  'records.text.spf.softfail-all':
    '~all markeert andere servers als "waarschijnlijk niet gemachtigd". Met DMARC op quarantine of reject is dit de gebruikelijke keuze: DMARC beslist, en doorgestuurde mail komt nog bij de DMARC-beoordeling en DKIM aan.',
  'records.text.spf.fail-all':
    '-all vraagt ontvangers mail van andere servers te weigeren; sommige doen dat al vóór de DMARC- en DKIM-controle, waardoor doorgestuurde mail die DKIM had kunnen redden verloren kan gaan.',
  'records.text.spf.fail-all.fix':
    'Gebruik -all alleen als elke afzender erin staat; ~all is de veiligere keuze naast een DMARC-beleid.',
  'records.text.spf.no-all':
    'Het record eindigt zonder all-mechanisme, dus mail van elke andere server krijgt "neutral".',
  'records.text.spf.no-all.fix': 'Sluit het record af met ~all of -all.',
  'records.text.spf.redirect-ignored':
    'redirect= wordt genegeerd als het record een all-mechanisme heeft (RFC 7208 §6.1).',
  'records.text.spf.redirect-ignored.fix':
    'Verwijder redirect= (het record ervan wordt nooit gelezen), of verwijder all, zodat de redirect geldt als niets anders overeenkomt.',
  'records.text.spf.terms-after-all': 'Mechanismen na {term} worden nooit beoordeeld.',
  'records.text.spf.terms-after-all.fix': 'Zet all aan het eind.',
  'records.text.spf.ptr':
    'Het ptr-mechanisme is traag en onbetrouwbaar; volgens RFC 7208 §5.5 hoort het niet gebruikt te worden (SHOULD NOT), en sommige ontvangers negeren het.',
  'records.text.spf.ptr.fix': 'Vervang ptr door ip4/ip6 of a.',
  'records.text.spf.modifier-typo':
    '{name}={value} wordt gelezen als een onbekende modifier en genegeerd; mechanismen gebruiken een dubbele punt.',
  'records.text.spf.modifier-typo.fix': 'Schrijf {mechanism}:{value}.',
  'records.text.spf.duplicate-term': '{term} komt meer dan eens voor.',
  'records.text.spf.duplicate-term.fix': 'Haal de herhaling weg.',
  'records.text.spf.too-many-lookups':
    'Het record heeft zelf al {count} DNS-lookups nodig; ontvangers stoppen bij {max} met een permerror (RFC 7208 §4.6.4).',
  'records.text.spf.too-many-lookups.fix':
    'Haal includes weg van diensten die je niet meer gebruikt, of vervang a/mx door ip4/ip6.',
  'records.text.spf.split-strings':
    'Het record is {bytes} bytes, dus het moet worden gepubliceerd als meerdere strings van hoogstens 255 bytes (die ontvangers zonder spaties aan elkaar plakken).',
  'records.text.spf.too-long':
    'Het record is {bytes} bytes; RFC 7208 §3.4 raadt aan onder de {max} te blijven, zodat het antwoord in één UDP-pakket past.',
  'records.text.spf.macros':
    'Het record gebruikt macro’s (%{…}); die worden per bericht ingevuld, dus lookups via macro’s kunnen hier niet gevolgd worden.',
  'records.text.spf.multiple-records':
    'Het domein publiceert {count} SPF-records; ontvangers geven dan een permerror en SPF mislukt voor alle mail (RFC 7208 §4.5).',
  'records.text.spf.multiple-records.fix': 'Voeg ze samen tot één record.',
  'records.text.spf.tree-too-many-lookups':
    'Het record kost via de includes {count} DNS-lookups; ontvangers stoppen bij {max} en SPF mislukt met een permerror (RFC 7208 §4.6.4).',
  'records.text.spf.tree-too-many-lookups.fix':
    'Haal includes weg van diensten die je niet meer gebruikt, vervang a/mx door ip4/ip6, of verhuis een dienst naar een subdomein met een eigen SPF-record.',
  'records.text.spf.too-many-void-lookups':
    '{count} lookups vonden niets; ontvangers staan er {max} toe en geven daarna een permerror (RFC 7208 §4.6.4).',
  'records.text.spf.too-many-void-lookups.fix':
    'Haal includes en a/mx-termen weg die naar namen zonder records wijzen.',
  'records.text.spf.estimate.too-many':
    'Te veel lookups (schatting): ongeveer {total}, meegeteld wat de records van de opgenomen diensten kostten in {asOf}; ontvangers stoppen bij {max} en SPF mislukt met een permerror (RFC 7208 §4.6.4).',
  'records.text.spf.estimate.too-many-at-least':
    'Te veel lookups (schatting): minstens {total}, meegeteld wat de records van de bekende diensten kostten in {asOf}, zonder {includes}; ontvangers stoppen bij {max} en SPF mislukt met een permerror (RFC 7208 §4.6.4).',
  'records.text.spf.estimate.not-counted':
    '{direct} van {max} lookups op het bovenste niveau, geneste niet geteld ({includes}): zet live DNS-lookups aan om de hele boom te tellen.',
  'records.text.spf.estimate.partly-counted':
    '{total} van {max} lookups, meegeteld wat de records van de bekende diensten kostten in {asOf} (een schatting); {includes} niet geteld: zet live DNS-lookups aan om de hele boom te tellen.',
  'records.text.spf.estimate.within':
    '{total} van {max} lookups (schatting), meegeteld wat de records van de opgenomen diensten kostten in {asOf}; zet live DNS-lookups aan voor de exacte boom.',
  'records.text.spf.include-loop': '{domain} neemt zichzelf op via {path}; ontvangers geven een permerror.',
  'records.text.spf.temperror': 'De TXT-records van {domain} konden niet worden gelezen: {error}.',
  'records.text.spf.no-record': '{domain} publiceert geen SPF-record.',
  'records.text.spf.no-included-record':
    '{domain} (bereikt via {via}) publiceert geen SPF-record, waardoor het record dat het opneemt een permerror geeft (RFC 7208 §5.2).',
  'records.text.spf.void-mx': 'mx:{target} vindt geen MX-record (een lege lookup).',
  'records.text.spf.too-many-mx':
    '{target} heeft {hosts} MX-hosts; het mx-mechanisme mag er hoogstens {max} opvragen (RFC 7208 §4.6.4).',
  'records.text.spf.void-address': '{mechanism}:{target} vindt geen adres (een lege lookup).',
  'records.text.spf.multiple-published':
    '{domain} publiceert {count} SPF-records; ontvangers geven een permerror (RFC 7208 §4.5).',
  'records.text.spf.explain.v': 'Markeert het record als SPF versie 1.',
  'records.text.spf.explain.redirect':
    'Als niets anders overeenkomt, geldt in plaats hiervan het SPF-record van {domain} (één DNS-lookup).',
  'records.text.spf.explain.exp': 'Bij fail kunnen ontvangers de uitleg tonen die op {domain} gepubliceerd staat.',
  'records.text.spf.explain.unknown-modifier': 'Een onbekende modifier; ontvangers negeren hem.',
  'records.text.spf.explain.this-domain': 'dit domein',
  'records.text.spf.explain.cidr': ' (netwerken /{ip4} voor IPv4, /{ip6} voor IPv6)',
  'records.text.spf.explain.all': 'Elke andere server: {result}.',
  'records.text.spf.explain.include':
    'Servers die het SPF-record van {target} toestaat: {result} (één DNS-lookup, plus wat dat record zelf kost).',
  'records.text.spf.explain.a': 'De adressen van {target}{cidr}: {result} (één DNS-lookup).',
  'records.text.spf.explain.mx':
    'De mailservers (MX) van {target}{cidr}: {result} (één DNS-lookup, plus één per MX-host).',
  'records.text.spf.explain.ptr':
    'Servers waarvan de reverse-DNS-naam eindigt op {target}: {result}. Afgeraden door RFC 7208 §5.5.',
  'records.text.spf.explain.address': 'Het adres {address}: {result} (geen DNS-lookup).',
  'records.text.spf.explain.address-range': 'Het adresbereik {address}: {result} (geen DNS-lookup).',
  'records.text.spf.explain.exists':
    'Als {target} naar een adres verwijst: {result} (één DNS-lookup; meestal een regel met macro’s).',

  // DKIM key records (dkimKeyRecord.ts).
  'records.text.dkim.invalid-version': 'v= moet precies DKIM1 zijn en de eerste tag.',
  'records.text.dkim.invalid-version.fix': 'Begin het record met v=DKIM1.',
  'records.text.dkim.missing-p': 'Een DKIM-sleutelrecord heeft p= met de publieke sleutel nodig (RFC 6376 §3.6.1).',
  'records.text.dkim.invalid-p': 'p= is geen geldige base64.',
  'records.text.dkim.invalid-p.fix':
    'Kopieer de sleutel opnieuw; controleer dat er niets is afgekapt of tussen aanhalingstekens is gezet.',
  'records.text.dkim.revoked':
    'p= is leeg: deze sleutel is ingetrokken en elke handtekening met deze selector is ongeldig.',
  'records.text.dkim.unknown-key-type': 'k={keyType} is geen sleuteltype dat verificateurs kennen (rsa, ed25519).',
  'records.text.dkim.unreadable-key': 'p= bevat geen geldige publieke {keyType}-sleutel.',
  'records.text.dkim.key-too-small':
    'De RSA-sleutel heeft {bits} bits; verificateurs weigeren sleutels onder {min} bits (RFC 8301 §3.2).',
  'records.text.dkim.key-too-small.fix': 'Genereer een sleutel van 2048 bits.',
  'records.text.dkim.key-weak':
    'De RSA-sleutel heeft {bits} bits; RFC 8301 vraagt ondertekenaars om minstens {recommended}.',
  'records.text.dkim.key-weak.fix': 'Stap over op een sleutel van 2048 bits onder een nieuwe selector.',
  'records.text.dkim.ed25519':
    'Ed25519-sleutels (RFC 8463) worden nog niet door elke ontvanger gecontroleerd: onderteken ook met een RSA-sleutel.',
  'records.text.dkim.sha1': 'h= staat alleen sha1 toe, en RFC 8301 verbiedt dat voor ondertekenen en verifiëren.',
  'records.text.dkim.sha1.fix': 'Gebruik h=sha256 of haal h= weg.',
  'records.text.dkim.testing':
    't=y markeert de sleutel als test: sommige ontvangers behandelen ongeldige handtekeningen dan als ontbrekend.',
  'records.text.dkim.testing.fix': 'Haal t=y weg zodra het ondertekenen werkt.',
  'records.text.dkim.service-type':
    's={services} sluit e-mail uit, dus met deze sleutel kan geen mail worden gecontroleerd.',
  'records.text.dkim.missing-at': 'Geen DKIM-sleutel op {name}.',
  'records.text.dkim.explain.v': 'DKIM-sleutelrecord, versie 1.',
  'records.text.dkim.explain.h': 'Hash-algoritmen waarmee deze sleutel gebruikt mag worden: {value}.',
  'records.text.dkim.explain.k': 'Sleuteltype: {keyType}.',
  'records.text.dkim.explain.n': 'Een notitie voor mensen; ontvangers negeren die.',
  'records.text.dkim.explain.p.revoked': 'Leeg: de sleutel is ingetrokken.',
  'records.text.dkim.explain.p.rsa': 'De publieke sleutel: RSA, {bits} bits.',
  'records.text.dkim.explain.p.ed25519': 'De publieke sleutel: Ed25519.',
  'records.text.dkim.explain.p.unreadable': 'De publieke sleutel (niet leesbaar).',
  'records.text.dkim.explain.s': 'Diensttypen waarvoor de sleutel bedoeld is: {value}.',
  'records.text.dkim.explain.t': 'Vlaggen: {flags}.',
  'records.text.dkim.explain.t.y': 'test',
  'records.text.dkim.explain.t.s': 'het i=-domein moet gelijk zijn aan d=, geen subdomeinen',
  'records.text.dkim.explain.unknown': 'Geen tag van een DKIM-sleutelrecord; ontvangers negeren hem.',

  // MTA-STS (mtaStsRecord.ts, and the policy file's explanation in checkRecordText.ts).
  'records.text.mta-sts.missing-version': 'Een MTA-STS-record moet beginnen met v=STSv1 (RFC 8461 §3.1).',
  'records.text.mta-sts.invalid-id': 'id={id} moet 1 tot 32 letters en cijfers zijn.',
  'records.text.mta-sts.invalid-id.fix': 'Gebruik een tijdstempel zoals 20261122113000.',
  'records.text.mta-sts.missing-id': 'Het record heeft id= nodig; daaraan zien afzenders dat er een nieuw beleid is.',
  'records.text.mta-sts.policy-malformed': '"{line}" is geen regel in de vorm sleutel: waarde.',
  'records.text.mta-sts.policy-version': 'Het beleidsbestand moet beginnen met "version: STSv1".',
  'records.text.mta-sts.policy-repeated-version': 'version mag maar één keer voorkomen, als eerste.',
  'records.text.mta-sts.policy-mode': 'mode: {value} moet enforce, testing of none zijn.',
  'records.text.mta-sts.policy-mx': 'mx: {value} is geen hostnaam of *.domein-patroon.',
  'records.text.mta-sts.policy-max-age': 'max_age: {value} moet een aantal seconden zijn van hoogstens {max}.',
  'records.text.mta-sts.policy-no-mode': 'Het beleid heeft een regel mode: nodig.',
  'records.text.mta-sts.policy-no-max-age': 'Het beleid heeft een regel max_age: nodig.',
  'records.text.mta-sts.policy-no-mx': 'mode: {mode} heeft minstens één regel mx: nodig met je MX-hosts.',
  'records.text.mta-sts.testing':
    'mode: testing vraagt alleen om TLS-rapporten; afzenders leveren nog steeds af zonder TLS.',
  'records.text.mta-sts.testing.fix': 'Stap over op enforce zodra de TLS-rapporten schoon zijn.',
  'records.text.mta-sts.short-max-age':
    'Een max_age van minder dan een week biedt weinig bescherming tegen downgrades; RFC 8461 §3.2 stelt weken of langer voor.',
  'records.text.mta-sts.explain.v':
    'MTA-STS versie 1: dit domein publiceert een beleid dat TLS verplicht stelt voor inkomende mail.',
  'records.text.mta-sts.explain.id':
    'Versie van het beleid; afzenders halen het beleidsbestand opnieuw op als die verandert.',
  'records.text.mta-sts.explain.mode.enforce':
    'Afzenders moeten via TLS afleveren bij een genoemde MX met een geldig certificaat, of helemaal niet.',
  'records.text.mta-sts.explain.mode.testing':
    'Afzenders leveren hoe dan ook af, maar rapporteren TLS-fouten (TLS-RPT).',
  'records.text.mta-sts.explain.mode.none': 'Het beleid is ingetrokken.',
  'records.text.mta-sts.explain.mx': 'Een MX-host waar afzenders mogen afleveren.',
  'records.text.mta-sts.explain.max-age':
    'Afzenders bewaren het beleid {days, plural, one {# dag} other {# dagen}} in hun cache.',

  // TLS-RPT (tlsRptRecord.ts).
  'records.text.tls-rpt.missing-version': 'Een TLS-RPT-record moet beginnen met v=TLSRPTv1 (RFC 8460 §3).',
  'records.text.tls-rpt.invalid-rua': '{uri} moet een mailto:- of https:-adres zijn (RFC 8460 §3).',
  'records.text.tls-rpt.missing-rua': 'Het record heeft rua= nodig met het adres voor de rapporten.',
  'records.text.tls-rpt.explain.v': 'SMTP TLS-rapportage, versie 1.',
  'records.text.tls-rpt.explain.rua':
    'Dagelijkse rapporten over mislukte TLS-verbindingen met je mailservers gaan naar {addresses}.',

  // BIMI (bimiRecord.ts).
  'records.text.bimi.missing-version': 'Een BIMI-record moet beginnen met v=BIMI1.',
  'records.text.bimi.missing-l':
    'Het record heeft l= nodig met de https-URL van het logo (of een lege l= om af te zien van een logo).',
  'records.text.bimi.invalid-l': 'l= moet een https:-URL van een SVG-bestand zijn.',
  'records.text.bimi.invalid-a': 'a= moet een https:-URL van een PEM-certificaat zijn.',
  'records.text.bimi.not-svg': 'Het logo moet een SVG Tiny Portable/Secure-bestand zijn.',
  'records.text.bimi.no-certificate':
    'Zonder a= tonen Gmail en Apple Mail geen logo; zij eisen een Verified of Common Mark Certificate.',
  'records.text.bimi.needs-enforcement':
    'BIMI-logo’s worden alleen getoond als DMARC voor 100% van de mail op p=quarantine of p=reject staat (geen pct onder 100, geen t=y, sp niet none).',
  'records.text.bimi.needs-enforcement.fix': 'Rond eerst de uitrol van DMARC af.',
  'records.text.bimi.explain.v': 'Brand Indicators for Message Identification, versie 1.',
  'records.text.bimi.explain.l.none': 'Geen logo: het domein ziet af van een logo.',
  'records.text.bimi.explain.l': 'Waar mailboxproviders het logo (SVG) ophalen.',
  'records.text.bimi.explain.a': 'Het merkcertificaat dat bewijst dat het logo van de domeineigenaar is.',
  'records.text.bimi.explain.unknown': 'Geen bekende BIMI-tag; mailboxproviders negeren hem mogelijk.',

  // The checker (checkRecordText.ts) and its live mode (lookupPublishedRecords.ts).
  'records.text.check.unknown-record':
    'Geen DMARC-, SPF-, DKIM-, MTA-STS-, TLS-RPT- of BIMI-record: het begint niet met een van hun versietags (v=DMARC1, v=spf1, v=DKIM1, v=STSv1, v=TLSRPTv1, v=BIMI1).',
  'records.text.check.unclosed-quote': 'Een string tussen aanhalingstekens is niet afgesloten.',
  'records.text.live.dmarc-multiple-records':
    '{name} heeft {count} DMARC-records; ontvangers passen er dan geen van toe.',
  'records.text.live.dmarc-from-organization':
    '{domain} heeft geen eigen DMARC-record; het record van {organization} geldt (de tags sp= en np= daarvan bepalen het beleid voor subdomeinen).',
  'records.text.live.dmarc-from-tree-walk':
    '{domain} krijgt zijn DMARC-beleid van {source} via de boomwandeling van RFC 9989; ontvangers volgens RFC 7489 kijken in plaats daarvan naar {organization}.',
  'records.text.live.dmarc-missing':
    '{domain} publiceert geen DMARC-record, en geen enkel bovenliggend domein doet dat.',
  'records.text.live.optional-missing': 'Geen {kind}-record op {name}.',
  'records.text.live.optional-multiple-records':
    '{name} heeft {count} {kind}-records; afzenders negeren ze dan allemaal.',
  'records.text.live.authorization-missing':
    '{name} publiceert geen v=DMARC1, dus ontvangers sturen daar geen rapporten heen.',

  // The wizard (buildDomainRecords.ts, the services of core/analysis/sendingServices.ts, dkimConfigSnippets.ts).
  'records.text.setup.invalid-domain': '"{domain}" is geen domeinnaam zoals example.com.',
  'records.text.setup.invalid-host': '{host} is geen hostnaam.',
  'records.text.setup.invalid-network': '{network} is geen IPv4- of IPv6-adres of -netwerk.',
  'records.text.setup.unknown-sender': 'Onbekende verzenddienst "{id}".',
  'records.text.setup.spf-not-aligned':
    '{service} verstuurt met een eigen bouncedomein, dus SPF kan voor die mail niet in lijn zijn: DMARC slaagt alleen via de DKIM-handtekening.',
  'records.text.setup.spf-not-aligned.fix':
    'Publiceer de DKIM-records voor {service} voordat je DMARC verder zet dan p=none.',
  'records.text.setup.custom-return-path':
    '{service}: SPF is pas in lijn als je het eigen return-path-subdomein (bouncedomein) instelt; vertrouw tot dan op DKIM.',
  'records.text.setup.custom-return-path.fix': 'Stel het in bij {location}.',
  'records.text.setup.fail-all':
    '-all vraagt ontvangers mail van niet-genoemde servers te weigeren; sommige doen dat al vóór de DKIM- en DMARC-controle, waardoor doorgestuurde mail verloren gaat.',
  'records.text.setup.fail-all.fix':
    '~all is de gebruikelijke keuze naast een DMARC-beleid; kies -all alleen als elke afzender erin staat.',
  'records.text.setup.invalid-selector':
    '"{selector}" is geen geldige DKIM-selector (letters, cijfers, koppeltekens, punten).',
  'records.text.setup.invalid-key': 'De publieke sleutel voor selector {selector} is geen base64.',
  'records.text.setup.no-dkim':
    'Niets ondertekent de mail van dit domein met DKIM: DMARC hangt dan alleen van SPF af, en dat breekt bij doorsturen.',
  'records.text.setup.no-dkim.fix':
    'Genereer een DKIM-sleutel voor je eigen servers of voeg de diensten toe die voor je ondertekenen.',
  'records.text.setup.invalid-subdomain': '"{label}" is geen geldige naam voor een subdomein.',
  'records.text.setup.subdomain-advice.one':
    '{services} verstuurt bulkmail vanaf het hoofddomein. Verhuis die dienst naar een subdomein zoals news.{domain}: dan blijven reputatie en configuratiefouten gescheiden en kan {domain} eerder naar p=reject.',
  'records.text.setup.subdomain-advice.many':
    '{services} versturen bulkmail vanaf het hoofddomein. Verhuis ze naar een subdomein zoals news.{domain}: dan blijven reputatie en configuratiefouten gescheiden en kan {domain} eerder naar p=reject.',
  'records.text.setup.subdomain-advice.fix': 'Voeg in de wizard een subdomein toe en verhuis de bulkdiensten daarheen.',
  'records.text.setup.mta-sts-no-mx': 'Het MTA-STS-beleid heeft je MX-hostnamen nodig.',
  'records.text.setup.mta-sts-without-tls-rpt':
    'Publiceer bij MTA-STS ook een TLS-RPT-record, zodat je TLS-fouten hoort voordat je enforce aanzet.',
  'records.text.purpose.spf': 'SPF: de servers die namens dit domein mogen mailen',
  'records.text.purpose.sender-dkim': 'DKIM voor {service} (in te stellen bij {location})',
  'records.text.purpose.own-dkim': 'Publieke DKIM-sleutel ({keyType}) voor je eigen servers',
  'records.text.purpose.dmarc': 'DMARC-beleid en rapportadressen',
  'records.text.purpose.report-authorization':
    'Geeft het rapportdomein toestemming je rapporten te ontvangen (RFC 7489 §7.1)',
  'records.text.purpose.subdomain-spf': 'SPF voor {subdomain} ({services})',
  'records.text.purpose.subdomain-dmarc':
    'DMARC voor {subdomain}: monitoring in een eigen tempo, zodat het hoofddomein eerder naar handhaving kan',
  'records.text.purpose.mta-sts':
    'MTA-STS: kondigt het beleidsbestand aan (wijzig id telkens als het bestand verandert)',
  'records.text.purpose.mta-sts-file':
    'MTA-STS-beleidsbestand, geserveerd via HTTPS met een geldig certificaat voor mta-sts.{domain}',
  'records.text.purpose.tls-rpt': 'TLS-RPT: waar SMTP TLS-rapporten heen gaan (RFC 8460)',
  'records.text.purpose.bimi': 'BIMI: merklogo dat ondersteunende mailboxproviders tonen',
  'records.text.zone.placeholder-comment': 'vul de <…>-delen in met de gegevens van de provider',
  'records.text.sender.google-workspace':
    'Genereer een sleutel van 2048 bits in de Admin-console en publiceer die als TXT-record onder de selector "google".',
  'records.text.sender.microsoft-365':
    'Publiceer twee CNAME’s (selector1, selector2) die wijzen naar sleutels die Microsoft roteert, en zet daarna DKIM-ondertekening aan voor het domein.',
  'records.text.sender.amazon-ses': 'Easy DKIM: drie CNAME’s die wijzen naar sleutels die Amazon beheert en roteert.',
  'records.text.sender.sendgrid':
    'Domeinauthenticatie: CNAME’s voor de selectors s1/s2 en een return-path-subdomein, allemaal wijzend naar SendGrid.',
  'records.text.sender.mailchimp':
    'Twee CNAME’s (k2, k3) die wijzen naar sleutels van Mailchimp; Mailchimp gebruikt een eigen bouncedomein, dus DMARC leunt op DKIM.',
  'records.text.sender.mailgun':
    'Mailgun genereert de sleutel en toont een TXT-record (of CNAME) voor de selector; Mailgun raadt een apart verzendsubdomein aan, zoals mg.',
  'records.text.sender.postmark':
    'Een TXT-record onder een gedateerde selector die eindigt op "pm", en een pm-bounces-CNAME als Return-Path, zodat SPF in lijn is.',
  'records.text.sender.brevo':
    'Twee CNAME’s (brevo1, brevo2) die wijzen naar sleutels die Brevo beheert; het bouncedomein is van Brevo zelf, dus DMARC leunt op DKIM.',
  'records.text.sender.hubspot':
    'Twee CNAME’s (hs1, hs2 met je account-id) die wijzen naar sleutels van HubSpot; voor SPF gebruik je een accountspecifieke include die HubSpot toont.',
  'records.text.sender.salesforce':
    'Maak een DKIM-sleutel aan in Setup; publiceer de twee CNAME’s (selector en alternatieve selector) die Salesforce toont, en activeer de sleutel daarna.',
  'records.text.sender.zendesk':
    'Twee CNAME’s (zendesk1, zendesk2) die wijzen naar sleutels van Zendesk; zet daarna digitale handtekeningen aan.',
  'records.text.sender.flowmailer':
    'Flowmailer maakt het sleutelpaar aan en toont de DKIM-CNAME’s en een return-path-subdomein dat ernaar moet wijzen.',
  'records.text.sender.smtpeter':
    'SMTPeter genereert en roteert de sleutels; publiceer de CNAME-delegaties die SMTPeter voor het afzenderdomein toont.',
  'records.text.sender.zoho-mail':
    'Voeg een selector toe in de Zoho-adminconsole en publiceer het TXT-record dat daar verschijnt.',
  'records.text.sender.fastmail': 'Drie CNAME’s (fm1, fm2, fm3) die wijzen naar sleutels die Fastmail beheert.',
  'records.text.snippet.install-key': 'Installeer de sleutel met: {command}',
  'records.text.snippet.reload': 'Herladen met: {command}',
  'records.text.snippet.ed25519':
    'Ondertekenen met Ed25519 (RFC 8463) vraagt OpenDKIM 2.11+, rspamd 1.9+ of Exim 4.93+; onderteken ook met een RSA-sleutel, want niet elke ontvanger controleert Ed25519.',
  'records.text.snippet.note-and-ed25519': '{note} {ed25519}',

  // The rollout plan (rolloutPlan.ts) and the next-step check (assessNextStep.ts).
  'records.text.rollout.effect.none':
    'Er verandert niets voor mail die niet door DMARC komt; je verzamelt rapporten om elke legitieme afzender te vinden.',
  'records.text.rollout.effect.test-quarantine':
    'Testmodus: mail die niet door DMARC komt wordt nog gewoon afgeleverd (quarantine werkt als none), en de rapporten laten zien wat in quarantaine was beland.',
  'records.text.rollout.effect.test-reject':
    'Testmodus: mail die niet door DMARC komt gaat in quarantaine in plaats van geweigerd te worden.',
  'records.text.rollout.effect.all-quarantined': 'Alle mail die niet door DMARC komt gaat in quarantaine (spammap).',
  'records.text.rollout.effect.all-rejected': 'Alle mail die niet door DMARC komt wordt geweigerd.',
  'records.text.rollout.effect.some-quarantined':
    '{pct}% van de mail die niet door DMARC komt gaat in quarantaine (spammap); de rest wordt gewoon afgeleverd.',
  'records.text.rollout.effect.some-rejected':
    '{pct}% van de mail die niet door DMARC komt wordt geweigerd; de rest gaat in quarantaine.',
  'records.text.rollout.reject-advice':
    'Vóór reject: elke bron moet ondertekenen met DKIM dat in lijn is, want SPF overleeft doorsturen niet. RFC 9989 raadt domeinen waarvan de gebruikers op mailinglijsten posten aan op quarantine te blijven.',
  'records.text.assess.reason': '{dkim}; {spf}.',
  'records.text.assess.reason.dkim-unaligned': 'DKIM slaagt voor {domain}, dat niet in lijn is met {from}{strict}',
  'records.text.assess.reason.unsigned': 'De mail is niet met DKIM ondertekend',
  'records.text.assess.reason.dkim-fails': 'De DKIM-handtekening is ongeldig',
  'records.text.assess.reason.spf-unaligned': 'SPF slaagt voor {domain}, dat niet in lijn is met {from}{strict}',
  'records.text.assess.reason.spf-fails': 'SPF slaagt niet',
  'records.text.assess.reason.strict': ' (strict)',
  'records.text.assess.summary.no-reports':
    'Geen bewaarde rapporten voor dit domein in deze periode: importeer eerst aggregaatrapporten.',
  'records.text.assess.summary.too-few':
    'Maar {total, plural, one {# bericht} other {# berichten}} in deze periode: te weinig om de volgende stap te beoordelen.',
  'records.text.assess.summary.safe':
    'Veilig: {failing} van de {total} berichten komen niet door DMARC, waarvan {authenticated} van geauthenticeerde bronnen; de volgende stap had er {hit} getroffen.',
  'records.text.assess.summary.caution':
    'Voorzichtig: {authenticated} van de {total} berichten van geauthenticeerde bronnen ({sources}) zijn nog steeds niet in lijn; de volgende stap had {hit} mislukte berichten getroffen, waarvan {authenticatedHit} van die bronnen.',
  'records.text.assess.summary.not-yet':
    'Nog niet: {authenticated} van de {total} berichten komen van bronnen die wel authenticeren maar niet in lijn zijn ({sources}). Los dat op vóór de volgende stap, die {hit} berichten had getroffen, waarvan {authenticatedHit} van die bronnen.',
};
