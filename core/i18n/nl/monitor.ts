import type { Translation } from '../translation';
import type { monitorEn } from '../en/monitor';

export const monitorNl: Translation<typeof monitorEn> = {
  // Meldingen (extension/monitor).
  'monitor.watch.notificationTitle': 'DMARC Lens · {domain}',
  'monitor.watch.andMore': '{count, plural, one {en nog # melding} other {en nog # meldingen}}',
  'monitor.watch.source.failing':
    '{source} slaagt niet voor DMARC: {aligned} van {messages, plural, one {# bericht} other {# berichten}} uitgelijnd op {day}.',
  'monitor.watch.source.newFailing':
    'Nieuwe bron {source} slaagt niet voor DMARC: {aligned} van {messages, plural, one {# bericht} other {# berichten}} uitgelijnd op {day}.',
  'monitor.watch.source.startedFailing':
    '{source} faalt sinds kort voor DMARC: {aligned} van {messages, plural, one {# bericht} other {# berichten}} uitgelijnd op {day}, tegen {before} daarvoor.',
  'monitor.watch.source.new': 'Nieuwe bron {source}: voor het eerst gezien op {day}, en de mail slaagt voor DMARC.',
  'monitor.watch.source.passesAgain':
    '{source} slaagt weer voor DMARC: {aligned} van {messages, plural, one {# bericht} other {# berichten}} uitgelijnd op {day}.',
  'monitor.watch.source.gone': '{source} heeft sinds {day} geen mail meer verstuurd; die faalde voor DMARC.',
  'monitor.watch.spoofing.spike':
    'Piek in spoofing: {count, plural, one {# bericht} other {# berichten}} faalden voor zowel DKIM als SPF in {days, plural, one {# dag} other {# dagen}} aan rapporten, {rate} per dag tegen {usual} per dag daarvoor.',
  'monitor.watch.spoofing.usual':
    'Spoofing is terug op het gewone niveau: {count, plural, one {# bericht} other {# berichten}} in de laatste {days, plural, one {# dag} other {# dagen}} aan rapporten.',
  'monitor.watch.spoofing.ended': 'Spoofing is terug op het gewone niveau.',
  'monitor.watch.policy.changed': 'Rapporteurs zien nu {now} (sinds {since}); daarvoor {before} (tot {until}).',
  'monitor.watch.drift.differs':
    'Het gepubliceerde DMARC-record zegt {published}, maar het nieuwste rapport ({reporter}) zag {reported}.',
  'monitor.watch.drift.same': 'Het gepubliceerde DMARC-record klopt weer met wat rapporteurs zien: {reported}.',
  'monitor.watch.drift.ended': 'Het gepubliceerde DMARC-record wijkt niet meer af van wat rapporteurs zien.',
  'monitor.watch.drift.missing':
    'De DNS heeft nu geen DMARC-record voor dit domein, ook niet voor het organisatiedomein, maar het nieuwste rapport ({reporter}) zag {reported}: zonder record passen ontvangers geen beleid toe en sturen ze geen rapporten meer.',
  'monitor.watch.drift.several':
    'De DNS heeft nu meer dan één DMARC-record voor dit domein, dus ontvangers passen er geen toe; het nieuwste rapport ({reporter}) zag {reported}.',
  'monitor.watch.drift.unreadable':
    'Het DMARC-record voor dit domein is nu niet te lezen, dus ontvangers passen mogelijk geen beleid toe; het nieuwste rapport ({reporter}) zag {reported}.',

  // The options page's live DNS lookups for the watch (extension/entrypoints/options, extension/monitor/liveLookups.ts).
  'monitor.live.title': 'Live DNS-lookups',
  'monitor.live.intro':
    'Vraag na elke controle bij een DNS-over-HTTPS-server het DMARC-record op dat elk bewaakt domein publiceert (onder zijn _dmarc-naam, of die van het organisatiedomein als het er zelf geen heeft), en waarschuw als het afwijkt van het beleid dat de nieuwste rapporten zagen of als er geen geldt. De server krijgt alleen de domeinnamen te zien; staat dit uit, dan verlaat niets de browser.',
  'monitor.live.switch': 'Gepubliceerde DMARC-records opvragen',
  'monitor.live.through': 'via',
  'monitor.live.on': 'Aan: na elke controle gaat per domein één DNS-vraag via HTTPS naar {host}.',
  'monitor.live.off': 'Uit: er worden geen DNS-vragen gesteld.',
  'monitor.live.notGranted': 'De browser gaf geen toestemming voor verzoeken aan {host}; live DNS-lookups blijven uit.',
  'monitor.watch.silence.silent':
    'Al {days, plural, one {# dag} other {# dagen}} geen rapporten: het nieuwste eindigde op {day}.',
  'monitor.watch.silence.back': 'Er komen weer rapporten binnen: het nieuwste eindigde op {day}.',
  'monitor.watch.silence.ended': 'Er komen weer rapporten binnen.',
  'monitor.watch.change.raised': 'Nieuw',
  'monitor.watch.change.changed': 'Gewijzigd',
  'monitor.watch.change.resolved': 'Opgelost',

  // Meldingen en weekoverzicht in het dashboard.
  'monitor.watch.page.title': 'Meldingen en weekoverzicht',
  'monitor.watch.page.back': 'Terug naar het dashboard',
  'monitor.watch.page.domain': 'Domein',
  'monitor.watch.page.open': 'Openstaande meldingen',
  'monitor.watch.page.noOpen': 'Niets vraagt om aandacht voor {domain}.',
  'monitor.watch.page.log': 'Recente meldingen',
  'monitor.watch.page.noLog': 'Nog geen meldingen.',
  'monitor.watch.page.noReports':
    'Nog geen rapporten bewaard. Open een rapportmail in Gmail of Outlook, of zet rapportbestanden neer in de pop-up.',
  'monitor.watch.page.checkNow': 'Nu controleren',
  'monitor.watch.page.checked':
    '{count, plural, =0 {Gecontroleerd: niets nieuws.} one {Gecontroleerd: # nieuwe melding.} other {Gecontroleerd: # nieuwe meldingen.}}',
  'monitor.watch.page.loading': 'Laden…',

  // Het weekoverzicht.
  'monitor.watch.digest.title': 'Weekoverzicht voor {domain}',
  'monitor.watch.digest.week': 'De week aan rapporten van {from} tot en met {to}',
  'monitor.watch.digest.chooseWeek': 'Week tot en met',
  'monitor.watch.digest.volume': 'Volume en DMARC-slagingspercentage',
  'monitor.watch.digest.thisWeek': 'Deze week',
  'monitor.watch.digest.weekBefore': 'De week ervoor',
  'monitor.watch.digest.messages': 'Berichten',
  'monitor.watch.digest.passing': 'Geslaagd voor DMARC',
  'monitor.watch.digest.passRate': 'Slagingspercentage',
  'monitor.watch.digest.noRate': '–',
  'monitor.watch.digest.weekColumn': 'Week',
  'monitor.watch.digest.day': 'Dag',
  'monitor.watch.digest.perDay': 'Berichten per dag',
  'monitor.watch.digest.changed': 'Wat er veranderde',
  'monitor.watch.digest.nothingChanged': 'Deze week is er niets veranderd.',
  'monitor.watch.digest.newSources': 'Nieuwe bronnen',
  'monitor.watch.digest.noNewSources': 'Deze week geen nieuwe bronnen.',
  'monitor.watch.digest.failingSources': 'Bronnen die falen voor DMARC',
  'monitor.watch.digest.noFailingSources': 'Deze week faalde geen bron van je eigen mail voor DMARC.',
  'monitor.watch.digest.sourceLine':
    '{source}: {aligned} van {messages, plural, one {# bericht} other {# berichten}} uitgelijnd deze week',
  'monitor.watch.digest.readiness': 'Gereedheid',
  'monitor.watch.digest.print': 'Afdrukken',
  'monitor.watch.digest.copy': 'Kopiëren als e-mailtekst',
  'monitor.watch.digest.copied': 'Gekopieerd: plak het in een e-mail.',
  'monitor.watch.digest.copyFailed': 'Kopiëren lukte niet: {error}',
  'monitor.watch.digest.subject': 'DMARC-weekoverzicht voor {domain}, {from} tot en met {to}',
  // Gathering (extension/sync, extension/bulk): auto-save, bulk import from a mailbox list, the Outlook folder sync.
  'monitor.gather.bulk.label': 'DMARC Lens: de rapporten van deze lijst importeren',
  'monitor.gather.bulk.start':
    '{count, plural, one {Importeer de rapporten van het # bericht in deze lijst} other {Importeer de rapporten van alle # berichten in deze lijst}}',
  'monitor.gather.bulk.progress': '{done} van {total, plural, one {# bericht} other {# berichten}} gelezen',
  'monitor.gather.bulk.waiting':
    '{host} vraagt om rustiger aan te doen: verder over {seconds, plural, one {# seconde} other {# seconden}}.',
  'monitor.gather.bulk.cancel': 'Annuleren',
  'monitor.gather.bulk.cancelled':
    'Geannuleerd: {done} van {total, plural, one {# bericht} other {# berichten}} gelezen.',
  'monitor.gather.bulk.finished':
    'Klaar: {added, plural, one {# nieuw rapport opgeslagen} other {# nieuwe rapporten opgeslagen}}, {already} al opgeslagen.',
  'monitor.gather.bulk.problems':
    '{count, plural, one {# bericht kon niet worden gelezen.} other {# berichten konden niet worden gelezen.}}',
  'monitor.gather.bulk.details': 'Per bericht',
  'monitor.gather.bulk.again': 'Opnieuw importeren',
  'monitor.gather.bulk.untitled': '(geen onderwerp)',
  'monitor.gather.bulk.result.saved':
    '{added, plural, one {# nieuw rapport opgeslagen} other {# nieuwe rapporten opgeslagen}}',
  'monitor.gather.bulk.result.alreadySaved':
    '{count, plural, one {al opgeslagen} other {alle # rapporten al opgeslagen}}',
  'monitor.gather.bulk.result.mixed': '{added} nieuw, {already} al opgeslagen',
  'monitor.gather.bulk.result.none': 'geen rapport in dit bericht',
  'monitor.gather.bulk.result.failed': 'niet gelezen: {reason}',
  'monitor.gather.reason.http': '{host} antwoordde met {status}.',
  'monitor.gather.reason.network': 'het downloaden is mislukt ({error}).',
  'monitor.gather.reason.notMessageId': 'de regel in de lijst heeft geen berichtnummer van {host}.',
  'monitor.gather.reason.refused': 'het adres is niet van {host} zelf, dus er is niets opgevraagd.',
  'monitor.gather.reason.htmlPage': '{host} antwoordde met een webpagina in plaats van het bericht (afgemeld?).',
  'monitor.gather.reason.outlookRefused':
    'Outlook gaf dit bericht niet aan de pagina (antwoord {status}); de achtergrondsynchronisatie via de Graph-modus kan de map wel lezen.',
  'monitor.gather.options.heading': 'Rapporten verzamelen',
  'monitor.gather.options.autoSave': 'Elk rapport dat een kaart toont opslaan',
  'monitor.gather.options.autoSaveHint':
    'Rapporten die je in Gmail of Outlook opent, worden in DMARC Lens op deze computer bewaard, elk één keer. Staat dit uit, dan houdt elke kaart zijn knop Opslaan.',
  'monitor.gather.options.syncFolder': 'Outlook-map om op de achtergrond te lezen',
  'monitor.gather.options.syncHint':
    'Via de Graph-modus (hierboven): een mapnaam zoals Inbox of DMARC. Alleen berichten met rapportbijlagen worden gelezen, elk één keer. Laat het leeg om niets op de achtergrond te lezen.',
  'monitor.gather.options.syncEvery': 'Minuten tussen twee keer Outlook lezen',
  'monitor.gather.options.save': 'Deze instellingen opslaan',
  'monitor.gather.options.saved': 'Opgeslagen.',
  'monitor.gather.options.syncNow': 'Map nu lezen',
  'monitor.gather.options.lastRun':
    'Outlook, laatst gelezen {when}: {messages, plural, one {# bericht met rapporten} other {# berichten met rapporten}}, {added, plural, one {# nieuw rapport} other {# nieuwe rapporten}}, {already} al opgeslagen.',
  'monitor.gather.options.lastRunFailed': 'Outlook: het lezen van {when} is gestopt: {reason}',
  'monitor.gather.options.neverRun': 'Outlook: nog niet gelezen.',
};
