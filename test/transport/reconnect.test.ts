import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelayMs, STABLE_SESSION_MS, withReconnect } from '../../src/transport/reconnect.ts';

describe('backoffDelayMs', () => {
  it('doubles from one second and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(backoffDelayMs(10_000)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelayMs(Number.POSITIVE_INFINITY)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelayMs(Number.NaN)).toBe(1_000);
    expect(backoffDelayMs(-3)).toBe(1_000);
  });

  it('takes base and cap, and spreads with jitter between half and the full delay', () => {
    expect(backoffDelayMs(3, { baseMs: 100, capMs: 500 })).toBe(500);
    expect(backoffDelayMs(2, { random: () => 0 })).toBe(2_000);
    expect(backoffDelayMs(2, { random: () => 0.999999 })).toBe(4_000);
    expect(backoffDelayMs(20, { random: () => 0.5 })).toBe(45_000);
  });
});

describe('withReconnect', () => {
  function fakeClock() {
    let t = 0;
    const sleeps: number[] = [];
    return {
      now: () => t,
      advance: (ms: number) => {
        t += ms;
      },
      sleeps,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        t += ms;
      },
    };
  }

  it('retries failed connects with growing delays until a session ends normally', async () => {
    const clock = fakeClock();
    let connects = 0;
    const closed: number[] = [];
    const errors: [number, number][] = [];
    await withReconnect({
      connect: async () => {
        connects += 1;
        if (connects <= 3) throw new Error('refused');
        return connects;
      },
      session: async () => {},
      close: async (n) => {
        closed.push(n);
      },
      signal: new AbortController().signal,
      onError: (_e, attempt, delay) => errors.push([attempt, delay]),
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(connects).toBe(4);
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000]);
    expect(errors).toEqual([[0, 1_000], [1, 2_000], [2, 4_000]]);
    expect(closed).toEqual([4]);
  });

  it('closes a failed session and starts the backoff over after a long one', async () => {
    const clock = fakeClock();
    const ac = new AbortController();
    let sessions = 0;
    const closed: number[] = [];
    await withReconnect({
      connect: async () => sessions + 1,
      session: async (n) => {
        sessions = n;
        if (n === 3) clock.advance(STABLE_SESSION_MS);
        if (n === 5) {
          ac.abort();
          return;
        }
        throw new Error('connection lost');
      },
      close: async (n) => {
        closed.push(n);
        if (n === 2) throw new Error('close failed too');
      },
      signal: ac.signal,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(closed).toEqual([1, 2, 3, 4, 5]);
    // sessions 1 and 2 fail fast (1 s, 2 s); session 3 ran long, so its failure waits 1 s again
    expect(clock.sleeps).toEqual([1_000, 2_000, 1_000, 2_000]);
  });

  it('stops waiting as soon as the signal aborts', async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 50);
    await withReconnect({
      connect: async () => {
        throw new Error('down');
      },
      session: async () => {},
      close: async () => {},
      signal: ac.signal,
      backoff: { baseMs: 60_000 },
    });
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});
