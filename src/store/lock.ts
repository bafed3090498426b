// One writer per store: a lock file holding the writer's pid. A lock left by a dead process is taken over.
import { open, readFile, unlink } from 'node:fs/promises';
import { StoreError } from './durable-json-file.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireLock(path: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pid && alive(pid)) {
        throw new StoreError('STORE_LOCKED', `the store is in use by process ${pid} (the running worker); stop it first, or mail the change instead`);
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new StoreError('STORE_LOCKED', `cannot take the store lock ${path}`);
}
