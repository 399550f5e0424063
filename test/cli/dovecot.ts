// A real Dovecot IMAP server for the fetch tests: Debian's binary, started on a free local port with its whole
// configuration, state and mail (Maildir) in a temporary folder; no system service is touched. One user, `reports`,
// whose password is in a passwd-file. Plain IMAP on 127.0.0.1 (ssl = no: fetch is run with --insecure), or with `tls`
// IMAP over TLS (imaps) with the certificate and key given.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const DOVECOT = '/usr/sbin/dovecot';
export const dovecotInstalled = existsSync(DOVECOT);

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  /** Ends the server (its connections with it) and starts it again on the same port with the same mail. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface DovecotOptions {
  /** PEM files: the server then speaks IMAP over TLS only (imaps) on its port. */
  tls?: { cert: string; key: string };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether the server answers on `port` (its greeting, over TLS when `secure`). */
function accepts(port: number, secure: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = secure
      ? tlsConnect({ port, host: '127.0.0.1', rejectUnauthorized: false })
      : connect(port, '127.0.0.1');
    socket.once('data', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Dovecot's user ids for `uid`: as root it must hand its login and mail processes to the users Debian made. */
function accounts(): { login: string; internal: string; group: string; mailUid: string; mailGid: string } {
  if (process.getuid?.() === 0) {
    return { login: 'dovenull', internal: 'dovecot', group: 'dovecot', mailUid: 'dovecot', mailGid: 'dovecot' };
  }
  const me = userInfo().username;
  const gid = String(process.getgid?.() ?? 0);
  return { login: me, internal: me, group: gid, mailUid: me, mailGid: gid };
}

export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'dmarc-lens-dovecot-'));
  // The mail processes run as Dovecot's own user when the test runs as root: they must reach the mail folder.
  chmodSync(dir, 0o755);
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  const port = await freePort();
  const user = 'reports';
  const password = 'report-reader';
  const who = accounts();
  if (process.getuid?.() === 0) {
    const dovecotIds = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((line) => line.startsWith('dovecot:'))
      ?.split(':');
    if (dovecotIds) chownSync(mail, Number(dovecotIds[2]), Number(dovecotIds[3]));
  }
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  const config = join(dir, 'dovecot.conf');
  writeFileSync(
    config,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
instance_name = dmarc-lens-test-${port}
protocols = imap
listen = 127.0.0.1
${options.tls ? `ssl = required\nssl_cert = <${options.tls.cert}\nssl_key = <${options.tls.key}` : 'ssl = no'}
disable_plaintext_auth = no
auth_mechanisms = plain
mail_location = maildir:${mail}/%u
default_internal_user = ${who.internal}
default_internal_group = ${who.group}
default_login_user = ${who.login}
first_valid_uid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${who.mailUid} gid=${who.mailGid} home=${mail}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${options.tls ? 0 : port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${options.tls ? port : 0}
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  let child: ChildProcess;
  const start = async (): Promise<void> => {
    // A process group of its own: ending it ends the mail processes serving open connections too.
    child = spawn(DOVECOT, ['-F', '-c', config], { stdio: 'ignore', detached: true });
    const deadline = Date.now() + 15_000;
    while (!(await accepts(port, options.tls !== undefined))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        const log = existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
        child.kill();
        throw new Error(`Dovecot did not start on port ${port}:\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const end = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  await start();
  return {
    port,
    user,
    password,
    async restart() {
      await end();
      await start();
    },
    async stop() {
      await end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
