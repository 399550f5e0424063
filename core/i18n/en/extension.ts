// The words of the inline card in the webmail (extension/inline) and of report numbers everywhere in the extension
// (extension/ui/reportSummaryText.ts): all the content script carries. Keys start with `ext.`; the extension's pages
// have theirs in extensionPages.ts.
export const extensionEn = {
  // Report numbers (extension/ui/reportSummaryText.ts).
  'ext.unknownDate': 'unknown date',
  'ext.unknownDates': 'unknown dates',
  'ext.unnamedReporter': 'unnamed reporter',
  'ext.messages': '{count, plural, one {# message} other {# messages}}',
  'ext.sessions': '{count, plural, one {# session} other {# sessions}}',
  'ext.unknownMessages': 'an unknown number of messages',
  'ext.unknownSessions': 'an unknown number of sessions',
  'ext.failureReport': 'failure report',
  'ext.passRate': '{percent} pass',

  // The inline card (extension/inline).
  'ext.card.label': 'DMARC Lens summary of {file}',
  'ext.card.reading': 'Reading the report…',
  'ext.card.readingSize': 'Reading the report ({size})…',
  'ext.card.tryingAgain': '{reason} Trying again shortly…',
  'ext.card.couldNotRead': 'Could not read {file}: {reason}',
  'ext.card.readFailed': 'Reading the attachment failed ({error}).',
  'ext.card.extensionFailed': 'The extension could not read the report ({error}).',
  'ext.card.dropPage': 'Download it, then drop it here',
  'ext.card.kind.aggregate': 'DMARC aggregate report',
  'ext.card.kind.failure': 'DMARC failure report',
  'ext.card.kind.tls': 'SMTP TLS report',
  'ext.card.title': '{kind}: {reporter} → {domain}',
  'ext.card.passDmarc': '{percent} pass DMARC',
  'ext.card.successful': '{percent} successful',
  'ext.card.topFailing': 'Top failing sources',
  'ext.card.source': '{label} ({count})',
  'ext.card.repaired': '{count, plural, one {# oddity} other {# oddities}} repaired while reading',
  'ext.card.open': 'Open analysis',
  'ext.card.save': 'Save to DMARC Lens',
  'ext.card.alreadySaved': 'Already saved.',
  'ext.card.saved': '{count, plural, one {Saved # report.} other {Saved # reports.}}',
  'ext.card.failed': 'Failed: {error}',
  'ext.card.downloadedFrom':
    'Downloaded from {hosts} and read in this browser; the report itself is not sent anywhere.',
  'ext.size.kb': '{size} KB',
  'ext.size.mb': '{size} MB',
} as const;
