import type { Translation } from '../translation';
import type { reportEn } from '../en/report';

export const reportNl: Translation<typeof reportEn> = {
  // Fouten: het bestand levert geen rapport op.
  'report.cancelled': '{file}: het lezen is afgebroken',
  'report.expandsOverLimit': '{file}: pakt uit tot meer dan {limit} GiB',
  'report.expansionRatio': '{file}: pakt uit tot meer dan {ratio}× de eigen grootte (een zipbom?); geweigerd',
  'report.tooManyReports': '{file}: meer dan {limit} rapporten in één bestand',
  'report.nestedTooDeep': '{where}: bestanden dieper dan {limit} lagen in elkaar verpakt',
  'report.unused': '{where}: de rapporteur stuurde de opvultekst "unused" in plaats van een rapport',
  'report.emptyFile': '{where}: het bestand is leeg',
  'report.pgp': '{where}: met PGP versleutelde inhoud kan niet worden gelezen',
  'report.binary': '{where}: {part}, geen rapport',
  'report.plainText': '{where}: platte tekst zonder rapport',
  'report.largerThan': '{where}: groter dan {limit} MiB',
  'report.gzipTruncated': '{where}: de gzip-gegevens houden te vroeg op (afgekapt)',
  'report.gzipDamaged': '{where}: de gzip-gegevens zijn beschadigd ({error})',
  'report.noFeedback': '{where}: XML zonder <feedback>-element, geen DMARC-aggregaatrapport',
  'report.zipEncrypted': '{where}: het bestand in de zip is met een wachtwoord beveiligd',
  'report.zipMethod': '{where}: zip-compressiemethode {method} wordt niet ondersteund',
  'report.zipMemberDamaged': '{where}: het bestand in de zip is beschadigd ({error})',
  'report.notTls': '{where}: JSON, maar geen SMTP TLS-rapport ({reason})',
  'report.mboxTooMany': '{where}: bevat meer dan {limit} berichten; de berichten na bericht {limit} zijn niet gelezen',
  'report.mimeFlood':
    '{where}: de e-mail heeft meer dan {limit} MIME-grensregels (een stortvloed aan delen?); niet gelezen',
  'report.emailUnparsable': '{where}: de e-mail kan niet worden ontleed ({error})',
  'report.smime': '{where}: met S/MIME versleuteld bericht kan niet worden gelezen',
  'report.abuse': '{where}: een ARF-feedbackrapport van het type "{type}", geen DMARC- of TLS-rapport',
  'report.emailWithoutReport': '{where}: een e-mail zonder rapport als bijlage',
  'report.nothingFound': '{file}: geen DMARC-, fout- of TLS-rapport gevonden',
  'report.inputTooLarge': '{file}: {size} MiB is meer dan de grens van {limit} MiB',
  'report.streamTooLarge': '{file}: meer dan de grens van {limit} GiB',
  'report.internal': '{file}: kon niet worden gelezen ({error})',

  // Hoe de bytes van een bestand dat geen rapport is eruitzien.
  'report.kind.binary': 'binaire gegevens',
  'report.kind.png': 'een PNG-afbeelding',
  'report.kind.pdf': 'een PDF-document',
  'report.kind.jpeg': 'een JPEG-afbeelding',
  'report.kind.gif': 'een GIF-afbeelding',
  'report.kind.7z': 'een 7-Zip-archief',
  'report.kind.rar': 'een RAR-archief',
  'report.kind.bzip2': 'bzip2-gegevens',
  'report.kind.xz': 'xz-gegevens',
  'report.kind.zstd': 'zstd-gegevens',

  // Zip-archieven.
  'report.zipTruncated': '{file}: het zip-archief is afgekapt (geen centrale inhoudsopgave)',
  'report.zip64': '{file}: ZIP64-archieven worden niet ondersteund',
  'report.zipTooManyMembers': '{file}: de zip bevat {count} bestanden (grens {limit})',
  'report.zipDirectoryDamaged': '{file}: de centrale inhoudsopgave van de zip is beschadigd',
  'report.zipNoLocalHeader': '{file}: bestand {name} in de zip heeft geen lokale header',
  'report.zipCutOff': '{file}: bestand {name} in de zip is afgekapt',

  // Aggregaat-XML.
  'report.recordTooLong': '{file}: een <record> is langer dan {limit} tekens zonder te sluiten',
  'report.headTooLong': '{file}: de kop van het rapport (vóór het eerste record) is langer dan {limit} tekens',
  'report.tooManyRecords': '{file}: meer dan {limit} records in één rapport',
  'report.dtd': '{file}: bevat een DOCTYPE- of ENTITY-declaratie, geweigerd (XML-entiteitexpansie)',
  'report.refusedIn': '{file}: {refusal}',
  'report.gzipTrailing': '{where}: bytes na het einde van de gzip-gegevens genegeerd',
  'report.invalidSequences':
    '{count, plural, one {# bytereeks} other {# bytereeksen}} die in {encoding} ongeldig {count, plural, one {is} other {zijn}} vervangen door U+FFFD',
  'report.pastedReports':
    '{count, plural, one {# rapport is} other {# rapporten zijn}} in één bestand geplakt; elk apart gelezen',
  'report.bomRemoved': 'UTF-8-byte-order-mark verwijderd',
  'report.unknownEncoding': 'onbekende opgegeven tekenset "{label}", gelezen als UTF-8',
  'report.truncatedHead': 'het rapport houdt op vóór het eerste record (afgekapt)',
  'report.truncatedEnd': 'het rapport houdt op zonder </feedback> (afgekapt)',
  'report.elementsBetweenRecords': 'elementen tussen de records genegeerd',
  'report.ignoredText':
    '{count, plural, one {# teken} other {# tekens}} tekst vóór <feedback> die niet bij het rapport hoort genegeerd',
  'report.keptTruncatedRecord': 'het laatste record, afgekapt, toch bewaard',
  'report.droppedIncompleteRecord': 'een onvolledig laatste record weggelaten',
  'report.repaired': 'kapotte XML hersteld in {part}: {repair}',
  'report.unreadableXml': 'onleesbare XML in {part} overgeslagen ({error})',
  'report.part.head': 'de kop van het rapport',
  'report.part.record': 'een record',
  'report.part.records': 'de records',
  'report.part.truncatedRecord': 'een afgekapt record',

  // Waarden in aggregaatrapporten.
  'report.repeated': '{warning} (×{count})',
  'report.moreWarnings':
    '{count, plural, one {nog # waarschuwing van een andere soort} other {nog # waarschuwingen van andere soorten}} niet getoond',
  'report.unknownValue': 'onbekende waarde "{value}" voor {field} gelezen als "{fallback}"',
  'report.noDateField': 'date_range heeft geen {field}',
  'report.notTimestamp': '{field} {quoted} is geen Unix-tijd',
  'report.milliseconds': '{field} {digits} staat in milliseconden; gelezen als {seconds} ({time})',
  'report.orgFromEmail': 'org_name ontbreekt; overgenomen uit email ({org})',
  'report.misspelledDateRange': 'verkeerd gespelde <date_range> toch gelezen',
  'report.noReportId': 'report_id ontbreekt',
  'report.pctInvalid': 'pct {value} is geen heel percentage van 0 tot 100; genegeerd',
  'report.noPolicyDomain': 'policy_published heeft geen domein',
  'report.leftOutNoCount': 'record van {ip} zonder aantal weggelaten',
  'report.leftOutBadCount': 'record van {ip} weggelaten: aantal {value} is geen heel aantal berichten',
  'report.leftOutHugeCount':
    'record van {ip} weggelaten: aantal {value} is meer dan de {most} berichten die één record redelijkerwijs kan bevatten',
  'report.leftOutNoIp': 'record zonder source_ip weggelaten',
  'report.leftOutBadIp': 'record weggelaten waarvan source_ip {value} geen IP-adres is',
  'report.noPolicyEvaluated': 'record zonder policy_evaluated',
  'report.misspelledIdentities': 'verkeerd gespelde <identities> gelezen als <identifiers>',
  'report.misspelledDiskim': 'verkeerd gespelde <diskim> gelezen als <dkim>',
  'report.unknownRecordElement': 'onbekend record-element <{name}> bewaard als extensie',

  // Data en namen die niet te geloven zijn.
  'report.date.missing': 'geen {field}-datum',
  'report.date.notUnix': '{field}-datum {value} is geen Unix-tijd',
  'report.date.beforeDmarc': '{field}-datum {value} ligt vóór het bestaan van DMARC-rapporten (2012)',
  'report.date.beforeDmarcAt': '{field}-datum {value} ({time}) ligt vóór het bestaan van DMARC-rapporten (2012)',
  'report.date.future': '{field}-datum {value} ligt in de toekomst',
  'report.date.futureAt': '{field}-datum {value} ({time}) ligt in de toekomst',
  'report.date.beginAfterEnd': 'begindatum {begin} ligt na einddatum {end}',
  'report.refused': 'rapport {id} geweigerd: {problems}',
  'report.refusedFrom': 'rapport {id} van {org} geweigerd: {problems}',
  'report.refusedNoId': 'rapport zonder report_id geweigerd: {problems}',
  'report.refusedNoIdFrom': 'rapport zonder report_id van {org} geweigerd: {problems}',
  'report.invisible':
    '{field} {quoted} bevat {characters}: onzichtbare tekens waardoor het als iets anders kan worden weergegeven',

  // Foutrapporten.
  'report.arf.manyParts':
    '{count, plural, one {# message/feedback-report-deel} other {# message/feedback-report-delen}}; alleen het eerste is gelezen (RFC 5965 §2 staat er één toe)',
  'report.arf.noFeedbackType':
    'Feedback-Type ontbreekt (RFC 5965 §3.1 vereist het); gelezen als auth-failure omdat Auth-Failure aanwezig is',
  'report.arf.noUserAgent': 'User-Agent ontbreekt (RFC 5965 §3.1 vereist het)',
  'report.arf.noVersion': 'Version ontbreekt (RFC 5965 §3.1 vereist het)',
  'report.arf.noAuthFailure': 'Auth-Failure ontbreekt (RFC 6591 §3.1 vereist het)',
  'report.arf.noOriginal':
    'geen message/rfc822- of text/rfc822-headers-deel: de header van het mislukte bericht is niet beschikbaar',
  'report.arf.textBody': 'geen message/feedback-report-deel (RFC 6591 §3.1); velden gelezen uit de platte tekst',
  'report.arf.noHeaderCopy': 'geen kopie van de header van het mislukte bericht gevonden',
  'report.arf.receivedDate': 'Received-Date gelezen als Arrival-Date (RFC 5965 §3.2 noemt het Arrival-Date)',
  'report.arf.badArrivalDate': 'Arrival-Date "{value}" is geen datum volgens RFC 5322 §3.3',
  'report.arf.domainFromMessage':
    'Reported-Domain ontbreekt (RFC 6591 §3.1 vereist het); overgenomen uit het mislukte bericht: {domain}',
  'report.arf.noDomain': 'Reported-Domain ontbreekt (RFC 6591 §3.1 vereist het)',
  'report.arf.blankLine': 'het deel met het mislukte bericht begint met een lege regel; overgeslagen',
  'report.arf.noHeaders': 'het deel met het mislukte bericht heeft geen headervelden',

  // SMTP TLS-rapporten: waarom een JSON-bestand er geen is.
  'report.tls.notText': 'geen tekst',
  'report.tls.empty': 'lege invoer, geen SMTP TLS-rapport',
  'report.tls.tooDeep': 'JSON dieper genest dan {limit} lagen, dus geen SMTP TLS-rapport',
  'report.tls.invalidJson': 'geen geldige JSON ({error}), dus geen SMTP TLS-rapport',
  'report.tls.notObject': '{json}, geen object van een SMTP TLS-rapport (RFC 8460 §4.5)',
  'report.tls.noFields':
    'JSON, maar geen SMTP TLS-rapport (geen van organization-name, date-range, report-id, policies)',
  'report.tls.noPolicies':
    'JSON met velden van een SMTP TLS-rapport maar zonder lijst "policies" (RFC 8460 §4.5), niets te lezen',
  'report.tls.policiesNotList': '"policies" is {json}, geen lijst (RFC 8460 §4.5)',
  'report.tls.crashed': 'kon het SMTP TLS-rapport niet lezen: {error}',
  'report.json.null': 'null',
  'report.json.array': 'een JSON-array',
  'report.json.string': 'een JSON-string',
  'report.json.number': 'een JSON-getal',
  'report.json.boolean': 'een JSON-boolean',
  'report.json.object': 'een JSON-object',

  // SMTP TLS-rapporten: wat anders gelezen is.
  'report.tls.respelled':
    '{where}: {count, plural, one {lidnaam} other {# lidnamen}} {names} niet gespeld zoals in RFC 8460 §4.5; toch gelezen',
  'report.tls.unknownMembers':
    '{where}: {count, plural, one {onbekend lid} other {# onbekende leden}} {names} genegeerd',
  'report.tls.numberNotString': '{where}: {name} is een getal, geen string; gelezen als "{value}"',
  'report.tls.booleanNotString': '{where}: {name} is een boolean, geen string; gelezen als "{value}"',
  'report.tls.notString': '{where}: {name} is geen string; genegeerd',
  'report.tls.stringNotList': '{where}: {name} is een string, geen lijst; gelezen als lijst van één',
  'report.tls.itemNotString': '{where}: een item van {name} is geen string; overgeslagen',
  'report.tls.notListOrString': '{where}: {name} is geen lijst en geen string; genegeerd',
  'report.tls.countIsString': '{where}: {name} is de string "{value}", geen getal; gelezen als {read}',
  'report.tls.notNumber': '{where}: {name} is geen getal ({value}); gelezen als 0',
  'report.tls.notCount': '{where}: {name} {number} is geen aantal; gelezen als 0',
  'report.tls.notWhole': '{where}: {name} {number} is geen heel getal; afgerond',
  'report.tls.dateIsNumber': 'date-range: {name} is een getal, geen RFC 3339-datum-tijd; gelezen als Unix-seconden',
  'report.tls.dateNoTime': 'date-range: {name} "{value}" heeft geen tijd; gelezen als middernacht UTC',
  'report.tls.dateNoZone':
    'date-range: {name} "{value}" heeft geen tijdzone (RFC 3339 §5.6 vereist die); gelezen als UTC',
  'report.tls.noOrganization': 'report: organization-name ontbreekt (RFC 8460 §4.1 vereist het)',
  'report.tls.noContact': 'report: contact-info ontbreekt (RFC 8460 §4.1 vereist het)',
  'report.tls.noReportId': 'report: report-id ontbreekt (RFC 8460 §4.1 vereist het)',
  'report.tls.badStart': 'date-range: start-datetime {value} is geen RFC 3339-datum-tijd; gelezen als 0',
  'report.tls.badEnd': 'date-range: end-datetime {value} is geen RFC 3339-datum-tijd; gelezen als 0',
  'report.tls.endBeforeStart': 'date-range: end-datetime ligt vóór start-datetime',
  'report.tls.noDateRange':
    'report: date-range ontbreekt of is geen object (RFC 8460 §4.1 vereist het); begin en einde gelezen als 0',
  'report.tls.policiesObject': 'report: policies is één object, geen lijst; gelezen als lijst van één',
  'report.tls.notPolicyObject': '{where}: {json}, geen policy-object; overgeslagen',
  'report.tls.noPolicyEntries': 'report: geen policies (RFC 8460 §4.3 verwacht één item per toegepaste policy)',
  'report.tls.noPolicyType': '{where}: policy-type ontbreekt; gelezen als "no-policy-found"',
  'report.tls.unknownPolicyType':
    '{where}: policy-type "{value}" is niet een van tlsa, sts, no-policy-found uit RFC 8460 §4.3',
  'report.tls.policyTypeNormalized': '{where}: policy-type "{value}" genormaliseerd tot "{normalized}"',
  'report.tls.noPolicyString': '{where}: policy-string ontbreekt voor een "{type}"-policy',
  'report.tls.noPolicyDomain': '{where}: policy-domain ontbreekt (RFC 8460 §4.3 vereist het)',
  'report.tls.mxPrefix': '{where}: mx-host "{value}" draagt het voorvoegsel "mx:" van de policy; gelezen als "{host}"',
  'report.tls.noPolicy': '{where}: policy ontbreekt of is geen object (RFC 8460 §4.3 vereist het)',
  'report.tls.noSuccessfulCount': '{where}: total-successful-session-count ontbreekt; gelezen als 0',
  'report.tls.noFailureCount': '{where}: total-failure-session-count ontbreekt; gelezen als 0',
  'report.tls.noSummary':
    '{where}: summary ontbreekt of is geen object (RFC 8460 §4.3 vereist het); sessieaantallen gelezen als 0',
  'report.tls.detailsObject': '{where}: failure-details is één object, geen lijst; gelezen als lijst van één',
  'report.tls.notDetailsObject': '{where}: {json}, geen failure-details-object; overgeslagen',
  'report.tls.detailsNotList': '{where}: failure-details is {json}, geen lijst; genegeerd',
  'report.tls.detailsSum':
    '{where}: failure-details tellen op tot {detailed} mislukte sessies maar summary zegt {summary}; summary aangehouden',
  'report.tls.noResultType': '{where}: result-type ontbreekt (RFC 8460 §4.4 vereist het); gelezen als "unknown"',
  'report.tls.unknownResultType': '{where}: result-type "{value}" is niet een van die uit RFC 8460 §4.4',
  'report.tls.noFailedCount': '{where}: failed-session-count ontbreekt; gelezen als 0',
};
