// A throw-away Dovecot per test file: real IMAP behaviour (UIDs, IDLE, MOVE, special-use) instead of a mock.
// Everything lives in its own temp dir and on a free port, so test files can run side by side and next to
// a system Dovecot; the daemon runs in the foreground as our child and is killed with its whole group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';

const HOST = '127.0.0.1';
const INSTALL_COMMAND = 'apt-get install -y dovecot-imapd';
const READY_TIMEOUT_MS = 10_000;
const READY_POLL_MS = 50;
/** SIGTERM usually takes 10 ms to 1 s, under load now and then over 5 s; past this it is SIGKILL. */
const STOP_GRACE_MS = 2_000;
/** after SIGKILL, children need a moment to die; they hold the listening socket until then */
const GROUP_EXIT_TIMEOUT_MS = 5_000;
const GROUP_EXIT_POLL_MS = 10;
/** Another test file may grab the free port between our probe and Dovecot's bind. */
const START_ATTEMPTS = 3;
const APT_LOCK_TIMEOUT_S = 600;
const RESTART_RETRY_MS = 250;

/**
 * Dovecot 2.3's post-login capabilities. `imap_capability` replaces the list as a whole, so dropping one
 * (say IDLE, to exercise a polling fallback) means writing out the others.
 */
const DEFAULT_CAPABILITIES = [
  'IMAP4rev1', 'SASL-IR', 'LOGIN-REFERRALS', 'ID', 'ENABLE', 'IDLE', 'SORT', 'SORT=DISPLAY', 'THREAD=REFERENCES',
  'THREAD=REFS', 'THREAD=ORDEREDSUBJECT', 'MULTIAPPEND', 'URL-PARTIAL', 'CATENATE', 'UNSELECT', 'CHILDREN',
  'NAMESPACE', 'UIDPLUS', 'LIST-EXTENDED', 'I18NLEVEL=1', 'CONDSTORE', 'QRESYNC', 'ESEARCH', 'ESORT', 'SEARCHRES',
  'WITHIN', 'CONTEXT=SEARCH', 'LIST-STATUS', 'BINARY', 'MOVE', 'SNIPPET=FUZZY', 'PREVIEW=FUZZY', 'PREVIEW',
  'STATUS=SIZE', 'SAVEDATE', 'LITERAL+', 'NOTIFY', 'SPECIAL-USE',
];

const SPECIAL_USE_FOLDERS: Record<string, string> = {
  Sent: '\\Sent',
  Drafts: '\\Drafts',
  Trash: '\\Trash',
  Junk: '\\Junk',
};

export interface DovecotUser {
  user: string;
  password: string;
}

export interface DovecotOptions {
  /** default: one user `info@example.test` with a random password */
  users?: DovecotUser[];
  /** post-login capabilities to hide, e.g. ['IDLE'] to test a polling fallback, ['MOVE'] for COPY+EXPUNGE */
  dropCapabilities?: string[];
  /** default true: Sent, Drafts, Trash, Junk exist with their special-use flags; false: only INBOX */
  specialUseFolders?: boolean;
}

export interface StoredMessage {
  uid: number;
  /** without the session-bound \Recent, sorted */
  flags: string[];
  raw: Buffer;
}

export interface MailboxInfo {
  path: string;
  specialUse: string | null;
  subscribed: boolean;
}

export interface Dovecot {
  readonly host: string;
  readonly port: number;
  /** the first user's credentials */
  readonly user: string;
  readonly password: string;
  readonly users: DovecotUser[];
  /** the temp dir holding config, homes and the log */
  readonly dir: string;
  /** the master's pid (leader of the process group), null while stopped */
  readonly pid: number | null;
  /** options for `new ImapFlow(...)` / the transports, for the first user unless `user` is given */
  connection(user?: string): { host: string; port: number; secure: false; auth: { user: string; pass: string } };
  /** a connected inspection client; the caller logs it out */
  client(user?: string): Promise<ImapFlow>;
  /** APPEND; returns the new UID */
  append(mailbox: string, raw: Buffer | string, flags?: string[], user?: string): Promise<number>;
  /** all messages in `mailbox`, by UID, read without setting \Seen; throws when the mailbox does not exist */
  list(mailbox: string, user?: string): Promise<StoredMessage[]>;
  mailboxes(user?: string): Promise<MailboxInfo[]>;
  /** the Dovecot log so far (for assertions and failure messages) */
  logs(): string;
  /** ends every process (SIGKILL: the data goes anyway) and removes the temp dir; idempotent */
  stop(): Promise<void>;
  /** SIGKILL to the whole process group, data kept: simulates a crash; `restart()` brings it back */
  kill(): Promise<void>;
  /** graceful stop (SIGTERM, SIGKILL after STOP_GRACE_MS) if running, then start on the same port with the same data */
  restart(): Promise<void>;
}

