// The sent journal is what keeps a restarted worker from sending a reply twice. Its line must be safe from
// a SIGKILL from the moment record() is called (right after the SMTP server's 250), not only once an
// asynchronous open/write/fsync has come back: under load that took 1-25 ms, and the fault-injection
// bench resent 5 replies in 25 kills through that gap. (Power loss before the fsync can still lose the
// line; then one reply is sent twice, never none.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CHILD = join(import.meta.dirname, 'helpers', 'journal-child.ts');

describe('sent journal under SIGKILL', () => {
  it('holds the line once record() was called, even when the process dies at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aanmeldbot-journal-'));
    const path = join(dir, 'sent.journal');
    for (const id of ['first@aanmeldbot.example.test', 'second@aanmeldbot.example.test', 'third@aanmeldbot.example.test']) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD, path, id], { encoding: 'utf8', timeout: 30_000 });
      expect(run.signal, run.stderr).toBe('SIGKILL');
    }
    expect(readFileSync(path, 'utf8')).toBe('first@aanmeldbot.example.test\nsecond@aanmeldbot.example.test\nthird@aanmeldbot.example.test\n');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
