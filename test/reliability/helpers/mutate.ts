// Mutations of real mail for the fuzz tests: the kinds of damage mail really arrives with (broken clients,
// broken relays, truncation, hostile senders), applied to the real robot corpus and the person fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Rng } from './rng.ts';

const REPO = resolve(import.meta.dirname, '..', '..', '..');
export const ROBOT_DIR = resolve(REPO, '..', 'shared', 'corpus', 'robots');
export const PERSON_DIR = join(REPO, 'test', 'fixtures', 'classify');

export interface CorpusMail {
  name: string;
  kind: 'robot' | 'person';
  raw: Buffer;
}

export function loadCorpus(): CorpusMail[] {
  const read = (dir: string, kind: CorpusMail['kind']) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .map((f) => ({ name: `${kind}/${f}`, kind, raw: readFileSync(join(dir, f)) }));
  const robots = read(ROBOT_DIR, 'robot');
  const people = read(PERSON_DIR, 'person');
  if (robots.length < 100 || people.length < 100) {
    throw new Error(`corpus too small: ${robots.length} robot mails in ${ROBOT_DIR}, ${people.length} person mails in ${PERSON_DIR}`);
  }
  return [...robots, ...people];
}

// ---- header block helpers (byte-safe: latin1 maps every byte to one char and back) ----

interface Split {
  head: string;
  sep: string;
  body: string;
}

function split(raw: Buffer): Split {
  const text = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { head: text, sep: '', body: '' };
  return { head: text.slice(0, m.index), sep: m[0], body: text.slice(m.index + m[0].length) };
}

const join3 = (s: Split) => Buffer.from(s.head + s.sep + s.body, 'latin1');
const eol = (s: Split) => (s.head.includes('\r\n') ? '\r\n' : '\n');

/** Header fields with their folded continuation lines. */
function fields(head: string): string[] {
  const lines = head.split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && out.length) out[out.length - 1] += `\r\n${line}`;
    else out.push(line);
  }
  return out;
}

const nameOf = (field: string) => field.slice(0, Math.max(0, field.indexOf(':'))).trim().toLowerCase();

function withFields(s: Split, change: (f: string[]) => string[]): Buffer {
  return join3({ ...s, head: change(fields(s.head)).join(eol(s)) });
}

/** Gives the mail a Message-ID of its own (so decide() reads it instead of answering "duplicate"). */
export function withUniqueMessageId(raw: Buffer, id: string): Buffer {
  const s = split(raw);
  const f = fields(s.head).filter((x) => nameOf(x) !== 'message-id');
  f.splice(Math.min(1, f.length), 0, `Message-ID: <${id}>`);
  return join3({ ...s, head: f.join(eol(s)) });
}

// ---- mutators ----

export interface Limits {
  /** longest single line the longLine mutation makes (default 1.5 MB) */
  longLineMax: number;
  /** most addresses the manyAddresses mutation puts in one header (default 6,000) */
  addressesMax: number;
}

export const DEFAULT_LIMITS: Limits = { longLineMax: 1_500_000, addressesMax: 6_000 };

export type Mutator = (raw: Buffer, r: Rng, corpus: CorpusMail[], limits: Limits) => Buffer;

const flipBytes: Mutator = (raw, r) => {
  const out = Buffer.from(raw);
  const n = r.int(1, 24);
  for (let i = 0; i < n && out.length; i++) out[r.int(0, out.length - 1)] = r.int(0, 255);
  return out;
};

const truncate: Mutator = (raw, r) => {
  const s = split(raw);
  // Often inside the header block or right at a boundary: where a parser is most likely to trip.
  const at = r.chance(0.4) ? r.int(0, s.head.length) : r.int(0, raw.length);
  return raw.subarray(0, at);
};

const duplicateHeader: Mutator = (raw, r) =>
  withFields(split(raw), (f) => {
    if (!f.length) return f;
    const interesting = f.filter((x) => /^(from|message-id|content-type|subject|to|in-reply-to|references|content-transfer-encoding|date|mime-version|reply-to|auto-submitted)\s*:/i.test(x));
    const pick = interesting.length && r.chance(0.8) ? r.pick(interesting) : r.pick(f);
    const copies = r.int(1, 5);
    const out = [...f];
    for (let i = 0; i < copies; i++) {
      let copy = pick;
      if (r.chance(0.5)) {
        // A second, different value: From with another person, Content-Type with another boundary.
        copy = copy
          .replace(/[\w.+-]+@[\w.-]+/g, (a) => `other${i}.${a}`)
          .replace(/boundary="?([^";\s]+)"?/i, (_m, b: string) => `boundary="${b}x${i}"`)
          .replace(/<([^>]*)>/g, (_m, id: string) => `<dup${i}.${id}>`);
      }
      out.splice(r.int(0, out.length), 0, copy);
    }
    return out;
  });

