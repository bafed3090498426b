// db.json is rewritten whole after every batch, and with 20,000 registrations half the cost of a write was
// JSON.stringify and UTF-8 encoding of records that had not changed since the last write. The state's
// records are never changed in place (apply.ts replaces them with new objects), so each record's bytes
// are kept per object and only new objects are encoded. The output is byte for byte JSON.stringify(state).
//
// A record whose bytes are kept is frozen: should any code ever change one in place, it throws (ESM is
// strict mode) instead of the old bytes being written silently.

const bytesOf = new WeakMap<object, Buffer>();

/** Arrays and maps with fewer members are simply stringified: caching them saves nothing. */
const MIN_MEMBERS_TO_CACHE = 64;

const OPEN_ARRAY = Buffer.from('[');
const CLOSE_ARRAY = Buffer.from(']');
const OPEN_OBJECT = Buffer.from('{');
const CLOSE_OBJECT = Buffer.from('}');
const COMMA = Buffer.from(',');

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const member of Object.values(value)) deepFreeze(member);
}

function isRecord(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

function cached(value: object): Buffer {
  let bytes = bytesOf.get(value);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(value));
    deepFreeze(value);
    bytesOf.set(value, bytes);
  }
  return bytes;
}

function plain(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value) ?? 'null');
}

/** Members per cached run: few enough to re-encode quickly when one changes, many enough to join fast. */
const CHUNK_MEMBERS = 256;

interface Chunk {
  /** the members (and, for maps, their keys) the bytes were made from */
  members: unknown[];
  keys: string[] | null;
  bytes: Buffer;
}
/** Chunks by their first member, apart for arrays and maps; valid only while every member (and key) is the same. */
const arrayChunks = new WeakMap<object, Chunk>();
const mapChunks = new WeakMap<object, Chunk>();

function sameRun(chunk: Chunk, members: unknown[], keys: string[] | null): boolean {
  if (chunk.members.length !== members.length) return false;
  for (let i = 0; i < members.length; i++) if (chunk.members[i] !== members[i] || (keys && chunk.keys![i] !== keys[i])) return false;
  return true;
}

/** The JSON of a run of members, joined by commas, from cache when nothing in the run changed. */
function runBytes(members: unknown[], keys: string[] | null, encode: () => Buffer[]): Buffer {
  const head = members[0];
  if (!isRecord(head)) return Buffer.concat(encode());
  const chunks = keys ? mapChunks : arrayChunks;
  const chunk = chunks.get(head);
  if (chunk && sameRun(chunk, members, keys)) return chunk.bytes;
  const bytes = Buffer.concat(encode());
  chunks.set(head, { members, keys, bytes });
  return bytes;
}

function arrayParts(items: unknown[], out: Buffer[]): void {
  out.push(OPEN_ARRAY);
  for (let start = 0; start < items.length; start += CHUNK_MEMBERS) {
    const run = items.slice(start, start + CHUNK_MEMBERS);
    if (start > 0) out.push(COMMA);
    out.push(
      runBytes(run, null, () =>
        run.flatMap((item, i) => {
          // JSON.stringify writes undefined and functions in arrays as null.
          const bytes = isRecord(item) ? cached(item) : plain(item === undefined || typeof item === 'function' ? null : item);
          return i > 0 ? [COMMA, bytes] : [bytes];
        }),
      ),
    );
  }
  out.push(CLOSE_ARRAY);
}

function mapParts(map: Record<string, unknown>, out: Buffer[]): void {
  out.push(OPEN_OBJECT);
  const entries = Object.entries(map).filter(([, value]) => value !== undefined && typeof value !== 'function');
  for (let start = 0; start < entries.length; start += CHUNK_MEMBERS) {
    const run = entries.slice(start, start + CHUNK_MEMBERS);
    if (start > 0) out.push(COMMA);
    out.push(
      runBytes(
        run.map(([, value]) => value),
        run.map(([key]) => key),
        () => run.flatMap(([key, value], i) => [...(i > 0 ? [COMMA] : []), Buffer.from(`${JSON.stringify(key)}:`), isRecord(value) ? cached(value) : plain(value)]),
      ),
    );
  }
  out.push(CLOSE_OBJECT);
}

/** JSON.stringify(state) as bytes, re-encoding only records that are new since the last call. */
export function stateJsonBytes(state: Record<string, unknown>): Buffer {
  const out: Buffer[] = [OPEN_OBJECT];
  let first = true;
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || typeof value === 'function') continue;
    if (!first) out.push(COMMA);
    first = false;
    out.push(Buffer.from(`${JSON.stringify(key)}:`));
    if (Array.isArray(value) && value.length >= MIN_MEMBERS_TO_CACHE) arrayParts(value, out);
    else if (isRecord(value) && !Array.isArray(value) && Object.keys(value).length >= MIN_MEMBERS_TO_CACHE) mapParts(value as Record<string, unknown>, out);
    else out.push(plain(value));
  }
  out.push(CLOSE_OBJECT);
  return Buffer.concat(out);
}