/** Path of the dovecot binary; installs dovecot-imapd when allowed, throws when not. Never skips. */
export function ensureDovecot(): string {
  const found = findDovecot();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !commandExists('apt-get')) {
    throw new Error(`Dovecot is not installed; the IMAP tests need it. Install it with: ${INSTALL_COMMAND}`);
  }
  const apt = (args: string[]) =>
    spawnSync('apt-get', ['-o', `DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT_S}`, ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  // A fresh container has empty package lists; only then is the slow update worth it.
  const installed = apt(['install', '-y', 'dovecot-imapd']) || (apt(['update']) && apt(['install', '-y', 'dovecot-imapd']));
  const after = findDovecot();
  if (!installed || !after) {
    throw new Error(`Installing Dovecot failed; run it by hand: apt-get update && ${INSTALL_COMMAND}`);
  }
  return after;
}

function findDovecot(): string | null {
  for (const candidate of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) {
    if (existsSync(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim() : '';
  return found || null;
}

function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Dovecot's own accounts for everything that touches mail (as root); otherwise the current user. */
function accountIds(): { uid: number; gid: number; internalUser: string; loginUser: string; internalGroup: string | null } {
  if (process.getuid?.() !== 0) {
    const me = os.userInfo();
    // Unix sockets are chowned to default_internal_group ('dovecot'), which a normal user may not do.
    const group = readFileSync('/etc/group', 'utf8')
      .split('\n')
      .map((l) => l.split(':'))
      .find((f) => Number(f[2]) === me.gid)?.[0];
    return { uid: me.uid, gid: me.gid, internalUser: me.username, loginUser: me.username, internalGroup: group ?? String(me.gid) };
  }
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('dovecot:'));
  const fields = line?.split(':');
  if (!fields || fields.length < 4) throw new Error('Dovecot is installed but the system user "dovecot" is missing');
  return { uid: Number(fields[2]), gid: Number(fields[3]), internalUser: 'dovecot', loginUser: 'dovenull', internalGroup: null };
}

function configText(dir: string, port: number, ids: ReturnType<typeof accountIds>, opts: DovecotOptions): string {
  const dropped = new Set((opts.dropCapabilities ?? []).map((c) => c.toUpperCase()));
  const capabilities = dropped.size ? DEFAULT_CAPABILITIES.filter((c) => !dropped.has(c)) : null;
  const passwd = path.join(dir, 'passwd');
  return [
    `base_dir = ${path.join(dir, 'run')}`,
    `state_dir = ${path.join(dir, 'state')}`,
    `instance_name = test-${path.basename(dir)}`,
    `log_path = ${path.join(dir, 'dovecot.log')}`,
    'protocols = imap',
    `listen = ${HOST}`,
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    'mail_location = maildir:~/Maildir',
    // Test data is thrown away; fsync only slows the suite.
    'mail_fsync = never',
    `default_internal_user = ${ids.internalUser}`,
    `default_login_user = ${ids.loginUser}`,
    ...(ids.internalGroup ? [`default_internal_group = ${ids.internalGroup}`] : []),
    'first_valid_uid = 1',
    // Dovecot's default 2 s pause after a failed login would only slow the tests.
    'auth_failure_delay = 0',
    ...(capabilities ? [`imap_capability = ${capabilities.join(' ')}`] : []),
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN ${passwd}`,
    '}',
    'userdb {',
    '  driver = passwd-file',
    `  args = ${passwd}`,
    '}',
    'service imap-login {',
    '  chroot =',
    '  inet_listener imap {',
    `    address = ${HOST}`,
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    'service anvil {',
    '  chroot =',
    '}',
    'namespace inbox {',
    '  inbox = yes',
    ...(opts.specialUseFolders === false
      ? []
      : Object.entries(SPECIAL_USE_FOLDERS).flatMap(([name, flag]) => [
          `  mailbox ${name} {`,
          `    special_use = ${flag}`,
          '    auto = subscribe',
          '  }',
        ])),
    '}',
    '',
  ].join('\n');
}

/** Resolves once the server sends its greeting; rejects if the child dies or time runs out. */
async function waitForGreeting(port: number, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Dovecot exited during start-up (${child.exitCode ?? child.signalCode}):\n${logs()}`);
    }
    if (await greets(port)) return;
    if (Date.now() > deadline) throw new Error(`Dovecot did not greet on port ${port} within ${READY_TIMEOUT_MS} ms:\n${logs()}`);
    await new Promise((r) => setTimeout(r, READY_POLL_MS));
  }
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    let data = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      if (data.includes('\r\n')) done(data.startsWith('* OK'));
    });
  });
}

