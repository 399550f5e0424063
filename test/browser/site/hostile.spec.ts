// Hostile and unlucky imports on the built site: a file that holds a worker up is abandoned by the import's watchdog
// while the other files land; a full storage is said in plain words.
import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import {
  addReports,
  AGGREGATE_FILES,
  expectedMessages,
  fixtureFile,
  ORIGIN,
  readableText,
  totalMessages,
} from './siteHelpers';

/** ImportController's STALL_BUDGET_TEST_KEY. */
const STALL_BUDGET_TEST_KEY = 'dmarc-lens:test:stall-budget-ms';
/**
 * The test's budget and slow file. Corpus files keep a worker busy for tens of milliseconds each; the slow file is a
 * TLS report read as one JSON document, with no record batches along the way to show progress, as large as a JSON
 * report may be (MAX_JSON_BYTES): some four seconds of one thread on an idle machine. The budget sits between them,
 * with a margin of four on the slow side and of ten or more on the other.
 */
const TEST_BUDGET_MS = '1000';
const SLOW_POLICIES = 460_000;

/** A TLS report (RFC 8460) listing `policies` policy domains (about 140 bytes of JSON each), gzipped. */
function manyPoliciesReport(policies: number): { name: string; mimeType: string; buffer: Buffer } {
  const report = {
    'organization-name': 'Many Policies Inc.',
    'date-range': { 'start-datetime': '2024-01-01T00:00:00Z', 'end-datetime': '2024-01-01T23:59:59Z' },
    'contact-info': 'tlsrpt@many.example',
    'report-id': 'many-policies-1',
    policies: Array.from({ length: policies }, (_, i) => ({
      policy: { 'policy-type': 'sts', 'policy-domain': `${i}.x` },
      summary: { 'total-successful-session-count': 1, 'total-failure-session-count': 0 },
    })),
  };
  return {
    name: 'many.example!1704067200!1704153599.json.gz',
    mimeType: 'application/gzip',
    buffer: gzipSync(JSON.stringify(report), { level: 9 }),
  };
}

async function openImportPage(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/#/import`);
  await expect(page.getByRole('heading', { name: 'Import reports' })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dmarc-lens:locale', 'en'));
});

test('a file that keeps its worker busy past the budget is abandoned and reported; the files around it land, each counted once', async ({
  page,
}) => {
  await page.addInitScript(
    ([key, budget]) => localStorage.setItem(key!, budget!),
    [STALL_BUDGET_TEST_KEY, TEST_BUDGET_MS],
  );
  await openImportPage(page);
  const slow = manyPoliciesReport(SLOW_POLICIES);
  const normal = AGGREGATE_FILES.map(fixtureFile);
  // The slow file in the middle: files before and after it, in the same worker's messages, must all land.
  const files = [...normal.slice(0, 12), slow, ...normal.slice(12)];
  await addReports(page, files);
  const outcome = page.getByTestId('import-outcome');
  const reportsInFiles = AGGREGATE_FILES.length + 2; /* multiple_reports.zip holds 3 */
  await expect(outcome).toHaveText(
    `Import finished. Reports imported: ${reportsInFiles}; duplicates: 0; files refused: 1.`,
  );
  const row = page.getByTestId('import-results').locator('tr', { hasText: slow.name });
  await expect(row).toContainText('Refused');
  await expect(row).toContainText(
    'This file took too long to read, so it was set aside; the other files were read as usual.',
  );
  await expect(row).toContainText(
    `${slow.name}: no progress for ${Number(TEST_BUDGET_MS) / 1000} s; reading was stopped`,
  );
  await expect(page.getByTestId('import-results').locator('tr[data-status="imported"]')).toHaveCount(
    AGGREGATE_FILES.length,
  );

  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
  expect(await totalMessages(page)).toBe(expectedMessages(AGGREGATE_FILES));
});

