import type { Translation } from '../translation';
import type { housekeepingEn } from '../en/housekeeping';

export const housekeepingNl: Translation<typeof housekeepingEn> = {
  'housekeeping.disp.detail': '{quarantined} in quarantaine · {rejected} geweigerd · {delivered} afgeleverd',
  'housekeeping.title': '{page} — DMARC Lens',

  'housekeeping.addFolder': 'Map toevoegen',
  'housekeeping.sampleTag': 'Voorbeeldgegevens',
  'housekeeping.samples.banner':
    '{count, plural, one {Er is # voorbeeldrapport} other {Er zijn # voorbeeldrapporten}} naast je eigen rapporten bewaard; ze tellen mee in wat je ziet.',
  'housekeeping.samples.remove': 'Voorbeeldgegevens verwijderen',
  'housekeeping.samples.confirm': 'De voorbeeldgegevens verwijderen: {counts}? Je eigen rapporten blijven staan.',
  'housekeeping.samples.removed': 'Voorbeeldgegevens verwijderd: {counts}.',
  'housekeeping.samples.imported':
    'Dit zijn de meegeleverde voorbeeldrapporten. Je verwijdert ze met één klik via de melding boven aan elke pagina.',
  'housekeeping.warningRepeated': '{warning} ({count, plural, one {één keer} other {# keer}})',
  'housekeeping.openReport': '{domain} openen, {from} – {to}',
  'housekeeping.openReportDay': '{domain} openen, {day}',
  'housekeeping.openReportUndated': '{domain} openen',
  'housekeeping.moreReports': '{count, plural, one {nog # rapport} other {nog # rapporten}}',
  'housekeeping.history.heading': 'Eerdere imports',
  'housekeeping.history.summary': '{files, plural, one {# bestand} other {# bestanden}}: {counts}',
  'housekeeping.history.counts':
    '{imported, plural, one {# rapport geïmporteerd} other {# rapporten geïmporteerd}}, {duplicates, plural, one {# al bewaard} other {# al bewaard}}, {refused, plural, one {# bestand geweigerd} other {# bestanden geweigerd}}',
  'housekeeping.history.interruptedTag': 'Onderbroken',
  'housekeeping.history.interrupted':
    'De pagina werd gesloten voordat deze import klaar was. De resultaten van {done} van {total, plural, one {# bestand} other {# bestanden}} zijn bewaard: {counts}',
  'housekeeping.history.retention':
    '{count, plural, one {# oud rapport verwijderd} other {# oude rapporten verwijderd}} door de bewaartermijn',

  'housekeeping.counts':
    '{aggregate, plural, one {# verzamelrapport} other {# verzamelrapporten}} ({messages, plural, one {# bericht} other {# berichten}}), {failure, plural, one {# foutrapport} other {# foutrapporten}} en {tls, plural, one {# TLS-rapport} other {# TLS-rapporten}}',
  'housekeeping.storage.heading': 'Opslag',
  'housekeeping.storage.used': 'Deze site gebruikt {used} van de {quota} die deze browser haar toestaat.',
  'housekeeping.storage.unknown': 'Deze browser vertelt niet hoeveel opslag de site gebruikt.',
  'housekeeping.storage.table': 'Bewaarde rapporten per domein',
  'housekeeping.storage.col.domain': 'Domein',
  'housekeeping.storage.col.aggregate': 'Verzamelrapporten',
  'housekeeping.storage.col.messages': 'Berichten',
  'housekeeping.storage.col.failure': 'Foutrapporten',
  'housekeeping.storage.col.tls': 'TLS-rapporten',
  'housekeeping.retention.heading': 'Bewaartermijn',
  'housekeeping.retention.label': 'Rapporten bewaren',
  'housekeeping.retention.off': 'altijd (er wordt niets vanzelf verwijderd)',
  'housekeeping.retention.months': '{count, plural, one {# maand} other {# maanden}}',
  'housekeeping.retention.hint':
    'Rapporten die langer geleden eindigden, worden aan het eind van elke import verwijderd, en nu als je dat vraagt. Rapporten zonder datum blijven staan.',
  'housekeeping.retention.apply': 'Oudere rapporten nu verwijderen',
  'housekeeping.retention.confirm':
    'De rapporten verwijderen die vóór {date} eindigden: {counts}? Dit kan niet ongedaan worden gemaakt.',
  'housekeeping.retention.nothing': 'Geen enkel bewaard rapport eindigde vóór {date}.',
  'housekeeping.retention.removedAtImport':
    '{count, plural, one {# rapport} other {# rapporten}} ouder dan {months, plural, one {# maand} other {# maanden}} verwijderd (bewaartermijn).',
  'housekeeping.delete.domainHeading': 'Eén domein verwijderen',
  'housekeeping.delete.chooseDomain': 'Kies een domein…',
  'housekeeping.delete.domainLabel': 'Te verwijderen domein',
  'housekeeping.delete.domainButton': 'Dit domein verwijderen',
  'housekeeping.delete.confirmDomain':
    'Alles verwijderen wat over {domain} bewaard is: {counts}? Dit kan niet ongedaan worden gemaakt.',
  'housekeeping.delete.allHint': 'Alle rapporten van alle domeinen, en de lijst met eerdere imports.',
  'housekeeping.delete.confirmAll':
    'Alles verwijderen wat in deze browser bewaard is: {counts}, voor {domains, plural, one {# domein} other {# domeinen}}, en de lijst met eerdere imports? Dit kan niet ongedaan worden gemaakt.',
  'housekeeping.delete.button': '{count, plural, one {# rapport verwijderen} other {# rapporten verwijderen}}',
  'housekeeping.delete.done': 'Verwijderd: {counts}.',
  'housekeeping.print.link': 'Afdrukken of als pdf bewaren',
  'housekeeping.print.heading': 'DMARC-rapport voor {domain}',
  'housekeeping.print.choose': 'DMARC-rapport: kies een domein',
  'housekeeping.print.docTitle': 'DMARC-rapport {domain}',
  'housekeeping.print.back': 'Terug naar het overzicht',
  'housekeeping.print.print': 'Afdrukken of als pdf bewaren',
  'housekeeping.print.hint': 'Met het afdrukvenster van je browser kun je het rapport ook als pdf-bestand bewaren.',
  'housekeeping.print.period': '{first} tot en met {last} · gemaakt op {made} met DMARC Lens',
  'housekeeping.print.trend': 'Berichten en DMARC-slagingspercentage in de tijd',
  'housekeeping.print.sources': 'Bronnen en hun klasse',
  'housekeeping.print.col.source': 'Bron',
  'housekeeping.print.col.class': 'Klasse',
  'housekeeping.print.col.messages': 'Berichten',
  'housekeeping.print.col.addresses': 'IP-adressen',
};
