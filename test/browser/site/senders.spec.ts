// The Senders page on the built site in Chromium, with real fixture reports: every source of a domain with the
// class, reason and fix core/analysis gives it, readiness and the what-if following the user's choices, reverse DNS
// asking nothing before consent and only PTR questions after, the page in Dutch, the dashboard agreeing on each
// source's class and name, and axe-core. Screenshots: dist/screenshots/senders-*.png.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assessReadiness } from '../../../core/analysis/assessReadiness';
import { analyzeSenders } from '../../../core/analysis/analyzeSenders';
import { readAsnTable, type AsnTable } from '../../../core/analysis/readAsnTable';
import { simulatePolicy } from '../../../core/analysis/simulatePolicy';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport } from '../../../core/report/types';
import { sendersEn, sendersNl } from '../../../core/i18n';
import {
  addReports,
  AGGREGATE_FILES,
  axeViolations,
  englishPieces,
  expectedMessages,
  FIXTURES,
  fixtureFile,
  ORIGIN,
  readableText,
  recordRequests,
  SITE_FIXTURES,
  totalMessages,
} from './siteHelpers';

const SCREENSHOTS = 'dist/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

/** The ASN table the site serves (built by scripts/build-asn-table.mjs before the site). */
function asnTable(): AsnTable {
  const result = readAsnTable(
    new Uint8Array(readFileSync(fileURLToPath(new URL('../../../dist/site/data/asn-table.bin', import.meta.url)))),
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.table;
}

/** The aggregate reports of AGGREGATE_FILES, read in Node by the same core the page runs. */
async function fixtureReports(): Promise<AggregateReport[]> {
  const reports: AggregateReport[] = [];
  for (const path of AGGREGATE_FILES) {
    const result = await parseReport(new Uint8Array(readFileSync(`${FIXTURES}${path}`)), {
      fileName: path.split('/').pop()!,
    });
    if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
    for (const { report } of result.reports) if (report.kind === 'aggregate') reports.push(report);
  }
  return reports;
}

test.beforeEach(async ({ page }) => {
  // Every test starts from an empty database, in English, light.
  await page.addInitScript(() => {
    localStorage.setItem('dmarc-lens:locale', 'en');
    localStorage.setItem('dmarc-lens:theme', 'light');
  });
});

/** A section of the Senders page by its id (intel-senders, intel-readiness, intel-what-if, intel-changes). */
function section(page: Page, id: string) {
  return page.locator(`section[aria-labelledby="${id}-title"]`);
}

async function importFixtures(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, AGGREGATE_FILES.map(fixtureFile));
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
  expect(await totalMessages(page)).toBe(expectedMessages(AGGREGATE_FILES));
}

async function openSenders(page: Page, domain: string): Promise<void> {
  await page.goto(`${ORIGIN}/#/senders`);
  await page.getByLabel('Domain').selectOption(domain);
  // The page opens on the last 30 days with data; these tests judge every stored report, as core does in Node.
  await page.getByLabel('Period').selectOption('all');
  await expect(page.getByRole('heading', { name: `Senders of ${domain}` })).toBeVisible();
  await expect(page.getByTestId('asn-attribution')).toContainText('data:'); // the ASN table is in use
}

/** What the page shows per source row: key, label, class, messages per class, reason, fix. */
async function senderRows(
  page: Page,
): Promise<Array<{ key: string; label: string; cls: string; byClass: string; reason: string; fix: string }>> {
  return page.getByTestId('sender-row').evaluateAll((rows) =>
    rows.map((row) => ({
      key: row.getAttribute('data-key') ?? '',
      label: row.querySelector('[data-testid="sender-label"]')?.textContent ?? '',
      cls: row.getAttribute('data-class') ?? '',
      byClass: row.getAttribute('data-by-class') ?? '',
      reason: row.querySelector('[data-testid="sender-reason"]')?.textContent ?? '',
      fix: row.querySelector('[data-testid="sender-fix"]')?.textContent ?? '',
    })),
  );
}

/** Messages per class as the rows write them: compliant, forwarded, misconfigured, suspicious. */
const byClassText = (byClass: Readonly<Record<string, number>>) =>
  ['compliant', 'forwarded', 'misconfigured', 'suspicious'].map((cls) => byClass[cls]).join(',');

