// One line per event. Text for people at a console, JSON for log collectors. Never pass secrets in.
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

function textValue(v: unknown): string {
  const s = String(v);
  return /[\s"=]/.test(s) ? JSON.stringify(s) : s;
}

/** Flush buffered log lines at this size even within one tick. */
const MAX_BUFFERED_LOG_CHARS = 64 * 1024;

/**
 * Lines of one event-loop turn go to stdout in one write: in a rush the worker logs two lines per mail, and
 * a write per line cost about 3% of its time (each is a system call on a pipe). What a SIGKILL catches in
 * the buffer (one turn's lines at most) is lost; an ordinary exit writes it out.
 */
function bufferedStdout(): (line: string) => void {
  let pending: string[] = [];
  let chars = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    chars = 0;
    process.stdout.write(text);
  };
  process.on('exit', flush);
  return (line) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(`${line}\n`);
    chars += line.length + 1;
    if (chars >= MAX_BUFFERED_LOG_CHARS) flush();
  };
}

export function createLogger(format: 'text' | 'json', write: (line: string) => void = bufferedStdout()): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}) => {
    const at = new Date().toISOString();
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (format === 'json') write(JSON.stringify({ at, level, event, ...clean }));
    else write(`${at} ${level === 'info' ? '' : `${level.toUpperCase()} `}${event}${Object.entries(clean).map(([k, v]) => ` ${k}=${textValue(v)}`).join('')}`);
  };
  return {
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
