// A delivery report about one of our own replies tells us an attendee's address is dead (RFC 3464 DSN,
// or an MTA's free-text bounce). Temporary delays (4.x.x, Action: delayed) are not a verdict yet.
import type { InboundMessage } from './types.ts';

/** Bounce bodies are read only this far: the original headers come early, and MTAs quote whole mails. */
const MAX_BOUNCE_TEXT_CHARS = 200_000;

export interface BounceReport {
  permanent: boolean;
  /** our Message-IDs found in the report */
  ourIds: string[];
}

function reportText(msg: InboundMessage): string {
  const parts = [msg.text, ...msg.attachments.map((a) => a.text ?? '')];
  return parts.join('\n').slice(0, MAX_BOUNCE_TEXT_CHARS);
}

function deliveryStatus(msg: InboundMessage): string | null {
  const part = msg.attachments.find((a) => a.contentType === 'message/delivery-status' || a.contentType === 'message/global-delivery-status');
  return part?.text ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function readBounce(msg: InboundMessage, messageIdDomain: string): BounceReport | null {
  const text = reportText(msg);
  const idPattern = new RegExp(`[A-Za-z0-9._-]+@${escapeRegExp(messageIdDomain)}`, 'gi');
  const ourIds = [...new Set([...(msg.inReplyTo ? [msg.inReplyTo] : []), ...msg.references, ...(text.match(idPattern) ?? [])])]
    .filter((id) => id.toLowerCase().endsWith(`@${messageIdDomain.toLowerCase()}`));
  const status = deliveryStatus(msg);
  if (status !== null) {
    const failed = /^\s*action:\s*failed/im.test(status) || /^\s*status:\s*5\.\d+\.\d+/im.test(status);
    return { permanent: failed, ourIds };
  }
  const isReport = msg.contentType === 'multipart/report' || /undeliver|onbestelbaar|delivery (status notification|failure|has failed)|returned mail|mail delivery failed|failure notice/i.test(msg.subject);
  if (!isReport) return null;
  const delayed = /delay|vertraag|warning|will (continue|keep) (to )?try|still trying/i.test(`${msg.subject}\n${text.slice(0, 5000)}`);
  return { permanent: !delayed, ourIds };
}
