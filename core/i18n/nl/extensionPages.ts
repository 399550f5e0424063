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
  // De weg naar meldingen in de pop-up.
  'ext.popup.watch': 'Meldingen en weekoverzicht',

  // De opties: meldingen, taal en kleuren.
  'ext.options.watch': 'Meldingen',
  'ext.options.watchIntro':
    'Na elke import, opslag of synchronisatie vergelijkt DMARC Lens de rapporten van je domeinen met wat het je de vorige keer meldde, en meldt alleen wat nieuw, veranderd of opgelost is. Rapporten worden beoordeeld op hun eigen datums.',
  'ext.options.notify': 'Meldingen tonen, en het aantal openstaande problemen op de knop in de werkbalk',
  'ext.options.failingBelow':
    'Een bron van je eigen mail faalt voor DMARC als minder dan dit deel van de mail is uitgelijnd (%)',
  'ext.options.recentDays':
    'Dagen van de nieuwste rapporten waarin een bron als nieuw telt en spoofing wordt vergeleken',
  'ext.options.spikeFactor': 'Een piek in spoofing is zoveel keer het gewone aantal gespoofte berichten per dag',
  'ext.options.spikeMinimum': '… met minstens zoveel gespoofte berichten',
  'ext.options.silentDays': 'Meld het als er zoveel dagen geen rapport kwam (0: nooit)',
  'ext.options.newSourceMinimum':
    'Meld een nieuw netwerk dat geen catalogus kent zodra het zoveel berichten verstuurde (bekende diensten altijd)',
  'ext.options.saveWatch': 'Instellingen voor meldingen opslaan',
  'ext.options.watchSaved': 'Instellingen voor meldingen opgeslagen.',
  'ext.options.look': 'Taal en kleuren',
  'ext.options.language': 'Taal',
  'ext.options.languageBrowser': 'Die van de browser',
  'ext.options.theme': 'Kleuren',
  'ext.options.themeSystem': 'Die van het systeem',
  'ext.options.themeLight': 'Licht',
  'ext.options.themeDark': 'Donker',

  // The options page's Gmail sync (extension/sync/GatherOptions.tsx, extension/sync/gmailSync.ts).
  'ext.gather.gmail.list': 'Gmail-label of -zoekopdracht om op de achtergrond te lezen',
  'ext.gather.gmail.listHint':
    'Bijvoorbeeld DMARC, of has:attachment "Report Domain". Wordt gelezen zolang een Gmail-tabblad dat label of die zoekopdracht toont (een vastgezet tabblad houdt het open), door dat tabblad, zoals de importknop daar leest. Leeg: Gmail wordt niet op de achtergrond gelezen.',
  'ext.gather.gmail.every': 'Minuten tussen twee keer Gmail lezen',
  'ext.gather.gmail.now': 'Gmail-lijst nu lezen',
  'ext.gather.gmail.neverRun': 'Gmail: nog niet gelezen.',
  'ext.gather.gmail.lastRun':
    'Gmail, {when}: {messages, plural, one {# nieuw bericht} other {# nieuwe berichten}} gelezen van {listed} in de lijst; {added, plural, one {# nieuw rapport} other {# nieuwe rapporten}} opgeslagen, {already} al opgeslagen.',
  'ext.gather.gmail.failed':
    '{count, plural, one {# bericht kon} other {# berichten konden}} niet gelezen worden; de volgende keer opnieuw.',
  'ext.gather.gmail.noTab': 'Gmail, {when}: niets gelezen, want er was geen Gmail-tabblad open.',
  'ext.gather.gmail.notShown':
    'Gmail, {when}: niets gelezen, want geen Gmail-tabblad toonde “{list}”. Open dat label of die zoekopdracht in een Gmail-tabblad.',
  'ext.gather.gmail.noList': 'Gmail, {when}: niets gelezen, want er is geen label of zoekopdracht ingevuld.',
};
