// Organiser powers and instant cancellations need proof that the From address is real. SPF/DKIM need DNS
// and SPF is meaningless once mail is read over IMAP, so we trust only our own receiving server's verdict:
// the topmost Authentication-Results (RFC 8601) whose authserv-id is ours. Any other such header can be
// written by the sender.
import type { InboundMessage } from './types.ts';

export interface AuthVerdict {
  proven: boolean;
  reason: string;
}

function authservId(header: string): string {
  return (header.split(';')[0] ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
}

function domainOf(address: string): string {
  return address.split('@')[1]?.toLowerCase() ?? '';
}

/** Relaxed alignment (RFC 7489 §3.1.1): same organisational domain, approximated by a suffix match. */
function aligned(signingDomain: string, fromDomain: string): boolean {
  const d = signingDomain.toLowerCase();
  return d === fromDomain || fromDomain.endsWith(`.${d}`) || d.endsWith(`.${fromDomain}`);
}

function results(header: string): string[] {
  return header.split(';').slice(1).map((r) => r.trim()).filter(Boolean);
}

/**
 * Microsoft 365 writes Authentication-Results without an authserv-id; `trustedId` "*microsoft*" style
 * matching is not offered: set TRUSTED_AUTHSERV_ID to the id your server writes (see README).
 */
export function authenticatedSender(msg: InboundMessage, trustedId: string | null): AuthVerdict {
  if (!trustedId) return { proven: false, reason: 'no-trusted-authserv-id' };
  if (!msg.from) return { proven: false, reason: 'no-from' };
  const header = (msg.headers['authentication-results'] ?? []).find((h) => authservId(h) === trustedId.toLowerCase());
  if (!header) return { proven: false, reason: 'no-trusted-header' };
  const fromDomain = domainOf(msg.from.address);
  for (const result of results(header)) {
    const method = result.match(/^(dmarc|dkim)\s*=\s*(\w+)/i);
    if (!method || method[2]!.toLowerCase() !== 'pass') continue;
    if (method[1]!.toLowerCase() === 'dmarc') {
      const from = result.match(/header\.from\s*=\s*([^\s;]+)/i)?.[1];
      if (!from || aligned(from, fromDomain)) return { proven: true, reason: 'dmarc=pass' };
    } else {
      const d = result.match(/header\.d\s*=\s*([^\s;]+)/i)?.[1];
      if (d && aligned(d, fromDomain)) return { proven: true, reason: 'dkim=pass aligned' };
    }
  }
  return { proven: false, reason: 'no-aligned-pass' };
}
