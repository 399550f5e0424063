// The DNS records pages of the built site (dist/site on 127.0.0.1:4174) in Chromium: the wizard walked end to end,
// a record copied to the clipboard, DKIM keys whose downloaded private key signs what the published p= verifies, the
// checker, the rollout plan judged from an imported report, saved configurations, and the network: nothing leaves the
// page while live lookups are off, and only the named DNS-over-HTTPS host (faked here on its real origin) when on.
import { expect, test, type Page, type Route } from '@playwright/test';
import { createPublicKey, sign, verify } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dnsEn, dnsNl, dnsTextsEn, dnsTextsNl } from '../../../core/i18n';
import { axeViolations, englishPieces, readableText } from '../site/siteHelpers';

/** The DNS records pages' part of the catalogue (their own words and core/dns's sentences), per language. */
const recordsEn = { ...dnsEn, ...dnsTextsEn };
const recordsNl: Record<keyof typeof recordsEn, string> = { ...dnsNl, ...dnsTextsNl };

const ORIGIN = process.env.SITE_ORIGIN ?? 'http://127.0.0.1:4174';
const SCREENSHOTS = 'dist/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

/** Every request the page makes, by URL. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

const offOrigin = (urls: string[]) =>
  urls.filter((url) => !url.startsWith(`${ORIGIN}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));

async function openRecords(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('dmarc-lens:locale', 'en'));
  await page.goto(`${ORIGIN}/#/records`);
  // The records page is its own chunk (LazySlot): give a busy machine time to load it.
  await expect(page.getByRole('heading', { name: 'DNS records', level: 1 })).toBeVisible({ timeout: 20_000 });
}

/** Types into a field and leaves it: the wizard's list fields apply what was typed when they lose focus. */
async function enter(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(testId).blur();
}

/** Pastes zone-file lines into the checker, runs it and gives its result cards. */
async function checkPasted(page: Page, lines: string[]) {
  await page.getByTestId('checker-input').fill(lines.join('\n'));
  await page.getByTestId('checker-run').click();
  return page.getByTestId('check-result');
}

function recordRow(page: Page, name: string) {
  return page.getByTestId('records-table').locator(`tr[data-record-name="${name}"]`);
}

