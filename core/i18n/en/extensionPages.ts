// The extension's own pages: the popup, the drop zone, the drop page and the options (extension/ui,
// extension/entrypoints). Keys start with `ext.`; the inline card's words are in extension.ts.
export const extensionPagesEn = {
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
  // The popup's way to the watch.
  'ext.popup.watch': 'Alerts and weekly digest',

  // The options page: alerts, language and colours.
  'ext.options.watch': 'Alerts',
  'ext.options.watchIntro':
    'After each import, save or sync, DMARC Lens compares your domains’ reports with what it told you last time, and tells you only what is new, changed or resolved. Reports are judged on their own dates.',
  'ext.options.notify': 'Show notifications, and the number of open problems on the toolbar button',
  'ext.options.failingBelow': 'A source of your own mail fails DMARC when less of its mail than this is aligned (%)',
  'ext.options.recentDays': 'Days of the newest reports in which a source counts as new and spoofing is compared',
  'ext.options.spikeFactor': 'A spoofing spike is this many times the usual spoofed messages a day',
  'ext.options.spikeMinimum': '… with at least this many spoofed messages',
  'ext.options.silentDays': 'Tell me when no report came for this many days (0: never)',
  'ext.options.newSourceMinimum':
    'Tell me about a new network no catalogue names once it sent this many messages (named services always)',
  'ext.options.saveWatch': 'Save alert settings',
  'ext.options.watchSaved': 'Alert settings saved.',
  'ext.options.look': 'Language and colours',
  'ext.options.language': 'Language',
  'ext.options.languageBrowser': 'The browser’s',
  'ext.options.theme': 'Colours',
  'ext.options.themeSystem': 'The system’s',
  'ext.options.themeLight': 'Light',
  'ext.options.themeDark': 'Dark',

  // The options page's Gmail sync (extension/sync/GatherOptions.tsx, extension/sync/gmailSync.ts).
  'ext.gather.gmail.list': 'Gmail label or search to read in the background',
  'ext.gather.gmail.listHint':
    'For example DMARC, or has:attachment "Report Domain". It is read while a Gmail tab shows that label or search (a pinned tab keeps it open), by that tab, as its import button reads it. Empty: Gmail is not read in the background.',
  'ext.gather.gmail.every': 'Minutes between Gmail reads',
  'ext.gather.gmail.now': 'Read the Gmail list now',
  'ext.gather.gmail.neverRun': 'Gmail: not read yet.',
  'ext.gather.gmail.lastRun':
    'Gmail, {when}: {messages, plural, one {# new message} other {# new messages}} read of {listed} listed; {added, plural, one {# new report} other {# new reports}} saved, {already} already saved.',
  'ext.gather.gmail.failed':
    '{count, plural, one {# message} other {# messages}} could not be read and will be tried again next time.',
  'ext.gather.gmail.noTab': 'Gmail, {when}: nothing read, because no Gmail tab was open.',
  'ext.gather.gmail.notShown':
    'Gmail, {when}: nothing read, because no Gmail tab showed “{list}”. Open that label or search in a Gmail tab.',
  'ext.gather.gmail.noList': 'Gmail, {when}: nothing read, because no label or search is named.',
} as const;
