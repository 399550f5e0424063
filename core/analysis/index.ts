// The public entry of core/analysis: what the site, the extension, the CLI and the other core modules use of it. Code
// outside core/analysis imports from here, never from a file inside it (eslint.config.mjs, test/conventions.test.ts).
export { type SendersAnalysis, analyzeSenders, policyDomainsOf } from './analyzeSenders';
export {
  type FailingIdentity,
  type FailureCause,
  type NextStepJudgement,
  assessReadiness,
  describeStep,
  judgeNextStep,
} from './assessReadiness';
export { changesSinceLastImport, splitByImport } from './changesSinceLastImport';
export type { SourceClass } from './classifyRecord';
export { type SourceIpDetail, countInPeriod, describeSourceIp } from './describeSourceIp';
export {
  type RememberedFinding,
  type WatchAlert,
  type WatchMemory,
  EMPTY_WATCH_MEMORY,
  diffWatchFindings,
  openProblems,
} from './diffWatchFindings';
export { type FailedMechanism, failedMechanism } from './failedMechanism';
export { type ExplanationParam, explanationFormatOf, formatExplanation } from './explanation';
export { WIZARD_SERVICES, type WizardService, findServiceBySpfInclude, findWizardService } from './findSendingService';
export { groupReporters } from './groupReporters';
export { type SourceGroup, labelExplanation } from './groupSources';
export { type AsnInfo, lookupAsn } from './lookupAsn';
export { type PtrResolver, type ReverseDnsCache, lookupReverseDns, readDnsJsonPtrAnswer } from './lookupReverseDns';
export {
  type DomainOverview,
  type OverviewReport,
  type ReadinessState,
  type SeenPolicy,
  overviewDomain,
} from './overviewDomain';
export { ALL_TIME, type Period } from './period';
export { type AsnTable, type AsnTableMeta, readAsnTable } from './readAsnTable';
export {
  type ChartRange,
  type DateConcern,
  LONGEST_PLAUSIBLE_SPAN_DAYS,
  chartRangeOf,
  dateConcern,
  lastDaysWithData,
  longSpanWarning,
} from './reportDates';
export { reportKey } from './reportKey';
export { type HypotheticalPolicy, simulatePolicy } from './simulatePolicy';
export { utcDay } from './spreadOverDays';
export {
  type ClassifiedSourceGroup,
  type DailyPoint,
  RecordSummarizer,
  type RecordSummary,
  type SourceGroupTotals,
  type SourceIp,
  SourceRecords,
  type Totals,
} from './summarizeRecords';
export { summarizeReport } from './summarizeReport';
export { type BucketUnit, type TimeBucket, type TimeTick, bucketDays, bucketUnitFor, timeTicks } from './timeBuckets';
export {
  type DmarcRecordProblem,
  type SourceFinding,
  type WatchFinding,
  type WatchFindingKind,
  type WatchThresholds,
  DEFAULT_WATCH_THRESHOLDS,
  SOURCE_GONE_AFTER_DAYS,
  SPOOFING_BASELINE_DAYS,
  watchFindings,
} from './watchFindings';
export { type DigestCounts, type DigestSource, type WeeklyDigest, weeklyDigest } from './weeklyDigest';
