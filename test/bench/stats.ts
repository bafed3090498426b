// Small numeric and process helpers for the benchmark scripts: percentiles, rates, /proc memory readings,
// and the "figure  target  PASS/FAIL" lines they print.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Events per second over the span between the first and the last of `times` (ms): (count-1)/span. */
export function ratePerSecond(times: number[]): number {
  if (times.length < 2) return Number.NaN;
  const first = Math.min(...times);
  const last = Math.max(...times);
  return last > first ? ((times.length - 1) * 1000) / (last - first) : Number.NaN;
}

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM, …); null when the process is gone. */
export function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM' | 'VmPeak'): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Polls VmRSS every `everyMs` and keeps the maximum (VmHWM is read too, when stop() is called). */
export function watchRss(pid: number, everyMs = 100): { stop(): { maxRssMb: number | null; hwmMb: number | null } } {
  let max: number | null = null;
  const sample = () => {
    const rss = procStatusMb(pid, 'VmRSS');
    if (rss !== null && (max === null || rss > max)) max = rss;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop() {
      sample();
      clearInterval(timer);
      return { maxRssMb: max, hwmMb: procStatusMb(pid, 'VmHWM') };
    },
  };
}

export const fmt = {
  ms: (v: number | null | undefined, digits = 0) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${v.toFixed(digits)} ms`),
  s: (v: number | null | undefined, digits = 2) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${v.toFixed(digits)} s`),
  mb: (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${v.toFixed(0)} MB`),
  rate: (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${v.toFixed(1)} mails/s`),
  x: (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${v.toFixed(2)}x`),
};

export type Verdict = 'PASS' | 'FAIL' | 'n/a';

export function verdict(ok: boolean | null): Verdict {
  return ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL';
}

/** Collects verdicts so the script can end with a summary and an exit code. */
export class Scoreboard {
  readonly rows: { name: string; verdict: Verdict }[] = [];

  /** prints "  label  value   target: …  PASS" and records it */
  line(label: string, value: string, target: string | null = null, ok: boolean | null = null): void {
    const v = target === null ? '' : `   target ${target}  ${verdict(ok)}`;
    console.log(`  ${label.padEnd(38)} ${value.padStart(18)}${v}`);
    if (target !== null && ok !== null) this.rows.push({ name: label, verdict: verdict(ok) });
  }

  get failed(): number {
    return this.rows.filter((r) => r.verdict === 'FAIL').length;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resolves with `check()`'s first truthy result; throws after `timeoutMs`. */
export async function pollUntil<T>(check: () => T | null | undefined | false, timeoutMs: number, what: string, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Linux USER_HZ: /proc/<pid>/stat times are in these ticks. */
const CLOCK_TICKS = 100;

function statTimes(pid: number | string): { pgrp: number; self: number; children: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp … utime(14) stime(15) cutime(16) cstime(17)": split after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pgrp: Number(f[2]), self: (Number(f[11]) + Number(f[12])) / CLOCK_TICKS, children: (Number(f[13]) + Number(f[14])) / CLOCK_TICKS };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process used so far; null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  return statTimes(pid)?.self ?? null;
}

/** CPU seconds of a process group: its live members plus the children they reaped (Dovecot's imap processes). */
export function groupCpuSeconds(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const t = statTimes(entry);
    if (t && t.pgrp === pgid) total += t.self + t.children;
  }
  return total;
}

/** This process's CPU seconds (user + system). */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export function loadAverage(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}

/** A bench part run as its own process: config from an env variable, result as one JSON line on stdout. */
export function runAsChild<C, R>(moduleUrl: string, configVar: string, run: (config: C) => Promise<R>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const config = JSON.parse(process.env[configVar] ?? '') as C;
  run(config).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (err: Error) => {
      process.stderr.write(`${err.stack ?? err}\n`);
      process.exit(1);
    },
  );
}
