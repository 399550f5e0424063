// A real Dovecot IMAP server for the fetch tests: Debian's binary, started on a free local port with its whole
// configuration, state and mail (Maildir) in a temporary folder; no system service is touched. One user, `reports`,
// whose password is in a passwd-file. Plain IMAP on 127.0.0.1 only (ssl = no): fetch is run with --insecure.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const DOVECOT = '/usr/sbin/dovecot';
export const dovecotInstalled = existsSync(DOVECOT);

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
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

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
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

export async function startDovecot(): Promise<Dovecot> {
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
ssl = no
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
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', config], { stdio: 'ignore' });
  const deadline = Date.now() + 15_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
      child.kill();
      throw new Error(`Dovecot did not start on port ${port}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    user,
    password,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