const boundaryDamage: Mutator = (raw, r) => {
  const s = split(raw);
  const m = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(s.head + s.body);
  if (!m) {
    // No multipart: make it claim to be one.
    return withFields(s, (f) => [...f.filter((x) => nameOf(x) !== 'content-type'), 'Content-Type: multipart/mixed; boundary="missing-boundary"']);
  }
  const b = m[1]!.trim();
  const esc = b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  switch (r.int(0, 5)) {
    case 0: // no closing delimiter
      return join3({ ...s, body: s.body.replace(new RegExp(`--${esc}--`, 'g'), '') });
    case 1: // some delimiters slightly off
      return join3({ ...s, body: s.body.replace(new RegExp(`--${esc}`, 'g'), (d) => (r.chance(0.5) ? `${d.slice(0, -1)}#` : d)) });
    case 2: // header names a boundary the body never uses
      return join3({ ...s, head: s.head.replace(b, `${b}-nowhere`) });
    case 3: // empty boundary
      return join3({ ...s, head: s.head.replace(/boundary\s*=\s*"?[^";\r\n]+"?/i, 'boundary=""') });
    case 4: { // stray delimiters in random places
      const lines = s.body.split(/\r?\n/);
      for (let i = r.int(1, 20); i > 0; i--) lines.splice(r.int(0, lines.length), 0, r.chance(0.5) ? `--${b}` : `--${b}--`);
      return join3({ ...s, body: lines.join('\r\n') });
    }
    default: // all delimiters gone
      return join3({ ...s, body: s.body.replace(new RegExp(`--${esc}(--)?`, 'g'), '') });
  }
};

const hugeHeaderCount: Mutator = (raw, r) => {
  const n = r.int(1_000, 12_000);
  const kind = r.int(0, 4);
  const make = (i: number) =>
    kind === 0 ? `X-Filler-${i}: value ${i}`
    : kind === 1 ? `Received: from relay${i}.example.net (relay${i}.example.net [10.0.${i % 256}.${i % 200}]) by mx.example.org; Thu, 26 Nov 2026 10:00:00 +0000`
    : kind === 2 ? `To: person${i}@example.org`
    : kind === 3 ? `References: <ref${i}@example.org>`
    : `Comments: =?utf-8?B?${Buffer.from(`opmerking ${i} é`).toString('base64')}?=`;
  return withFields(split(raw), (f) => {
    const block = Array.from({ length: n }, (_, i) => make(i));
    const at = r.chance(0.5) ? 0 : f.length;
    return [...f.slice(0, at), ...block, ...f.slice(at)];
  });
};

const nulBytes: Mutator = (raw, r) => {
  const at = Array.from({ length: r.int(1, 60) }, () => r.int(0, raw.length)).sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let prev = 0;
  for (const p of at) {
    pieces.push(raw.subarray(prev, p), Buffer.from([0]));
    prev = p;
  }
  pieces.push(raw.subarray(prev));
  const out = Buffer.concat(pieces);
  if (r.chance(0.3)) for (let i = 0; i < out.length; i++) if (out[i] === 0x0a && r.chance(0.1)) out[i] = 0;
  return out;
};

const BAD_CHARSETS = ['x-bogus', 'utf-7', 'utf-16', 'utf-32', 'iso-2022-jp', 'unknown-8bit', '', 'utf-8"; x="', 'windows-9999', '../../etc/passwd', 'us-ascii\u0000', 'gb18030', 'ibm037'];

const invalidCharset: Mutator = (raw, r) => {
  const s = split(raw);
  const cs = r.pick(BAD_CHARSETS);
  let text = (s.head + s.sep + s.body).replace(/charset\s*=\s*"?[\w.:-]+"?/gi, () => (r.chance(0.7) ? `charset="${cs}"` : `charset=${r.pick(BAD_CHARSETS)}`));
  if (r.chance(0.6)) {
    // Encoded words with unknown charsets and broken payloads in the headers people and robots read.
    const bad = `=?${r.pick(BAD_CHARSETS) || 'x'}?${r.pick(['B', 'Q', 'X'])}?${r.pick(['////', '=ZZ=00', 'w4k=', '%%%', Buffer.from(r.bytes(12)).toString('base64')])}?=`;
    text = text.replace(/^(Subject|From|To):[^\r\n]*/im, (line) => `${line} ${bad}`);
  }
  // A body in bytes the declared charset cannot hold.
  if (r.chance(0.5)) text += Buffer.from(r.bytes(r.int(16, 400))).toString('latin1');
  return Buffer.from(text, 'latin1');
};

const deleteHeaders: Mutator = (raw, r) => {
  const sets = [['from'], ['message-id'], ['from', 'message-id'], ['content-type'], ['date'], ['mime-version', 'content-type', 'content-transfer-encoding'], ['from', 'sender', 'reply-to', 'return-path']];
  const drop = new Set(r.pick(sets));
  if (r.chance(0.05)) return Buffer.from(split(raw).body, 'latin1'); // no header block at all
  return withFields(split(raw), (f) => f.filter((x) => !drop.has(nameOf(x))));
};

const transferEncodingDamage: Mutator = (raw, r) => {
  const s = split(raw);
  const cte = r.pick(['base64', 'quoted-printable', 'x-uuencode', '8bit', 'binary', 'bogus']);
  const head = /content-transfer-encoding:/i.test(s.head)
    ? s.head.replace(/content-transfer-encoding:[^\r\n]*/gi, `Content-Transfer-Encoding: ${cte}`)
    : `${s.head}${eol(s)}Content-Transfer-Encoding: ${cte}`;
  let body = s.body;
  if (r.chance(0.5)) body = body.replace(/[A-Za-z0-9+/]{8}/g, (w) => (r.chance(0.05) ? `${w}=!*` : w));
  if (r.chance(0.3)) body += '=\r\n=Z=0=\r\n====';
  return join3({ ...s, head, body });
};

const headerInjection: Mutator = (raw, r) => {
  // Encoded words that decode to CR/LF plus a header: must never become a header of our reply.
  const tag = r.int(0, 1e9);
  const evil = `=?utf-8?Q?Anna${tag}=0D=0ABcc:_victim@evil.example=0D=0AX-Injected:_yes?=`;
  const evilB = `=?utf-8?B?${Buffer.from(`x${tag}\r\nBcc: victim@evil.example\r\nX-Injected: yes`).toString('base64')}?=`;
  const target = r.pick(['subject', 'from', 'message-id', 'references', 'in-reply-to']);
  return withFields(split(raw), (f) => {
    const word = r.chance(0.5) ? evil : evilB;
    const line =
      target === 'subject' ? `Subject: Aanmelding ${word}`
      : target === 'from' ? `From: "${word}" <anna.inject@example.org>`
      : target === 'message-id' ? `Message-ID: <${word}@example.org>`
      : target === 'references' ? `References: <a@example.org> ${word}`
      : `In-Reply-To: <${word}>`;
    return [...f.filter((x) => nameOf(x) !== target), line];
  });
};

const longLine: Mutator = (raw, r, _corpus, limits) => {
  const s = split(raw);
  const n = r.int(Math.min(100_000, limits.longLineMax / 2), limits.longLineMax);
  const filler = r.pick(['a', 'ab ', 'meld mij aan ', '<', '> ', '=', '\t', 'é']);
  const long = filler.repeat(Math.ceil(n / filler.length)).slice(0, n);
  if (r.chance(0.5)) return withFields(s, (f) => [...f.filter((x) => nameOf(x) !== 'subject'), `Subject: ${long}`]);
  return join3({ ...s, body: `${long}\r\n${s.body}` });
};

const deepNesting: Mutator = (raw, r) => {
  const s = split(raw);
  const depth = r.int(20, 400);
  let body = s.body;
  let ct = (fields(s.head).find((x) => nameOf(x) === 'content-type') ?? 'Content-Type: text/plain').replace(/\r\n/g, '');
  for (let i = 0; i < depth; i++) {
    const b = `nest${i}`;
    body = `--${b}\r\n${ct}\r\n\r\n${body}\r\n--${b}--\r\n`;
    ct = `Content-Type: multipart/mixed; boundary="${b}"`;
  }
  return join3({ head: fields(s.head).filter((x) => nameOf(x) !== 'content-type').concat(ct).join(eol(s)), sep: s.sep || '\r\n\r\n', body });
};

const splice: Mutator = (raw, r, corpus) => {
  const other = split(r.pick(corpus).raw);
  return join3({ ...split(raw), body: other.body });
};

const lineEndings: Mutator = (raw, r) => {
  const text = raw.toString('latin1');
  const mode = r.int(0, 2);
  return Buffer.from(mode === 0 ? text.replace(/\r\n/g, '\r') : mode === 1 ? text.replace(/\r?\n/g, '\n') : text.replace(/\r?\n/g, () => r.pick(['\r\n', '\n', '\r', '\n\r'])), 'latin1');
};

const manyAddresses: Mutator = (raw, r, _corpus, limits) =>
  withFields(split(raw), (f) => {
    const n = r.int(Math.min(500, Math.ceil(limits.addressesMax / 2)), limits.addressesMax);
    const list = Array.from({ length: n }, (_, i) => `"Persoon ${i}" <p${i}@example.org>`).join(', ');
    const which = r.pick(['To', 'Cc', 'From', 'Reply-To']);
    return [...f.filter((x) => nameOf(x) !== which.toLowerCase()), `${which}: ${list}`];
  });

const manyParts: Mutator = (raw, r) => {
  const s = split(raw);
  const n = r.int(200, 2_000);
  const parts = Array.from({ length: n }, (_, i) => `--many\r\nContent-Type: ${r.pick(['text/plain', 'message/rfc822', 'text/html', 'application/octet-stream'])}\r\nContent-Disposition: attachment; filename="f${i}.txt"\r\n\r\nmeld mij aan ${i}\r\n`).join('');
  const head = fields(s.head).filter((x) => nameOf(x) !== 'content-type').concat('Content-Type: multipart/mixed; boundary="many"').join(eol(s));
  return join3({ head, sep: '\r\n\r\n', body: `--many\r\nContent-Type: text/plain\r\n\r\n${s.body}\r\n${parts}--many--\r\n` });
};

const garbage: Mutator = (_raw, r) => r.bytes(r.int(0, 20_000));

export const MUTATORS: Record<string, { fn: Mutator; weight: number }> = {
  flipBytes: { fn: flipBytes, weight: 10 },
  truncate: { fn: truncate, weight: 8 },
  duplicateHeader: { fn: duplicateHeader, weight: 8 },
  boundaryDamage: { fn: boundaryDamage, weight: 8 },
  hugeHeaderCount: { fn: hugeHeaderCount, weight: 2 },
  nulBytes: { fn: nulBytes, weight: 6 },
  invalidCharset: { fn: invalidCharset, weight: 7 },
  deleteHeaders: { fn: deleteHeaders, weight: 7 },
  transferEncodingDamage: { fn: transferEncodingDamage, weight: 5 },
  headerInjection: { fn: headerInjection, weight: 5 },
  longLine: { fn: longLine, weight: 1 },
  deepNesting: { fn: deepNesting, weight: 2 },
  splice: { fn: splice, weight: 4 },
  lineEndings: { fn: lineEndings, weight: 4 },
  manyAddresses: { fn: manyAddresses, weight: 2 },
  manyParts: { fn: manyParts, weight: 1 },
  garbage: { fn: garbage, weight: 1 },
};

function pickWeighted(r: Rng): string {
  const entries = Object.entries(MUTATORS);
  const total = entries.reduce((n, [, m]) => n + m.weight, 0);
  let x = r.next() * total;
  for (const [name, m] of entries) {
    x -= m.weight;
    if (x < 0) return name;
  }
  return entries[entries.length - 1]![0];
}

export interface FuzzCase {
  index: number;
  source: string;
  mutations: string[];
  raw: Buffer;
}

/** Case `index` of a seeded run: a corpus mail with its own Message-ID, then 1-3 mutations. */
export function makeCase(corpus: CorpusMail[], r: Rng, index: number, limits: Limits = DEFAULT_LIMITS): FuzzCase {
  const base = r.pick(corpus);
  let raw = withUniqueMessageId(base.raw, `fuzz-${r.seed}-${index}@fuzz.example.org`);
  const mutations: string[] = [];
  for (let i = r.int(1, 3); i > 0; i--) {
    const name = pickWeighted(r);
    mutations.push(name);
    raw = MUTATORS[name]!.fn(raw, r, corpus, limits);
  }
  return { index, source: base.name, mutations, raw };
}
