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

export function createLogger(format: 'text' | 'json', write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Logger {
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
