// The extension's own words: the inline card in the webmail (extension/inline), the popup, the options, the drop page
// and their shared parts (extension/ui). Keys start with `ext.`.
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

  // The popup.
  'ext.popup.dashboard': 'Open dashboard',
  'ext.popup.recent': 'Recent reports',
  'ext.popup.fileDialog': 'Some browsers close this popup while a file dialog is open:',
  'ext.popup.fullPage': 'use the full page',
  'ext.recent.couldNotRead': 'Could not read saved reports: {error}',
  'ext.recent.loading': 'Loading…',
  'ext.recent.none': 'No reports saved yet. Open a report email in Gmail or Outlook, or drop a file below.',

  // The drop zone (popup and drop page).
  'ext.drop.here': 'Drop report files here',
  'ext.drop.file': 'Drop {file} here',
  'ext.drop.pick': 'or click to choose them (.xml, .gz, .zip, .json, .eml)',
  'ext.drop.reading': 'Reading…',
  'ext.drop.open': 'Open analysis',
  'ext.drop.alreadySaved': 'Already saved.',
  'ext.drop.saved': 'Saved {count}.',

  // The drop page.
  'ext.dropPage.title': 'Drop a report – DMARC Lens',
  'ext.dropPage.heading': 'Read a report with DMARC Lens',
  'ext.dropPage.download': 'In Outlook, download {file} (the attachment’s menu → Download).',
  'ext.dropPage.drop': 'Drop the downloaded file below, or click to pick it from your Downloads folder.',
  'ext.dropPage.private':
    'The file is read here, in your browser, and saved in this extension’s own storage; it is never uploaded.',
  'ext.dropPage.dashboard': 'Open the dashboard',

  // The options page.
  'ext.options.heading': 'DMARC Lens options',
  'ext.options.graph': 'Outlook: Microsoft Graph mode (optional)',
  'ext.options.graphIntro':
    'Outlook on the web does not let extensions read attachments. With Graph mode on, DMARC Lens reads report attachments through Microsoft Graph (permission Mail.Read) with an application you register in Microsoft Entra: add this extension’s redirect URL {url} as a single-page application redirect. Without it, the card in Outlook offers “download it, then drop it here”.',
  'ext.options.clientId': 'Application (client) id',
  'ext.options.tenant': 'Tenant (common, organizations, consumers or a tenant id)',
  'ext.options.turnOn': 'Turn Graph mode on',
  'ext.options.turnOff': 'Turn Graph mode off',
  'ext.options.badId': 'The application id is a GUID like 00000000-0000-0000-0000-000000000000.',
  'ext.options.notGranted': 'Graph mode stays off: the permissions were not granted.',
  'ext.options.on': 'Graph mode is on. Outlook attachments are read through Microsoft Graph after you sign in once.',
  'ext.options.off': 'Graph mode is off; its permissions were given back.',
} as const;
