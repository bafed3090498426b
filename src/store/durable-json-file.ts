// lowdb adapter that survives power loss: write a temp file, fsync it, rename over the old one, fsync the
// directory (rename is atomic, but only durable once the directory entry is on disk). lowdb's own
// adapter skips both fsyncs. The file is readable by its owner only: it holds personal data.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { stateJsonBytes } from './json-bytes.ts';

export const STORE_FILE_MODE = 0o600;

export class StoreError extends Error {
  constructor(readonly code: 'STORE_CORRUPT' | 'STORE_IO' | 'STORE_LOCKED' | 'STORE_SCHEMA', message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileDurably(path: string, data: string | Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(tmp, 'w', STORE_FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  await fsyncDir(dirname(path));
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError('STORE_IO', `cannot read ${this.path}: ${(err as Error).message}`, { cause: err });
    }
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new StoreError('STORE_CORRUPT', `${this.path} is not valid JSON; restore it from a backup`, { cause: err });
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.path, stateJsonBytes(data as Record<string, unknown>));
  }
}

export async function removeIfExists(path: string): Promise<void> {
  await unlink(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}