test('every source of a domain with the class, reason and fix core gives it; in Dutch too; light and dark; no axe violations', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await importFixtures(page);
  const table = asnTable();
  const reports = await fixtureReports();
  await openSenders(page, 'opserv.io');

  const expected = analyzeSenders(reports, { domain: 'opserv.io', asnTable: table }).sources;
  const rows = await senderRows(page);
  expect(rows).toEqual(
    expected.map(({ group: g }) => ({
      key: g.key,
      label: g.label,
      cls: g.classification.class,
      byClass: byClassText(g.classification.byClass),
      reason: g.classification.reason,
      fix: g.classification.fix ? `Fix: → ${g.classification.fix}` : '',
    })),
  );
  // Checked by hand against DSalko__dmarc_parser/complete.xml (test/core/analysis/classifySource.test.ts): Google's
  // servers relay 69 messages with opserv.io's own signature, and 112 that other organisations' Workspace tenants
  // forwarded (Gmail's override local_policy arc=pass) are a source apart.
  expect(rows.find((r) => r.key === 'sendgrid')).toMatchObject({ label: 'Twilio SendGrid', cls: 'compliant' });
  expect(rows.find((r) => r.key === 'google')).toMatchObject({
    label: 'Google Workspace / Gmail',
    cls: 'compliant',
    byClass: '69,0,0,0',
    reason: '100% of 69 messages from Google Workspace / Gmail pass DMARC with aligned DKIM.',
    fix: '',
  });
  expect(rows.find((r) => r.key === 'others:google')).toMatchObject({
    label: "Others' accounts at Google Workspace / Gmail",
    cls: 'forwarded',
    byClass: '0,112,0,0',
  });
  await expect(page.getByTestId('sender-row').filter({ hasText: 'Twilio SendGrid' })).toContainText(
    'Transactional email, recognised by its DKIM signature',
  );
  await expect(page.getByTestId('class-totals')).toContainText('Compliant 412 messages');
  await expect(page.getByTestId('class-totals')).toContainText('Forwarded 112 messages');
  await expect(page.getByTestId('spoofing-summary')).toHaveCount(0);

  await page.screenshot({ path: `${SCREENSHOTS}/senders-en-light.png`, fullPage: true });
  expect(await axeViolations(page), 'English, light').toEqual([]);
  await page.getByTestId('theme-select').selectOption('dark');
  await page.screenshot({ path: `${SCREENSHOTS}/senders-en-dark.png`, fullPage: true });

  await page.getByTestId('language-select').selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Afzenders', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Afzenders van opserv.io' })).toBeVisible();
  const dutch = await senderRows(page);
  expect(dutch.map((r) => [r.key, r.cls])).toEqual(rows.map((r) => [r.key, r.cls]));
  expect(dutch.find((r) => r.key === 'google')!.reason).toBe(
    '100% van 69 berichten van Google Workspace / Gmail slaagt voor DMARC met DKIM in lijn.',
  );
  expect(dutch.find((r) => r.key === 'others:google')!.label).toBe('Accounts van anderen bij Google Workspace / Gmail');
  expect(dutch.find((r) => r.key === 'sendgrid')!.reason).toMatch(
    /^100% van 343 berichten van Twilio SendGrid slaagt voor DMARC met DKIM in lijn\.$/,
  );
  await expect(page.getByTestId('class-totals')).toContainText('Doorgestuurd 112 berichten');
  await expect(page.getByTestId('readiness-summary')).toContainText(
    'opserv.io is nog niet klaar voor p=quarantine t=y',
  );
  const text = await readableText(page);
  const left = [...englishPieces(sendersEn, sendersNl)]
    .filter(([piece]) => text.includes(piece))
    .map(([piece, key]) => `${key}: ${piece}`);
  expect(left, 'English left on the Dutch page').toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/senders-nl-dark.png`, fullPage: true });
  expect(await axeViolations(page), 'Dutch, dark').toEqual([]);
  await page.getByTestId('theme-select').selectOption('light');
  await page.screenshot({ path: `${SCREENSHOTS}/senders-nl-light.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('readiness and the what-if follow the period and the hypothetical record', async ({ page }) => {
  await importFixtures(page);
  const table = asnTable();
  const reports = await fixtureReports();
  await openSenders(page, 'opserv.io');

  const readiness = assessReadiness(reports, { domain: 'opserv.io', asnTable: table });
  await expect(page.getByTestId('readiness-summary')).toContainText(readiness.summary);
  await expect(page.getByTestId('readiness-blockers').locator('li')).toHaveText(readiness.blockers);
  // Google's own mail for opserv.io all aligns; the forwarded copies of others' accounts block nothing.
  expect(readiness.blockers.some((b) => b.startsWith('Google Workspace / Gmail:'))).toBe(false);
  expect(readiness.sources.map((s) => s.key).sort()).toEqual(['google', 'sendgrid']);
  await expect(page.getByTestId('readiness-row')).toHaveCount(2);

  const whatIf = section(page, 'intel-what-if');
  const outcome = (p: 'reject' | 'none', t?: 'y') =>
    simulatePolicy(reports, { p, ...(t ? { t } : {}) }, { domain: 'opserv.io', asnTable: table });
  const underReject = outcome('reject');
  const affected = underReject.sources.filter((s) => s.quarantine + s.reject > 0);
  expect(affected.length).toBeGreaterThan(0);
  await expect(page.getByTestId('what-if-summary')).toContainText(
    `${underReject.simulated.quarantine.toLocaleString('en-US')} be quarantined and ${underReject.simulated.reject.toLocaleString('en-US')} be rejected`,
  );
  await expect(page.getByTestId('what-if-row').first()).toContainText(affected[0]!.label);
  await expect(page.getByTestId('what-if-row')).toHaveCount(affected.length);

  await whatIf.getByLabel('p', { exact: true }).selectOption('none');
  await expect(page.getByTestId('what-if-summary')).toContainText('0 be quarantined and 0 be rejected');
  await expect(page.getByTestId('what-if-row')).toHaveCount(0);
  await expect(whatIf).toContainText('No source would lose mail under this record.');

  // Test mode lowers reject one step: what was rejected is quarantined.
  await whatIf.getByLabel('p', { exact: true }).selectOption('reject');
  await whatIf.getByLabel('t (test mode)').selectOption('y');
  const testMode = outcome('reject', 'y');
  expect(testMode.simulated.reject).toBe(0);
  expect(testMode.simulated.quarantine).toBe(underReject.simulated.reject + underReject.simulated.quarantine);
  await expect(page.getByTestId('what-if-summary')).toContainText(
    `${testMode.simulated.quarantine.toLocaleString('en-US')} be quarantined and 0 be rejected`,
  );

  // A period without this domain's reports (they are from 2020): nothing to judge, no senders.
  await page.getByLabel('Period').selectOption('365');
  await expect(page.getByTestId('readiness-summary')).toContainText('No reports for opserv.io yet.');
  await expect(section(page, 'intel-senders')).toContainText('No aggregate report records for this selection.');
  await page.getByLabel('Period').selectOption('all');
  await expect(page.getByTestId('readiness-summary')).toContainText(readiness.summary);
});

