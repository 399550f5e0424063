// Sentences of the extension as a monitor: saving, bulk import, sync, alerts and the digest. Keys start with `monitor.`.
export const monitorEn = {
  // Alerts (extension/monitor): what a notification, the badge's view and the dashboard's alert list say.
  'monitor.watch.notificationTitle': 'DMARC Lens · {domain}',
  'monitor.watch.andMore': '{count, plural, one {and # more alert} other {and # more alerts}}',
  'monitor.watch.source.failing':
    '{source} fails DMARC: {aligned} of {messages, plural, one {# message} other {# messages}} aligned on {day}.',
  'monitor.watch.source.newFailing':
    'New source {source} fails DMARC: {aligned} of {messages, plural, one {# message} other {# messages}} aligned on {day}.',
  'monitor.watch.source.startedFailing':
    '{source} started failing DMARC: {aligned} of {messages, plural, one {# message} other {# messages}} aligned on {day}, against {before} before.',
  'monitor.watch.source.new': 'New source {source}: first seen on {day}, and its mail passes DMARC.',
  'monitor.watch.source.passesAgain':
    '{source} passes DMARC again: {aligned} of {messages, plural, one {# message} other {# messages}} aligned on {day}.',
  'monitor.watch.source.gone': '{source} has sent no mail since {day}; it was failing DMARC.',
  'monitor.watch.spoofing.spike':
    'Spoofing spike: {count, plural, one {# message} other {# messages}} failed both DKIM and SPF in {days, plural, one {# day} other {# days}} of reports, {rate} a day against {usual} a day before.',
  'monitor.watch.spoofing.usual':
    'Spoofing is back to its usual level: {count, plural, one {# message} other {# messages}} in the last {days, plural, one {# day} other {# days}} of reports.',
  'monitor.watch.spoofing.ended': 'Spoofing is back to its usual level.',
  'monitor.watch.policy.changed': 'Reporters now see {now} (since {since}); before that {before} (until {until}).',
  'monitor.watch.drift.differs':
    'The published DMARC record says {published}, but the newest report ({reporter}) saw {reported}.',
  'monitor.watch.drift.same': 'The published DMARC record matches what reporters see again: {reported}.',
  'monitor.watch.drift.ended': 'The published DMARC record no longer differs from what reporters see.',
  'monitor.watch.drift.missing':
    'DNS has no DMARC record for this domain now, nor for its organizational domain, but the newest report ({reporter}) saw {reported}: without one, receivers apply no policy and send no more reports.',
  'monitor.watch.drift.several':
    'DNS has more than one DMARC record for this domain now, so receivers apply none of them; the newest report ({reporter}) saw {reported}.',
  'monitor.watch.drift.unreadable':
    'The DMARC record for this domain cannot be read now, so receivers may apply no policy; the newest report ({reporter}) saw {reported}.',

  // The options page's live DNS lookups for the watch (extension/entrypoints/options, extension/monitor/liveLookups.ts).
  'monitor.live.title': 'Live DNS lookups',
  'monitor.live.intro':
    'After each check, ask a DNS-over-HTTPS server for the DMARC record each watched domain publishes (its _dmarc name, or its organizational domain’s when it has none), and alert when it differs from the policy the newest reports saw or when none applies. The server learns the domain names and nothing else; with this off, nothing leaves the browser.',
  'monitor.live.switch': 'Look up the published DMARC records',
  'monitor.live.through': 'through',
  'monitor.live.on': 'On: after each check, one DNS question per domain goes to {host} over HTTPS.',
  'monitor.live.off': 'Off: no DNS question is asked.',
  'monitor.live.notGranted': 'The browser did not allow requests to {host}, so live lookups stay off.',
  'monitor.watch.silence.silent':
    'No reports for {days, plural, one {# day} other {# days}}: the newest ended on {day}.',
  'monitor.watch.silence.back': 'Reports arrive again: the newest ended on {day}.',
  'monitor.watch.silence.ended': 'Reports arrive again.',
  'monitor.watch.change.raised': 'New',
  'monitor.watch.change.changed': 'Changed',
  'monitor.watch.change.resolved': 'Resolved',

  // The dashboard's alerts and digest view (extension/ui/WatchPage.tsx).
  'monitor.watch.page.title': 'Alerts and weekly digest',
  'monitor.watch.page.back': 'Back to the dashboard',
  'monitor.watch.page.domain': 'Domain',
  'monitor.watch.page.open': 'Open alerts',
  'monitor.watch.page.noOpen': 'Nothing needs your attention for {domain}.',
  'monitor.watch.page.log': 'Recent alerts',
  'monitor.watch.page.noLog': 'No alerts yet.',
  'monitor.watch.page.noReports':
    'No reports saved yet. Open a report email in Gmail or Outlook, or drop report files on the popup.',
  'monitor.watch.page.checkNow': 'Check now',
  'monitor.watch.page.checked':
    '{count, plural, =0 {Checked: nothing new.} one {Checked: # new alert.} other {Checked: # new alerts.}}',
  'monitor.watch.page.loading': 'Loading…',

  // The weekly digest.
  'monitor.watch.digest.title': 'Weekly digest for {domain}',
  'monitor.watch.digest.week': 'The week of reports from {from} to {to}',
  'monitor.watch.digest.chooseWeek': 'Week ending',
  'monitor.watch.digest.volume': 'Volume and DMARC pass rate',
  'monitor.watch.digest.thisWeek': 'This week',
  'monitor.watch.digest.weekBefore': 'The week before',
  'monitor.watch.digest.messages': 'Messages',
  'monitor.watch.digest.passing': 'Passing DMARC',
  'monitor.watch.digest.passRate': 'Pass rate',
  'monitor.watch.digest.noRate': '–',
  'monitor.watch.digest.weekColumn': 'Week',
  'monitor.watch.digest.day': 'Day',
  'monitor.watch.digest.perDay': 'Messages per day',
  'monitor.watch.digest.changed': 'What changed',
  'monitor.watch.digest.nothingChanged': 'Nothing changed this week.',
  'monitor.watch.digest.newSources': 'New sources',
  'monitor.watch.digest.noNewSources': 'No new sources this week.',
  'monitor.watch.digest.failingSources': 'Sources failing DMARC',
  'monitor.watch.digest.noFailingSources': 'No source of your own mail failed DMARC this week.',
  'monitor.watch.digest.sourceLine':
    '{source}: {aligned} of {messages, plural, one {# message} other {# messages}} aligned this week',
  'monitor.watch.digest.readiness': 'Readiness',
  'monitor.watch.digest.print': 'Print',
  'monitor.watch.digest.copy': 'Copy as e-mail text',
  'monitor.watch.digest.copied': 'Copied: paste it into an e-mail.',
  'monitor.watch.digest.copyFailed': 'Could not copy: {error}',
  'monitor.watch.digest.subject': 'DMARC weekly digest for {domain}, {from} to {to}',
  // Gathering (extension/sync, extension/bulk): auto-save, bulk import from a mailbox list, the Outlook folder sync.
  'monitor.gather.bulk.label': 'DMARC Lens: import the reports of this list',
  'monitor.gather.bulk.start':
    '{count, plural, one {Import the reports of the # message listed here} other {Import the reports of all # messages listed here}}',
  'monitor.gather.bulk.progress': '{done} of {total, plural, one {# message} other {# messages}} read',
  'monitor.gather.bulk.waiting':
    '{host} asked to slow down: going on in {seconds, plural, one {# second} other {# seconds}}.',
  'monitor.gather.bulk.cancel': 'Cancel',
  'monitor.gather.bulk.cancelled': 'Cancelled: {done} of {total, plural, one {# message} other {# messages}} read.',
  'monitor.gather.bulk.finished':
    'Done: {added, plural, one {# new report saved} other {# new reports saved}}, {already} already saved.',
  'monitor.gather.bulk.problems':
    '{count, plural, one {# message could not be read.} other {# messages could not be read.}}',
  'monitor.gather.bulk.details': 'Per message',
  'monitor.gather.bulk.again': 'Import again',
  'monitor.gather.bulk.untitled': '(no subject)',
  'monitor.gather.bulk.result.saved': '{added, plural, one {# new report saved} other {# new reports saved}}',
  'monitor.gather.bulk.result.alreadySaved': '{count, plural, one {already saved} other {all # reports already saved}}',
  'monitor.gather.bulk.result.mixed': '{added} new, {already} already saved',
  'monitor.gather.bulk.result.none': 'no report in this message',
  'monitor.gather.bulk.result.failed': 'not read: {reason}',
  'monitor.gather.reason.http': '{host} answered {status}.',
  'monitor.gather.reason.network': 'the download failed ({error}).',
  'monitor.gather.reason.notMessageId': 'the list row carries no message id of {host}.',
  'monitor.gather.reason.refused': 'its address is not {host}’s own, so nothing was asked.',
  'monitor.gather.reason.htmlPage': '{host} answered with a web page instead of the message (signed out?).',
  'monitor.gather.reason.outlookRefused':
    'Outlook did not hand this message to the page (it answered {status}); the background sync through Graph mode can read the folder.',
  'monitor.gather.options.heading': 'Gathering reports',
  'monitor.gather.options.autoSave': 'Save every report a card shows',
  'monitor.gather.options.autoSaveHint':
    'Reports you open in Gmail or Outlook are kept in DMARC Lens on this computer, each once. Turned off, each card keeps its Save button.',
  'monitor.gather.options.syncFolder': 'Outlook folder to read in the background',
  'monitor.gather.options.syncHint':
    'Through Graph mode (above): a folder name such as Inbox or DMARC. Only messages with report attachments are read, each once. Leave it empty to read nothing in the background.',
  'monitor.gather.options.syncEvery': 'Minutes between Outlook reads',
  'monitor.gather.options.save': 'Save these settings',
  'monitor.gather.options.saved': 'Saved.',
  'monitor.gather.options.syncNow': 'Read the folder now',
  'monitor.gather.options.lastRun':
    'Outlook, last read {when}: {messages, plural, one {# message with reports} other {# messages with reports}}, {added, plural, one {# new report} other {# new reports}}, {already} already saved.',
  'monitor.gather.options.lastRunFailed': 'Outlook: the read of {when} stopped: {reason}',
  'monitor.gather.options.neverRun': 'Outlook: not read yet.',
} as const;
