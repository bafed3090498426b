// Hostile bodies (1 MB, long runs of '>' and '-', thousands of header-like lines) must not hang the
// classifier. The bound is generous on purpose: this asserts behaviour, the bench measures speed.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { hostileInputs, loadEvents, OPTIONS } from '../bench/classify-bench.ts';
import { classify } from '../../src/understand/classify.ts';

const GENEROUS_LIMIT_MS = 5000;

describe('hostile input', () => {
  const events = loadEvents();
  it.each(hostileInputs().map((h) => [h.name, h.msg] as const))('%s classifies without hanging', (_name, msg) => {
    const start = performance.now();
    const c = classify(msg, events, OPTIONS);
    expect(performance.now() - start).toBeLessThan(GENEROUS_LIMIT_MS);
    expect(['signup', 'cancel', 'other', 'automatic']).toContain(c.intent);
  });
});
