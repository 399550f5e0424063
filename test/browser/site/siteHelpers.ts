// Shared pieces of the site's browser tests: the corpus selection with its MANIFEST ground truth, request recording,
// and axe-core.
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));
export const SITE_FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** The built site as the Playwright config serves it (SITE_ORIGIN lets a second run use another port). */
export const ORIGIN = process.env.SITE_ORIGIN ?? 'http://127.0.0.1:4174';

interface ManifestLine {
  path: string;
  records?: number;
  messages?: number;
  reportType: string;
}

/** PROVENANCE.tsv: the corpus MANIFEST's line for every fixture (ground truth read by Python's XML parser). */
export function readManifest(): Map<string, ManifestLine> {
  const [head, ...lines] = readFileSync(`${FIXTURES}PROVENANCE.tsv`, 'utf8').split('\n').filter(Boolean);
  const columns = head!.split('\t');
  const at = (name: string) => columns.indexOf(name);
  const out = new Map<string, ManifestLine>();
  for (const line of lines) {
    const f = line.split('\t');
    const num = (name: string) => (f[at(name)] ? Number(f[at(name)]) : undefined);
    out.set(f[at('relative_path')]!, {
      path: f[at('relative_path')]!,
      records: num('records'),
      messages: num('messages'),
      reportType: f[at('report_type')]!,
    });
  }
  return out;
}

/**
 * Aggregate reports from every container (xml, gz, zip, eml) with distinct org + report id, so the stored total is
 * the sum of their MANIFEST messages.
 */
export const AGGREGATE_FILES = [
  'domainaware__parsedmarc/nice-input.xml.gz',
  'domainaware__parsedmarc/rfc9990-example.net!example.com!1700000000!1700086399.xml',
  'domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml',
  'domainaware__parsedmarc/usssa.com!example.com!1538784000!1538870399.xml',
  'domainaware__parsedmarc/fastmail.com!example.com!1516060800!1516147199!102675056.xml.gz',
  'domainaware__parsedmarc/estadocuenta1.infonacot.gob.mx!example.com!1536853302!1536939702!2940.xml.zip',
  'domainaware__parsedmarc/Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml',
  'domainaware__parsedmarc/mimecast-weird-gzip.eml',
  'jonzobrist__DMARC-Report-Manager/aol.com!secure.200permits.com!1769126400!1769212799.xml.gz',
  'jonzobrist__DMARC-Report-Manager/comcast.net!secure.200permits.com!1766188800!1766275200.xml',
  'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml',
  'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1768867200!1768953599(1).zip',
  'jonzobrist__DMARC-Report-Manager/protection.outlook.com!secure.200permits.com!1766448000!1766534400.xml',
  'jonzobrist__DMARC-Report-Manager/yahoo.co.uk!secure.200permits.com!1768953600!1769039999.xml.gz',
  'jonzobrist__DMARC-Report-Manager/yahoo.com!secure.200permits.com!1768953600!1769039999.xml.gz',
  'trusteddomainproject__OpenDMARC/163.com!example.com!1337270400!1337356799.20120518163.xml',
  'stalwartlabs__mail-auth/003.xml',
  'stuartmaxwell__dmarc-report/multiple_reports.zip',
  'DSalko__dmarc_parser/complete.xml',
  'resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml',
  'pescheckit__dmarc-service/namespaced_aggregate.xml',
  'georgestarcher__dmarcgo/rfc9990-modern-synthetic.xml.gz',
  'freitagsrunde__dmarc-report-aggregator/aol.eml',
  'andreialecu__dmarc-report-parser/email-source-with-zip.txt',
  'mjl-__mox/xs4all.eml',
];
export const OTHER_REPORT_FILES = [
  'cry-inc__dmarc-report-viewer/google.json',
  'cry-inc__dmarc-report-viewer/microsoft.json',
  'domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml',
  'sisimai__set-of-emails/arf-07.eml',
];
/** Files that must be refused, each with the plain-words reason its error code maps to. */
export const BROKEN_FILES: Array<{ path: string; reason: RegExp }> = [
  { path: 'domainaware__parsedmarc/empty.xml', reason: /file is empty/ },
  { path: 'JamesJJ__dmarc-report-ses-tsv/mail-with-bad-gzip.txt', reason: /damaged/ },
  { path: 'JamesJJ__dmarc-report-ses-tsv/mail-with-non-dmarc-zip.txt', reason: /No DMARC, failure or TLS report/ },
];

