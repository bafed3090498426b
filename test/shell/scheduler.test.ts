import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DigestSchedule, scheduleDigest, ScheduleError } from '../../src/shell/scheduler.ts';
import type { Logger } from '../../src/shell/log.ts';

const HOUR_MS = 60 * 60 * 1000;

function recordingLog() {
  const errors: string[] = [];
  const log: Logger = { info() {}, warn() {}, error: (event) => void errors.push(event) };
  return { log, errors };
}

describe('digest schedule', () => {
  let schedule: DigestSchedule | null = null;

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(async () => {
    await schedule?.stop();
    schedule = null;
    vi.useRealTimers();
  });

  it('fires at 08:00 Amsterdam time each day across the spring daylight-saving change', async () => {
    vi.setSystemTime(new Date('2027-03-27T05:00:00Z'));
    const fired: string[] = [];
    schedule = scheduleDigest('0 8 * * *', () => void fired.push(new Date().toISOString()), recordingLog().log);
    await vi.advanceTimersByTimeAsync(3 * 24 * HOUR_MS);
    // 07:00Z is 08:00 CET; from 28 March (CEST) 08:00 is 06:00Z.
    expect(fired.map((t) => t.slice(0, 16))).toEqual(['2027-03-27T07:00', '2027-03-28T06:00', '2027-03-29T06:00']);
  });

  it('fires at 08:00 Amsterdam time across the autumn change, once', async () => {
    vi.setSystemTime(new Date('2026-10-24T05:00:00Z'));
    const fired: string[] = [];
    schedule = scheduleDigest('0 8 * * *', () => void fired.push(new Date().toISOString()), recordingLog().log);
    await vi.advanceTimersByTimeAsync(2 * 24 * HOUR_MS);
    expect(fired.map((t) => t.slice(0, 16))).toEqual(['2026-10-24T06:00', '2026-10-25T07:00']);
  });

  it('says the digest is due from 08:00 until midnight, also to a worker started after 08:00', () => {
    vi.setSystemTime(new Date('2027-02-10T10:00:00+01:00'));
    schedule = scheduleDigest('0 8 * * *', () => undefined, recordingLog().log);
    expect(schedule.dueDay(new Date('2027-02-10T07:59:00+01:00'))).toBeNull();
    expect(schedule.dueDay(new Date('2027-02-10T08:00:00+01:00'))).toBe('2027-02-10');
    expect(schedule.dueDay(new Date('2027-02-10T10:00:00+01:00'))).toBe('2027-02-10');
    expect(schedule.dueDay(new Date('2027-02-10T23:59:00+01:00'))).toBe('2027-02-10');
    expect(schedule.dueDay(new Date('2027-02-11T00:30:00+01:00'))).toBeNull();
    // Amsterdam's day, not UTC's: 00:30 in Amsterdam is still the 10th in UTC.
    expect(schedule.dueDay(new Date('2027-02-11T08:30:00+01:00'))).toBe('2027-02-11');
  });

  it('keeps the daylight-saving caveat visible: a 02:30 job has no 02:30 on the spring-forward day', () => {
    schedule = scheduleDigest('30 2 * * *', () => undefined, recordingLog().log);
    expect(schedule.dueDay(new Date('2027-03-27T12:00:00+01:00'))).toBe('2027-03-27');
    expect(schedule.dueDay(new Date('2027-03-28T12:00:00+02:00'))).toBeNull();
  });

  it('logs a failing run and fires again the next day', async () => {
    vi.setSystemTime(new Date('2027-02-10T07:00:00+01:00'));
    const { log, errors } = recordingLog();
    let runs = 0;
    schedule = scheduleDigest('0 8 * * *', () => {
      runs++;
      throw Object.assign(new Error('store locked'), { code: 'STORE_LOCKED' });
    }, log);
    await vi.advanceTimersByTimeAsync(26 * HOUR_MS);
    expect(runs).toBe(2);
    expect(errors).toEqual(['digest-schedule-failed', 'digest-schedule-failed']);
  });

  it('refuses an invalid expression with a stable code', () => {
    expect(() => scheduleDigest('every morning', () => undefined, recordingLog().log)).toThrow(ScheduleError);
    try {
      scheduleDigest('61 8 * * *', () => undefined, recordingLog().log);
    } catch (err) {
      expect((err as ScheduleError).code).toBe('SCHEDULE_INVALID');
      return;
    }
    expect.unreachable('an invalid expression must throw');
  });
});