// A test that never calls stop() (it crashed, or forgot) must not leave daemons holding ports, nor temp
// dirs: both are cleaned up when the test process exits.
const liveGroups = new Set<number>();
const liveDirs = new Set<string>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const group of liveGroups) killGroup(group, 'SIGKILL');
    for (const dir of liveDirs) {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // a dying child may still be writing into it; /tmp gets cleaned eventually
      }
    }
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Whether a process group still has a live (non-zombie) member. Linux only; elsewhere assumes not. */
export function groupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // "pid (comm) state ppid pgrp ...": comm may contain spaces, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

async function groupGone(pgid: number): Promise<void> {
  const deadline = Date.now() + GROUP_EXIT_TIMEOUT_MS;
  while (groupAlive(pgid) && Date.now() < deadline) {
    killGroup(pgid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, GROUP_EXIT_POLL_MS));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  // The child is unref'd; while someone waits for its exit the process must stay up to see it.
  child.ref();
  return new Promise((resolve) =>
    child.once('exit', () => {
      child.unref();
      resolve();
    }),
  );
}

export async function startDovecot(opts: DovecotOptions = {}): Promise<Dovecot> {
  const binary = ensureDovecot();
  const users = opts.users?.length
    ? opts.users
    : [{ user: 'info@example.test', password: randomBytes(9).toString('base64url') }];
  const ids = accountIds();
  const isRoot = process.getuid?.() === 0;

  installExitHook();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aanmeldbot-dovecot-'));
  liveDirs.add(dir);
  // mkdtemp makes it 0700; Dovecot's unprivileged processes must be able to walk into it.
  await chmod(dir, 0o755);
  const homes = path.join(dir, 'home');
  await mkdir(homes, { mode: 0o755 });
  const passwdLines: string[] = [];
  for (const [i, u] of users.entries()) {
    if (/[:\n]/.test(u.user) || /[:\n]/.test(u.password)) throw new Error(`user or password contains ':' or a newline: ${u.user}`);
    const home = path.join(homes, `u${i}`);
    await mkdir(home, { mode: 0o700 });
    if (isRoot) await chown(home, ids.uid, ids.gid);
    passwdLines.push(`${u.user}:{PLAIN}${u.password}:${ids.uid}:${ids.gid}::${home}::`);
  }
  await writeFile(path.join(dir, 'passwd'), passwdLines.join('\n') + '\n', { mode: 0o644 });
  const configPath = path.join(dir, 'dovecot.conf');
  const logPath = path.join(dir, 'dovecot.log');
  const stderrPath = path.join(dir, 'stderr.log');
  const readIfThere = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const logs = () => readIfThere(stderrPath) + readIfThere(logPath);

  let port = 0;
  let child: ChildProcess | null = null;
  let removed = false;

  const launch = async (): Promise<void> => {
    await writeFile(configPath, configText(dir, port, ids, opts));
    // Fatal config errors go to stderr before log_path is in effect: keep them in a file, not a pipe
    // that would hold the test process open.
    const stderrFd = openSync(stderrPath, 'a');
    // detached: Dovecot leads its own process group, so one kill(-pid) also reaches imap/auth children.
    const proc = spawn(binary, ['-F', '-c', configPath], { detached: true, stdio: ['ignore', 'ignore', stderrFd] });
    closeSync(stderrFd);
    proc.unref();
    let spawnError: Error | null = null;
    // Without a listener a failed spawn would be an uncaught 'error' event.
    proc.on('error', (err) => {
      spawnError = err;
    });
    if (proc.pid === undefined) {
      await new Promise((r) => setImmediate(r));
      throw new Error(`could not start ${binary}: ${spawnError ?? 'no pid'}`);
    }
    liveGroups.add(proc.pid);
    // Forgotten only once the whole group is gone: see halt().
    child = proc;
    try {
      await waitForGreeting(port, proc, logs);
    } catch (err) {
      await halt('kill');
      throw err;
    }
  };

  /** Ends the server; resolves only when no process of its group is left (so the port is free again). */
  const halt = async (how: 'graceful' | 'kill'): Promise<void> => {
    const proc = child;
    if (!proc || proc.pid === undefined) return;
    const pid = proc.pid;
    child = null;
    if (how === 'graceful') {
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
      await exited(proc);
      clearTimeout(timer);
    }
    // Also after a graceful stop: imap processes still serving a client may outlive the master.
    killGroup(pid, 'SIGKILL');
    await exited(proc);
    await groupGone(pid);
    liveGroups.delete(pid);
  };

  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (err) {
      const portTaken = /Address already in use/.test(String(err));
      if (!portTaken || attempt >= START_ATTEMPTS) {
        await rm(dir, { recursive: true, force: true });
        liveDirs.delete(dir);
        throw err;
      }
    }
  }

  const credentials = (user?: string): DovecotUser => {
    const found = user === undefined ? users[0] : users.find((u) => u.user === user);
    if (!found) throw new Error(`no such test user: ${user}`);
    return found;
  };
  const connection = (user?: string) => {
    const u = credentials(user);
    return { host: HOST, port, secure: false as const, auth: { user: u.user, pass: u.password } };
  };
  const client = async (user?: string): Promise<ImapFlow> => {
    const c = new ImapFlow({ ...connection(user), logger: false, disableAutoIdle: true });
    // An unhandled 'error' event would take the whole test worker down.
    c.on('error', () => {});
    await c.connect();
    return c;
  };
  const withClient = async <T>(user: string | undefined, fn: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = await client(user);
    try {
      return await fn(c);
    } finally {
      await c.logout().catch(() => c.close());
    }
  };

  const server: Dovecot = {
    host: HOST,
    get port() {
      return port;
    },
    user: users[0]!.user,
    password: users[0]!.password,
    users,
    dir,
    get pid() {
      return child?.pid ?? null;
    },
    connection,
    client,
    append: (mailbox, raw, flags, user) =>
      withClient(user, async (c) => {
        const res = await c.append(mailbox, typeof raw === 'string' ? Buffer.from(raw) : raw, flags);
        if (!res || typeof res.uid !== 'number') throw new Error(`APPEND to ${mailbox} failed`);
        return res.uid;
      }),
    list: (mailbox, user) =>
      withClient(user, async (c) => {
        await c.mailboxOpen(mailbox, { readOnly: true });
        const rows = await c.fetchAll('1:*', { uid: true, flags: true, source: true }, { uid: true });
        return rows
          .map((m) => ({
            uid: m.uid,
            flags: [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort(),
            raw: m.source ?? Buffer.alloc(0),
          }))
          .sort((a, b) => a.uid - b.uid);
      }),
    mailboxes: (user) =>
      withClient(user, async (c) =>
        (await c.list()).map((l) => ({ path: l.path, specialUse: l.specialUse ?? null, subscribed: l.subscribed })),
      ),
    logs,
    stop: async () => {
      // The data is thrown away, so there is nothing to be graceful about (SIGTERM can take seconds).
      await halt('kill');
      if (!removed) {
        removed = true;
        await rm(dir, { recursive: true, force: true });
        liveDirs.delete(dir);
      }
    },
    kill: () => halt('kill'),
    restart: async () => {
      if (removed) throw new Error('restart() after stop(): the data is gone');
      await halt('graceful');
      for (let attempt = 1; ; attempt++) {
        try {
          await launch();
          return;
        } catch (err) {
          // A client's connection in TIME_WAIT does not block the bind, but a stranger may have taken the port.
          if (!/Address already in use/.test(String(err)) || attempt >= START_ATTEMPTS) throw err;
          await new Promise((r) => setTimeout(r, RESTART_RETRY_MS));
        }
      }
    },
  };
  return server;
}

export interface TestMailOptions {
  messageId?: string;
  from?: string;
  to?: string;
  subject?: string;
  body?: string;
  /** pad the body to about this many bytes */
  size?: number;
  headers?: Record<string, string>;
}

let mailCounter = 0;

/** A small RFC 5322 message with CRLF line ends (what IMAP stores and returns). */
export function testMail(opts: TestMailOptions = {}): Buffer {
  mailCounter += 1;
  const id = opts.messageId ?? `test-${process.pid}-${Date.now()}-${mailCounter}@example.test`;
  const lines = [
    `From: ${opts.from ?? 'Deelnemer <deelnemer@example.org>'}`,
    `To: ${opts.to ?? 'info@example.test'}`,
    `Subject: ${opts.subject ?? `Aanmelding ${mailCounter}`}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...Object.entries(opts.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    '',
    opts.body ?? 'Graag meld ik mij aan.',
  ];
  let text = lines.join('\r\n') + '\r\n';
  if (opts.size && opts.size > text.length) {
    const line = 'x'.repeat(76) + '\r\n';
    text += line.repeat(Math.ceil((opts.size - text.length) / line.length));
  }
  return Buffer.from(text);
}
