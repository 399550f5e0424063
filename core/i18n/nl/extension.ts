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

  // The popup.
  'ext.popup.dashboard': 'Dashboard openen',
  'ext.popup.recent': 'Recente rapporten',
  'ext.popup.fileDialog': 'Sommige browsers sluiten dit venster zolang er een bestandskiezer open is:',
  'ext.popup.fullPage': 'gebruik de volledige pagina',
  'ext.recent.couldNotRead': 'Kon de bewaarde rapporten niet lezen: {error}',
  'ext.recent.loading': 'Laden…',
  'ext.recent.none':
    'Nog geen rapporten bewaard. Open een rapportmail in Gmail of Outlook, of zet hieronder een bestand neer.',

  // The drop zone (popup and drop page).
  'ext.drop.here': 'Zet rapportbestanden hier neer',
  'ext.drop.file': 'Zet {file} hier neer',
  'ext.drop.pick': 'of klik om ze te kiezen (.xml, .gz, .zip, .json, .eml)',
  'ext.drop.reading': 'Lezen…',
  'ext.drop.open': 'Analyse openen',
  'ext.drop.alreadySaved': 'Al bewaard.',
  'ext.drop.saved': '{count} bewaard.',

  // The drop page.
  'ext.dropPage.title': 'Een rapport neerzetten – DMARC Lens',
  'ext.dropPage.heading': 'Een rapport lezen met DMARC Lens',
  'ext.dropPage.download': 'Download {file} in Outlook (menu van de bijlage → Downloaden).',
  'ext.dropPage.drop': 'Zet het gedownloade bestand hieronder neer, of klik om het uit je map Downloads te kiezen.',
  'ext.dropPage.private':
    'Het bestand wordt hier gelezen, in je browser, en bewaard in de eigen opslag van deze extensie; het wordt nooit geüpload.',
  'ext.dropPage.dashboard': 'Dashboard openen',

  // The options page.
  'ext.options.heading': 'Opties van DMARC Lens',
  'ext.options.graph': 'Outlook: Microsoft Graph-modus (optioneel)',
  'ext.options.graphIntro':
    'Outlook op het web laat extensies geen bijlagen lezen. Met de Graph-modus aan leest DMARC Lens rapportbijlagen via Microsoft Graph (machtiging Mail.Read) met een toepassing die je registreert in Microsoft Entra: voeg de omleidings-URL {url} van deze extensie toe als omleiding voor een single-page-toepassing. Zonder de Graph-modus biedt de kaart in Outlook “download het en zet het hier neer”.',
  'ext.options.clientId': 'Toepassings-id (client-id)',
  'ext.options.tenant': 'Tenant (common, organizations, consumers of een tenant-id)',
  'ext.options.turnOn': 'Graph-modus aanzetten',
  'ext.options.turnOff': 'Graph-modus uitzetten',
  'ext.options.badId': 'De toepassings-id is een GUID zoals 00000000-0000-0000-0000-000000000000.',
  'ext.options.notGranted': 'De Graph-modus blijft uit: de machtigingen zijn niet verleend.',
  'ext.options.on':
    'De Graph-modus staat aan. Outlook-bijlagen worden via Microsoft Graph gelezen nadat je één keer hebt aangemeld.',
  'ext.options.off': 'De Graph-modus staat uit; de machtigingen zijn teruggegeven.',
};
