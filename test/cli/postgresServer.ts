// A PostgreSQL server of its own for a test or a benchmark: Debian's programs (/usr/lib/postgresql/<version>/bin),
// a new cluster in a temporary directory, a free local port, its socket in that directory, trust authentication.
// PostgreSQL refuses to run as root; there its programs run as Debian's `postgres` user, which owns the directory.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest installed PostgreSQL's programs, or undefined when none is installed. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin/initdb')) && existsSync(join(root, v, 'bin/pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function asServerUser(program: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

export interface PostgresServer {
  /** postgres://dmarc@127.0.0.1:<port>/postgres */
  url: string;
  /** A directory the test may write files in; removed by stop(). */
  dir: string;
  stop(): Promise<void>;
}

/**
 * `durable`: fsync on, as a real server runs (for benchmarks); tests turn it off. `settings`: more server settings
 * (name → value) for a test that needs them.
 */
export async function startPostgres(
  bin: string,
  { durable = false, settings = {} }: { durable?: boolean; settings?: Record<string, string> } = {},
): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dmarc-lens-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout), 0);
  const data = join(dir, 'data');
  const stop = async (): Promise<void> => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      await run(...asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop'])).catch(() => {});
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    await run(
      ...asServerUser(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'dmarc', '-E', 'UTF8', '--no-sync']),
    );
    const options = [
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${durable ? 'on' : 'off'}`,
      ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
    ].join(' ');
    await run(
      ...asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', options, 'start']),
    );
    return { url: `postgres://dmarc@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
