// Chromium with the built extension (dist/extension/chrome-mv3), every request answered by the fake webmail or
// recorded as a leak. Used by the Chromium specs and the benchmark.
import { chromium, type BrowserContext, type Request } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs } from '../../../playwright.config';
import { ATTACHMENT_HOST, answerWebmailRequest } from './webmailRoutes';

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

/**
 * Gmail's downloads redirect to mail-attachment.googleusercontent.com. Chromium follows such a redirect itself (the
 * target never reaches context.route), so that host is mapped to a local HTTPS server answering with the same routes.
 */
async function startAttachmentHost(directory: string): Promise<Server> {
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${ATTACHMENT_HOST}`,
    '-addext', `subjectAltName=DNS:${ATTACHMENT_HOST}`,
    '-keyout', join(directory, 'key.pem'), '-out', join(directory, 'cert.pem'),
  ], { stdio: 'ignore' });
  const server = createServer(
    { key: readFileSync(join(directory, 'key.pem')), cert: readFileSync(join(directory, 'cert.pem')) },
    (request, response) => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      const answer = answerWebmailRequest(new URL(request.url ?? '/', `https://${ATTACHMENT_HOST}`), headers);
      response.writeHead(answer?.status ?? 404, answer?.headers ?? {});
      response.end(answer?.body);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export async function launchExtension(): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'dmarc-lens-ext-'));
  const certificates = mkdtempSync(join(tmpdir(), 'dmarc-lens-cert-'));
  const attachmentHost = await startAttachmentHost(certificates);
  const { port } = attachmentHost.address() as AddressInfo;
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs,
      `--disable-extensions-except=${CHROME_EXTENSION_DIR}`,
      `--load-extension=${CHROME_EXTENSION_DIR}`,
      `--host-resolver-rules=MAP ${ATTACHMENT_HOST} 127.0.0.1:${port}`,
      '--ignore-certificate-errors',
    ],
    viewport: { width: 1280, height: 900 },
  });
  // The mapped attachment host is a loopback address to Chromium; Gmail's page may reach it as it reaches the real host.
  await context.grantPermissions(['local-network-access'], { origin: 'https://mail.google.com' });
  const requests: string[] = [];
  const elsewhere: string[] = [];
  context.on('request', (request: Request) => {
    if (!request.url().startsWith('chrome-extension://') && !request.url().startsWith('data:')) {
      requests.push(`${request.method()} ${request.url()}`);
    }
  });
  // Extension pages load their own files from chrome-extension://; everything else must be the fake webmail.
  await context.route((url) => url.protocol !== 'chrome-extension:', async (route) => {
    const request = route.request();
    const answer = answerWebmailRequest(new URL(request.url()), await request.allHeaders());
    if (answer === undefined) {
      elsewhere.push(`${request.method()} ${request.url()}`);
      await route.abort('blockedbyclient');
      return;
    }
    await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
  });
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
