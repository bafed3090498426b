// Reads a V8 .cpuprofile (node --cpu-prof) and sums self time per function and per area (our src/ files,
// each node_modules package, node internals, GC, idle), for the benchmark's "what limits it" section.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  byArea: { area: string; ms: number }[];
  byFunction: { fn: string; ms: number }[];
}

function area(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(idle)') return 'idle';
  if (fn === '(program)') return 'program (native, unattributed)';
  if (!url) return 'native';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `pkg:${pkg[1]}`;
  const src = /\/(src\/[^?]+)/.exec(url);
  if (src) return src[1]!.replace(/\/[^/]+$/, '/');
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

function shortUrl(url: string): string {
  const pkg = /node_modules\/(.+)$/.exec(url);
  if (pkg) return pkg[1]!;
  const src = /\/((?:src|test)\/.+)$/.exec(url);
  return src ? src[1]! : url;
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const selfMs = new Map<number, number>();
  if (profile.samples && profile.timeDeltas) {
    // Each delta is the time until that sample: attribute it to the sampled node.
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i]!;
      selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
  }
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((x, y) => y[1] - x[1]);
  return {
    file,
    totalMs,
    byArea: sorted(areas).slice(0, top).map(([area, ms]) => ({ area, ms })),
    byFunction: sorted(fns).slice(0, top).map(([fn, ms]) => ({ fn, ms })),
  };
}

/** The largest .cpuprofile in `dir` (the main thread's; tsx's loader thread writes a small one too). */
export function largestProfile(dir: string): string | null {
  let best: { file: string; size: number } | null = null;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.cpuprofile')) continue;
    const file = join(dir, name);
    const size = statSync(file).size;
    if (!best || size > best.size) best = { file, size };
  }
  return best?.file ?? null;
}

export function printProfile(summary: ProfileSummary): void {
  console.log(`  cpu profile ${summary.file} (${(summary.totalMs / 1000).toFixed(1)} s wall)`);
  console.log('    self time by area:');
  for (const { area, ms } of summary.byArea) console.log(`      ${area.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
  console.log('    self time by function:');
  for (const { fn, ms } of summary.byFunction) console.log(`      ${fn.slice(0, 90).padEnd(90)} ${ms.toFixed(0).padStart(7)} ms`);
}

// npx tsx test/bench/profile.ts FILE.cpuprofile [TOP]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2]) printProfile(summarizeProfile(process.argv[2], Number(process.argv[3] ?? 25)));
