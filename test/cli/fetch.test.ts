// dmarc-lens fetch against a real Dovecot (Debian's dovecot-imapd, started by the test on a free local port) whose
// INBOX is filled through IMAP APPEND with the 37 email fixtures: every report is written once and exactly as
// `dmarc-lens parse` writes it from the file, a second run reads nothing, a run killed midway and restarted leaves
// each report once, and --archive-to moves what was read. Maildir and folder sources share the state logic.
import { execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonLine } from '../helpers/cliLines';
import { dovecotInstalled, startDovecot, type Dovecot } from './dovecot';

const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));
const provenance = readFileSync(join(fixtures, 'PROVENANCE.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'));
/** The email fixtures, in PROVENANCE order, with the records the manifest counts for aggregate reports. */
const emails = provenance
  .filter((cells) => cells[0]!.endsWith('.eml'))
  .map((cells) => ({ path: cells[0]!, records: Number(cells[9] || 0), type: cells[11]! }));

interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ stdout, stderr, code: error ? Number((error as { code?: number }).code ?? 1) : 0 });
      },
    );
  });
}

const lines = (text: string): JsonLine[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JsonLine);

/** A line without the names that differ between a file and the same message in a mailbox. */
function content(line: JsonLine, name: string): unknown {
  const { file: _file, ...rest } = line as JsonLine & { path?: string[] };
  const path = (rest as { path?: string[] }).path;
  const error = rest.error && { ...rest.error, message: rest.error.message.replace(/^[^:]*:/, `${name}:`) };
  return { ...rest, ...(path && { path: path.slice(1) }), ...(error && { error }) };
}

/** How many messages a state file records as read (0 while it does not exist yet). */
function recordedCount(state: string): number {
  return existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { seen: string[] }).seen.length : 0;
}

