// The public entry of core/report: what the site, the extension, the CLI and the other core modules use of it. Code
// outside core/report imports from here, never from a file inside it (eslint.config.mjs, test/conventions.test.ts).
export { describeAddressRange } from './addressRange';
export { isDkimAligned, isSpfAligned, normalizeDomain, organizationalDomain } from './alignment';
export { type CsvValue, csvField, csvRow } from './csv';
export { MAX_DECOMPRESSED_BYTES } from './limits';
export {
  addressWords,
  type AddressWords,
  type IpAddress,
  isIpv4Text,
  isIpv6Text,
  parseIpAddress,
  samePrefix,
} from './parseIpAddress';
export {
  PARSEDMARC_CSV_COLUMNS,
  PARSEDMARC_CSV_HEADER,
  PARSEDMARC_FAILURE_CSV_COLUMNS,
  PARSEDMARC_FAILURE_CSV_HEADER,
  PARSEDMARC_TLS_CSV_COLUMNS,
  PARSEDMARC_TLS_CSV_HEADER,
  parsedmarcCsvRows,
  parsedmarcFailureCsvRow,
  parsedmarcTlsCsvRows,
  parsedmarcDateTime,
  parsedmarcHead,
} from './parsedmarcCsv';
export { bucketsOf, type DayBucket, splitByDay } from './parsedmarcDays';
export { type ParsedReportWithStats, parseReport, parseReportStream } from './parseReport';
export { isPlausibleReportTime } from './plausibility';
export { readReportXml } from './readReportXml';
export {
  type CountedDigest,
  type CountedProfile,
  type DigestId,
  type StoredRecord,
  type StoredRecordDigest,
  recordOfDigest,
  recordsOfDigest,
  storedRecordOfDigest,
} from './recordDigest';
export { isoFromReportSeconds } from './reportDate';
export {
  localizeReportText,
  readReportMessage,
  type ReportMessage,
  type ReportMessageKey,
  type ReportTranslate,
  sayReportMessage,
} from './reportMessages';
export { firstByteOfText } from './sniffContainer';
export { REASONS } from './toAggregateReport';
export {
  type AggregateReportHead,
  type ParsedmarcAddress,
  parsedmarcAddresses,
  parsedmarcAggregateParts,
  parsedmarcDeliveryResult,
  toParsedmarcJson,
} from './toParsedmarcJson';
export type {
  AggregateRecord,
  AggregateReport,
  AlignmentMode,
  Disposition,
  DkimAuthResult,
  DmarcPolicy,
  FailureReport,
  OverrideReason,
  ParseResult,
  ParsedReport,
  PolicyOverride,
  PolicyPublished,
  RecordProfile,
  Report,
  ReportError,
  ReportMetadata,
  ReportPath,
  SpfAuthResult,
  TlsFailureDetail,
  TlsPolicyResult,
  TlsReport,
} from './types';
export { visibleText } from './visibleText';
