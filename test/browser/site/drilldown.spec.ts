// Drill-down, exports, failure and TLS detail and paging on the built site in Chromium, with real reports: one search
// finds Google's source by name and a source by its address; a record opens to every field of its XML, and the XML
// view marks that record and downloads the file as it was; the per-record CSV is parsedmarc's row worked out from the
// XML, the summary CSV starts with a byte-order mark; a failure report names DKIM and SPF and hides the sender's
// name; a TLS report's failed sessions add up per MX; 2,286 records' sources are all reachable. No request leaves
// the origin; axe finds nothing. Screenshots in English and Dutch, light and dark: $SHOTS_DIR (default
// dist/screenshots/drilldown).
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { addReports, axeViolations, fixtureFile, FIXTURES, ORIGIN, recordRequests } from './siteHelpers';

const SHOTS = process.env.SHOTS_DIR ?? 'dist/screenshots/drilldown';
mkdirSync(SHOTS, { recursive: true });

const RESEND = 'resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml';
const FILES = [
  RESEND,
  'cry-inc__dmarc-report-viewer/acme.xml',
  'domainaware__parsedmarc/protection.outlook.com!example.com!1711756800!1711843200.xml',
  'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml',
  'domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml',
  'stalwartlabs__mail-auth/004.eml',
  'domainaware__parsedmarc/rfc8460.json',
];

/** resend's record of 192.0.2.50, as parsedmarc's CSV writes it (worked out from the XML; no lookups made). */
const RESEND_192_0_2_50 =
  'draft,Google Inc.,noreply-dmarc-support@google.com,https://support.google.com/a/answer/2466580,' +
  '12345678901234567890,2024-02-01 00:00:00,2024-02-02 00:00:00,False,,example.com,r,r,reject,reject,,100,0,,,' +
  '192.0.2.50,,,,,,,,,15,True,False,True,quarantine,forwarded,Message was forwarded by known forwarder,,' +
  'example.com,recipient.com,example.com,google,fail,forwarder.com,mfrom,pass';

async function setUp(page: Page, locale: 'en' | 'nl', theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript(
    ([l, th]) => {
      localStorage.setItem('dmarc-lens:locale', l);
      localStorage.setItem('dmarc-lens:theme', th);
    },
    [locale, theme] as const,
  );
}

