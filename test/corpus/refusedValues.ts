// Corpus files with values DMARC Lens does not believe (core/report/plausibility.ts). The manifest's counts come from
// tools that believed any number; for these files what is read here differs from them on purpose.

/** Reports refused whole for their date range (parseReport: `malformed`, "… refused: …"), with the reason. */
export const REFUSED_REPORTS: Readonly<Record<string, string>> = {
  'domainaware__parsedmarc/rfc9990-sample.xml': "RFC 9990's example report, dated 1979-08-07",
  'ietf-wg-dmarc__draft-ietf-dmarc-aggregate-reporting/dmarc-xmlalt-0.2.xml': 'a draft example, dated 1975-02-09',
  'ietf-wg-dmarc__draft-ietf-dmarc-aggregate-reporting/c0f97a59/dmarc-xmlalt-0.2.xml':
    'a draft example, dated 1975-02-09',
  'stalwartlabs__mail-auth/001.xml': 'a test report dated 1975-02-09',
  'stalwartlabs__mail-auth/005.xml': 'a test report dated 100–200 seconds after 1970',
  'stuartmaxwell__dmarc-report/dmarc-invalid-3.xml': 'begin and end are not numbers',
  'kimon1230__dmarc_report_reader/malformed.xml': 'report_metadata is cut off before its date range',
};

/** Reports read with records left out (a source_ip that is not an address, a count that is not a number). */
export const LEFT_OUT_RECORDS: Readonly<Record<string, { records: number; messages: number; why: string }>> = {
  'tierpod__dmarc-report-converter/test_empty.xml': {
    records: 0,
    messages: 0,
    why: 'its one record has an empty source_ip',
  },
};
