// One writer per store: a lock file holding the writer's pid. A lock left by a dead process is taken over.
import { open, readFile, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StoreError } from './durable-json-file.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds (a second open in the same process is refused like any other). */
const held = new Set<string>();

export async function acquireLock(lockPath: string): Promise<() => Promise<void>> {
  const path = resolve(lockPath);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      held.add(path);
      return async () => {
        held.delete(path);
        await unlink(path).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      // Our own pid in a lock we do not hold means an earlier process with the same pid was killed: in a
      // container the worker is pid 1 (or the same small number) on every start, and "alive" would be
      // about ourselves, so the worker would never start again.
      const stale = pid === process.pid ? !held.has(path) : !pid || !alive(pid);
      if (!stale) {
        throw new StoreError('STORE_LOCKED', `the store is in use by process ${pid} (the running worker); stop it first, or mail the change instead`);
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new StoreError('STORE_LOCKED', `cannot take the store lock ${path}`);
}
