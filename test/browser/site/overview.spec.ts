// The domain overview and the time axis (issue 16) on real reports: rows whose figures are the sums worked out from
// the XML (the per-domain counts are quoted in test/core/analysis/overviewDomain.test.ts), sorting, search, a click
// to that domain's dashboard with the same figures, the Senders page opening on the busiest domain; and a set with an
// old report and one covering 47 days, whose default axis is the last 30 days with data, with a note counting the
// rest, and whose buckets turn to weeks and months for longer spans. Screenshots in English and Dutch, light and
// dark, and at 390 px; axe clean.
import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import {
  addReports,
  axeViolations,
  fixtureFile,
  ORIGIN,
  recordRequests,
  SITE_FIXTURES,
  totalMessages,
} from './siteHelpers';

const SHOTS = process.env.OVERVIEW_SHOTS ?? 'dist/test-results/overview';
mkdirSync(SHOTS, { recursive: true });

const J = 'jonzobrist__DMARC-Report-Manager/';
const PERMITS = [
  `${J}comcast.net!secure.200permits.com!1766188800!1766275200.xml`,
  `${J}google.com!secure.200permits.com!1766361600!1766447999.xml`,
  `${J}protection.outlook.com!secure.200permits.com!1766448000!1766534400.xml`,
  `${J}google.com!secure.200permits.com!1768867200!1768953599(1).zip`,
  `${J}yahoo.co.uk!secure.200permits.com!1768953600!1769039999.xml.gz`,
  `${J}yahoo.com!secure.200permits.com!1768953600!1769039999.xml.gz`,
  `${J}aol.com!secure.200permits.com!1769126400!1769212799.xml.gz`,
];
const OTHERS = [
  'freitagsrunde__dmarc-report-aggregator/aol.eml',
  'freitagsrunde__dmarc-report-aggregator/mailru.eml',
  'freitagsrunde__dmarc-report-aggregator/outlook.eml',
  'freitagsrunde__dmarc-report-aggregator/google.eml',
  'stalwartlabs__mail-auth/003.xml',
  'stalwartlabs__mail-auth/103.eml',
  'stalwartlabs__mail-auth/100.eml',
  'mjl-__mox/yahoo.eml',
  'mjl-__mox/mailru.eml',
  'mjl-__mox/xs4all.eml',
  'stuartmaxwell__dmarc-report/dmarc-feedback_namespace.xml',
  'stuartmaxwell__dmarc-report/dmarc-empty-sp.xml',
];

/**
 * comcast.net's report of 20 December 2025 (in PERMITS) with only its dates changed: to 1–2 January 1970, and to 1–2
 * January 2100 (test/browser/site/fixtures; the provenance is in each file). Core refuses both, whatever the clock.
 */
const IMPLAUSIBLE = [
  'comcast.net!secure.200permits.com!0!86400.xml',
  'comcast.net!secure.200permits.com!4102444800!4102531200.xml',
];
const implausibleFiles = IMPLAUSIBLE.map((name) => ({
  name,
  mimeType: 'application/xml',
  buffer: readFileSync(`${SITE_FIXTURES}${name}`),
}));

/** The import results name each implausible file and its date, in plain words, and store nothing of them. */
async function expectImplausibleRefused(page: Page) {
  const results = page.getByTestId('import-results');
  const line = (name: string) => results.locator('tbody tr').filter({ hasText: name });
  await expect(line(IMPLAUSIBLE[0]!).getByTestId('refusal-reason')).toHaveText(
    'Dated January 1, 1970, before any DMARC report was sent: not imported.',
  );
  await expect(line(IMPLAUSIBLE[1]!).getByTestId('refusal-reason')).toHaveText(
    'Dated January 1, 2100, which has not come yet: not imported.',
  );
  // Under the reason, core's own sentence: the file, the report and both dates.
  await expect(line(IMPLAUSIBLE[0]!)).toContainText(
    `${IMPLAUSIBLE[0]}: report "v2-1766283531-secure.200permits.com" from "comcast.net" refused: begin date 0 (1970-01-01 00:00:00 UTC) is before DMARC reports existed (2012)`,
  );
  await expect(line(IMPLAUSIBLE[1]!)).toContainText('begin date 4102444800 (2100-01-01 00:00:00 UTC) is in the future');
}