const work = mkdtempSync(join(tmpdir(), 'dmarc-lens-fetch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!dovecotInstalled)('dmarc-lens fetch --imap (a real Dovecot)', () => {
  let dovecot: Dovecot;
  let url: string;
  let env: Record<string, string>;
  /** What `dmarc-lens parse` writes for each email fixture, in APPEND order. */
  let expected: JsonLine[][];

  beforeAll(async () => {
    dovecot = await startDovecot();
    url = `imap://${dovecot.user}@127.0.0.1:${dovecot.port}/INBOX`;
    env = { DMARC_LENS_IMAP_PASSWORD: dovecot.password };
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    for (const email of emails) await client.append('INBOX', readFileSync(join(fixtures, email.path)));
    await client.logout();
    const parsed = lines((await cli(['parse', ...emails.map((email) => join(fixtures, email.path))])).stdout);
    expected = emails.map((email) => parsed.filter((line) => line.file === join(fixtures, email.path)));
  }, 120_000);

  afterAll(async () => {
    await dovecot?.stop();
  });

  const imapClient = () =>
    new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });

  const imapLabel = (uid: number) =>
    new RegExp(`^imap://reports@127\\.0\\.0\\.1:${dovecot.port}/INBOX;UIDVALIDITY=\\d+/;UID=${uid}$`);

  it('reads every report once, as parse writes it from the file; a second run reads nothing', async () => {
    const state = join(work, 'imap.json');
    const first = await cli(['fetch', '--imap', url, '--insecure', '--state', state], env);
    // stalwartlabs__mail-auth/002.eml is an abuse report (ARF feedback type "abuse"), which no reader takes.
    expect(first.stderr.trim().split('\n').at(-1)).toBe(
      'fetch: 37 read (36 with reports, 0 without, 1 failed), 0 read before',
    );
    expect(first.code).toBe(1);
    const got = lines(first.stdout);
    // Message UID n is the n-th email appended: its lines are parse's lines for that file, in the same order.
    const byUid = new Map<number, JsonLine[]>();
    for (const line of got) {
      const uid = Number(/;UID=(\d+)$/.exec(line.file)![1]);
      expect(line.file).toMatch(imapLabel(uid));
      byUid.set(uid, [...(byUid.get(uid) ?? []), line]);
    }
    expect([...byUid.keys()]).toEqual(emails.map((_, i) => i + 1));
    emails.forEach((email, i) => {
      expect({ email: email.path, lines: byUid.get(i + 1)!.map((line) => content(line, 'the message')) }).toEqual({
        email: email.path,
        lines: expected[i]!.map((line) => content(line, 'the message')),
      });
    });
    // The manifest's totals: 21 aggregate emails with 22 records (google.eml has two), and 15 failure and TLS reports.
    const aggregate = got.filter((line) => line.type === 'aggregate');
    const manifestRecords = emails.filter((e) => e.type === 'aggregate').reduce((sum, e) => sum + e.records, 0);
    expect(manifestRecords).toBe(22);
    expect(aggregate.reduce((sum, line) => sum + line.report!.records.length, 0)).toBe(22);
    expect(aggregate).toHaveLength(21);
    expect(got.filter((line) => line.type === 'failure' || line.type === 'tls')).toHaveLength(15);
    expect(got.filter((line) => line.error).map((line) => line.error!.code)).toEqual(['unsupported']);

    const second = await cli(['fetch', '--imap', url, '--insecure', '--state', state], env);
    expect(second).toEqual({
      stdout: '',
      stderr: 'fetch: 0 read (0 with reports, 0 without, 0 failed), 37 read before\n',
      code: 0,
    });
  }, 120_000);

  it('a run killed midway and restarted leaves each report exactly once in --out', async () => {
    const complete = join(work, 'complete.jsonl');
    await cli(['fetch', '--imap', url, '--insecure', '--state', join(work, 'complete.json'), '--out', complete], env);
    const whole = readFileSync(complete, 'utf8');
    expect(lines(whole)).toHaveLength(37);

    const state = join(work, 'killed.json');
    const out = join(work, 'killed.jsonl');
    const child = spawn(process.execPath, [bin, 'fetch', '--imap', url, '--insecure', '--state', state, '--out', out], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Killed once five messages' lines are in the file: messages are recorded at checkpoints (every 500 messages or
    // 2 s), so the file then holds lines of messages the state does not record yet, which a restart must cut.
    const linesIn = (): number => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').length - 1 : 0);
    while (linesIn() < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    await exited;
    const recorded = recordedCount(state);
    const recordedBytes = (JSON.parse(readFileSync(state, 'utf8')) as { output: { bytes: number } }).output.bytes;
    expect(recorded).toBeLessThan(37);
    expect(statSync(out).size).toBeGreaterThan(recordedBytes);

    const resumed = await cli(['fetch', '--imap', url, '--insecure', '--state', state, '--out', out], env);
    expect(resumed.stderr).toMatch(new RegExp(`, ${recorded} read before\\n$`));
    expect(readFileSync(out, 'utf8')).toBe(whole);
  }, 120_000);

  it('a run killed after writing a message but before recording it: the restart cuts its lines and reads it again', async () => {
    const state = join(work, 'cut.json');
    const out = join(work, 'cut.jsonl');
    await cli(['fetch', '--imap', url, '--insecure', '--state', state, '--out', out], env);
    const whole = readFileSync(out, 'utf8');
    // The state as it was before the last message was recorded, with that message's line already in the file.
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { seen: string[]; output: { bytes: number } };
    const lastLine = whole.slice(whole.lastIndexOf('\n', whole.length - 2) + 1);
    saved.seen.pop();
    saved.output.bytes -= Buffer.byteLength(lastLine);
    writeFileSync(state, JSON.stringify(saved));

    const resumed = await cli(['fetch', '--imap', url, '--insecure', '--state', state, '--out', out], env);
    expect(resumed.stderr).toBe('fetch: 1 read (1 with reports, 0 without, 0 failed), 36 read before\n');
    expect(readFileSync(out, 'utf8')).toBe(whole);
  }, 120_000);

  it('--watch reads a message appended while it waits (IMAP IDLE, not the 60 s poll), and Ctrl-C ends it cleanly', async () => {
    const client = imapClient();
    await client.connect();
    await client.mailboxCreate('Watched');
    await client.append('Watched', readFileSync(join(fixtures, 'mjl-__mox/yahoo.eml')));
    const child = spawn(
      process.execPath,
      [
        bin,
        'fetch',
        '--imap',
        url.replace(/INBOX$/, 'Watched'),
        '--insecure',
        '--state',
        join(work, 'watch.json'),
        '--watch',
      ],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const lineCount = async (n: number): Promise<void> => {
      while (stdout.split('\n').length - 1 < n) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await lineCount(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const appendedAt = Date.now();
    await client.append('Watched', readFileSync(join(fixtures, 'mjl-__mox/microsoft.eml')));
    await client.logout();
    await lineCount(2);
    // imapflow would IDLE by itself only 15 s after its last command; fetch IDLEs as soon as it waits.
    expect(Date.now() - appendedAt).toBeLessThan(10_000);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(lines(stdout).map((line) => line.type)).toEqual(['aggregate', 'tls']);
    expect(stderr).toBe('fetch: 2 read (2 with reports, 0 without, 0 failed), 0 read before\n');
  }, 120_000);

  it('--archive-to moves each message whose reports were written, and leaves the one that failed', async () => {
    const run = await cli(
      ['fetch', '--imap', url, '--insecure', '--state', join(work, 'archive.json'), '--archive-to', 'DMARC-read'],
      env,
    );
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toHaveLength(37);
    const client = imapClient();
    await client.connect();
    const inbox = await client.status('INBOX', { messages: true });
    const archive = await client.status('DMARC-read', { messages: true });
    await client.logout();
    expect({ inbox: inbox && inbox.messages, archive: archive && archive.messages }).toEqual({ inbox: 1, archive: 36 });
  }, 120_000);
});

describe.skipIf(!dovecotInstalled)('dmarc-lens fetch --imap over TLS and through a restart (a real Dovecot)', () => {
  let dovecot: Dovecot;
  let env: Record<string, string>;
  let cert: string;
  let imaps: string;

  beforeAll(async () => {
    // A certificate made here, for 127.0.0.1, which nothing trusts unless told to.
    const dir = mkdtempSync(join(work, 'tls-'));
    cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]);
    dovecot = await startDovecot({ tls: { cert, key } });
    env = { DMARC_LENS_IMAP_PASSWORD: dovecot.password };
    imaps = `imaps://${dovecot.user}@127.0.0.1:${dovecot.port}/INBOX`;
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: true,
      tls: { ca: [readFileSync(cert, 'utf8')] },
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    for (const name of ['mjl-__mox/yahoo.eml', 'mjl-__mox/microsoft.eml']) {
      await client.append('INBOX', readFileSync(join(fixtures, name)));
    }
    await client.logout();
  }, 120_000);

  afterAll(async () => {
    await dovecot?.stop();
  });

  it('refuses a certificate nothing trusts, saying how to trust it, and reads with --ca', async () => {
    const refused = await cli(['fetch', '--imap', imaps, '--state', join(work, 'tls-refused.json')], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      `imaps://reports@127.0.0.1:${dovecot.port}/INBOX: the server's certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate); give the authority that signed it with --ca FILE (or NODE_EXTRA_CA_CERTS), or --insecure for a test server`,
    );
    const trusted = await cli(['fetch', '--imap', imaps, '--ca', cert, '--state', join(work, 'tls.json')], env);
    expect(trusted.stderr).toBe('fetch: 2 read (2 with reports, 0 without, 0 failed), 0 read before\n');
    expect(lines(trusted.stdout).map((line) => line.type)).toEqual(['aggregate', 'tls']);
    const viaEnvironment = await cli(['fetch', '--imap', imaps, '--state', join(work, 'tls-env.json')], {
      ...env,
      NODE_EXTRA_CA_CERTS: cert,
    });
    expect(viaEnvironment.stdout).toBe(trusted.stdout);
  }, 120_000);

  it('--watch connects again after the server restarts, and reads what came meanwhile once', async () => {
    const state = join(work, 'restart.json');
    const out = join(work, 'restart.jsonl');
    const child = spawn(
      process.execPath,
      [bin, 'fetch', '--imap', imaps, '--ca', cert, '--state', state, '--out', out, '--watch'],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const recorded = async (n: number): Promise<void> => {
      const deadline = Date.now() + 60_000;
      while (recordedCount(state) < n) {
        if (Date.now() > deadline) throw new Error(`fetch recorded ${recordedCount(state)} of ${n}:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await recorded(2);
    await dovecot.restart();
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: true,
      tls: { ca: [readFileSync(cert, 'utf8')] },
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    await client.append('INBOX', readFileSync(join(fixtures, 'mjl-__mox/xs4all.eml')));
    await client.logout();
    await recorded(3);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/; connecting again in 1 s\n/);
    expect(stderr.trim().split('\n').at(-1)).toBe('fetch: 3 read (3 with reports, 0 without, 0 failed), 0 read before');
    // Each message once: yahoo's aggregate report, microsoft's TLS report, xs4all's aggregate report.
    expect(lines(readFileSync(out, 'utf8')).map((line) => [line.type, /;UID=(\d+)$/.exec(line.file)![1]])).toEqual([
      ['aggregate', '1'],
      ['tls', '2'],
      ['aggregate', '3'],
    ]);
  }, 120_000);
});

describe('dmarc-lens fetch --maildir and --dir', () => {
  it('reads each Maildir message once, even after a mail client marks it read (new/ to cur/)', async () => {
    const maildir = join(work, 'Maildir');
    for (const sub of ['new', 'cur', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
    const names = [
      'mjl-__mox/yahoo.eml',
      'mjl-__mox/microsoft.eml',
      'freitagsrunde__dmarc-report-aggregator/google.eml',
    ];
    names.forEach((name, i) => cpSync(join(fixtures, name), join(maildir, 'new', `17000000${i}.M1P1.host`)));
    const state = join(work, 'maildir.json');
    const first = await cli(['fetch', '--maildir', maildir, '--state', state]);
    expect(lines(first.stdout).map((line) => line.type)).toEqual(['aggregate', 'tls', 'aggregate']);
    renameSync(join(maildir, 'new/170000000.M1P1.host'), join(maildir, 'cur/170000000.M1P1.host:2,S'));
    cpSync(join(fixtures, 'mjl-__mox/xs4all.eml'), join(maildir, 'new/170000009.M1P1.host'));
    const second = await cli(['fetch', '--maildir', maildir, '--state', state]);
    expect(lines(second.stdout).map((line) => line.file)).toEqual([join(maildir, 'new/170000009.M1P1.host')]);
    expect(second.stderr).toBe('fetch: 1 read (1 with reports, 0 without, 0 failed), 3 read before\n');
  }, 60_000);

  it('writes the dashboards formats as parse writes the same files', async () => {
    const dir = join(fixtures, 'mjl-__mox');
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .map((name) => join(dir, name));
    for (const format of ['es', 'splunk', 'parsedmarc-csv']) {
      const fetched = await cli([
        'fetch',
        '--dir',
        dir,
        '--state',
        join(work, `formats-${format}.json`),
        '--format',
        format,
      ]);
      const parsed = await cli(['parse', '--format', format, ...files]);
      expect(fetched.code, format).toBe(0);
      expect(fetched.stdout.length, format).toBeGreaterThan(500);
      expect(fetched.stdout, format).toBe(parsed.stdout);
    }
  }, 120_000);

  it('reads a folder of files once, in name order; a state file of another source is refused', async () => {
    const dir = join(fixtures, 'mjl-__mox');
    const state = join(work, 'dir.json');
    const first = await cli(['fetch', '--dir', dir, '--state', state, '--format', 'csv']);
    const parsed = await cli([
      'parse',
      '--format',
      'csv',
      ...['mailru', 'xs4all', 'yahoo'].map((n) => join(dir, `${n}.eml`)),
    ]);
    // The TLS reports (example.eml, microsoft.eml) have no CSV rows; parse says the same on stderr.
    expect(first.stdout).toBe(parsed.stdout);
    expect((await cli(['fetch', '--dir', dir, '--state', state])).stdout).toBe('');
    const other = await cli(['fetch', '--dir', join(fixtures, 'stalwartlabs__mail-auth'), '--state', state]);
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(
      `${state}: this state file belongs to dir:${dir}, not dir:${join(fixtures, 'stalwartlabs__mail-auth')}; give another --state file\n`,
    );
  }, 60_000);
});