test('storage that fills up mid-import: the files that no longer fit are refused in plain words, the others land', async ({
  page,
}) => {
  // Chromium's own quota for the origin, lowered through the DevTools protocol once the page is open: what the
  // origin already holds (the service worker's copy of the built site) plus about what the empty database and a few
  // reports take (100 KB), so that the writes of an import start failing part way through, as on a full disk.
  await openImportPage(page);
  const used = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return (await navigator.storage.estimate()).usage ?? 0;
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: used + 100_000 });
  // Every file of AGGREGATE_FILES holding one report (108 KB as files). The database's size on disk moves with when
  // its log is written and compacted: the first twelve (36 KB) sometimes fitted whole in the 100 KB, sometimes 5 did.
  const paths = AGGREGATE_FILES.filter((path) => !path.endsWith('multiple_reports.zip'));
  await addReports(page, paths.map(fixtureFile));
  const rows = await page
    .getByTestId('import-results')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        status: tr.getAttribute('data-status'),
        cells: [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText),
      })),
    );
  expect(rows).toHaveLength(paths.length);
  const imported = rows.filter((row) => row.status === 'imported');
  const refused = rows.filter((row) => row.status === 'refused');
  expect(imported.length, 'some files fit').toBeGreaterThan(0);
  expect(refused.length, 'some files did not').toBeGreaterThan(0);
  expect(imported.length + refused.length).toBe(paths.length);
  for (const row of refused) {
    const name = row.cells[0]!;
    expect(row.cells[2]).toBe(
      `Your browser’s storage for this site is full: delete old reports on the Data page or free disk space, then import this file again.\n${name}: QuotaExceededError`,
    );
  }
  await expect(page.getByTestId('import-outcome')).toHaveText(
    `Import finished. Reports imported: ${imported.length}; duplicates: 0; files refused: ${refused.length}.`,
  );
  // What did fit is stored whole and readable.
  const landed = paths.filter((path) => imported.some((row) => row.cells[0] === path.split('/').pop()));
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
  expect(await totalMessages(page)).toBe(expectedMessages(landed));
});

test('a storage too full even to open the database: every file is refused in plain words and the import finishes', async ({
  page,
}) => {
  await openImportPage(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: 1 });
  const names = AGGREGATE_FILES.slice(0, 3);
  await addReports(page, names.map(fixtureFile));
  await expect(page.getByTestId('import-outcome')).toHaveText(
    'Import finished. Reports imported: 0; duplicates: 0; files refused: 3.',
  );
  for (const path of names) {
    const name = path.split('/').pop()!;
    const row = page.getByTestId('import-results').locator('tr', { hasText: name });
    await expect(row).toContainText('Your browser’s storage for this site is full');
    await expect(row).toContainText(`${name}: QuotaExceededError`);
  }
});

test('a slow file and a storage that fills up in one import: each file gets its own reason', async ({ page }) => {
  // The workers wait on failing writes while one of them is held up by the slow file: waiting on the database is not
  // silence (a worker whose thread is free says so), so only the slow file is abandoned.
  await page.addInitScript(
    ([key, budget]) => localStorage.setItem(key!, budget!),
    [STALL_BUDGET_TEST_KEY, TEST_BUDGET_MS],
  );
  // The site's service worker keeps its built files in the same origin's storage first: the quota is set to what
  // that already uses, plus the 100 KB.
  await openImportPage(page);
  const used = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return (await navigator.storage.estimate()).usage ?? 0;
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: used + 100_000 });
  const slow = manyPoliciesReport(SLOW_POLICIES);
  await addReports(page, [...AGGREGATE_FILES.slice(0, 8).map(fixtureFile), slow]);
  const rows = await page
    .getByTestId('import-results')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        status: tr.getAttribute('data-status'),
        cells: [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText),
      })),
    );
  expect(rows).toHaveLength(9);
  for (const row of rows) {
    const name = row.cells[0]!;
    if (name === slow.name)
      expect(row.cells[2]).toBe(
        `This file took too long to read, so it was set aside; the other files were read as usual.\n${name}: no progress for ${Number(TEST_BUDGET_MS) / 1000} s; reading was stopped`,
      );
    else if (row.status === 'refused')
      expect(row.cells[2], name).toMatch(/^Your browser’s storage for this site is full: .*\n.*: QuotaExceededError$/s);
    else expect(row.status, name).toBe('imported');
  }
});

/** Characters that draw nothing or reorder the text around them (what visibleText escapes among them). */
const HIDDEN = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

/**
 * An aggregate report whose reporter-written strings carry a right-to-left override (issue 13's example), zero-width
 * spaces and isolates: in the reporter's name, report id, policy domain, header from, DKIM and SPF domains, envelope
 * from, and in the file's name.
 */