async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
  await expect(page.getByTestId('sources')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

test('search, record detail, XML at the record, exports, failure and TLS detail', async ({ page }) => {
  await setUp(page, 'en', 'light');
  const requests = recordRequests(page);
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, FILES.map(fixtureFile));
  await openDashboard(page);
  const search = page.getByTestId('source-search');
  const names = page.getByTestId('source-name');

  // "google" finds Google's source by its service name (the IP box found nothing for it before).
  await search.fill('google');
  await expect(names).toHaveText(['Google Workspace / Gmail']);

  // An address finds its source; its record opens to every field of resend's fourth record.
  await search.fill('192.0.2.50');
  await expect(names).toHaveText(['192.0.2.50']);
  await page.getByRole('button', { name: 'Show IP addresses of 192.0.2.50' }).click();
  await page.getByRole('button', { name: 'Show records' }).click();
  await page.getByTestId('record-row').getByRole('button', { name: 'Details' }).click();
  const detail = page.getByTestId('record-detail');
  const field = (name: string) => detail.locator(`[data-field="${name}"]`);
  await expect(field('reporter')).toContainText('Google Inc.');
  await expect(field('reporter')).toContainText('noreply-dmarc-support@google.com');
  await expect(field('report-id')).toHaveText('12345678901234567890');
  await expect(field('policy')).toHaveText('p=reject; sp=reject; adkim=r; aspf=r; pct=100example.com');
  await expect(field('count')).toHaveText('15');
  await expect(field('evaluated')).toHaveText('disposition quarantine, DKIM fail, SPF pass');
  await expect(field('reasons')).toHaveText('forwarded — Message was forwarded by known forwarder');
  await expect(field('header-from')).toHaveText('example.com');
  await expect(field('envelope-from')).toHaveText('–');
  await expect(field('envelope-to')).toHaveText('recipient.com');
  await expect(field('dkim')).toHaveText('d=example.com s=google fail — signature verification failed');
  await expect(field('spf')).toHaveText('forwarder.com (mfrom) pass');
  await expect(field('source')).toContainText('Reverse DNS not looked up');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/record-detail-en-light.png`, fullPage: true });

  // This record as parsedmarc's CSV.
  const one = await downloaded(page, () => detail.getByRole('button', { name: 'This record as CSV' }).click());
  expect(one.text.split('\r\n')[1]).toBe(RESEND_192_0_2_50);

  // The XML view marks this record, in view, and downloads the report's XML as it was.
  await detail.getByRole('button', { name: 'Show in the XML' }).click();
  const mark = page.getByTestId('xml-record');
  await expect(mark).toContainText('<source_ip>192.0.2.50</source_ip>');
  await expect(mark).toContainText('<envelope_to>recipient.com</envelope_to>');
  await expect(mark).toBeInViewport();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/xml-record-en-light.png` });
  const xml = await downloaded(page, () => page.getByRole('button', { name: 'Download XML' }).click());
  expect(xml.name).toMatch(/\.xml$/);
  expect(xml.text).toBe(readFileSync(`${FIXTURES}${RESEND}`, 'utf8'));
  await page.getByRole('button', { name: 'Close' }).click();

  // A Google address's network from the offline ASN table.
  await search.fill('209.85.220.41');
  await page.getByRole('button', { name: 'Show IP addresses of Google Workspace / Gmail' }).click();
  await page.getByRole('button', { name: 'Show records' }).click();
  await page.getByTestId('record-row').getByRole('button', { name: 'Details' }).click();
  await expect(field('network')).toContainText('AS15169');
  await expect(field('dkim')).toHaveText('d=example.com s=google pass');

  // Exports of the view: the records CSV of the one source shown, the summary CSV behind a byte-order mark.
  await search.fill('192.0.2.50');
  const records = await downloaded(page, () => page.getByRole('button', { name: 'Records CSV (parsedmarc)' }).click());
  expect(records.text.split('\r\n').slice(1)).toEqual([RESEND_192_0_2_50, '']);
  const summary = await downloaded(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  expect(summary.text.startsWith('\uFEFFservice,class,source_ip,domain,header_from,begin_date,end_date,')).toBe(true);
  expect(summary.text.split('\r\n')[1]).toMatch(
    /^192\.0\.2\.50,\w+,192\.0\.2\.50,example\.com,example\.com,2024-02-01 00:00:00,2024-02-02 00:00:00,15,15,0,15,0,15,0,0,reject,Google Inc\.,forwarder\.com,example\.com$/,
  );

  // Everything stored, whatever the search: the 9 records of the four aggregate reports (5 + 1 + 1 + 2, none longer
  // than a day, so one row each) and their 8 addresses.
  await page.getByTestId('export-scope').selectOption('everything');
  const all = await downloaded(page, () => page.getByRole('button', { name: 'Records CSV (parsedmarc)' }).click());
  const allRows = all.text.split('\r\n').slice(1, -1);
  expect(allRows).toHaveLength(9);
  expect(allRows).toContain(RESEND_192_0_2_50);
  const allSummary = await downloaded(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  expect(
    allSummary.text
      .split('\r\n')
      .slice(1, -1)
      .map((row) => row.split(',')[2])
      .sort(),
  ).toEqual([
    '10.0.0.1',
    '100.24.188.149',
    '192.0.2.50',
    '198.51.100.42',
    '203.0.113.99',
    '209.85.220.41',
    '52.4.242.136',
    '72.150.241.94',
  ]);
  await page.getByTestId('export-scope').selectOption('view');

  // Failure reports: the mechanism, the sender's name hidden, the undated report marked, the detail view.
  const linkedin = page.getByTestId('failure-row').filter({ hasText: '10.10.10.10' });
  await expect(linkedin.getByTestId('failure-failed')).toHaveText('DKIM and SPF');
  await expect(linkedin.getByTestId('failure-from')).toHaveText('s***@example.com');
  const undated = page.getByTestId('failure-row').filter({ hasText: '148.163.85.135' });
  await expect(undated).toContainText('Undated (imported');
  await expect(undated.getByTestId('failure-from')).toHaveText('i***@interpublication.org');
  await linkedin.getByRole('button', { name: 'Details' }).click();
  const failure = page.getByTestId('failure-detail');
  await expect(failure.getByTestId('failure-fields')).toContainText('auth-failure');
  await expect(failure.getByTestId('failure-fields')).toContainText(
    'dmarc=fail (p=none; dis=none) header.from=example.com',
  );
  await expect(failure.getByTestId('failure-headers')).toContainText('[redacted]');
  await expect(failure.getByTestId('failure-headers')).not.toContainText('Sender <');

  // TLS: RFC 8460's example, its 303 failed sessions per MX.
  await page.getByRole('button', { name: 'sts · company-y.example' }).click();
  const byMx = page.getByTestId('tls-by-mx').locator('tr');
  await expect(byMx).toHaveText([
    'mx2.mail.company-y.example200',
    'mx1.mail.company-y.example100',
    'mx-backup.mail.company-y.example3',
  ]);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/failure-tls-en-light.png`, fullPage: true });
  requests.assertSameOrigin();
});

for (const [locale, theme] of [
  ['nl', 'light'],
  ['en', 'dark'],
  ['nl', 'dark'],
] as const) {
  test(`record, failure and TLS detail in ${locale}, ${theme}: axe clean`, async ({ page }) => {
    await setUp(page, locale, theme);
    await page.goto(`${ORIGIN}/#/import`);
    await page.locator('input[type="file"]').first().setInputFiles(FILES.map(fixtureFile));
    await expect(page.getByTestId('import-outcome').first()).toBeVisible({ timeout: 60_000 });
    await openDashboard(page);
    await page.getByTestId('source-search').fill('192.0.2.50');
    await page.getByTestId('source-group').getByRole('button').first().click();
    await page.getByTestId('sources-table').locator('td button[aria-expanded="false"]').first().click();
    await page.getByTestId('record-row').getByRole('button').first().click();
    await expect(page.getByTestId('record-detail')).toBeVisible();
    await page.getByTestId('failure-row').filter({ hasText: '10.10.10.10' }).getByRole('button').click();
    await page.getByTestId('tls-row').getByRole('button').click();
    await expect(page.getByTestId('tls-detail')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS}/detail-${locale}-${theme}.png`, fullPage: true });
    await page.getByTestId('record-detail').getByRole('button').first().click();
    await expect(page.getByTestId('xml-record')).toBeInViewport();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS}/xml-record-${locale}-${theme}.png` });
  });
}