export function fixtureFile(path: string): { name: string; mimeType: string; buffer: Buffer } {
  return {
    name: path.split('/').pop()!,
    mimeType: 'application/octet-stream',
    buffer: readFileSync(`${FIXTURES}${path}`),
  };
}

export function expectedMessages(paths: readonly string[]): number {
  const manifest = readManifest();
  return paths.reduce((sum, path) => {
    const line = manifest.get(path);
    if (line?.messages === undefined) throw new Error(`no ground truth for ${path}`);
    return sum + line.messages;
  }, 0);
}

/** Records every request the page makes; `assertSameOrigin` fails on any that left the origin. */
export function recordRequests(page: Page): { urls: string[]; assertSameOrigin(): void } {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('websocket', (socket) => urls.push(socket.url()));
  return {
    urls,
    assertSameOrigin() {
      const elsewhere = urls.filter(
        (url) => !url.startsWith(`${ORIGIN}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
      );
      expect(elsewhere, 'requests that left the origin').toEqual([]);
    },
  };
}

const require = createRequire(import.meta.url);

export async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: string[] }>> {
  // Evaluated through the DevTools protocol rather than added as a <script>: the site's Content-Security-Policy
  // (script-src 'self') refuses inline scripts, as it should.
  await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Adds files through the "Add reports" input and waits until the import says it finished. */
export async function addReports(
  page: Page,
  files: Array<{ name: string; mimeType: string; buffer: Buffer }>,
): Promise<void> {
  await page.getByLabel('Add reports').first().setInputFiles(files);
  await expect(page.getByTestId('import-outcome').first()).toBeVisible({ timeout: 60_000 });
}

/** Sets the site's language and theme for the page's next load (their settings in localStorage). */
export async function chooseLocaleAndTheme(page: Page, locale: 'en' | 'nl', theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(
    ({ l, th }) => {
      localStorage.setItem('dmarc-lens:locale', l);
      localStorage.setItem('dmarc-lens:theme', th);
    },
    { l: locale, th: theme },
  );
}

/** The number in the headline's message total, read as digits. */
export async function totalMessages(page: Page): Promise<number> {
  const text = await page.getByTestId('total-messages').textContent({ timeout: 30_000 });
  return Number((text ?? '').replace(/[^0-9]/g, ''));
}

/**
 * The pieces of English in `en` a Dutch page must not show: the parts between parameters of each string whose Dutch
 * differs, with at least two words and found in no Dutch string. Mapped to their key, for the failure message.
 */
export function englishPieces<K extends string>(en: Record<K, string>, nl: Record<K, string>): Map<string, string> {
  const dutch = Object.values<string>(nl);
  const pieces = new Map<string, string>();
  for (const key of Object.keys(en) as K[]) {
    if (en[key] === nl[key]) continue;
    for (const piece of en[key].split(/\{\w+\}/).map((part) => part.trim())) {
      if ((piece.match(/\p{L}{2,}/gu) ?? []).length >= 2 && !dutch.some((text) => text.includes(piece)))
        pieces.set(piece, key);
    }
  }
  return pieces;
}

/** What a reader sees and hears of the page: visible text, option texts, accessible names and tooltips. */
export async function readableText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll('option')].map((option) => option.textContent ?? ''),
      ...[...document.querySelectorAll('[aria-label], [title]')].flatMap((element) => [
        element.getAttribute('aria-label') ?? '',
        element.getAttribute('title') ?? '',
      ]),
    ].join('\n'),
  );
}
