// The public entry of core/store: what the site, the extension, the CLI and the other core modules use of it. Code
// outside core/store imports from here, never from a file inside it (eslint.config.mjs, test/conventions.test.ts).
export { BACKUP_FORMAT, BACKUP_VERSION, backupLines, looksLikeBackupFile, restoreBackup } from './backup';
export { deleteDomain, deleteEverything } from './deleteReports';
export {
  type StoreCounts,
  countStored,
  digestInView,
  forEachDigestChunk,
  forEachRecordChunk,
  listAggregateReports,
  listAllReports,
  listDomains,
  listFailureReports,
  listTlsReports,
  readRawXml,
  readRecords,
} from './queries';
export { getReport } from './reportPacks';
export { type FileRows, type SaveOutcome, saveFiles, saveReportRows } from './saveReportRows';
export {
  type ReportDatabase,
  type StoredAggregateReport,
  type StoredFailureReport,
  type StoredReport,
  type StoredTlsReport,
  DB_VERSION,
  openReportDatabase,
} from './schema';
export { toReportRows } from './toStoredReport';
export { type DomainCounts, countReportsByDomain, deleteReports, endedBefore, reportKeysWhere } from './pruneReports';
export { RECORDS_PER_BATCH } from './rowSizes';
