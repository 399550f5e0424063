import type { extensionEn } from '../en/extension';
import type { Translation } from '../translation';

export const extensionNl: Translation<typeof extensionEn> = {
  // Report numbers (extension/ui/reportSummaryText.ts).
  'ext.unknownDate': 'onbekende datum',
  'ext.unknownDates': 'onbekende data',
  'ext.unnamedReporter': 'naamloze rapporteur',
  'ext.messages': '{count, plural, one {# bericht} other {# berichten}}',
  'ext.sessions': '{count, plural, one {# sessie} other {# sessies}}',
  'ext.unknownMessages': 'een onbekend aantal berichten',
  'ext.unknownSessions': 'een onbekend aantal sessies',
  'ext.failureReport': 'foutrapport',
  'ext.passRate': '{percent} geslaagd',

  // The inline card (extension/inline).
  'ext.card.label': 'DMARC Lens-samenvatting van {file}',
  'ext.card.reading': 'Het rapport wordt gelezen…',
  'ext.card.readingSize': 'Het rapport wordt gelezen ({size})…',
  'ext.card.tryingAgain': '{reason} Zo meteen opnieuw…',
  'ext.card.couldNotRead': 'Kon {file} niet lezen: {reason}',
  'ext.card.readFailed': 'De bijlage lezen is mislukt ({error}).',
  'ext.card.extensionFailed': 'De extensie kon het rapport niet lezen ({error}).',
  'ext.card.dropPage': 'Download het en zet het hier neer',
  'ext.card.kind.aggregate': 'DMARC-aggregaatrapport',
  'ext.card.kind.failure': 'DMARC-foutrapport',
  'ext.card.kind.tls': 'SMTP TLS-rapport',
  'ext.card.title': '{kind}: {reporter} → {domain}',
  'ext.card.passDmarc': '{percent} slaagt voor DMARC',
  'ext.card.successful': '{percent} geslaagd',
  'ext.card.topFailing': 'Bronnen die het vaakst mislukken',
  'ext.card.source': '{label} ({count})',
  'ext.card.repaired': '{count, plural, one {# onregelmatigheid} other {# onregelmatigheden}} hersteld bij het lezen',
  'ext.card.open': 'Analyse openen',
  'ext.card.save': 'Bewaren in DMARC Lens',
  'ext.card.alreadySaved': 'Al bewaard.',
  'ext.card.saved': '{count, plural, one {# rapport bewaard.} other {# rapporten bewaard.}}',
  'ext.card.failed': 'Mislukt: {error}',
  'ext.card.downloadedFrom':
    'Gedownload van {hosts} en gelezen in deze browser; het rapport zelf wordt nergens heen gestuurd.',
  'ext.size.kb': '{size} kB',
  'ext.size.mb': '{size} MB',

  // Wat de kaart zegt van een rapport dat ze niet kon lezen.
  'ext.error.tooSlowMinutes':
    'Het lezen van {file} duurde te lang (meer dan {count, plural, one {een minuut} other {# minuten}}); DMARC Lens is ermee gestopt om met andere bestanden verder te kunnen.',
  'ext.error.tooSlowSeconds':
    'Het lezen van {file} duurde te lang (meer dan {count, plural, one {een seconde} other {# seconden}}); DMARC Lens is ermee gestopt om met andere bestanden verder te kunnen.',
  'ext.error.readerStopped': '{file} kon niet worden gelezen: het lezen stopte ({error}).',
  'ext.error.readerStoppedNoReason': '{file} kon niet worden gelezen: het lezen stopte (zonder reden).',
  'ext.error.unexpectedAnswer': '{file} kon niet worden gelezen: het lezen gaf een onverwacht antwoord.',
  'ext.error.notInMessage': '{file} staat niet tussen de bijlagen van het bericht.',
  'ext.download.refused': 'Niet gedownload: {problem}.',
  'ext.link.invalid': 'de bijlagelink is geen geldig adres',
  'ext.link.scheme': 'de bijlagelink is een {scheme}-adres, niet dat van de webmail',
  'ext.link.otherHost': 'de bijlagelink wijst naar {host}, niet naar {expected}',
  'ext.link.userName': 'de bijlagelink bevat een gebruikersnaam, wat de eigen links van de webmail nooit doen',
  'ext.link.notDownload': 'de bijlagelink is geen bijlagedownload van {host}',
  'ext.download.cancelled': 'Afgebroken.',
  'ext.download.failed': 'Het downloaden is mislukt ({error}).',
  'ext.download.redirected':
    'De download werd doorgestuurd naar {host}, dat niet van {expected} is; er is niets gelezen.',
  'ext.download.http': 'De webmail antwoordde {status} op de download.',
  'ext.download.htmlBounce':
    'De webmail antwoordde met een webpagina in plaats van het bestand (de download werd teruggestuurd naar de mailbox).',
  'ext.gmail.scanning': 'Gmail controleert deze bijlage nog op virussen.',
  'ext.gmail.notShown': 'Gmail toont {file} nog niet helemaal.',
  'ext.gmail.noLink': 'Gmail biedt geen downloadlink voor {file}.',
  'ext.outlook.noAccess': 'Outlook laat extensies deze bijlage niet lezen. Download het bestand en zet het hier neer.',
  'ext.outlook.thenDrop': '{unavailable} Download het bestand en zet het hier neer.',
  // Regels per soort rapport op de kaart.
  'ext.detail.tlsFailures': '{count, plural, one {# mislukte sessie} other {# mislukte sessies}}: {types}',
  'ext.detail.authFailure': 'Authenticatie mislukt: {failure}',
};
