// Turns fetched mail into committed decisions: parse, decide (pure), apply (pure), in arrival order.
import { createHash } from 'node:crypto';
import { type Decision, decideWith, type DeskContext } from '../core/decide.ts';
import { Draft } from '../core/draft.ts';
import type { DeskState } from '../core/state.ts';
import type { InboundMessage } from '../core/types.ts';
import { parseMail } from '../mail/parse.ts';
import type { RawMessage } from '../transport/types.ts';

/** Deciding is CPU work; give the event loop back this often. */
const YIELD_EVERY_MAILS = 5;

export interface Handled {
  message: RawMessage;
  parsed: InboundMessage;
  decision: Decision;
}

/** Idempotency key: the Message-ID, or the bytes' hash for mail without one (RFC 5322 makes it optional). */
export function messageKey(parsed: InboundMessage, raw: Buffer): string {
  return parsed.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

export async function intake(
  state: DeskState,
  messages: RawMessage[],
  context: (state: DeskState) => DeskContext,
): Promise<{ state: DeskState; handled: Handled[] }> {
  const handled: Handled[] = [];
  // Parsing is the slow part and independent per mail; deciding must stay strictly in arrival order.
  const parsedAll = await Promise.all(
    messages.map(async (m) => ({ ...(await parseMail(m.raw, { truncated: m.truncated })), arrivedAt: m.arrivedAt ?? null })),
  );
  // One working copy for the whole batch: each decision sees the ones before it.
  let draft: Draft | null = null;
  for (const [i, message] of messages.entries()) {
    const parsed = parsedAll[i]!;
    const ctx = context(draft?.state ?? state);
    draft ??= new Draft(state, { key: '', now: ctx.now }, ctx.messageIdDomain);
    const decision = decideWith(draft, { key: messageKey(parsed, message.raw), message: parsed }, ctx);
    handled.push({ message, parsed, decision });
    // Replies are being sent meanwhile (SendPump): let their "250 OK"s reach the journal promptly. A kill
    // between the server's acceptance and the journal line is the one gap that can repeat a reply.
    if (i % YIELD_EVERY_MAILS === YIELD_EVERY_MAILS - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return { state: draft?.state ?? state, handled };
}
