// dmarc-lens fetch --graph against a local fake of Microsoft Graph (./graphServer.ts) that serves committed answers
// shaped as Microsoft documents them (test/fixtures/graph/README.md) and real report files as attachment bytes. The
// CLI runs as a user runs it, in a child process, with --graph-endpoint pointing at the fake.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonLine } from '../helpers/cliLines';
import {
  ATTACHMENT_FILES,
  GRAPH_CLIENT,
  GRAPH_MAILBOX,
  GRAPH_TENANT,
  GRAPH_TOKEN,
  startGraphServer,
  type GraphServer,
} from './graphServer';

const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const reports = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));

interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? Number((error as { code?: number }).code ?? 1) : 0 });
    });
  });
}

const lines = (text: string): JsonLine[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JsonLine);

/** A line without the names that differ between a file and the same bytes as an attachment. */
function content(line: JsonLine): unknown {
  const { file: _file, ...rest } = line as JsonLine & { path?: string[] };
  const path = (rest as { path?: string[] }).path;
  return { ...rest, ...(path && { path: path.slice(1) }) };
}

const work = mkdtempSync(join(tmpdir(), 'dmarc-lens-graph-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('dmarc-lens fetch --graph (a local fake of Microsoft Graph)', () => {
  let graph: GraphServer;
  /** What `dmarc-lens parse` writes for each attachment's file, by file. */
  let parsed: Map<string, JsonLine[]>;

  beforeAll(async () => {
    graph = await startGraphServer(4331);
    const files = Object.values(ATTACHMENT_FILES).map((file) => join(reports, file));
    const run = await cli(['parse', ...files], {});
    parsed = new Map(files.map((file) => [file, lines(run.stdout).filter((line) => line.file === file)]));
  }, 60_000);

  afterAll(async () => {
    await graph?.stop();
  });

  const graphArgs = (state: string): string[] => [
    'fetch',
    '--graph',
    '--mailbox',
    GRAPH_MAILBOX,
    '--folder',
    'DMARC',
    '--graph-endpoint',
    graph.base,
    '--state',
    state,
  ];

  it('reads each attachment once across runs through the delta link, waiting when Graph says 429', async () => {
    const state = join(work, 'graph.json');
    const env = { DMARC_LENS_GRAPH_TOKEN: GRAPH_TOKEN };
    graph.requests.length = 0;
    const first = await cli(graphArgs(state), env);
    expect(first.stderr).toBe(
      `${graph.base}: Microsoft Graph asked to wait 1 s (429); waiting\n` +
        'fetch: 2 read (2 with reports, 0 without, 0 failed), 0 read before\n',
    );
    expect(first.code).toBe(0);
    // A's gzip report (its reference attachment is a link, not bytes) and B's attached email, each exactly as parse
    // reads the same file; C has no attachments and is not asked about.
    const got = lines(first.stdout);
    expect(got.map(content)).toEqual(
      [ATTACHMENT_FILES['QAFYvkSeoKzRAmLOSJCqLNn0=']!, ATTACHMENT_FILES['QAJd9Xz3gAnZFg5mN6lAr3QQ=']!].flatMap((file) =>
        parsed.get(join(reports, file))!.map(content),
      ),
    );
    expect(got.map((line) => line.file)).toEqual([
      expect.stringMatching(/^graph:dmarc@example\.com\/DMARC\/\S+p1vNAAA=\/fastmail\.com!example\.com!.*\.xml\.gz$/),
      expect.stringMatching(
        /^graph:dmarc@example\.com\/DMARC\/\S+p1vOAAA=\/Report Domain: ueber\.net Submitter: microsoft\.com$/,
      ),
    ] as unknown[]);
    const path = (line: string): string => line.replace(/\?.*/, '').replace(/[A-Za-z0-9_=-]{40,}/g, '…');
    expect(graph.requests.map((request) => path(request.line))).toEqual([
      'GET /v1.0/users/dmarc@example.com/mailFolders',
      'GET /v1.0/users/dmarc@example.com/mailFolders/…/messages/delta',
      'GET /v1.0/users/dmarc@example.com/messages/…/attachments',
      'GET /v1.0/users/dmarc@example.com/messages/…/attachments',
      'GET /v1.0/users/dmarc@example.com/mailFolders/…/messages/delta',
      'GET /v1.0/users/dmarc@example.com/messages/…/attachments/…/$value',
      'GET /v1.0/users/dmarc@example.com/messages/…/attachments/…/$value',
      'GET /v1.0/users/dmarc@example.com/messages/…/attachments/…/$value',
    ]);
    // The throttled download was made again after the second Graph asked for.
    const [throttled, retried] = graph.requests.slice(5, 7);
    expect(retried!.line).toBe(throttled!.line);
    expect(retried!.at - throttled!.at).toBeGreaterThanOrEqual(1000);
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { cursor: string; seen: string[] };
    expect(saved.cursor).toMatch(/messages\/delta\?\$deltatoken=Lzt/);
    expect(saved.seen).toHaveLength(2);

    // Later: A again (marked read), B removed, D new. Only D's zip report is read, from the stored delta link.
    graph.requests.length = 0;
    const second = await cli(graphArgs(state), env);
    expect(second.stderr).toBe('fetch: 1 read (1 with reports, 0 without, 0 failed), 1 read before\n');
    expect(lines(second.stdout).map(content)).toEqual(
      parsed.get(join(reports, ATTACHMENT_FILES['QAO2zJm0xlGJBgsh1Yt2xE6I=']!))!.map(content),
    );
    expect(graph.requests[0]!.line).toMatch(/messages\/delta\?\$deltatoken=Lzt/);
    expect(graph.requests.filter((request) => request.line.endsWith('/$value'))).toHaveLength(1);

    const third = await cli(graphArgs(state), env);
    expect(third).toEqual({
      stdout: '',
      stderr: 'fetch: 0 read (0 with reports, 0 without, 0 failed), 0 read before\n',
      code: 0,
    });
  }, 120_000);

  it('gets a token with the client credentials flow, and says so when the secret is refused', async () => {
    const args = [...graphArgs(join(work, 'credentials.json')), '--login-endpoint', graph.base];
    const withCredentials = [...args, '--tenant', GRAPH_TENANT, '--client-id', GRAPH_CLIENT.id];
    const ok = await cli(withCredentials, { DMARC_LENS_GRAPH_CLIENT_SECRET: GRAPH_CLIENT.secret });
    expect(ok.stderr).toBe('fetch: 2 read (2 with reports, 0 without, 0 failed), 0 read before\n');
    expect(lines(ok.stdout)).toHaveLength(2);
    const refused = await cli(withCredentials, { DMARC_LENS_GRAPH_CLIENT_SECRET: 'wrong' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `graph:dmarc@example.com/DMARC: ${graph.base} refused the client credentials: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\n` +
        'fetch: 0 read (0 with reports, 0 without, 1 failed), 0 read before\n',
    );
    const noToken = await cli(graphArgs(join(work, 'none.json')), { DMARC_LENS_GRAPH_TOKEN: '' });
    expect(noToken).toEqual({
      stdout: '',
      stderr:
        'the Microsoft Graph token is read from the environment variable DMARC_LENS_GRAPH_TOKEN, which is not set ' +
        '(or give --tenant and --client-id for the client credentials flow)\n',
      code: 2,
    });
  }, 120_000);
});
