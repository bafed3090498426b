import { describe, expect, it } from 'vitest';
import { BATCH_MAX_BYTES, countWithinBytes } from '../../src/transport/batch-bytes.ts';

describe('a batch bounded by bytes', () => {
  it('takes mails in order while they fit, always at least one', () => {
    expect(countWithinBytes([40, 40, 40], 100)).toBe(2);
    expect(countWithinBytes([40, 60, 1], 100)).toBe(2);
    expect(countWithinBytes([500, 1], 100)).toBe(1);
    expect(countWithinBytes([], 100)).toBe(0);
  });

  it('holds 200 mails of 10 MB to a few, not gigabytes', () => {
    expect(countWithinBytes(Array(200).fill(10 * 1024 * 1024))).toBe(Math.floor(BATCH_MAX_BYTES / (10 * 1024 * 1024)));
  });
});