/** Every aggregate fixture in XML, gzip or zip but the 2,286-record stress sample: 128 source groups. */
function aggregateFixtures(): string[] {
  return readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(xml|gz|zip)$/.test(path) && !path.includes('large-example'))
    .sort();
}

test('every source reachable a page at a time or all at once, on the dashboard and Senders', async ({ page }) => {
  test.setTimeout(180_000);
  await setUp(page, 'en', 'light');
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, aggregateFixtures().map(fixtureFile));
  // Rows shown at each frame: a page of groups is drawn a slice per frame, not a hundred rows in one (one frame of
  // styling and layout then took 120-200 ms on a busy machine).
  await page.evaluate(() => {
    const counts: number[] = [];
    (window as unknown as { __groupsAtFrame: number[] }).__groupsAtFrame = counts;
    const look = () => {
      counts.push(document.querySelectorAll('[data-testid="source-group"]').length);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await openDashboard(page);
  const groups = page.getByTestId('source-group');
  await expect(groups).toHaveCount(100);
  const atFrame = await page.evaluate(() => (window as unknown as { __groupsAtFrame: number[] }).__groupsAtFrame);
  const drawnPerFrame = atFrame.slice(1).map((count, i) => count - atFrame[i]!);
  expect(Math.max(...drawnPerFrame)).toBeGreaterThan(0);
  expect(Math.max(...drawnPerFrame)).toBeLessThanOrEqual(15);
  const status = page.getByTestId('show-more').getByRole('status');
  await expect(status).toHaveText(/^100 of [\d,]+ sources shown\.$/);
  const total = Number(/of ([\d,]+) sources/.exec((await status.textContent()) ?? '')![1]!.replace(/,/g, ''));
  expect(total).toBeGreaterThan(100);
  await page.getByRole('button', { name: `Show all ${total.toLocaleString('en')}` }).click();
  await expect(groups).toHaveCount(total);
  await expect(page.getByTestId('show-more')).toHaveCount(0);

  // The group with the most addresses shows 50, then the next 50, then all.
  const biggest = groups.first();
  await biggest.getByRole('button').first().click();
  const more = page.getByTestId('show-more');
  await expect(more.getByRole('status')).toHaveText(/^50 of [\d,]+ addresses shown\.$/);
  const addresses = Number(
    /of ([\d,]+) addresses/.exec((await more.getByRole('status').textContent()) ?? '')![1]!.replace(/,/g, ''),
  );
  await more.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(more.getByRole('status')).toHaveText(`100 of ${addresses.toLocaleString('en')} addresses shown.`);
  await more.getByRole('button', { name: `Show all ${addresses.toLocaleString('en')}` }).click();
  await expect(page.getByTestId('show-more')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/sources-all-en-light.png` });

  await page.goto(`${ORIGIN}/#/senders`);
  const label = page.getByTestId('sender-label');
  await expect(label.first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('sender-search').fill('google');
  await expect(label.first()).toContainText('Google');
  await page.screenshot({ path: `${SHOTS}/senders-search-en-light.png` });
});
