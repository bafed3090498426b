// Building imapflow clients with the timeouts this bot relies on, and turning imapflow's errors into
// TransportErrors. The only module besides imap-source/imap-sent that knows imapflow.
import type { ConnectionOptions } from 'node:tls';
import { ImapFlow, type Logger } from 'imapflow';
import { TransportError } from './types.ts';

/** imapflow's default is 5 minutes; a half-open connection would leave the bot deaf that long. */
export const SOCKET_TIMEOUT_MS = 30_000;
export const CONNECTION_TIMEOUT_MS = 30_000;
export const GREETING_TIMEOUT_MS = 16_000;
/**
 * imapflow starts IDLE only after this much quiet (its default is 15 s, during which new mail goes
 * unnoticed). Short, because the source issues commands in bursts and then waits.
 */
export const AUTO_IDLE_DELAY_MS = 200;
/** how long a graceful LOGOUT may take before the socket is simply closed */
export const LOGOUT_TIMEOUT_MS = 5_000;

export interface ImapConnectionOptions {
  host: string;
  port: number;
  /** implicit TLS (port 993); otherwise STARTTLS when offered, see `requireTLS` */
  secure?: boolean;
  /** refuse to log in over a connection that could not be upgraded to TLS */
  requireTLS?: boolean;
  auth: { user: string; pass: string };
  tls?: ConnectionOptions;
  socketTimeoutMs?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  autoIdleDelayMs?: number;
  /** imapflow logger (pino-like); default: none. imapflow masks credentials in what it logs. */
  logger?: Logger | false;
  /** client id in imapflow's logs */
  id?: string;
}

/** imapflow and Node codes that mean the connection is gone or was never there. */
const CONNECTION_ERROR_CODES = new Set([
  'NoConnection', 'EConnectionClosed', 'StateLogout', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS',
  'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'ETIMEDOUT', 'ECONNREFUSED',
  'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ProxyError',
  'EPROXY', 'InstanceReused',
]);

/** A client that is not yet connected; `error` events are swallowed (failures surface through commands and `close`). */
export function createImapClient(opts: ImapConnectionOptions, extra: { disableAutoIdle?: boolean } = {}): ImapFlow {
  const client = new ImapFlow({
    host: opts.host,
    port: opts.port,
    secure: opts.secure ?? false,
    ...(opts.requireTLS ? { doSTARTTLS: true } : {}),
    auth: { user: opts.auth.user, pass: opts.auth.pass },
    ...(opts.tls ? { tls: opts.tls } : {}),
    socketTimeout: opts.socketTimeoutMs ?? SOCKET_TIMEOUT_MS,
    connectionTimeout: opts.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
    greetingTimeout: opts.greetingTimeoutMs ?? GREETING_TIMEOUT_MS,
    autoIdleDelay: opts.autoIdleDelayMs ?? AUTO_IDLE_DELAY_MS,
    disableAutoIdle: extra.disableAutoIdle ?? false,
    logger: opts.logger ?? false,
    ...(opts.id ? { id: opts.id } : {}),
  });
  // imapflow emits 'error' on socket failures; without a listener Node would crash the process.
  client.on('error', () => {});
  return client;
}

/** Connects; a refused login becomes TransportError 'IMAP_AUTH', any other failure 'IMAP_CONNECTION'. */
export async function connectImap(client: ImapFlow, opts: ImapConnectionOptions): Promise<void> {
  try {
    await client.connect();
  } catch (err) {
    client.close();
    const refused = (err as { authenticationFailed?: boolean } | null)?.authenticationFailed === true;
    const hint = refused ? ' (check IMAP_USER and IMAP_PASSWORD)' : '';
    throw new TransportError(refused ? 'IMAP_AUTH' : 'IMAP_CONNECTION', `IMAP connect to ${opts.host}:${opts.port} as ${opts.auth.user} failed: ${describe(err)}${hint}`, {
      cause: err,
    });
  }
}

export function isClientUsable(client: ImapFlow | null): client is ImapFlow {
  return !!client && client.usable && !client.isClosed;
}

/** `what` names the operation, e.g. 'UID MOVE to Verwerkt'. */
export function toTransportError(err: unknown, what: string, client: ImapFlow | null): TransportError {
  if (err instanceof TransportError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const lost = !isClientUsable(client) || (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code));
  return new TransportError(lost ? 'IMAP_CONNECTION' : 'IMAP_COMMAND', `${what}: ${describe(err)}`, { cause: err });
}

export function connectionLost(what: string): TransportError {
  return new TransportError('IMAP_CONNECTION', `${what}: IMAP connection is closed`);
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as Error & { code?: string; responseText?: string; serverResponseCode?: string };
  const parts = [e.message];
  if (e.responseText && !e.message.includes(e.responseText)) parts.push(e.responseText);
  if (e.serverResponseCode) parts.push(`[${e.serverResponseCode}]`);
  if (e.code) parts.push(`(${e.code})`);
  return parts.join(' ');
}

/** LOGOUT, but never hang on a dead server. */
export async function logoutQuietly(client: ImapFlow | null): Promise<void> {
  if (!client || client.isClosed) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.logout(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, LOGOUT_TIMEOUT_MS);
        timer.unref();
      }),
    ]);
  } catch {
    // closing anyway
  } finally {
    clearTimeout(timer);
    client.close();
  }
}

/** Compact UID set for commands: [1,2,3,7,9,10] -> '1:3,7,9:10'. */
export function uidSet(uids: number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
