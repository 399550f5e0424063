// The "Try it with sample reports" set: real reports from public repositories under MIT / Apache-2.0 / BSD licences
// (test/fixtures/reports/PROVENANCE.tsv names each source), bundled with the site as assets so that loading them is a
// same-origin fetch and nothing else. A mix of every container: xml, xml.gz, zip, eml, TLS-RPT json, a failure report.
import aolGz from '../../../test/fixtures/reports/jonzobrist__DMARC-Report-Manager/aol.com!secure.200permits.com!1769126400!1769212799.xml.gz?url';
import comcastXml from '../../../test/fixtures/reports/jonzobrist__DMARC-Report-Manager/comcast.net!secure.200permits.com!1766188800!1766275200.xml?url';
import googleXml from '../../../test/fixtures/reports/jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml?url';
import googleZip from '../../../test/fixtures/reports/jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1768867200!1768953599(1).zip?url';
import outlookXml from '../../../test/fixtures/reports/jonzobrist__DMARC-Report-Manager/protection.outlook.com!secure.200permits.com!1766448000!1766534400.xml?url';
import yahooUkGz from '../../../test/fixtures/reports/jonzobrist__DMARC-Report-Manager/yahoo.co.uk!secure.200permits.com!1768953600!1769039999.xml.gz?url';
import yahooGz from '../../../test/fixtures/reports/jonzobrist__DMARC-Report-Manager/yahoo.com!secure.200permits.com!1768953600!1769039999.xml.gz?url';
import completeXml from '../../../test/fixtures/reports/DSalko__dmarc_parser/complete.xml?url';
import resendXml from '../../../test/fixtures/reports/resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml?url';
import niceGz from '../../../test/fixtures/reports/domainaware__parsedmarc/nice-input.xml.gz?url';
import gmailEml from '../../../test/fixtures/reports/andreialecu__dmarc-report-parser/email-source-with-zip.txt?url';
import aolEml from '../../../test/fixtures/reports/freitagsrunde__dmarc-report-aggregator/aol.eml?url';
import tlsGoogle from '../../../test/fixtures/reports/cry-inc__dmarc-report-viewer/google.json?url';
import tlsMicrosoft from '../../../test/fixtures/reports/cry-inc__dmarc-report-viewer/microsoft.json?url';
import failureEml from '../../../test/fixtures/reports/domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml?url';

export interface SampleReport {
  /** The file name it had in its source repository. */
  name: string;
  url: string;
}

export const SAMPLE_REPORTS: readonly SampleReport[] = [
  { name: 'aol.com!secure.200permits.com!1769126400!1769212799.xml.gz', url: aolGz },
  { name: 'comcast.net!secure.200permits.com!1766188800!1766275200.xml', url: comcastXml },
  { name: 'google.com!secure.200permits.com!1766361600!1766447999.xml', url: googleXml },
  { name: 'google.com!secure.200permits.com!1768867200!1768953599.zip', url: googleZip },
  { name: 'protection.outlook.com!secure.200permits.com!1766448000!1766534400.xml', url: outlookXml },
  { name: 'yahoo.co.uk!secure.200permits.com!1768953600!1769039999.xml.gz', url: yahooUkGz },
  { name: 'yahoo.com!secure.200permits.com!1768953600!1769039999.xml.gz', url: yahooGz },
  { name: 'complete.xml', url: completeXml },
  { name: 'sample-rua-dmarc-report.xml', url: resendXml },
  { name: 'nice-input.xml.gz', url: niceGz },
  { name: 'email-source-with-zip.eml', url: gmailEml },
  { name: 'aol.eml', url: aolEml },
  { name: 'google-tlsrpt.json', url: tlsGoogle },
  { name: 'microsoft-tlsrpt.json', url: tlsMicrosoft },
  { name: 'dmarc_ruf_report_linkedin.eml', url: failureEml },
];

/** Fetches the bundled samples (same origin) as Files for the import. */
export async function loadSampleFiles(): Promise<File[]> {
  return Promise.all(
    SAMPLE_REPORTS.map(async (sample) => {
      const response = await fetch(new URL(sample.url, document.baseURI));
      return new File([await response.arrayBuffer()], sample.name);
    }),
  );
}