/** Per domain: messages, the pass rate as the page writes it, and the policies reporters saw (from the XML). */
const EXPECTED = {
  'secure.200permits.com': { messages: '109', pass: '100.0%', policy: 'p=reject sp=reject pct=100' },
  'freitagsrunde.org': { messages: '60', pass: '91.7%', policy: 'p=quarantine sp=quarantine pct=10' },
  'stalw.art': { messages: '11', pass: '18.2%', policy: 'p=none sp=none pct=100' },
  'example.com': { messages: '4', pass: '100.0%', policy: 'p=quarantine sp=reject pct=100' },
  'ueber.net': { messages: '3', pass: '66.7%', policy: 'p=reject sp=reject pct=100' },
} as const;

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dmarc-lens:locale', 'en'));
});

async function importFiles(page: Page, paths: readonly string[], extra: Array<ReturnType<typeof fixtureFile>> = []) {
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, [...paths.map(fixtureFile), ...extra]);
  await expect(page.getByTestId('import-outcome').first()).toContainText('Import finished', { timeout: 60_000 });
}

function row(page: Page, domain: string) {
  return page.locator(`[data-testid="overview-row"][data-domain="${domain}"]`);
}

async function shownDomains(page: Page): Promise<string[]> {
  return page.getByTestId('overview-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-domain') ?? ''));
}

