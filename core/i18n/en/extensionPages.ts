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
} as const;
