import type { extensionPagesEn } from '../en/extensionPages';
import type { Translation } from '../translation';

export const extensionPagesNl: Translation<typeof extensionPagesEn> = {
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