test('five domains at a glance: figures from the XML, sorting, search, and a click to the dashboard', async ({
  page,
}) => {
  // Twenty files, four pages in two languages and themes, axe on each: minutes when the machine is busy.
  test.setTimeout(300_000);
  const requests = recordRequests(page);
  await importFiles(page, [...PERMITS, ...OTHERS], implausibleFiles);
  await expectImplausibleRefused(page);
  await page.screenshot({ path: `${SHOTS}/import-implausible-en.png`, fullPage: true });
  await page.getByTestId('language-select').selectOption('nl');
  const dutch = page.getByTestId('import-results').getByTestId('refusal-reason');
  await expect(dutch).toHaveText([
    'Gedateerd 1 januari 1970, voordat er ooit een DMARC-rapport is verstuurd: niet geïmporteerd.',
    'Gedateerd 1 januari 2100, een datum die nog moet komen: niet geïmporteerd.',
  ]);
  await page.getByTestId('theme-select').selectOption('dark');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/import-implausible-nl-dark.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // As a card, the third cell is named for what it holds, not "Resultaat" a second time.
  const firstRefused = page.getByTestId('import-results').locator('tbody tr').first();
  await expect(firstRefused.locator('td').nth(2)).toHaveAttribute('data-label', 'Toelichting');
  await page.screenshot({ path: `${SHOTS}/import-implausible-nl-dark-390.png`, fullPage: false });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('language-select').selectOption('en');
  await page.getByTestId('theme-select').selectOption('light');
  // Nothing of them is stored: the overview below has the same five domains and figures as without them.
  await page.goto(`${ORIGIN}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your domains at a glance' })).toBeVisible();
  // The default period, the last 30 days with data, ends on 23 January 2026: only secure.200permits.com has mail then
  // (52 on the 20th, 1 + 18 on the 21st, 5 on the 23rd).
  // Rows come as each domain is summed.
  await expect(page.getByTestId('overview-row')).toHaveCount(5, { timeout: 30_000 });
  await expect(row(page, 'secure.200permits.com').getByTestId('overview-messages')).toHaveText('76');
  await expect(row(page, 'freitagsrunde.org')).toContainText('No messages in this period');

  await page.getByTestId('overview-period').selectOption('all');
  // The period is kept in the address: a reload shows the same view.
  await expect(page).toHaveURL(/#\/overview\?period=all$/);
  await page.reload();
  await expect(page.getByTestId('overview-period')).toHaveValue('all');
  await expect(page.getByTestId('overview-status')).toHaveText('5 of 5 domains shown');
  for (const [domain, expected] of Object.entries(EXPECTED)) {
    const line = row(page, domain);
    await expect(line.getByTestId('overview-messages'), domain).toHaveText(expected.messages);
    await expect(line.getByTestId('overview-pass'), domain).toHaveText(expected.pass);
    await expect(line.getByTestId('overview-policy'), domain).toContainText(expected.policy);
  }
  // Orange. wrote an empty <sp/> on the same day GMX saw sp=reject.
  await expect(row(page, 'example.com').getByTestId('overview-policy')).toContainText('differs between reporters');
  await expect(row(page, 'example.com').getByTestId('overview-policy')).toContainText('p=quarantine sp=quarantine');
  await expect(row(page, 'ueber.net').getByTestId('overview-readiness')).toHaveText('At p=reject');
  await expect(row(page, 'stalw.art').getByTestId('overview-readiness')).toContainText(
    'Not ready for p=quarantine t=y',
  );
  // The sparkline's name carries its figures: the 30 days up to 23 January 2026.
  await expect(row(page, 'secure.200permits.com').getByTestId('sparkline')).toHaveAttribute(
    'aria-label',
    /^Messages per day from Dec 25, 2025 to Jan 23, 2026: (0, ){26}52, 19, 0, 5\. 76 of 76 messages passed DMARC\.$/,
  );

  // Busiest first, then by each column both ways.
  expect(await shownDomains(page)).toEqual([
    'secure.200permits.com',
    'freitagsrunde.org',
    'stalw.art',
    'example.com',
    'ueber.net',
  ]);
  await page.getByTestId('sort-messages').click();
  expect(await shownDomains(page)).toEqual([
    'ueber.net',
    'example.com',
    'stalw.art',
    'freitagsrunde.org',
    'secure.200permits.com',
  ]);
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Messages');
  await page.getByTestId('sort-pass').click();
  expect(await shownDomains(page)).toEqual([
    'secure.200permits.com',
    'example.com',
    'freitagsrunde.org',
    'ueber.net',
    'stalw.art',
  ]);
  await page.getByTestId('sort-domain').click();
  expect(await shownDomains(page)).toEqual([
    'example.com',
    'freitagsrunde.org',
    'secure.200permits.com',
    'stalw.art',
    'ueber.net',
  ]);

  await page.getByTestId('overview-search').fill('FREIT');
  expect(await shownDomains(page)).toEqual(['freitagsrunde.org']);
  await page.getByTestId('overview-search').fill('nothing-like-it');
  await expect(page.getByText('No domain matches “nothing-like-it”.')).toBeVisible();
  await page.getByTestId('overview-search').fill('freit');

  // The click opens that domain on the dashboard over the same period, with the same figures.
  await row(page, 'freitagsrunde.org').getByTestId('overview-domain').click();
  await expect(page).toHaveURL(/#\/dashboard\?domain=freitagsrunde\.org&period=all$/);
  await expect(page.getByTestId('domain-select')).toHaveValue('freitagsrunde.org');
  await expect.poll(() => totalMessages(page)).toBe(60);
  await expect(page.getByTestId('dmarc-pass-rate')).toHaveText('91.7%');

  // The dashboard's picker lists the busiest first, with counts, and narrows as one types.
  const options = await page
    .getByTestId('domain-select')
    .locator('option')
    .evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).label));
  expect(options).toEqual([
    'All domains',
    'secure.200permits.com (109 messages)',
    'freitagsrunde.org (60 messages)',
    'stalw.art (11 messages)',
    'example.com (4 messages)',
    'ueber.net (3 messages)',
  ]);
  await page.getByTestId('domain-search').fill('art');
  await expect(page.getByTestId('domain-select')).toHaveValue('stalw.art');
  await expect.poll(() => totalMessages(page)).toBe(11);

  // The Senders page opens on the busiest domain, not the alphabetically first, over the dashboard's default period:
  // its last 30 days with data, 25 December 2025 to 23 January 2026 (52 + 1 + 18 + 5 messages, every one passing).
  await page.goto(`${ORIGIN}/#/senders`);
  await expect(page.getByRole('heading', { level: 1, name: 'Senders' })).toBeVisible();
  await expect(page.getByTestId('domain-select')).toHaveValue('secure.200permits.com');
  await expect(page.getByLabel('Period')).toHaveValue('recent');
  await expect(page.getByTestId('period-shown')).toHaveText('From Dec 25, 2025 to Jan 23, 2026');
  await page.screenshot({ path: `${SHOTS}/senders-recent-en-light.png`, fullPage: true });
  const classTotals = page.getByTestId('class-totals');
  await expect(classTotals.locator('[data-class="compliant"]')).toHaveAttribute('data-messages', '76');
  for (const cls of ['forwarded', 'misconfigured', 'suspicious'])
    await expect(classTotals.locator(`[data-class="${cls}"]`)).toHaveAttribute('data-messages', '0');
  await page.getByTestId('language-select').selectOption('nl');
  await page.getByTestId('theme-select').selectOption('dark');
  await expect(page.getByTestId('period-shown')).toHaveText('Van 25 dec 2025 tot en met 23 jan 2026');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/senders-recent-nl-dark.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/senders-recent-nl-dark-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('language-select').selectOption('en');
  await page.getByTestId('theme-select').selectOption('light');
  // All time: the 33 messages of December too.
  await page.getByLabel('Period').selectOption('all');
  await expect(classTotals.locator('[data-class="compliant"]')).toHaveAttribute('data-messages', '109');
  await expect(page.getByTestId('period-shown')).toHaveCount(0);

  await page.goto(`${ORIGIN}/#/overview`);
  await expect(page.getByTestId('overview-row')).toHaveCount(5);
  expect(await axeViolations(page)).toEqual([]);
  for (const theme of ['light', 'dark'] as const) {
    for (const language of ['en', 'nl'] as const) {
      await page.getByTestId('theme-select').selectOption(theme);
      await page.getByTestId('language-select').selectOption(language);
      await expect(page.getByTestId('overview-row')).toHaveCount(5);
      expect(await axeViolations(page), `${theme} ${language}`).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/overview-${language}-${theme}.png`, fullPage: true });
    }
  }
  // A phone: a card per domain, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('overview-card')).toHaveCount(5);
  await expect(page.getByTestId('overview-table')).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/overview-nl-dark-390.png`, fullPage: true });
  await page.getByTestId('theme-select').selectOption('light');
  await page.getByTestId('language-select').selectOption('en');
  await page.screenshot({ path: `${SHOTS}/overview-en-light-390.png`, fullPage: true });
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
  await expect(page.getByTestId('daily-chart')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/dashboard-en-light-390.png`, fullPage: false });
  requests.assertSameOrigin();
});

/** The 47-day report of the corpus (sjinks/qt_dmarc_parser), when the corpus is there. */
const LONG_REPORT = '/work/shared/corpus/sjinks__qt_dmarc_parser/real-gcisdns.net.xml';
const longReport = existsSync(LONG_REPORT)
  ? [{ name: 'real-gcisdns.net.xml', mimeType: 'application/xml', buffer: readFileSync(LONG_REPORT) }]
  : [];

test('the default axis is the last 30 days with data; old and long reports are counted off it', async ({ page }) => {
  const requests = recordRequests(page);
  // 163.com's report of 17–18 May 2012 (92 messages) and, from the corpus, a report covering 47 days of 2013.
  await importFiles(
    page,
    [...PERMITS, 'trusteddomainproject__OpenDMARC/163.com!example.com!1337270400!1337356799.20120518163.xml'],
    [...longReport, ...implausibleFiles],
  );
  // Reports dated 1970 and 2100 are refused at import, so they neither stretch the axis nor count as outside it.
  await expectImplausibleRefused(page);
  if (longReport.length) {
    await expect(page.getByTestId('import-results')).toContainText('real-gcisdns.net.xml: report "');
    await expect(page.getByTestId('import-results')).toContainText('covers 48 days (2013-03-15 to 2013-05-01)');
  }

  await page.goto(`${ORIGIN}/#/dashboard`);
  const chart = page.getByTestId('daily-chart');
  // The newest report (aol.com's) covers 23 January 2026: the 30 days are 25 December 2025 to 23 January 2026.
  await expect(chart).toHaveAttribute('data-from', String(Date.UTC(2025, 11, 25) / 1000));
  await expect(chart).toHaveAttribute('data-to', String(Date.UTC(2026, 0, 24) / 1000));
  await expect(chart).toHaveAttribute('data-unit', 'day');
  await expect(page.getByTestId('chart-bucket')).toHaveCount(30);
  await expect.poll(() => totalMessages(page)).toBe(52 + 1 + 18 + 5);
  await expect(page.getByTestId('period-shown')).toHaveText('From Dec 25, 2025 to Jan 23, 2026');
  await page.screenshot({ path: `${SHOTS}/senders-recent-en-light.png`, fullPage: true });
  // Outside: the three December reports of secure.200permits.com, 163.com's of 2012, and the 47-day one.
  const outside = 4 + longReport.length;
  await expect(page.getByTestId('chart-outside')).toHaveText(
    `${outside} reports lie outside the chart’s range: dated outside the period, before 2012, in the future, or covering more than 31 days.`,
  );
  const ticks = await page.getByTestId('chart-tick').allTextContents();
  expect(ticks).toEqual(['Dec 29, 2025', 'Jan 5, 2026', 'Jan 12', 'Jan 19']);
  // Every message passed: the rate line runs along 100 % (y = 10) through 20 and 21 January, breaks on the 22nd (no
  // mail), and picks up on the 23rd.
  await expect(page.getByTestId('pass-rate-line')).toHaveAttribute('d', /^M[\d.]+ 10\.00L[\d.]+ 10\.00M[\d.]+ 10\.00$/);
  await page.screenshot({ path: `${SHOTS}/chart-recent.png`, fullPage: false });

  // All time runs from May 2012 to January 2026: month buckets, a tick every other year.
  await page.getByTestId('period-select').selectOption('all');
  await expect(chart).toHaveAttribute('data-unit', 'month');
  await expect(chart).toHaveAttribute('data-from', String(Date.UTC(2012, 4, 17) / 1000));
  await expect.poll(() => totalMessages(page)).toBe(109 + 92 + (longReport.length ? 1 : 0));
  expect(await page.getByTestId('chart-tick').allTextContents()).toEqual([
    '2014',
    '2016',
    '2018',
    '2020',
    '2022',
    '2024',
    '2026',
  ]);
  // The 47-day report lies inside the axis, spread over its days: nothing is outside.
  await expect(page.getByTestId('chart-outside')).toHaveCount(0);
  const may2012 = page.locator(`[data-testid="chart-bucket"][data-from="${Date.UTC(2012, 4, 1) / 1000}"]`);
  await expect(may2012).toHaveAttribute('data-messages', '92');

  // A chosen span of eight months: weekly buckets, starting on Mondays.
  await page.goto(`${ORIGIN}/#/dashboard?domain=secure.200permits.com&period=custom&from=2025-06-01&to=2026-01-31`);
  await expect(chart).toHaveAttribute('data-unit', 'week');
  const week = page.locator(`[data-testid="chart-bucket"][data-from="${Date.UTC(2026, 0, 19) / 1000}"]`);
  // The week of Monday 19 January: 52 + 1 + 18 + 5.
  await expect(week).toHaveAttribute('data-messages', '76');
  await expect(week).toHaveAttribute('data-dmarc-pass', '76');
  await page.screenshot({ path: `${SHOTS}/chart-weeks.png`, fullPage: false });
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('theme-select').selectOption('dark');
  await page.getByTestId('language-select').selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Berichten per week' })).toBeVisible();
  await expect(week).toHaveAttribute('data-messages', '76');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/chart-weeks-nl-dark.png`, fullPage: false });
  requests.assertSameOrigin();
});
