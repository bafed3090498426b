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

/** RFC 5321 §4.5.3.1.1: a local part has at most 64 octets. */
const MAX_LOCAL_PART_CHARS = 64;
const LOCAL_PART_CHAR = /[A-Za-z0-9._-]/;

/**
 * Our Message-IDs in a text, found from each "@domain" backwards: linear in the text. (A regex scanning
 * for the local part was tried at every position of a long word: 48 s for one 200 KB robot mail.)
 */
function ourIdsIn(text: string, domain: string): string[] {
  const lower = text.toLowerCase();
  const needle = `@${domain.toLowerCase()}`;
  const ids: string[] = [];
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL_PART_CHARS && LOCAL_PART_CHAR.test(text[start - 1]!)) start--;
    if (start < at) ids.push(text.slice(start, at + needle.length));
  }
  return ids;
}

export function readBounce(msg: InboundMessage, messageIdDomain: string): BounceReport | null {
  const text = reportText(msg);
  const ourIds = [...new Set([...(msg.inReplyTo ? [msg.inReplyTo] : []), ...msg.references, ...ourIdsIn(text, messageIdDomain)])]
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
