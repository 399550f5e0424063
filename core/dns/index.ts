// The public entry of core/dns: what the site, the extension, the CLI and the other core modules use of it. Code
// outside core/dns imports from here, never from a file inside it (eslint.config.mjs, test/conventions.test.ts).
export { type NextStepAssessment, assessNextStep } from './assessNextStep';
export { encodeBase64 } from './base64';
export {
  type DmarcReceivers,
  type DomainSetup,
  EMPTY_DOMAIN_SETUP,
  buildDomainRecords,
  formatZoneSnippet,
  isValidDomainName,
  senderDkimPractice,
} from './buildDomainRecords';
export { type RecordCheck, checkRecordText } from './checkRecordText';
export { type PublicationCheck, type PublicationStatus, compareWithPublished } from './compareWithPublished';
export { dkimConfigSnippets, privateKeyFileName } from './dkimConfigSnippets';
export { type DkimKeyType, formatPem, suggestDkimSelector } from './dkimKeyRecord';
export {
  type DmarcFailureOption,
  type DmarcRecord,
  explainDmarcTag,
  explainReportAddresses,
  formatDmarcRecord,
  parseDmarcRecord,
} from './dmarcRecord';
export { type SpfLookupEvaluation, type SpfLookupNode, evaluateSpfLookups } from './evaluateSpfLookups';
export { type PublishedRecordsReport, lookupPublishedRecords } from './lookupPublishedRecords';
export { type MtaStsMode, mtaStsIdFor } from './mtaStsRecord';
export { type PublishedPolicyRun, publishedPolicyHistory } from './publishedPolicyHistory';
export { type DnsRecordSentence, englishText, recordText, recordTextKey, renderRecordText } from './recordTexts';
export { type RolloutFlavour, buildRolloutPlan, findCurrentStep, seedDmarcRecord } from './rolloutPlan';
export { MAX_SPF_DNS_LOOKUPS, MAX_SPF_VOID_LOOKUPS } from './spfRecord';
export {
  MAX_TXT_STRING_BYTES,
  formatTxtForZone,
  joinTxtStrings,
  parseTxtPresentation,
  splitTxtValue,
  txtByteLength,
} from './txtStrings';
export {
  type DnsAnswer,
  type DnsRecordType,
  type DnsResolver,
  type RecordIssue,
  type TagExplanation,
  askResolver,
  dnsError,
} from './types';
