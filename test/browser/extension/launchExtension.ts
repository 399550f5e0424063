// Chromium with the built extension (dist/extension/chrome-mv3), every request answered by the fake webmail or
// recorded as a leak. Used by the Chromium specs and the benchmark.
import { chromium, expect, type BrowserContext, type Page, type Request } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs } from '../../../playwright.config';
import { ATTACHMENT_HOST, answerWebmailRequest, type WebmailAnswer } from './webmailRoutes';

export const CHROME_EXTENSION_DIR = resolve('dist/extension/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Every request the browser made to the network, as `METHOD url`. */
  requests: string[];
  /** Requests no fake webmail route answered: anything here went (or tried to go) elsewhere. */
  elsewhere: string[];
  close(): Promise<void>;
}

/** A request as the fakes see it, whichever way it reached them (context.route or the local HTTPS server). */
export interface FakeRequest {
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** How it reached the fakes: Playwright's context.route, or the local HTTPS server a mapped host resolves to. */
  via: 'route' | 'local';
}

/**
 * An HTTPS server (not yet listening) for `hosts`, with a certificate made for them in `directory`, that answers every
 * request with the fakes and records it as `METHOD url` (answered or not).
 */
export function fakeHttpsServer(
  directory: string,
  hosts: string[],
  answer: (url: URL, request: FakeRequest) => Promise<WebmailAnswer | undefined>,
  record: (line: string, answered: boolean) => void,
): Server {
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${hosts[0]}`],
      ...['-addext', `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}`],
      ...['-keyout', join(directory, 'key.pem'), '-out', join(directory, 'cert.pem')],
    ],
    { stdio: 'ignore' },
  );
  return createServer(
    { key: readFileSync(join(directory, 'key.pem')), cert: readFileSync(join(directory, 'cert.pem')) },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
        const url = new URL(request.url ?? '/', `https://${headers.host ?? hosts[0]}`);
        const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
        const method = request.method ?? 'GET';
        void answer(url, { method, headers, body, via: 'local' }).then((answered) => {
          record(`${method} ${url.href}`, answered !== undefined);
          response.writeHead(answered?.status ?? 404, answered?.headers ?? {});
          response.end(answered?.body);
        });
      });
    },
  );
}

/**
 * Hosts Chromium reaches outside context.route are mapped (`--host-resolver-rules`) to one local HTTPS server that
 * answers with the same fakes: Gmail's downloads redirect to mail-attachment.googleusercontent.com and Chromium follows
 * such a redirect itself (the target never reaches context.route); chrome.identity.launchWebAuthFlow loads its page in
 * a browser-owned WebContents Playwright does not see.
 */