test('walks the wizard: senders, own servers, DMARC with a third-party rua, subdomain, MTA-STS; copies a record', async ({
  page,
  context,
}) => {
  const requests = recordRequests(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await openRecords(page);
  await page.getByTestId('wizard-domain').fill('example.com');
  await page.getByTestId('sender-google-workspace').check();
  await page.getByTestId('sender-sendgrid').check();
  await page.getByTestId('subdomain-sendgrid').check();
  await enter(page, 'own-networks', '192.0.2.10\n2001:db8::/48');
  await page.getByTestId('dmarc-p').selectOption('quarantine');
  await enter(page, 'dmarc-rua', 'dmarc@reports.example.net');
  await page.getByTestId('dmarc-t').check();
  await page.getByTestId('dmarc-receivers').selectOption('rfc9989');
  await page.getByTestId('mta-sts-enable').check();
  await enter(page, 'mta-sts-mx', 'mx1.example.com');
  await enter(page, 'tls-rpt-rua', 'tls@example.com');

  await expect(recordRow(page, 'example.com').getByTestId('record-value')).toHaveText(
    'v=spf1 ip4:192.0.2.10 ip6:2001:db8::/48 include:_spf.google.com ~all',
  );
  await expect(recordRow(page, 'news.example.com').getByTestId('record-value')).toHaveText(
    'v=spf1 include:sendgrid.net ~all',
  );
  const dmarc = 'v=DMARC1; p=quarantine; t=y; rua=mailto:dmarc@reports.example.net';
  await expect(recordRow(page, '_dmarc.example.com').getByTestId('record-value')).toHaveText(dmarc);
  await expect(recordRow(page, 'example.com._report._dmarc.reports.example.net')).toContainText(
    'published by reports.example.net',
  );
  await expect(recordRow(page, '_dmarc.news.example.com').getByTestId('record-value')).toHaveText(
    'v=DMARC1; p=none; rua=mailto:dmarc@reports.example.net',
  );
  await expect(recordRow(page, '_mta-sts.example.com').getByTestId('record-value')).toHaveText(/^v=STSv1; id=\d{14}$/);
  await expect(recordRow(page, '_smtp._tls.example.com').getByTestId('record-value')).toHaveText(
    'v=TLSRPTv1; rua=mailto:tls@example.com',
  );
  await expect(page.getByTestId('mta-sts-policy')).toHaveText(
    'version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 604800\n',
  );
  await expect(page.locator('[data-code="dmarc-external-report-domain"]')).toContainText(
    'example.com._report._dmarc.reports.example.net',
  );
  await expect(page.getByTestId('zone-snippet')).toContainText(`_dmarc.example.com.\t3600\tIN\tTXT\t"${dmarc}"`);

  await recordRow(page, '_dmarc.example.com')
    .getByRole('button', { name: /Copy the TXT value for _dmarc.example.com/ })
    .click();
  await expect(recordRow(page, '_dmarc.example.com').getByRole('button', { name: /Copy the TXT value/ })).toHaveText(
    'Copied',
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(dmarc);

  await page.screenshot({ path: `${SCREENSHOTS}/records-wizard.png`, fullPage: true });

  // Unticking the service removes it, and the subdomain it had, altogether.
  await page.getByTestId('sender-sendgrid').uncheck();
  await expect(recordRow(page, 'news.example.com')).toHaveCount(0);
  await expect(page.getByTestId('subdomain-label')).toHaveCount(0);
  expect(offOrigin(requests)).toEqual([]);
});

/** SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410 §4): the 32 raw bytes of p= follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

async function generateAndVerify(page: Page, size: string, selector: string) {
  await page.getByTestId('dkim-size').selectOption(size);
  await page.getByTestId('dkim-selector').fill(selector);
  await page.getByTestId('dkim-generate').click();
  const key = page.getByTestId(`dkim-key-${selector}`);
  const downloadPromise = page.waitForEvent('download');
  await key.getByTestId('dkim-download').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${selector}.example.org.private.pem`);
  const pem = readFileSync(await download.path(), 'utf8');
  expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/);

  // The published record, as the table shows it, and the public key inside it.
  const record = await recordRow(page, `${selector}._domainkey.example.org`).getByTestId('record-value').textContent();
  const p = /(?:^|; )p=([A-Za-z0-9+/=]+)$/.exec(record ?? '')?.[1];
  expect(p, record ?? '').toBeDefined();
  const message = Buffer.from(`DKIM-Signature test for ${selector}: the private key never left the page.`);
  if (size === 'ed25519') {
    expect(record).toMatch(/^v=DKIM1; k=ed25519; p=/);
    const publicKey = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(p!, 'base64')]),
      format: 'der',
      type: 'spki',
    });
    const signature = sign(null, message, pem);
    expect(verify(null, message, publicKey, signature)).toBe(true);
    expect(verify(null, Buffer.from('tampered'), publicKey, signature)).toBe(false);
  } else {
    expect(record).toMatch(/^v=DKIM1; k=rsa; p=/);
    const publicKey = createPublicKey({ key: Buffer.from(p!, 'base64'), format: 'der', type: 'spki' });
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(Number(size.slice(4)));
    // rsa-sha256 (RFC 6376 §3.3.1): RSASSA-PKCS1-v1_5 with SHA-256.
    const signature = sign('sha256', message, pem);
    expect(verify('sha256', message, publicKey, signature)).toBe(true);
    expect(verify('sha256', Buffer.from('tampered'), publicKey, signature)).toBe(false);
  }
  return { record: record!, pem };
}

test('generates DKIM keys whose downloaded private key signs what the published public key verifies', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await openRecords(page);
  await page.getByTestId('wizard-domain').fill('example.org');
  // Untouched DMARC fields give the minimal valid record, never an empty rua=: p=none at once, then, once the stored
  // reports are read (none here), the seed with the address reports are assumed to go to. Waiting for the seed's note
  // first: the record was asserted in between before, and a read that came first left "p=none" never seen.
  await expect(page.getByTestId('wizard-assumed-rua')).toContainText('dmarc@example.org');
  await expect(recordRow(page, '_dmarc.example.org').getByTestId('record-value')).toHaveText(
    'v=DMARC1; p=none; rua=mailto:dmarc@example.org',
  );
  const rsa = await generateAndVerify(page, 'rsa-2048', 's202611');
  // 2048-bit keys exceed one 255-byte TXT string: the zone snippet splits the record.
  const zone = (await page.getByTestId('zone-snippet').textContent()) ?? '';
  const zoneLine = zone.split('\ns202611')[1] ?? zone;
  expect(zoneLine).toContain('( "v=DKIM1; k=rsa; p=');
  const strings = [
    ...zone
      .slice(zone.indexOf('s202611._domainkey'))
      .split(')')[0]!
      .matchAll(/"([^"]*)"/g),
  ].map((m) => m[1]!);
  expect(strings.length).toBe(2);
  expect(strings.map((s) => s.length).filter((length) => length > 255)).toEqual([]);
  expect(strings.join('')).toBe(rsa.record);

  // The long record can also be copied as quoted strings, for DNS hosts that do not split long values.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await recordRow(page, 's202611._domainkey.example.org')
    .getByRole('button', { name: /as quoted 255-byte strings/ })
    .click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect([...copied.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('')).toBe(rsa.record);
  expect(copied).toMatch(/^"[^"]{255}" "[^"]+"$/);

  await generateAndVerify(page, 'rsa-1024', 'legacy');
  const big = await generateAndVerify(page, 'rsa-4096', 'big');
  expect(big.record.length).toBeGreaterThan(700);
  await expect(page.locator('[data-code="dkim-key-weak"]')).toBeVisible();
  const hasEd25519 = (await page.getByTestId('dkim-size').locator('option[value="ed25519"]').count()) > 0;
  if (hasEd25519) await generateAndVerify(page, 'ed25519', 'ed');
  await expect(page.getByTestId('dkim-key-s202611').getByText('Signer configuration')).toBeVisible();
  await page.getByTestId('dkim-key-s202611').getByText('Signer configuration').click();
  await expect(page.getByTestId('dkim-key-s202611')).toContainText(
    's202611._domainkey.example.org example.org:s202611:/etc/opendkim/keys/s202611.example.org.private.pem',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/records-dkim.png`, fullPage: true });
  expect(offOrigin(requests)).toEqual([]);
});

test('saved configurations survive a reload and the private key is kept only when asked', async ({ page }) => {
  await openRecords(page);
  await page.getByTestId('wizard-domain').fill('saved.example');
  await page.getByTestId('sender-microsoft-365').check();
  await page.getByTestId('dkim-generate').click();
  await expect(page.getByTestId('dkim-download').first()).toBeVisible();
  await page.getByTestId('wizard-save').click();
  await expect(page.getByText('Saved the configuration of saved.example in this browser.')).toBeVisible();
  const stored = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('dmarc-lens-records');
          open.onsuccess = () => {
            const get = open.result.transaction('domains').objectStore('domains').get('saved.example');
            get.onsuccess = () => resolve(JSON.stringify(get.result ?? null));
          };
        }),
    );
  expect(await stored()).not.toContain('PRIVATE KEY');
  await page.reload();
  await expect(page.getByTestId('saved-setups')).toContainText('saved.example');
  await page.getByTestId('saved-setups').getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('wizard-domain')).toHaveValue('saved.example');
  await expect(recordRow(page, 'saved.example').getByTestId('record-value')).toHaveText(
    'v=spf1 include:spf.protection.outlook.com ~all',
  );
  await expect(page.locator('[data-testid^="dkim-key-"]')).toContainText('not in this page');

  // Asked to, the page keeps the private key, and offers it back.
  await page.getByTestId('dkim-selector').fill('kept');
  await page.getByTestId('dkim-generate').click();
  await expect(page.getByTestId('dkim-key-kept').getByTestId('dkim-download')).toBeVisible();
  await page.getByLabel('also keep private keys in this browser').check();
  await page.getByTestId('wizard-save').click();
  // The save is an IndexedDB write: reload only once it is stored, or the reload can cut it off.
  await expect.poll(stored).toContain('PRIVATE KEY');
  await page.reload();
  const download = page.waitForEvent('download');
  await page.getByTestId('saved-setups').getByRole('button', { name: 'Download kept private keys' }).click();
  expect((await download).suggestedFilename()).toBe('kept.saved.example.private.pem');
});

test('checker: a pasted zone snippet parsed, explained and judged, offline', async ({ page }) => {
  const requests = recordRequests(page);
  await openRecords(page);
  await page.getByRole('tab', { name: 'Check records' }).click();
  const results = await checkPasted(page, [
    'example.com. 3600 IN TXT "v=spf1 ptr include:_spf.google.com +all"',
    'example.com. 3600 IN TXT "v=spf1 -all"',
    '_dmarc.example.com. IN TXT ( "v=DMARC1; p=reject; pct=50; "',
    '  "rua=mailto:dmarc@example.com; ri=3600" )',
    's1._domainkey.example.com. IN TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="',
    '<script>alert(1)</script> IN TXT "v=BIMI1; l=http://example.com/logo.svg"',
  ]);
  await expect(results).toHaveCount(5);
  await expect(results.nth(0)).toHaveAttribute('data-kind', 'spf');
  await expect(results.nth(0).locator('[data-code="spf-multiple-records"]')).toBeVisible();
  await expect(results.nth(0).locator('[data-code="spf-plus-all"]')).toBeVisible();
  await expect(results.nth(0).locator('[data-code="spf-ptr"]')).toBeVisible();
  await expect(results.nth(2)).toContainText('RFC 7489 receivers apply the policy to 50% of failing mail');
  await expect(results.nth(2).locator('[data-code="dmarc-historic-ri"]')).toBeVisible();
  await expect(results.nth(3)).toContainText('The public key: Ed25519.');
  // Names are text, never markup.
  await expect(results.nth(4)).toContainText('<script>alert(1)</script>');
  await expect(results.nth(4).locator('[data-code="bimi-invalid-l"]')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/records-checker.png`, fullPage: true });
  expect(offOrigin(requests)).toEqual([]);
});

/** A tiny authoritative zone answered in the JSON shape of Cloudflare's DNS-over-HTTPS API. */
const FAKE_ZONE: Record<string, Record<string, string[]>> = {
  'example.com': {
    TXT: ['"v=spf1 include:_spf.example.net mx -all"', '"site-verification=abc"'],
    MX: ['10 mx.example.com.'],
  },
  '_spf.example.net': { TXT: ['"v=spf1 ip4:192.0.2.0/24 " "ip4:198.51.100.0/24 -all"'] },
  '_dmarc.example.com': { TXT: ['"v=DMARC1; p=reject; rua=mailto:d@example.com"'] },
  'google._domainkey.example.com': { TXT: ['"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="'] },
};
const TYPE_CODES: Record<string, number> = { A: 1, MX: 15, TXT: 16, AAAA: 28 };

async function fakeDoh(route: Route): Promise<void> {
  const url = new URL(route.request().url());
  const name = url.searchParams.get('name') ?? '';
  const type = url.searchParams.get('type') ?? '';
  const entry = FAKE_ZONE[name];
  const records = entry?.[type] ?? [];
  const body = {
    Status: entry ? 0 : 3,
    Question: [{ name, type: TYPE_CODES[type] }],
    ...(records.length ? { Answer: records.map((data) => ({ name, type: TYPE_CODES[type], TTL: 300, data })) } : {}),
  };
  await route.fulfill({
    status: 200,
    contentType: 'application/dns-json',
    headers: { 'access-control-allow-origin': '*' },
    body: JSON.stringify(body),
  });
}

test('live lookups: off by default with no request; on, only the named DNS-over-HTTPS host is asked', async ({
  page,
}) => {
  const requests = recordRequests(page);
  const dohQuestions: string[] = [];
  await page.route('https://cloudflare-dns.com/**', (route) => {
    dohQuestions.push(route.request().url());
    return fakeDoh(route);
  });
  await openRecords(page);
  await expect(page.getByTestId('live-lookups')).not.toBeChecked();
  await expect(page.getByTestId('live-lookups-status')).toContainText('Off: nothing leaves this page');
  await expect(page.getByTestId('live-lookups-status')).toContainText('cloudflare-dns.com');
  // With lookups off, the wizard cannot count SPF lookups and the checker cannot look a domain up.
  await page.getByTestId('wizard-domain').fill('example.com');
  await expect(page.getByTestId('spf-count-live')).toBeDisabled();
  await expect(page.getByTestId('check-published')).toBeDisabled();
  await page.getByRole('tab', { name: 'Check records' }).click();
  await page.getByTestId('live-domain').fill('example.com');
  await expect(page.getByTestId('live-run')).toBeDisabled();
  expect(offOrigin(requests)).toEqual([]);
  expect(dohQuestions).toEqual([]);

  await page.getByTestId('live-lookups').check();
  await expect(page.getByTestId('live-lookups-status')).toContainText(
    'On: DNS questions (domain names only) go to cloudflare-dns.com',
  );
  await page.getByTestId('live-selectors').fill('google');
  await page.getByTestId('live-run').click();
  const report = page.getByTestId('live-report');
  await expect(report.getByTestId('check-result')).toHaveCount(3);
  await expect(report.getByTestId('spf-tree')).toContainText('2 of 10');
  await expect(report.getByTestId('spf-tree')).toContainText('v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 -all');
  await expect(report.locator('[data-code="mta-sts-missing"]')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/records-live.png`, fullPage: true });

  // The wizard's record, evaluated through the includes before it is published.
  await page.getByRole('tab', { name: 'Set up a domain' }).click();
  await page.getByTestId('sender-google-workspace').check();
  await page.getByTestId('spf-count-live').click();
  const wizardTree = page.locator('#records-panel-wizard').getByTestId('spf-tree');
  await expect(wizardTree).toContainText('1 of 10');
  // The fake zone has no _spf.google.com: the include finds nothing, which the tree reports.
  await expect(wizardTree.locator('[data-code="spf-no-record"]')).toBeVisible();

  // Rolling out: each generated record compared with what its name publishes now.
  await page.getByTestId('check-published').click();
  await expect(recordRow(page, 'example.com').getByTestId('publication')).toHaveAttribute('data-status', 'different');
  await expect(recordRow(page, 'example.com').getByTestId('publication')).toContainText(
    'Published now: v=spf1 include:_spf.example.net mx -all',
  );
  await expect(recordRow(page, 'google._domainkey.example.com').getByTestId('publication')).toHaveAttribute(
    'data-status',
    'placeholder-present',
  );
  await expect(recordRow(page, '_dmarc.example.com').getByTestId('publication')).toHaveAttribute(
    'data-status',
    'different',
  );

  const hosts = new Set(offOrigin(requests).map((url) => new URL(url).host));
  expect([...hosts]).toEqual(['cloudflare-dns.com']);
  expect(dohQuestions.map((url) => new URL(url).searchParams.get('name'))).toEqual(
    expect.arrayContaining([
      '_dmarc.example.com',
      'example.com',
      '_spf.example.net',
      'google._domainkey.example.com',
      '_spf.google.com',
    ]),
  );
});

test('live lookups through Google: the status names dns.google and only it is asked', async ({ page }) => {
  const requests = recordRequests(page);
  await page.route('https://dns.google/**', fakeDoh);
  await page.route('https://cloudflare-dns.com/**', (route) => route.abort());
  await openRecords(page);
  await page.getByTestId('doh-server').selectOption('google');
  await expect(page.getByTestId('live-lookups-status')).toContainText('Turn on to let dns.google answer');
  expect(offOrigin(requests)).toEqual([]);
  await page.getByTestId('live-lookups').check();
  await page.getByRole('tab', { name: 'Check records' }).click();
  await page.getByTestId('live-domain').fill('example.com');
  await page.getByTestId('live-run').click();
  await expect(page.getByTestId('live-report').getByTestId('check-result')).toHaveCount(2);
  expect(new Set(offOrigin(requests).map((url) => new URL(url).host))).toEqual(new Set(['dns.google']));
});

/** An RFC 7489 aggregate report for example.com covering the last day, built here so its dates are recent. */
function recentReport(): Buffer {
  const end = Math.floor(Date.now() / 1000);
  const begin = end - 86_400;
  const row = (ip: string, count: number, dkim: [string, string], spf: [string, string]) => `
  <record>
    <row><source_ip>${ip}</source_ip><count>${count}</count>
      <policy_evaluated><disposition>none</disposition><dkim>${dkim[1] === 'pass' && dkim[0] === 'example.com' ? 'pass' : 'fail'}</dkim><spf>${spf[1] === 'pass' && spf[0] === 'example.com' ? 'pass' : 'fail'}</spf></policy_evaluated>
    </row>
    <identifiers><header_from>example.com</header_from></identifiers>
    <auth_results>
      <dkim><domain>${dkim[0]}</domain><selector>s1</selector><result>${dkim[1]}</result></dkim>
      <spf><domain>${spf[0]}</domain><scope>mfrom</scope><result>${spf[1]}</result></spf>
    </auth_results>
  </record>`;
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<feedback>
  <report_metadata><org_name>receiver.example</org_name><email>noreply@receiver.example</email><report_id>records-test-1</report_id>
    <date_range><begin>${begin}</begin><end>${end}</end></date_range></report_metadata>
  <policy_published><domain>example.com</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><sp>none</sp><pct>100</pct></policy_published>
  ${row('192.0.2.1', 900, ['example.com', 'pass'], ['example.com', 'pass'])}
  ${row('198.51.100.7', 120, ['sendgrid.net', 'pass'], ['bounces.sendgrid.net', 'pass'])}
  ${row('203.0.113.9', 30, ['spoof.example', 'fail'], ['spoof.example', 'fail'])}
</feedback>
`);
}

/** Imports the generated report through the Import page (in English) and comes back to the records page. */
async function importRecentReport(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/#/import`);
  await page
    .getByLabel('Add reports')
    .first()
    .setInputFiles({ name: 'receiver.example!example.com!1!2.xml', mimeType: 'text/xml', buffer: recentReport() });
  await expect(page.getByTestId('import-outcome').first()).toContainText('Reports imported: 1;', { timeout: 60_000 });
  await page.goto(`${ORIGIN}/#/records`);
}

test('rollout plan: dated steps and the next step judged from stored reports', async ({ page }) => {
  const requests = recordRequests(page);
  await openRecords(page);
  await importRecentReport(page);
  await page.getByRole('tab', { name: 'Rollout plan' }).click();
  await page.getByTestId('rollout-domain').fill('example.com');
  await page.getByTestId('rollout-start').fill('2026-01-01');
  await expect(page.getByTestId('rollout-table').locator('tbody tr')).toHaveCount(5);
  await expect(page.getByTestId('rollout-table').locator('tbody tr').nth(1)).toContainText('2026-01-31');
  // The record starts from what the report shows published (p=none, sp=none, adkim=r, aspf=r) with an address at the
  // domain for reports.
  await expect(page.getByTestId('rollout-table').locator('tbody tr').nth(1)).toContainText(
    'v=DMARC1; p=quarantine; sp=none; t=y; adkim=r; aspf=r; pct=0; rua=mailto:dmarc@example.com',
  );
  // The stored report says what is published (p=none), so the plan knows where the domain stands and for how long.
  await expect(page.getByTestId('rollout-reported')).toContainText(
    /receivers found v=DMARC1; p=none; sp=none; adkim=r; aspf=r since \d{4}-\d\d-\d\d \(1 report, [01] days?\)/,
  );
  await expect(page.getByTestId('rollout-reported')).toContainText('step 1 of this plan');
  await expect(page.getByTestId('rollout-dwell')).toContainText('stay at least 30 days (RFC 9989 advice)');
  const assessment = page.getByTestId('rollout-assessment');
  // The next step from p=none is quarantine in test mode: nothing is hit, so it is safe.
  await expect(assessment).toHaveAttribute('data-verdict', 'safe');
  // Counts are written the page language's way (here English: 1,050).
  await expect(assessment).toContainText('1,050 messages, 150 failing DMARC');
  // One step further, quarantine for real: the SendGrid mail that authenticates but does not align is at risk.
  await page.getByRole('radio', { name: 'We are at step 2' }).check();
  await expect(assessment).toHaveAttribute('data-verdict', 'not-yet');
  await expect(assessment).toContainText('sendgrid.net');
  await expect(assessment).toContainText('DKIM passes for sendgrid.net, which does not align with example.com');
  await expect(assessment).toContainText('nobody (likely spoofing)');

  await page.getByTestId('rollout-flavour').selectOption('rfc7489');
  await expect(page.getByTestId('rollout-table').locator('tbody tr')).toHaveCount(13);
  await expect(page.getByTestId('rollout-table').locator('tbody tr').nth(2)).toContainText(
    'p=quarantine; sp=none; adkim=r; aspf=r; pct=5',
  );
  await page.getByTestId('rollout-save').click();
  await expect(page.getByText('Plan saved for example.com.')).toBeVisible();

  // With live lookups on, the published record places the domain in the plan (the fake zone publishes p=reject).
  const dohQuestions: string[] = [];
  await page.route('https://cloudflare-dns.com/**', (route) => {
    dohQuestions.push(new URL(route.request().url()).searchParams.get('name') ?? '');
    return fakeDoh(route);
  });
  await expect(page.getByTestId('rollout-read-published')).toBeDisabled();
  await page.getByTestId('live-lookups').check();
  await page.getByTestId('rollout-read-published').click();
  await expect(
    page.getByText('Published: v=DMARC1; p=reject; rua=mailto:d@example.com (step 13 of the plan).'),
  ).toBeVisible();
  await expect(page.getByRole('radio', { name: 'We are at step 13' })).toBeChecked();
  await expect(page.getByTestId('rollout-base')).toHaveValue('v=DMARC1; p=none; rua=mailto:d@example.com');
  expect(dohQuestions).toEqual(['_dmarc.example.com']);
  await page.screenshot({ path: `${SCREENSHOTS}/records-rollout.png`, fullPage: true });
  expect(new Set(offOrigin(requests).map((url) => new URL(url).host))).toEqual(new Set(['cloudflare-dns.com']));
});

test('each records tab passes axe, in light and dark themes', async ({ page }) => {
  await openRecords(page);
  await page.getByTestId('wizard-domain').fill('example.com');
  await page.getByTestId('sender-mailchimp').check();
  await page.getByTestId('dkim-generate').click();
  await expect(page.getByTestId('dkim-download').first()).toBeVisible();
  for (const theme of ['light', 'dark']) {
    await page.getByTestId('theme-select').selectOption(theme);
    for (const tab of ['Set up a domain', 'Check records', 'Rollout plan']) {
      await page.getByRole('tab', { name: tab }).click();
      if (tab === 'Check records') {
        await page.getByTestId('checker-input').fill('v=DMARC1; p=reject\nv=spf1 +all');
        await page.getByTestId('checker-run').click();
      }
      expect(await axeViolations(page), `${tab} (${theme})`).toEqual([]);
    }
  }
  await page.screenshot({ path: `${SCREENSHOTS}/records-dark.png`, fullPage: true });
  // Keyboard: arrow keys move between the tabs.
  await page.getByRole('tab', { name: 'Set up a domain' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Check records' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Check records' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Rollout plan' })).toHaveAttribute('aria-selected', 'true');
});

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const text = await readableText(page);
  const left = [...englishPieces(recordsEn, recordsNl)]
    .filter(([piece]) => text.includes(piece))
    .map(([piece, key]) => `${key}: ${piece}`);
  expect(left, where).toEqual([]);
}

test('in Dutch: the wizard, the checker and the rollout plan show Dutch, and no English of the records catalogue', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await page.route('https://cloudflare-dns.com/**', fakeDoh);
  expect(englishPieces(recordsEn, recordsNl).size).toBeGreaterThan(300);
  await openRecords(page);
  await importRecentReport(page);
  // What is on screen before the switch is rewritten by it: a status line and the findings of a started setup.
  await page.getByTestId('wizard-domain').fill('example.com');
  await page.getByTestId('wizard-save').click();
  await expect(page.getByText('Saved the configuration of example.com in this browser.')).toBeVisible();
  await page.getByTestId('language-select').selectOption('nl');
  await expect(page.getByRole('heading', { name: 'DNS-records', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Domein instellen' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('De configuratie van example.com is in deze browser bewaard.')).toBeVisible();
  await expect(page.locator('[data-code="setup-no-dkim"]')).toContainText(
    'Niets ondertekent de mail van dit domein met DKIM',
  );
  await expect(page.getByTestId('live-lookups-status')).toHaveText(
    'Uit: niets verlaat deze pagina. Zet dit aan om cloudflare-dns.com de DNS-vragen van de controle en de telling van SPF-lookups te laten beantwoorden.',
  );
  await expectNoEnglish(page, 'wizard, just switched');

  // The wizard, walked with services, own servers, a third-party rua, a subdomain, MTA-STS, TLS-RPT, BIMI and a key.
  await page.getByTestId('sender-google-workspace').check();
  await page.getByTestId('sender-mailchimp').check();
  await page.getByTestId('sender-sendgrid').check();
  await page.getByTestId('subdomain-sendgrid').check();
  await enter(page, 'own-networks', '192.0.2.10\nnot-a-network');
  await page.getByTestId('dmarc-p').selectOption('reject');
  await page.getByTestId('dmarc-sp').selectOption('none');
  await enter(page, 'dmarc-rua', 'dmarc@reports.example.net');
  await page.getByTestId('dmarc-t').check();
  await page.getByTestId('mta-sts-enable').check();
  await enter(page, 'tls-rpt-rua', 'tls@example.com');
  await enter(page, 'bimi-logo', 'https://example.com/logo.png');
  await page.getByTestId('dkim-size').selectOption('rsa-1024');
  await page.getByTestId('dkim-selector').fill('s1');
  await page.getByTestId('dkim-generate').click();
  await expect(page.getByTestId('dkim-key-s1').getByTestId('dkim-download')).toHaveText(
    'Privésleutel downloaden (PEM)',
  );
  await page.getByTestId('dkim-key-s1').getByText('Configuratie voor het ondertekenen').click();
  await expect(page.getByTestId('dkim-key-s1')).toContainText('Installeer de sleutel met: install -o opendkim');

  await expect(page.getByRole('heading', { name: 'Te publiceren records' })).toBeVisible();
  await expect(recordRow(page, 'example.com')).toContainText('SPF: de servers die namens dit domein mogen mailen');
  await expect(recordRow(page, 'example.com._report._dmarc.reports.example.net')).toContainText(
    'gepubliceerd door reports.example.net',
  );
  await expect(recordRow(page, 's1._domainkey.example.com')).toContainText(
    'Publieke DKIM-sleutel (RSA) voor je eigen servers',
  );
  await expect(page.locator('[data-code="dmarc-external-report-domain"]')).toContainText(
    'Rapporten gaan naar het domein van een andere organisatie: dat moet een TXT-record example.com._report._dmarc.reports.example.net met de waarde v=DMARC1 publiceren',
  );
  await expect(page.locator('[data-code="dmarc-external-report-domain"]')).toContainText(
    'Oplossing: Vraag de eigenaar van reports.example.net',
  );
  await expect(page.locator('[data-code="setup-invalid-network"]')).toContainText(
    'not-a-network is geen IPv4- of IPv6-adres of -netwerk.',
  );
  await expect(page.locator('[data-code="dkim-key-weak"]')).toContainText('De RSA-sleutel heeft 1024 bits');
  await expect(page.locator('[data-code="mta-sts-policy-no-mx"]')).toContainText(
    'Het MTA-STS-beleid heeft je MX-hostnamen nodig.',
  );
  await expect(page.locator('[data-code="setup-spf-not-aligned"]').first()).toContainText(
    'verstuurt met een eigen bouncedomein',
  );
  await expect(page.getByTestId('dmarc-p').locator('..')).toContainText(
    'Beleid voor het domein zelf: ontvangers weigeren mail die niet door DMARC komt al tijdens de SMTP-sessie.',
  );
  await expect(page.getByTestId('zone-snippet')).toContainText('; vul de <…>-delen in met de gegevens van de provider');
  await recordRow(page, '_dmarc.example.com')
    .getByRole('button', { name: 'De TXT-waarde voor _dmarc.example.com kopiëren' })
    .click();
  await expect(recordRow(page, '_dmarc.example.com').getByRole('button', { name: /De TXT-waarde/ })).toHaveText(
    'Gekopieerd',
  );
  await page.getByTestId('wizard-save').click();
  await expect(page.getByText('De configuratie van example.com is in deze browser bewaard.')).toBeVisible();
  await expect(page.getByTestId('saved-setups').getByRole('button', { name: 'Openen' })).toBeVisible();

  // Live lookups on: the generated records compared with the (fake) zone, the SPF record followed through its includes.
  await page.getByTestId('live-lookups').check();
  await expect(page.getByTestId('live-lookups-status')).toHaveText(
    'Aan: DNS-vragen (alleen domeinnamen) gaan via HTTPS naar cloudflare-dns.com.',
  );
  await page.getByTestId('check-published').click();
  await expect(recordRow(page, 'example.com').getByTestId('publication')).toContainText('andere waarde');
  await expect(recordRow(page, 'example.com').getByTestId('publication')).toContainText(
    'Nu gepubliceerd: v=spf1 include:_spf.example.net mx -all',
  );
  await page.getByTestId('spf-count-live').click();
  const wizardTree = page.locator('#records-panel-wizard').getByTestId('spf-tree');
  await expect(wizardTree).toContainText('DNS-lookups:');
  await expect(wizardTree.locator('[data-code="spf-no-record"]').first()).toContainText(
    'publiceert geen SPF-record, waardoor het record dat het opneemt een permerror geeft',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/records-nl-wizard.png`, fullPage: true });
  await expectNoEnglish(page, 'wizard');

  // The checker: pasted records with their findings and explanations, then what the fake zone publishes.
  await page.getByRole('tab', { name: 'Records controleren' }).click();
  const results = await checkPasted(page, [
    'example.com. 3600 IN TXT "v=spf1 ptr include:_spf.google.com +all"',
    'example.com. 3600 IN TXT "v=spf1 -all"',
    '_dmarc.example.com. IN TXT "v=DMARC1; p=reject; pct=50; fo=1:d; rua=mailto:dmarc@example.com; ri=3600"',
    's1._domainkey.example.com. IN TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="',
    '_mta-sts.example.com. IN TXT "v=STSv1; id=bad-id!"',
    '_smtp._tls.example.com. IN TXT "v=TLSRPTv1; rua=mailto:tls@example.com"',
    'default._bimi.example.com. IN TXT "v=BIMI1; l=http://example.com/logo.svg"',
    'x.example.com. IN TXT "hello"',
  ]);
  await expect(results).toHaveCount(8);
  await expect(results.nth(0)).toContainText('ongeldig');
  await expect(results.nth(0).locator('[data-code="spf-plus-all"]')).toContainText(
    '+all geeft elke server op internet toestemming om namens dit domein te mailen.',
  );
  await expect(results.nth(0).locator('[data-code="spf-plus-all"]')).toContainText('Oplossing: Gebruik ~all of -all.');
  await expect(results.nth(2)).toContainText(
    'Ontvangers volgens RFC 7489 passen het beleid toe op 50% van de mail die niet door DMARC komt',
  );
  await expect(results.nth(2)).toContainText(
    'Foutmeldingsrapporten worden gevraagd als een van de controles mislukt, of als een DKIM-handtekening ongeldig is.',
  );
  await expect(results.nth(3)).toContainText('DKIM-sleutel');
  await expect(results.nth(3)).toContainText('De publieke sleutel: Ed25519.');
  await expect(results.nth(5)).toContainText(
    'Dagelijkse rapporten over mislukte TLS-verbindingen met je mailservers gaan naar mailto:tls@example.com.',
  );
  await expect(results.nth(7)).toContainText('Niet herkend');
  await page.getByTestId('live-domain').fill('example.com');
  await page.getByTestId('live-selectors').fill('google');
  await page.getByTestId('live-run').click();
  const report = page.getByTestId('live-report');
  await expect(report.getByTestId('spf-tree')).toContainText('2 van 10');
  await expect(report.locator('[data-code="mta-sts-missing"]')).toContainText(
    'Geen MTA-STS-record op _mta-sts.example.com.',
  );
  await expect(report.getByRole('heading', { name: 'SPF-includeboom' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/records-nl-checker.png`, fullPage: true });
  await expectNoEnglish(page, 'checker');

  // The rollout plan, judged from the imported report, and placed by the published record.
  await page.getByRole('tab', { name: 'Uitrolplan' }).click();
  await expect(page.getByText('Vul het domein in om de volgende stap te beoordelen')).toBeVisible();
  await page.getByTestId('rollout-domain').fill('example.com');
  await page.getByTestId('rollout-start').fill('2026-01-01');
  const rows = page.getByTestId('rollout-table').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toContainText('30 dagen');
  await expect(rows.nth(0)).toContainText('Er verandert niets voor mail die niet door DMARC komt');
  await expect(rows.nth(3)).toContainText('Vóór reject: elke bron moet ondertekenen met DKIM dat in lijn is');
  await expect(page.getByTestId('rollout-reported')).toContainText(
    /Volgens je bewaarde rapporten zien ontvangers sinds \d{4}-\d\d-\d\d het record v=DMARC1; p=none/,
  );
  await expect(page.getByTestId('rollout-reported')).toContainText('(1 rapport, ');
  await expect(page.getByTestId('rollout-reported')).toContainText('stap 1 van dit plan.');
  const assessment = page.getByTestId('rollout-assessment');
  await expect(assessment).toHaveAttribute('data-verdict', 'safe');
  await expect(assessment).toContainText('Volgende stap lijkt veilig');
  await expect(assessment).toContainText('Laatste 30 dagen: 1.050 berichten, waarvan 150 niet door DMARC komen');
  await page.getByRole('radio', { name: 'We zijn bij stap 2' }).check();
  await expect(assessment).toHaveAttribute('data-verdict', 'not-yet');
  await expect(assessment).toContainText(
    'Nog niet: 120 van de 1.050 berichten komen van bronnen die wel authenticeren maar niet in lijn zijn',
  );
  await expect(assessment).toContainText(
    'DKIM slaagt voor sendgrid.net, dat niet in lijn is met example.com; SPF slaagt voor bounces.sendgrid.net',
  );
  await expect(assessment).toContainText('niemand (waarschijnlijk spoofing)');
  await page.screenshot({ path: `${SCREENSHOTS}/records-nl-rollout.png`, fullPage: true });
  await expectNoEnglish(page, 'rollout, next step judged');
  await page.getByTestId('rollout-read-published').click();
  await expect(
    page.getByText('Gepubliceerd: v=DMARC1; p=reject; rua=mailto:d@example.com (stap 5 van het plan).'),
  ).toBeVisible();
  await page.getByTestId('rollout-save').click();
  await expect(page.getByText('Plan bewaard voor example.com.')).toBeVisible();
  await expectNoEnglish(page, 'rollout, placed by the published record');
  expect(await axeViolations(page), 'rollout in Dutch').toEqual([]);
});

/** The nine includes issue 15 names, as a postmaster would paste them. */
const NINE_INCLUDES =
  'v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:amazonses.com include:sendgrid.net include:mailgun.org include:_spf.salesforce.com include:mail.zendesk.com include:servers.mcsv.net include:spf.mandrillapp.com ~all';
/** An RSA-2048 public key (from the DKIM key tests) for a pasted DKIM record. */
const RSA_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyGCgNr1xgHZnsSeVRCg3nYyxiZq8R8mcRw4jeM7ZKQiMlzNXZ6Ic8S5Wcwfz2bp7Npou+GQsKsqDFnbrQKY/7c8ozzqUc8BBqxuo6t8ByJyOlHTuVD4fVTRiSeIR0L+vlQeQ9UuLMsDjdGS7PWo9QgJ6/oNsrXhKXBI/OAjzI7Di8X7mUbcS8aAfxRkHYwVX6PmU2RSGZ4uS7w4K7g6jNZIS3qmzG4Tx8Tm3jtSy/RsRYOmGVglP4Ckgb/qJqnz8S4x5J9qpDj5u0vmH2Y+mRiO1Ye4z4TETdORDT4NUh5OdCi4LAwuR7pjwpBPjeQUfaPkp2Uqp0ZLWBWn2u5GuUwIDAQAB';

test('checker: one record per line, the missing semicolon, SPF counted offline and never "valid" uncounted', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await openRecords(page);
  await page.getByRole('tab', { name: 'Check records' }).click();
  const results = await checkPasted(page, [
    'sp=none',
    'v=spf1 +all',
    `v=DKIM1; k=rsa; p=${RSA_KEY}`,
    'v=DMARC1 p=reject',
    NINE_INCLUDES,
    'v=spf1 include:spf.example.net include:_spf.example.org mx -all',
    'v=spf1 ip4:192.0.2.0/24 redirect=_spf.example.net -all',
  ]);
  await expect(results).toHaveCount(7);
  expect(await results.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-kind')))).toEqual([
    'unknown',
    'spf',
    'dkim',
    'dmarc',
    'spf',
    'spf',
    'spf',
  ]);
  await expect(results.nth(0)).toContainText('sp=none');
  await expect(results.nth(0)).not.toContainText('sp=none v=spf1');
  await expect(results.nth(1).locator('[data-code="spf-plus-all"]')).toBeVisible();
  await expect(results.nth(2)).toHaveAttribute('data-verdict', 'valid');
  await expect(results.nth(2)).toContainText('The public key: RSA, 2048 bits.');
  await expect(results.nth(3).locator('[data-code="dmarc-missing-semicolon"]')).toContainText(
    'separate tags with ";", as in v=DMARC1; p=reject.',
  );
  await expect(results.nth(3).locator('[data-code="dmarc-missing-version"]')).toHaveCount(0);
  await expect(results.nth(4)).toHaveAttribute('data-verdict', 'invalid');
  await expect(results.nth(4).locator('[data-code="spf-too-many-lookups-estimate"]')).toContainText(
    'Too many lookups (estimate): about 17',
  );
  await expect(results.nth(5)).toHaveAttribute('data-verdict', 'not-counted');
  await expect(results.nth(5)).toContainText('lookups not counted');
  await expect(results.nth(5).locator('[data-code="spf-lookups-not-counted"]')).toContainText(
    '3 of 10 lookups at the top level, nested not counted (include:spf.example.net and include:_spf.example.org): turn on live lookups',
  );
  await expect(results.nth(6).locator('[data-code="spf-redirect-ignored"]')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/records-checker-lines.png`, fullPage: true });
  expect(offOrigin(requests)).toEqual([]);

  // With live lookups on, a pasted record's whole tree is followed at the domain named for it.
  await page.route('https://cloudflare-dns.com/**', fakeDoh);
  await page.getByTestId('live-lookups').check();
  await page.getByTestId('checker-domain').fill('example.com');
  await page.getByTestId('checker-input').fill('v=spf1 include:_spf.example.net mx -all');
  await page.getByTestId('checker-run').click();
  await results.first().getByTestId('checker-spf-live').click();
  await expect(results.first().getByTestId('spf-tree')).toContainText('2 of 10');
  await expect(results.first().getByTestId('spf-tree')).toContainText(
    'v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 -all',
  );
});

/** The comcast.net report about secure.200permits.com (p=reject, sp=reject, adkim=s, aspf=s, fo=0), imported. */
async function importStrictDomainReport(page: Page): Promise<void> {
  const name = 'comcast.net!secure.200permits.com!1766188800!1766275200.xml';
  await page.goto(`${ORIGIN}/#/import`);
  await page
    .getByLabel('Add reports')
    .first()
    .setInputFiles({
      name,
      mimeType: 'text/xml',
      buffer: readFileSync(`test/fixtures/reports/jonzobrist__DMARC-Report-Manager/${name}`),
    });
  await expect(page.getByTestId('import-outcome').first()).toContainText('Reports imported: 1;', { timeout: 60_000 });
  await page.goto(`${ORIGIN}/#/records`);
}

/** Clicks every copy button in `scope` and gives what each put on the clipboard. */
async function copyAll(page: Page, scope: ReturnType<Page['locator']>): Promise<string[]> {
  const copied: string[] = [];
  const buttons = scope.getByRole('button', { name: /^Copy|^Kopieer|kopiëren$/ });
  for (let index = 0; index < (await buttons.count()); index++) {
    await buttons.nth(index).click();
    await expect(buttons.nth(index)).toHaveText(/^(Copied|Gekopieerd)$/);
    copied.push(await page.evaluate(() => navigator.clipboard.readText()));
  }
  return copied;
}

test('rollout plan and wizard start from the record reporters saw, and nothing copyable names example.com', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await openRecords(page);
  await importStrictDomainReport(page);
  const domain = 'secure.200permits.com';
  const seeded = `v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; fo=0; rua=mailto:dmarc@${domain}`;

  await page.getByRole('tab', { name: 'Rollout plan' }).click();
  // No domain yet: the steps show, but there is nothing to copy.
  await expect(page.getByTestId('rollout-enter-domain')).toBeVisible();
  await expect(page.getByTestId('rollout-table').getByRole('button')).toHaveCount(0);
  await page.getByTestId('rollout-domain').fill(domain);
  await expect(page.getByTestId('rollout-base')).toHaveValue(
    `v=DMARC1; p=none; sp=reject; adkim=s; aspf=s; fo=0; rua=mailto:dmarc@${domain}`,
  );
  await expect(page.getByTestId('rollout-assumed-rua')).toContainText(`dmarc@${domain}`);
  // The reports show p=reject, the plan's last step.
  await expect(page.getByRole('radio', { name: 'We are at step 5' })).toBeChecked();
  const rollout = await copyAll(page, page.getByTestId('rollout-table'));
  expect(rollout).toEqual([
    `v=DMARC1; p=none; sp=reject; adkim=s; aspf=s; fo=0; rua=mailto:dmarc@${domain}`,
    `v=DMARC1; p=quarantine; sp=reject; t=y; adkim=s; aspf=s; pct=0; fo=0; rua=mailto:dmarc@${domain}`,
    `v=DMARC1; p=quarantine; sp=reject; adkim=s; aspf=s; fo=0; rua=mailto:dmarc@${domain}`,
    `v=DMARC1; p=reject; sp=reject; t=y; adkim=s; aspf=s; pct=0; fo=0; rua=mailto:dmarc@${domain}`,
    seeded,
  ]);
  await page.screenshot({ path: `${SCREENSHOTS}/records-rollout-seeded.png`, fullPage: true });

  await page.getByRole('tab', { name: 'Set up a domain' }).click();
  await page.getByTestId('wizard-domain').fill(domain);
  await page.getByTestId('sender-google-workspace').check();
  await expect(recordRow(page, `_dmarc.${domain}`).getByTestId('record-value')).toHaveText(seeded);
  await expect(page.getByTestId('wizard-dmarc-reported')).toContainText(
    'v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; fo=0',
  );
  await expect(page.getByTestId('wizard-assumed-rua')).toContainText(`dmarc@${domain}`);
  const wizard = await copyAll(page, page.locator('#records-panel-wizard'));
  expect(wizard.length).toBeGreaterThanOrEqual(4);
  expect(wizard).toContain(seeded);
  for (const text of [...rollout, ...wizard]) expect(text).not.toMatch(/example\.(com|org|net)/);
  await page.screenshot({ path: `${SCREENSHOTS}/records-wizard-seeded.png`, fullPage: true });

  // In Dutch, the same pages.
  await page.getByTestId('language-select').selectOption('nl');
  await expect(page.getByTestId('wizard-assumed-rua')).toContainText(`dmarc@${domain}`);
  await page.screenshot({ path: `${SCREENSHOTS}/records-nl-wizard-seeded.png`, fullPage: true });
  await page.getByRole('tab', { name: 'Uitrolplan' }).click();
  await page.getByTestId('rollout-domain').fill(domain);
  await expect(page.getByTestId('rollout-assumed-rua')).toContainText(`dmarc@${domain}`);
  await page.screenshot({ path: `${SCREENSHOTS}/records-nl-rollout-seeded.png`, fullPage: true });
  await expectNoEnglish(page, 'rollout seeded');
});
