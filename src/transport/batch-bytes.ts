// A fetch batch is held in memory whole (parsed, decided and committed together). BATCH_SIZE bounds the
// count; this bounds the bytes, so 200 mails of up to MAX_MESSAGE_BYTES each can never mean gigabytes.

/** Bytes of mail read into one batch; always at least one mail, however large. */
export const BATCH_MAX_BYTES = 32 * 1024 * 1024;

/** The longest prefix of `bytesEach` (in arrival order) that stays within `maxBytes`; at least one. */
export function countWithinBytes(bytesEach: number[], maxBytes = BATCH_MAX_BYTES): number {
  let total = 0;
  for (const [i, bytes] of bytesEach.entries()) {
    total += bytes;
    if (total > maxBytes && i > 0) return i;
  }
  return bytesEach.length;
}