async function startLocalHosts(
  directory: string,
  hosts: string[],
  answer: (url: URL, request: FakeRequest) => Promise<WebmailAnswer | undefined>,
  record: (line: string, answered: boolean) => void,
): Promise<Server> {
  const server = fakeHttpsServer(directory, hosts, answer, record);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export interface LaunchOptions {
  /**
   * Permissions the user granted in an earlier session and has since given back (or not yet asked for again): written
   * into the fresh profile as Chromium records them, so that `permissions.request` for them resolves from the extension
   * page's click without the permission dialog, which headless Chromium shows to nobody. They are not active at start.
   */
  previouslyGranted?: { api: string[]; hosts: string[] };
  /** Answers for origins other than the fake webmail (consulted first); `undefined` falls through to the webmail. */
  answer?: (url: URL, request: FakeRequest) => Promise<WebmailAnswer | undefined>;
  /** Hosts to map to the local HTTPS server as well (answered by `answer`). */
  localHosts?: string[];
  /** More Chromium switches. */
  args?: string[];
  /** The browser's language (navigator.language in pages, content scripts and extension pages); en-US when unset. */
  locale?: string;
  /** Replaces the fake webmail's answer (e.g. a variant of a fixture page). */
  rewriteWebmail?: (url: URL, answer: WebmailAnswer) => WebmailAnswer;
}

/** Chromium's id of an unpacked extension: the SHA-256 of its absolute path, 32 hex digits written as a–p. */
export function unpackedExtensionId(directory: string): string {
  const hex = createHash('sha256').update(directory).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** The profile's Preferences as Chromium keeps an extension's granted (not active) optional permissions. */
function seedGrantedPermissions(profile: string, granted: { api: string[]; hosts: string[] }): void {
  const set = (api: string[], hosts: string[]) => ({
    api,
    explicit_host: hosts,
    manifest_permissions: [],
    scriptable_host: [],
  });
  const settings = {
    granted_permissions: set(granted.api, granted.hosts),
    // MV3 host permissions the user granted at run time are also kept here; both must hold them.
    runtime_granted_permissions: set([], granted.hosts),
  };
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { settings: { [unpackedExtensionId(CHROME_EXTENSION_DIR)]: settings } } }),
  );
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'dmarc-lens-ext-'));
  if (options.previouslyGranted !== undefined) seedGrantedPermissions(profile, options.previouslyGranted);
  const certificates = mkdtempSync(join(tmpdir(), 'dmarc-lens-cert-'));
  const requests: string[] = [];
  const elsewhere: string[] = [];
  const answerRequest = async (url: URL, request: FakeRequest) => {
    let answer = await options.answer?.(url, request);
    if (answer === undefined) {
      answer = answerWebmailRequest(url, request.headers);
      if (answer !== undefined && options.rewriteWebmail !== undefined) answer = options.rewriteWebmail(url, answer);
    }
    return answer;
  };
  const localHosts = [ATTACHMENT_HOST, ...(options.localHosts ?? [])];
  const attachmentHost = await startLocalHosts(certificates, localHosts, answerRequest, (line, answered) => {
    // Playwright sees (and records below) the Gmail page's requests to the attachment host; not the others.
    if (!line.includes(`//${ATTACHMENT_HOST}/`)) requests.push(line);
    if (!answered) elsewhere.push(line);
  });
  const { port } = attachmentHost.address() as AddressInfo;
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs,
      `--disable-extensions-except=${CHROME_EXTENSION_DIR}`,
      `--load-extension=${CHROME_EXTENSION_DIR}`,
      `--host-resolver-rules=${localHosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ')}`,
      '--ignore-certificate-errors',
      ...(options.args ?? []),
    ],
    viewport: { width: 1280, height: 900 },
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  // The mapped attachment host is a loopback address to Chromium; Gmail's page may reach it as it reaches the real host.
  await context.grantPermissions(['local-network-access'], { origin: 'https://mail.google.com' });
  context.on('request', (request: Request) => {
    if (!request.url().startsWith('chrome-extension://') && !request.url().startsWith('data:')) {
      requests.push(`${request.method()} ${request.url()}`);
    }
  });
  // Extension pages load their own files from chrome-extension://; everything else must be the fake webmail.
  await context.route(
    (url) => url.protocol !== 'chrome-extension:',
    async (route) => {
      const request = route.request();
      const answer = await answerRequest(new URL(request.url()), {
        method: request.method(),
        headers: await request.allHeaders(),
        body: request.postDataBuffer() ?? undefined,
        via: 'route',
      });
      if (answer === undefined) {
        elsewhere.push(`${request.method()} ${request.url()}`);
        await route.abort('blockedbyclient');
        return;
      }
      await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
    },
  );
  // Content scripts register a moment after start: wait for the service worker before opening the first page.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    requests,
    elsewhere,
    close: async () => {
      await context.close();
      attachmentHost.closeAllConnections();
      attachmentHost.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(certificates, { recursive: true, force: true });
    },
  };
}

/**
 * A page of the extension (`options.html`, …) `width` pixels wide, in the language and theme given: the site's
 * settings in localStorage, shared by every page of the extension's origin, then a reload to apply them.
 */
export async function openExtensionPage(
  ext: ExtensionBrowser,
  path: string,
  { locale, theme, width }: { locale: 'en' | 'nl'; theme: 'light' | 'dark'; width: number },
): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  await page.evaluate(
    ([l, t]) => {
      localStorage.setItem('dmarc-lens:locale', l!);
      localStorage.setItem('dmarc-lens:theme', t!);
    },
    [locale, theme],
  );
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  return page;
}
