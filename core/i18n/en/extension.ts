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

  // What the card says of a report it could not read, besides the parser's own sentences (core's report area). They
  // travel in English between the extension's parts and are read back for the card (extension/messaging/cardErrors.ts).
  'ext.error.tooSlowMinutes':
    '{file} took too long to read (more than {count, plural, one {a minute} other {# minutes}}); DMARC Lens stopped reading it so that it could go on with other files.',
  'ext.error.tooSlowSeconds':
    '{file} took too long to read (more than {count, plural, one {a second} other {# seconds}}); DMARC Lens stopped reading it so that it could go on with other files.',
  'ext.error.readerStopped': '{file} could not be read: the reader stopped ({error}).',
  'ext.error.readerStoppedNoReason': '{file} could not be read: the reader stopped (no reason).',
  'ext.error.unexpectedAnswer': '{file} could not be read: the reader answered something else.',
  'ext.error.notInMessage': "{file} was not found among the message's attachments.",
  'ext.download.refused': 'Not downloaded: {problem}.',
  'ext.link.invalid': 'the attachment link is not a valid address',
  'ext.link.scheme': "the attachment link is a {scheme} address, not the webmail's",
  'ext.link.otherHost': 'the attachment link points to {host}, not to {expected}',
  'ext.link.userName': 'the attachment link carries a user name, which the webmail’s own links never do',
  'ext.link.notDownload': 'the attachment link is not a {host} attachment download',
  'ext.download.cancelled': 'Cancelled.',
  'ext.download.failed': 'The download failed ({error}).',
  'ext.download.redirected': 'The download was sent on to {host}, which is not {expected}’s; it was not read.',
  'ext.download.http': 'The webmail answered {status} to the download.',
  'ext.download.htmlBounce':
    'The webmail answered with a web page instead of the file (the download was sent back to the mailbox).',
  'ext.gmail.scanning': 'Gmail is still scanning this attachment for viruses.',
  'ext.gmail.notShown': 'Gmail has not finished showing {file} yet.',
  'ext.gmail.noLink': 'Gmail offers no download link for {file}.',
  'ext.outlook.noAccess': 'Outlook does not let extensions read this attachment. Download it, then drop it here.',
  'ext.outlook.thenDrop': '{unavailable} Download it, then drop it here.',
  // Kind-specific lines of a report in the card (extension/reports/toCardReportSummary.ts).
  'ext.detail.tlsFailures': '{count, plural, one {# failed session} other {# failed sessions}}: {types}',
  'ext.detail.authFailure': 'Authentication failure: {failure}',
} as const;