function spoofedReport(): { name: string; mimeType: string; buffer: Buffer } {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<feedback>
  <report_metadata>
    <org_name>Goo\u200Bgle \u202Eelgoog\u202C</org_name>
    <email>noreply-dmarc-support@google.com</email>
    <report_id>\u20661234\u2069-spoof</report_id>
    <date_range><begin>1700006400</begin><end>1700092799</end></date_range>
  </report_metadata>
  <policy_published><domain>exa\u202Emoc.elpmaxe\u202C</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><sp>none</sp><pct>100</pct></policy_published>
  <record>
    <row><source_ip>192.0.2.77</source_ip><count>7</count><policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated></row>
    <identifiers><header_from>exa\u202Emoc.elpmaxe\u202C</header_from><envelope_from>pay\u200Bpal.com</envelope_from></identifiers>
    <auth_results>
      <dkim><domain>exa\u200Bmple.com</domain><selector>s\u202E1</selector><result>fail</result></dkim>
      <spf><domain>pay\u200Bpal.com</domain><result>fail</result></spf>
    </auth_results>
  </record>
</feedback>
`;
  return { name: 'spoof\u202Elmx.1700006400\u202C.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) };
}

for (const locale of ['en', 'nl'] as const) {
  test(`report strings with hidden characters are shown with them made visible (${locale})`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem('dmarc-lens:locale', l), locale);
    await page.goto(`${ORIGIN}/#/import`);
    await page.locator('input[type="file"]').first().setInputFiles([spoofedReport()]);
    const results = page.getByTestId('import-results');
    await expect(page.getByTestId('import-outcome')).toBeVisible({ timeout: 60_000 });
    await expect(results).toContainText('spoof⟨U+202E⟩lmx.1700006400⟨U+202C⟩.xml');
    const seen: string[] = [await readableText(page)];
    await page.screenshot({ path: `dist/screenshots/hidden-characters-import-${locale}.png`, fullPage: true });

    await page.goto(`${ORIGIN}/#/dashboard`);
    await expect(page.getByTestId('total-messages')).toBeVisible({ timeout: 30_000 });
    await expect(
      page.getByTestId('domain-select').locator('option', { hasText: 'exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩' }),
    ).toHaveCount(1);
    await expect(page.getByTestId('reporters-table')).toContainText('Goo⟨U+200B⟩gle ⟨U+202E⟩elgoog⟨U+202C⟩');
    await page.getByTestId('source-group').first().getByRole('button').first().click();
    await page
      .getByRole('button', { name: locale === 'en' ? 'Show records' : 'Records tonen' })
      .first()
      .click();
    const records = page.locator('table.text-xs');
    await expect(records).toContainText('exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩');
    await expect(records).toContainText('exa⟨U+200B⟩mple.com');
    await expect(records).toContainText('pay⟨U+200B⟩pal.com');
    seen.push(await readableText(page));
    await page.screenshot({ path: `dist/screenshots/hidden-characters-dashboard-${locale}.png`, fullPage: true });
    await page
      .getByRole('button', { name: locale === 'en' ? 'View XML' : 'XML bekijken' })
      .first()
      .click();
    await expect(page.getByRole('dialog')).toContainText('<report_id>⟨U+2066⟩1234⟨U+2069⟩-spoof</report_id>');
    seen.push(await readableText(page));
    await page.keyboard.press('Escape');

    await page.goto(`${ORIGIN}/#/senders`);
    await expect(page.getByTestId('sender-row').first()).toBeVisible({ timeout: 30_000 });
    seen.push(await readableText(page));
    await page.goto(`${ORIGIN}/#/data`);
    await expect(page.getByTestId('stored-counts')).toBeVisible();
    seen.push(await readableText(page));

    for (const text of seen) expect(text).not.toMatch(HIDDEN);
  });
}

test('hidden characters made visible, in dark mode at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${ORIGIN}/#/import`);
  await page.locator('input[type="file"]').first().setInputFiles([spoofedReport()]);
  await expect(page.getByTestId('import-outcome')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: 'dist/screenshots/hidden-characters-import-phone-dark.png', fullPage: true });
  await page.goto(`${ORIGIN}/#/dashboard`);
  await expect(page.getByTestId('reporters-table')).toContainText('Goo⟨U+200B⟩gle ⟨U+202E⟩elgoog⟨U+202C⟩');
  await page.screenshot({ path: 'dist/screenshots/hidden-characters-dashboard-phone-dark.png', fullPage: true });
  expect(await readableText(page)).not.toMatch(HIDDEN);
});