test('reverse DNS sends nothing until the user agrees, then only PTR questions to the chosen server', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await importFixtures(page);
  await openSenders(page, 'example.com');
  // Sources no domain names are the ones to ask about: among them those the ASN table cannot place either.
  const unplaced = await page.getByTestId('sender-row').evaluateAll((rows) =>
    rows
      .map((row) => row.getAttribute('data-key') ?? '')
      .filter((key) => key.startsWith('ip:'))
      .map((key) => key.slice(3)),
  );
  expect(unplaced).toContain('198.51.100.42');

  // The server's answers, as Cloudflare's DNS-JSON writes them (test/browser/site/fixtures): a PTR name for
  // 198.51.100.42 (TEST-NET-2, RFC 5737, so no real name exists to leak), NXDOMAIN for every other address.
  const named = readFileSync(`${SITE_FIXTURES}doh-ptr-198.51.100.42.json`, 'utf8');
  const unknown = readFileSync(`${SITE_FIXTURES}doh-nxdomain.json`, 'utf8');
  const asked: string[] = [];
  await page.route('https://cloudflare-dns.com/**', async (route) => {
    const url = new URL(route.request().url());
    asked.push(`${url.searchParams.get('type')} ${url.searchParams.get('name')}`);
    const isNamed = url.searchParams.get('name') === '42.100.51.198.in-addr.arpa';
    await route.fulfill({ contentType: 'application/dns-json', body: isNamed ? named : unknown });
  });

  await page.getByRole('button', { name: 'Name servers by reverse DNS…' }).click();
  const consent = page.getByTestId('rdns-consent');
  await expect(consent).toContainText(
    /^This sends \d+ source IP addresses of the senders shown, as PTR questions .* to cloudflare-dns\.com over HTTPS\./,
  );
  const count = Number(/This sends (\d+)/.exec((await consent.textContent()) ?? '')![1]);
  expect(count).toBeGreaterThanOrEqual(unplaced.length);
  // Reading the page, opening the consent: every request so far stayed on the site's origin.
  requests.assertSameOrigin();
  expect(asked).toEqual([]);

  await page.getByRole('button', { name: `Look up ${count} addresses at cloudflare-dns.com` }).click();
  // Each answer goes through the page's DoH client, a few at a time: under load 58 take more than the default 5 s.
  await expect(section(page, 'intel-senders').getByRole('status')).toContainText(`1 of ${count} addresses named`, {
    timeout: 60_000,
  });
  // One PTR question per address, each asked once: those of every unplaced source among them.
  const reversed = (ip: string) => `PTR ${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  expect(asked).toHaveLength(count);
  expect(new Set(asked).size).toBe(count);
  expect(asked.every((question) => /^PTR [0-9a-f.]+\.(in-addr|ip6)\.arpa$/.test(question))).toBe(true);
  expect(asked).toEqual(expect.arrayContaining(unplaced.map(reversed)));
  const elsewhere = requests.urls.filter(
    (url) => !url.startsWith(`${ORIGIN}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
  expect(elsewhere.every((url) => url.startsWith('https://cloudflare-dns.com/dns-query?'))).toBe(true);
  await expect(page.locator('[data-testid="sender-row"][data-key="rdns:example.net"]')).toContainText(
    'Servers under example.net',
  );
  await expect(page.locator('[data-testid="sender-row"][data-key="rdns:example.net"]')).toContainText(
    'Not a known service',
  );
  // The PTR name itself, under the source it named.
  await expect(
    page.locator('[data-testid="sender-row"][data-key="rdns:example.net"]').getByTestId('sender-ptr'),
  ).toHaveText('mta1.mail.example.net');
  await page.screenshot({ path: `${SCREENSHOTS}/senders-ptr-en-light.png`, fullPage: true });

  // The record drill-down of that address shows the name from this browser's cache: nothing more is asked.
  const askedBefore = asked.length;
  await page.goto(`${ORIGIN}/#/dashboard?domain=example.com&period=all`);
  await expect(page.getByTestId('sources')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('source-search').fill('198.51.100.42');
  await page
    .getByRole('button', { name: /^Show IP addresses of / })
    .first()
    .click();
  await page.getByRole('button', { name: 'Show records' }).first().click();
  await page.getByTestId('record-row').getByRole('button', { name: 'Details' }).first().click();
  const source = page.getByTestId('record-detail').locator('[data-field="source"]');
  await expect(source).toContainText('198.51.100.42');
  await expect(source).toContainText('mta1.mail.example.net');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/record-detail-ptr-en-light.png`, fullPage: true });
  expect(asked).toHaveLength(askedBefore);
});

test('the dashboard gives each source the class and name the Senders page gives it, and the same reason', async ({
  page,
}) => {
  await importFixtures(page);
  const reports = await fixtureReports();
  for (const domain of ['opserv.io', 'example.com']) {
    await openSenders(page, domain);
    const senders = new Map((await senderRows(page)).map((r) => [r.key, r]));
    // The spoofing figure: messages that failed both alignments and were not forwarded, and the sources they came from.
    const analysis = analyzeSenders(reports, { domain, asnTable: asnTable() });
    const spoofing = analysis.sources.filter((s) => s.byClass.misconfigured + s.byClass.suspicious > 0);
    if (analysis.spoofedMessages === 0) await expect(page.getByTestId('spoofing-summary')).toHaveCount(0);
    else {
      await expect(page.getByTestId('spoofing-summary')).toHaveAttribute(
        'data-messages',
        `${analysis.spoofedMessages}`,
      );
      await expect(page.getByTestId('spoofing-summary')).toHaveAttribute('data-sources', `${spoofing.length}`);
      await expect(page.getByTestId('spoofing-summary')).toContainText(
        `${analysis.spoofedMessages.toLocaleString('en-US')} message`,
      );
    }
    await page.goto(`${ORIGIN}/#/dashboard?domain=${domain}&period=all`);
    // The view of the previous domain stays on screen (busy) until this one is read: wait for this one's sources.
    await expect(page.locator('[aria-busy="true"]').filter({ has: page.getByTestId('sources') })).toHaveCount(0);
    await expect(page.getByTestId('sources')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('sources-table')).toBeVisible();
    const dashboard = await page.getByTestId('source-group').evaluateAll((rows) =>
      rows.map((row) => ({
        key: row.getAttribute('data-key') ?? '',
        label: row.querySelector('[data-testid="source-name"]')?.textContent ?? '',
        cls: row.getAttribute('data-class') ?? '',
        byClass: row.getAttribute('data-by-class') ?? '',
      })),
    );
    const shared = dashboard.filter((g) => senders.has(g.key));
    expect(shared.length, `${domain}: sources on both pages`).toBeGreaterThan(1);
    for (const g of shared)
      expect(g, `${domain} ${g.key}`).toEqual({
        key: g.key,
        label: senders.get(g.key)!.label,
        cls: senders.get(g.key)!.cls,
        byClass: senders.get(g.key)!.byClass,
      });
    if (domain === 'opserv.io')
      expect(shared.map((g) => g.key)).toEqual(expect.arrayContaining(['sendgrid', 'google', 'others:google']));
    if (domain === 'example.com') {
      // A service named by its own domains has the same messages on both pages, so the same reason word for word.
      const ses = senders.get('amazon-ses')!;
      await page.getByRole('button', { name: `Show IP addresses of ${ses.label}` }).click();
      await expect(page.getByTestId('source-reason')).toHaveText(ses.reason);
    }
  }
});
