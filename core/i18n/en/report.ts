// Sentences of core report reading: parse errors and warnings (core/report). Keys start with `report.`.
//
// Core writes each sentence in English through this catalogue (the command line and JSON outputs print it), and
// core/report/reportMessages.ts reads a key and its parameters back from that English, so a sentence stored long ago
// is still shown in the reader's language. So that the reading back is exact:
// - `{file}` is the file's name and `{where}` the place inside it (`report.zip › report.xml`), both as written;
// - parameters named in NUMBER_PARAMS there (`count`, `limit`, `size`, `ratio`) are numbers, every other is text;
// - `{reason}`, `{refusal}`, `{problems}` (joined by "; "), `{part}`, `{json}` and `{warning}` hold sentences of this
//   catalogue themselves, and are shown in the reader's language too;
// - every template keeps some words of its own besides its parameters.
export const reportEn = {
  // Errors: the file gives no report (core/report/parseReport.ts).
  'report.cancelled': '{file}: reading was cancelled',
  'report.expandsOverLimit': '{file}: expands to more than {limit} GiB',
  'report.expansionRatio': '{file}: expands more than {ratio}× its size (a decompression bomb?); refused',
  'report.tooManyReports': '{file}: more than {limit} reports in one file',
  'report.nestedTooDeep': '{where}: containers nested deeper than {limit} levels',
  'report.unused': '{where}: the reporter sent the placeholder text "unused" instead of a report',
  'report.emptyFile': '{where}: the file is empty',
  'report.pgp': '{where}: PGP-encrypted content cannot be read',
  'report.binary': '{where}: {part}, not a report',
  'report.plainText': '{where}: plain text without a report',
  'report.largerThan': '{where}: larger than {limit} MiB',
  'report.gzipTruncated': '{where}: the gzip data ends early (truncated)',
  'report.gzipDamaged': '{where}: the gzip data is damaged ({error})',
  'report.noFeedback': '{where}: XML without a <feedback> element, not a DMARC aggregate report',
  'report.zipEncrypted': '{where}: the zip member is password-protected',
  'report.zipMethod': '{where}: zip compression method {method} is not supported',
  'report.zipMemberDamaged': '{where}: the zip member is damaged ({error})',
  'report.notTls': '{where}: JSON but not an SMTP TLS report ({reason})',
  'report.mboxTooMany': '{where}: holds more than {limit} messages; the messages after message {limit} were not read',
  'report.mimeFlood': '{where}: the email has more than {limit} MIME boundary lines (a flood of parts?); not read',
  'report.emailUnparsable': '{where}: the email cannot be parsed ({error})',
  'report.smime': '{where}: S/MIME-encrypted message cannot be read',
  'report.abuse': '{where}: an ARF "{type}" feedback report, not a DMARC or TLS report',
  'report.emailWithoutReport': '{where}: an email without a report attachment',
  'report.nothingFound': '{file}: no DMARC, failure or TLS report found',
  'report.inputTooLarge': '{file}: {size} MiB is over the {limit} MiB limit',
  'report.streamTooLarge': '{file}: over the {limit} GiB limit',
  'report.internal': '{file}: could not be read ({error})',

  // What the bytes of a file that is not a report look like (core/report/sniffContainer.ts).
  'report.kind.binary': 'binary data',
  'report.kind.png': 'a PNG image',
  'report.kind.pdf': 'a PDF document',
  'report.kind.jpeg': 'a JPEG image',
  'report.kind.gif': 'a GIF image',
  'report.kind.7z': 'a 7-Zip archive',
  'report.kind.rar': 'a RAR archive',
  'report.kind.bzip2': 'bzip2 data',
  'report.kind.xz': 'xz data',
  'report.kind.zstd': 'zstd data',

  // Zip archives (core/report/readZipEntries.ts).
  'report.zipTruncated': '{file}: zip archive is truncated (no central directory)',
  'report.zip64': '{file}: ZIP64 archives are not supported',
  'report.zipTooManyMembers': '{file}: zip has {count} members (limit {limit})',
  'report.zipDirectoryDamaged': '{file}: zip central directory is damaged',
  'report.zipNoLocalHeader': '{file}: zip member {name} has no local header',
  'report.zipCutOff': '{file}: zip member {name} is cut off',

  // Aggregate XML (core/report/AggregateXmlReader.ts, XmlTextDecoder.ts).
  'report.recordTooLong': '{file}: a <record> exceeds {limit} characters without closing',
  'report.headTooLong': '{file}: the report head (before the first record) exceeds {limit} characters',
  'report.tooManyRecords': '{file}: more than {limit} records in one report',
  'report.dtd': '{file}: contains a DOCTYPE or ENTITY declaration, refused (XML entity expansion)',
  'report.refusedIn': '{file}: {refusal}',
  'report.gzipTrailing': '{where}: ignored bytes after the end of the gzip data',
  'report.invalidSequences':
    'replaced {count, plural, one {# byte sequence} other {# byte sequences}} invalid in {encoding} with U+FFFD',
  'report.pastedReports': '{count, plural, one {# report was} other {# reports were}} pasted into one file; read each',
  'report.bomRemoved': 'removed a UTF-8 byte-order mark',
  'report.unknownEncoding': 'unknown declared encoding "{label}", read as UTF-8',
  'report.truncatedHead': 'report ends before its first record (truncated)',
  'report.truncatedEnd': 'report ends without </feedback> (truncated)',
  'report.elementsBetweenRecords': 'ignored elements between records',
  'report.ignoredText':
    'ignored {count, plural, one {# character} other {# characters}} of non-report text before <feedback>',
  'report.keptTruncatedRecord': 'kept the last record, cut off by truncation',
  'report.droppedIncompleteRecord': 'dropped an incomplete last record',
  'report.repaired': 'repaired malformed XML in {part}: {repair}',
  'report.unreadableXml': 'unreadable XML in {part} skipped ({error})',
  'report.part.head': 'report head',
  'report.part.record': 'record',
  'report.part.records': 'records',
  'report.part.truncatedRecord': 'truncated record',

  // Values of aggregate reports (core/report/toAggregateReport.ts).
  'report.repeated': '{warning} (×{count})',
  'report.moreWarnings':
    '{count, plural, one {# more warning of another kind} other {# more warnings of other kinds}} not listed',
  'report.unknownValue': 'unknown {field} value "{value}" read as "{fallback}"',
  'report.noDateField': 'date_range has no {field}',
  'report.notTimestamp': '{field} {quoted} is not a Unix timestamp',
  'report.milliseconds': '{field} {digits} is in milliseconds; read as {seconds} ({time})',
  'report.orgFromEmail': 'org_name missing; taken from email ({org})',
  'report.misspelledDateRange': 'misspelled <date_range> read',
  'report.noReportId': 'report_id missing',
  'report.pctInvalid': 'pct {value} is not a whole percentage from 0 to 100; ignored',
  'report.noPolicyDomain': 'policy_published has no domain',
  'report.leftOutNoCount': 'left out a record from {ip} without a count',
  'report.leftOutBadCount': 'left out a record from {ip}: count {value} is not a whole number of messages',
  'report.leftOutHugeCount':
    'left out a record from {ip}: count {value} is more than the {most} messages one record can plausibly hold',
  'report.leftOutNoIp': 'left out a record without a source_ip',
  'report.leftOutBadIp': 'left out a record whose source_ip {value} is not an IP address',
  'report.noPolicyEvaluated': 'record without policy_evaluated',
  'report.misspelledIdentities': 'misspelled <identities> read as <identifiers>',
  'report.misspelledDiskim': 'misspelled <diskim> read as <dkim>',
  'report.unknownRecordElement': 'unknown record element <{name}> kept as an extension',

  // Dates and names that cannot be believed (core/report/plausibility.ts).
  'report.date.missing': 'no {field} date',
  'report.date.notUnix': '{field} date {value} is not a Unix time',
  'report.date.beforeDmarc': '{field} date {value} is before DMARC reports existed (2012)',
  'report.date.beforeDmarcAt': '{field} date {value} ({time}) is before DMARC reports existed (2012)',
  'report.date.future': '{field} date {value} is in the future',
  'report.date.futureAt': '{field} date {value} ({time}) is in the future',
  'report.date.beginAfterEnd': 'begin date {begin} is after end date {end}',
  'report.refused': 'report {id} refused: {problems}',
  'report.refusedFrom': 'report {id} from {org} refused: {problems}',
  'report.refusedNoId': 'report without a report_id refused: {problems}',
  'report.refusedNoIdFrom': 'report without a report_id from {org} refused: {problems}',
  'report.invisible':
    '{field} {quoted} contains {characters}: invisible characters that can make it display as something else',

  // Failure reports (core/report/parseFailureReport.ts).
  'report.arf.manyParts':
    '{count, plural, one {# message/feedback-report part} other {# message/feedback-report parts}}; only the first is read (RFC 5965 §2 allows one)',
  'report.arf.noFeedbackType':
    'Feedback-Type missing (RFC 5965 §3.1 requires it); read as auth-failure because Auth-Failure is present',
  'report.arf.noUserAgent': 'User-Agent missing (RFC 5965 §3.1 requires it)',
  'report.arf.noVersion': 'Version missing (RFC 5965 §3.1 requires it)',
  'report.arf.noAuthFailure': 'Auth-Failure missing (RFC 6591 §3.1 requires it)',
  'report.arf.noOriginal':
    'no message/rfc822 or text/rfc822-headers part: the failed message’s header is not available',
  'report.arf.textBody': 'no message/feedback-report part (RFC 6591 §3.1); fields read from the plain-text body',
  'report.arf.noHeaderCopy': 'no copy of the failed message’s header found',
  'report.arf.receivedDate': 'Received-Date read as Arrival-Date (RFC 5965 §3.2 names it Arrival-Date)',
  'report.arf.badArrivalDate': 'Arrival-Date "{value}" is not an RFC 5322 §3.3 date',
  'report.arf.domainFromMessage':
    'Reported-Domain missing (RFC 6591 §3.1 requires it); taken from the failed message: {domain}',
  'report.arf.noDomain': 'Reported-Domain missing (RFC 6591 §3.1 requires it)',
  'report.arf.blankLine': 'the failed message’s part starts with a blank line; skipped',
  'report.arf.noHeaders': 'the failed message’s part has no header fields',

  // SMTP TLS reports (core/report/parseTlsReport.ts): why a JSON file is not one.
  'report.tls.notText': 'not text',
  'report.tls.empty': 'empty input, not an SMTP TLS report',
  'report.tls.tooDeep': 'JSON nested deeper than {limit} levels, so not an SMTP TLS report',
  'report.tls.invalidJson': 'not valid JSON ({error}), so not an SMTP TLS report',
  'report.tls.notObject': '{json}, not an SMTP TLS report object (RFC 8460 §4.5)',
  'report.tls.noFields':
    'JSON, but not an SMTP TLS report (none of organization-name, date-range, report-id, policies)',
  'report.tls.noPolicies': 'JSON with SMTP TLS report fields but no "policies" list (RFC 8460 §4.5), nothing to read',
  'report.tls.policiesNotList': '"policies" is {json}, not a list (RFC 8460 §4.5)',
  'report.tls.crashed': 'could not read the SMTP TLS report: {error}',
  'report.json.null': 'null',
  'report.json.array': 'a JSON array',
  'report.json.string': 'a JSON string',
  'report.json.number': 'a JSON number',
  'report.json.boolean': 'a JSON boolean',
  'report.json.object': 'a JSON object',

  // SMTP TLS reports: what was read another way.
  'report.tls.respelled':
    '{where}: {count, plural, one {member name} other {# member names}} {names} not spelled as in RFC 8460 §4.5; read anyway',
  'report.tls.unknownMembers':
    '{where}: {count, plural, one {unknown member} other {# unknown members}} {names} ignored',
  'report.tls.numberNotString': '{where}: {name} is a number, not a string; read as "{value}"',
  'report.tls.booleanNotString': '{where}: {name} is a boolean, not a string; read as "{value}"',
  'report.tls.notString': '{where}: {name} is not a string; ignored',
  'report.tls.stringNotList': '{where}: {name} is a string, not a list; read as a one-item list',
  'report.tls.itemNotString': '{where}: a {name} item is not a string; skipped',
  'report.tls.notListOrString': '{where}: {name} is neither a list nor a string; ignored',
  'report.tls.countIsString': '{where}: {name} is the string "{value}", not a number; read as {read}',
  'report.tls.notNumber': '{where}: {name} is not a number ({value}); read as 0',
  'report.tls.notCount': '{where}: {name} {number} is not a count; read as 0',
  'report.tls.notWhole': '{where}: {name} {number} is not a whole number; rounded',
  'report.tls.dateIsNumber': 'date-range: {name} is a number, not an RFC 3339 date-time; read as unix seconds',
  'report.tls.dateNoTime': 'date-range: {name} "{value}" has no time; read as midnight UTC',
  'report.tls.dateNoZone': 'date-range: {name} "{value}" has no time zone (RFC 3339 §5.6 requires one); read as UTC',
  'report.tls.noOrganization': 'report: organization-name missing (RFC 8460 §4.1 requires it)',
  'report.tls.noContact': 'report: contact-info missing (RFC 8460 §4.1 requires it)',
  'report.tls.noReportId': 'report: report-id missing (RFC 8460 §4.1 requires it)',
  'report.tls.badStart': 'date-range: start-datetime {value} is not an RFC 3339 date-time; read as 0',
  'report.tls.badEnd': 'date-range: end-datetime {value} is not an RFC 3339 date-time; read as 0',
  'report.tls.endBeforeStart': 'date-range: end-datetime is before start-datetime',
  'report.tls.noDateRange':
    'report: date-range missing or not an object (RFC 8460 §4.1 requires it); begin and end read as 0',
  'report.tls.policiesObject': 'report: policies is a single object, not a list; read as a one-item list',
  'report.tls.notPolicyObject': '{where}: {json}, not a policy object; skipped',
  'report.tls.noPolicyEntries': 'report: no policies (RFC 8460 §4.3 expects one entry per policy applied)',
  'report.tls.noPolicyType': '{where}: policy-type missing; read as "no-policy-found"',
  'report.tls.unknownPolicyType':
    '{where}: policy-type "{value}" is not one of RFC 8460 §4.3\'s tlsa, sts, no-policy-found',
  'report.tls.policyTypeNormalized': '{where}: policy-type "{value}" normalized to "{normalized}"',
  'report.tls.noPolicyString': '{where}: policy-string missing for a "{type}" policy',
  'report.tls.noPolicyDomain': '{where}: policy-domain missing (RFC 8460 §4.3 requires it)',
  'report.tls.mxPrefix': '{where}: mx-host "{value}" carries the policy\'s "mx:" prefix; read as "{host}"',
  'report.tls.noPolicy': '{where}: policy missing or not an object (RFC 8460 §4.3 requires it)',
  'report.tls.noSuccessfulCount': '{where}: total-successful-session-count missing; read as 0',
  'report.tls.noFailureCount': '{where}: total-failure-session-count missing; read as 0',
  'report.tls.noSummary':
    '{where}: summary missing or not an object (RFC 8460 §4.3 requires it); session counts read as 0',
  'report.tls.detailsObject': '{where}: failure-details is a single object, not a list; read as a one-item list',
  'report.tls.notDetailsObject': '{where}: {json}, not a failure-details object; skipped',
  'report.tls.detailsNotList': '{where}: failure-details is {json}, not a list; ignored',
  'report.tls.detailsSum':
    '{where}: failure-details add up to {detailed} failed sessions but summary says {summary}; the summary is kept',
  'report.tls.noResultType': '{where}: result-type missing (RFC 8460 §4.4 requires it); read as "unknown"',
  'report.tls.unknownResultType': '{where}: result-type "{value}" is not one of RFC 8460 §4.4\'s',
  'report.tls.noFailedCount': '{where}: failed-session-count missing; read as 0',
} as const;
