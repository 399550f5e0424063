// Sentences of the site's print report, installable app, data page housekeeping and page titles. Keys start with `housekeeping.`.
export const housekeepingEn = {
  // The "Quarantined or rejected" card: what its percentage is made of, then what was delivered.
  'housekeeping.disp.detail': '{quarantined} quarantined · {rejected} rejected · {delivered} delivered',
  // The document title of each page: the page's name from the menu, then the site's.
  'housekeeping.title': '{page} — DMARC Lens',

  'housekeeping.addFolder': 'Add a folder',
  'housekeeping.sampleTag': 'Sample data',
  'housekeeping.samples.banner':
    '{count, plural, one {# sample report is} other {# sample reports are}} stored beside your own and counted in what you see.',
  'housekeeping.samples.remove': 'Remove sample data',
  'housekeeping.samples.confirm': 'Remove the sample data: {counts}? Your own reports stay.',
  'housekeeping.samples.removed': 'Sample data removed: {counts}.',
  'housekeeping.samples.imported':
    'These are the bundled sample reports. Remove them in one click from the notice at the top of each page.',
  'housekeeping.warningRepeated': '{warning} ({count, plural, one {once} other {# times}})',
  'housekeeping.openReport': 'Open {domain}, {from} – {to}',
  'housekeeping.openReportDay': 'Open {domain}, {day}',
  'housekeeping.openReportUndated': 'Open {domain}',
  'housekeeping.moreReports': '{count, plural, one {# more report} other {# more reports}}',
  'housekeeping.history.heading': 'Earlier imports',
  'housekeeping.history.summary': '{files, plural, one {# file} other {# files}}: {counts}',
  'housekeeping.history.counts':
    '{imported, plural, one {# report imported} other {# reports imported}}, {duplicates, plural, one {# duplicate} other {# duplicates}}, {refused, plural, one {# file refused} other {# files refused}}',
  'housekeeping.history.interruptedTag': 'Interrupted',
  'housekeeping.history.interrupted':
    'The page closed before this import ended. The results of {done} of {total, plural, one {# file} other {# files}} were kept: {counts}',
  'housekeeping.history.retention':
    '{count, plural, one {# old report deleted} other {# old reports deleted}} by the retention setting',

  'housekeeping.counts':
    '{aggregate, plural, one {# aggregate report} other {# aggregate reports}} ({messages, plural, one {# message} other {# messages}}), {failure, plural, one {# failure report} other {# failure reports}} and {tls, plural, one {# TLS report} other {# TLS reports}}',
  'housekeeping.storage.heading': 'Storage',
  'housekeeping.storage.used': 'This site uses {used} of the {quota} this browser allows it.',
  'housekeeping.storage.unknown': 'This browser does not say how much storage the site uses.',
  'housekeeping.storage.table': 'Stored reports per domain',
  'housekeeping.storage.col.domain': 'Domain',
  'housekeeping.storage.col.aggregate': 'Aggregate reports',
  'housekeeping.storage.col.messages': 'Messages',
  'housekeeping.storage.col.failure': 'Failure reports',
  'housekeeping.storage.col.tls': 'TLS reports',
  'housekeeping.retention.heading': 'Retention',
  'housekeeping.retention.label': 'Keep reports for',
  'housekeeping.retention.off': 'ever (nothing is deleted by itself)',
  'housekeeping.retention.months': '{count, plural, one {# month} other {# months}}',
  'housekeeping.retention.hint':
    'Reports that ended longer ago than this are deleted at the end of every import, and now if you ask. Reports without a date are kept.',
  'housekeeping.retention.apply': 'Delete older reports now',
  'housekeeping.retention.confirm': 'Delete the reports that ended before {date}: {counts}? This cannot be undone.',
  'housekeeping.retention.nothing': 'No stored report ended before {date}.',
  'housekeeping.retention.removedAtImport':
    '{count, plural, one {# report} other {# reports}} older than {months, plural, one {# month} other {# months}} deleted (retention setting).',
  'housekeeping.delete.domainHeading': 'Delete one domain',
  'housekeeping.delete.chooseDomain': 'Choose a domain…',
  'housekeeping.delete.domainLabel': 'Domain to delete',
  'housekeeping.delete.domainButton': 'Delete this domain',
  'housekeeping.delete.confirmDomain': 'Delete everything stored about {domain}: {counts}? This cannot be undone.',
  'housekeeping.delete.allHint': 'Every report of every domain, and the list of earlier imports.',
  'housekeeping.delete.confirmAll':
    'Delete everything stored in this browser: {counts}, for {domains, plural, one {# domain} other {# domains}}, and the list of earlier imports? This cannot be undone.',
  'housekeeping.delete.button': 'Delete {count, plural, one {# report} other {# reports}}',
  'housekeeping.delete.done': 'Deleted: {counts}.',
  'housekeeping.print.link': 'Print or save as PDF',
  'housekeeping.print.heading': 'DMARC report for {domain}',
  'housekeeping.print.choose': 'DMARC report: choose a domain',
  'housekeeping.print.docTitle': 'DMARC report {domain}',
  'housekeeping.print.back': 'Back to the dashboard',
  'housekeeping.print.print': 'Print or save as PDF',
  'housekeeping.print.hint': 'Your browser’s print dialog can also save the report as a PDF file.',
  'housekeeping.print.period': '{first} to {last} · made on {made} with DMARC Lens',
  'housekeeping.print.trend': 'Messages and DMARC pass rate over time',
  'housekeeping.print.sources': 'Sources and their classes',
  'housekeeping.print.col.source': 'Source',
  'housekeeping.print.col.class': 'Class',
  'housekeeping.print.col.messages': 'Messages',
  'housekeeping.print.col.addresses': 'IP addresses',
} as const;
