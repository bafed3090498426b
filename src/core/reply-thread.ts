import type { ReplyContext } from './draft.ts';
import type { InboundMessage } from './types.ts';

/** Our answer joins the sender's thread: In-Reply-To their mail, References their chain plus it. */
export function threadOf(msg: InboundMessage): ReplyContext {
  const refs = [...msg.references];
  if (msg.messageId && !refs.includes(msg.messageId)) refs.push(msg.messageId);
  return { inReplyTo: msg.messageId, references: refs, answeredSubject: msg.subject || null };
}
