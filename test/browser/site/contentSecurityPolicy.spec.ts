// The built site under its Content-Security-Policy: sent as a header by serve-site and written as a <meta> into
// index.html; the main pages, an import (workers, samples, ASN table) and live DNS lookups through both selectable
// DoH servers cause no violation, and a request to any other host is blocked before it leaves the page.
import { expect, test, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../site/contentSecurityPolicy.mjs';
import { ORIGIN } from './siteHelpers';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** Collects securitypolicyviolation events from the first script on, and the console lines browsers log for them. */
async function watchViolations(page: Page): Promise<{ read(): Promise<Violation[]>; consoleLines: string[] }> {
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) consoleLines.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      }),
    );
  });
  return {
    consoleLines,
    read: () => page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations),
  };
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dmarc-lens:locale', 'en'));
});

test('the policy comes as a header and as a meta element, and the site runs under it without one violation', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const response = await page.goto(`${ORIGIN}/#/import`);
  expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
    META_CONTENT_SECURITY_POLICY,
  );

  // An import: sample reports fetched from the site, parsed in the module workers, stored.
  await page.getByRole('button', { name: 'Try it with sample reports' }).click();
  await expect(page.getByTestId('import-outcome')).toContainText('Import finished', { timeout: 60_000 });

  // Every page, and the parts of them that load more (the ASN table, the records pages' chunk, the raw XML dialog).
  await page.goto(`${ORIGIN}/#/dashboard`);
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.getByTestId('total-messages')).toBeVisible({ timeout: 30_000 });
  await page
    .getByRole('button', { name: /^Show IP addresses of / })
    .first()
    .click();
  await page.getByRole('button', { name: 'Show records' }).first().click();
  await page.getByRole('button', { name: 'View XML' }).first().click();
  await expect(page.getByRole('dialog')).toContainText('<feedback');
  await page.keyboard.press('Escape');
  await page.goto(`${ORIGIN}/#/senders`);
  await expect(page.getByTestId('sender-row').first()).toBeVisible({ timeout: 30_000 });
  await page.goto(`${ORIGIN}/#/records`);
  for (const tab of ['Set up a domain', 'Check records', 'Rollout plan']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  }
  await page.goto(`${ORIGIN}/#/data`);
  await expect(page.getByTestId('stored-counts')).toBeVisible();
  // The backup is built in a Blob and downloaded through a blob: link.
  const download = page.waitForEvent('download');
  await page.getByTestId('download-backup').click();
  expect((await download).suggestedFilename()).toMatch(/\.jsonl|\.json|backup/);

  expect(await violations.read()).toEqual([]);
  expect(violations.consoleLines).toEqual([]);
});

test('live DNS lookups reach the two selectable DoH servers and nothing else', async ({ page }) => {
  const violations = await watchViolations(page);
  const answered: string[] = [];
  // The DoH servers answer from here (no network in tests): NXDOMAIN for every question.
  for (const host of ['https://cloudflare-dns.com/**', 'https://dns.google/**']) {
    await page.route(host, async (route) => {
      answered.push(new URL(route.request().url()).host);
      await route.fulfill({
        contentType: 'application/dns-json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ Status: 3 }),
      });
    });
  }
  const elsewhere: string[] = [];
  await page.route('https://evil.example/**', async (route) => {
    elsewhere.push(route.request().url());
    await route.fulfill({ headers: { 'access-control-allow-origin': '*' }, body: '{}' });
  });

  await page.goto(`${ORIGIN}/#/records`);
  await page.getByRole('tab', { name: 'Check records' }).click();
  await page.getByTestId('live-lookups').check();
  for (const [server, host] of [
    ['cloudflare', 'cloudflare-dns.com'],
    ['google', 'dns.google'],
  ] as const) {
    await page.getByTestId('doh-server').selectOption(server);
    await page.getByTestId('live-domain').fill('example.com');
    await page.getByTestId('live-run').click();
    await expect(page.getByTestId('live-report')).toBeVisible();
    await expect(page.getByTestId('live-run')).toBeEnabled();
    expect(answered.filter((h) => h === host).length, host).toBeGreaterThan(0);
  }
  expect(await violations.read()).toEqual([]);

  // A request to any other host, as injected script would make it, is refused by the browser before it is sent.
  const outcome = await page.evaluate(() =>
    fetch('https://evil.example/dns-query?name=example.com&type=TXT').then(
      () => 'sent',
      (error: unknown) => String(error),
    ),
  );
  expect(outcome).toMatch(/TypeError/);
  expect(elsewhere).toEqual([]);
  // Reported once by each of the two policies (header and meta), both enforced.
  const refused = {
    directive: 'connect-src',
    blocked: 'https://evil.example/dns-query?name=example.com&type=TXT',
    source: expect.any(String),
  };
  await expect.poll(() => violations.read()).toEqual([refused, refused]);
});
