// A local HTTPS proxy for browsers whose extension background cannot be routed by the test driver: Firefox's background
// page makes its requests outside any tab, where neither puppeteer nor WebDriver BiDi intercepts them. Firefox is
// pointed at this proxy (network.proxy.* preferences); a CONNECT to one of the named hosts is answered by an HTTPS
// server with a certificate made here for those hosts (the browser must accept it: acceptInsecureCerts), and every
// request inside is answered by the test's fakes. A CONNECT to any other host is refused and recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeHttpsServer, type FakeRequest } from './launchExtension';
import type { WebmailAnswer } from './webmailRoutes';

export interface InterceptingProxy {
  /** Every request answered inside a tunnel, as `METHOD url`. */
  requests: string[];
  /** CONNECTs to hosts not named, plain-HTTP proxy requests, and requests no fake answered. */
  elsewhere: string[];
  close(): Promise<void>;
}

export async function startInterceptingProxy(
  port: number,
  hosts: string[],
  answer: (url: URL, request: FakeRequest) => Promise<WebmailAnswer | undefined>,
): Promise<InterceptingProxy> {
  const directory = mkdtempSync(join(tmpdir(), 'dmarc-lens-proxy-'));
  const requests: string[] = [];
  const elsewhere: string[] = [];
  const tls = fakeHttpsServer(directory, hosts, answer, (line, answered) => {
    requests.push(line);
    if (!answered) elsewhere.push(line);
  });
  const proxy = createHttpServer((request, response) => {
    elsewhere.push(`${request.method} ${request.url}`);
    response.writeHead(403).end();
  });
  const tunnels = new Set<Duplex>();
  proxy.on('connect', (request, socket, head) => {
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    const host = (request.url ?? '').replace(/:\d+$/, '');
    if (!hosts.includes(host)) {
      elsewhere.push(`CONNECT ${request.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  return {
    requests,
    elsewhere,
    close: async () => {
      for (const socket of tunnels) socket.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
