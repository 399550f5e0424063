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
};
