// Backoff for rebuilding connections (imapflow clients never reconnect themselves). Pure timing rules
// plus a small loop; the worker decides what "one session" is.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;
/** a session that lasted this long counts as a success: the next failure starts the backoff over */
export const STABLE_SESSION_MS = 60_000;

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /**
   * Returns [0, 1). When given, the delay is drawn between half and the full value so a fleet that
   * lost the same server does not come back in lockstep. Without it the result is deterministic.
   */
  random?: () => number;
}

/** Delay before reconnect attempt `attempt` (0 = first retry): base * 2^attempt, capped. */
export function backoffDelayMs(attempt: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? BACKOFF_BASE_MS;
  const cap = opts.capMs ?? BACKOFF_CAP_MS;
  const n = Number.isNaN(attempt) ? 0 : Math.max(0, Math.floor(attempt));
  // 2^n overflows to Infinity long after the cap; min() keeps it finite.
  const full = Math.min(cap, base * 2 ** Math.min(n, 52));
  if (!opts.random) return full;
  return Math.round(full / 2 + (full / 2) * opts.random());
}

export interface ReconnectOptions<T> {
  /** builds and opens one connection (e.g. `imapSourceFactory(opts)`) */
  connect: () => Promise<T>;
  /** uses it until it fails (throw) or the work is done (return) */
  session: (conn: T) => Promise<void>;
  /** closes it, after a failure too; errors are ignored */
  close: (conn: T) => Promise<void>;
  signal: AbortSignal;
  /** told about every failure, before waiting `delayMs` */
  onError?: (err: unknown, attempt: number, delayMs: number) => void;
  backoff?: BackoffOptions;
  /** injectable clock for tests */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Connect, run a session, and on failure wait with backoff and do it again, until `signal` aborts or a
 * session returns normally. A session that ran STABLE_SESSION_MS or longer resets the backoff.
 */
export async function withReconnect<T>(opts: ReconnectOptions<T>): Promise<void> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? abortableSleep;
  let attempt = 0;
  while (!opts.signal.aborted) {
    let conn: T | undefined;
    let started = now();
    try {
      conn = await opts.connect();
      started = now();
      await opts.session(conn);
      await opts.close(conn).catch(() => {});
      return;
    } catch (err) {
      if (conn !== undefined) await opts.close(conn).catch(() => {});
      if (opts.signal.aborted) return;
      if (conn !== undefined && now() - started >= STABLE_SESSION_MS) attempt = 0;
      const delay = backoffDelayMs(attempt, opts.backoff);
      opts.onError?.(err, attempt, delay);
      attempt += 1;
      await sleep(delay, opts.signal);
    }
  }
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
