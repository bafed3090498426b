// Our Message-IDs carry an unguessable per-address token (HMAC of the recipient's address). A reply that
// references one of them proves the sender can read that mailbox: the proof we accept for cancellations.
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN_HEX_CHARS = 16;
const UNIQUE_HEX_CHARS = 12;

function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

export function addressToken(secret: string, address: string): string {
  return hmacHex(secret, `addr:${address.trim().toLowerCase()}`).slice(0, TOKEN_HEX_CHARS);
}

/**
 * Deterministic: the same cause, position and recipient always give the same id, so a reply rebuilt after
 * a crash is the same mail, not a second one.
 */
export function replyMessageId(
  secret: string,
  domain: string,
  kind: string,
  cause: string,
  index: number,
  recipient: string,
  registrationId: string | null = null,
): string {
  const unique = hmacHex(secret, `msg:${cause}#${index}#${kind}`).slice(0, UNIQUE_HEX_CHARS);
  // The registration travels in the id, so a bounce names it without keeping every sent mail around.
  const about = registrationId && REGISTRATION_ID.test(registrationId) ? `${registrationId}.` : '';
  return `${kind}.${about}${unique}.${addressToken(secret, recipient)}@${domain}`;
}

const REGISTRATION_ID = /^r\d+$/;

/** The registration one of our Message-IDs was about, if it names one. */
export function registrationOfMessageId(id: string, domain: string): string | null {
  if (!isOurMessageId(id, domain)) return null;
  const parts = (id.split('@')[0] ?? '').split('.');
  return parts.length === 4 && REGISTRATION_ID.test(parts[1]!) ? parts[1]! : null;
}

export function isOurMessageId(id: string, domain: string): boolean {
  return id.toLowerCase().endsWith(`@${domain.toLowerCase()}`);
}

function tokenOf(id: string): string | null {
  const local = id.split('@')[0] ?? '';
  const token = local.split('.').pop() ?? '';
  return /^[0-9a-f]+$/.test(token) && token.length === TOKEN_HEX_CHARS ? token : null;
}

/** True when one of `ids` is a Message-ID we sent to `address`. */
export function referencesOurMailTo(secret: string, domain: string, ids: string[], address: string): boolean {
  const expected = Buffer.from(addressToken(secret, address));
  return ids.some((id) => {
    if (!isOurMessageId(id, domain)) return false;
    const token = tokenOf(id);
    return token !== null && timingSafeEqual(Buffer.from(token), expected);
  });
}
