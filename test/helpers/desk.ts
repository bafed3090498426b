import { applyActions } from '../../src/core/apply.ts';
import { type Decision, decide, type DeskContext } from '../../src/core/decide.ts';
import { effectiveEvents } from '../../src/core/events.ts';
import { type DeskState, emptyState, type ReplySpec } from '../../src/core/state.ts';
import type { EventInfo, InboundMessage } from '../../src/core/types.ts';
import { messageKey } from '../../src/worker/intake.ts';

import { EVENTS } from './events.ts';

export { EVENTS };
export const DOMAIN = 'aanmeldbot.hieropgewekt.nl';
export const NOW = new Date('2026-11-26T12:00:00+01:00');

/** A desk in memory: feed it parsed mail, read the decisions and the state. No mocks, no I/O. */
export class TestDesk {
  state: DeskState = emptyState('test-secret');
  events: EventInfo[];
  now = NOW;
  config: Omit<DeskContext, 'now' | 'events'> = {
    messageIdDomain: DOMAIN,
    organisers: ['marieke@hieropgewekt.nl'],
    trustedAuthservId: 'mx.hieropgewekt.nl',
    replyCapPerDay: 5,
  };

  constructor(events: EventInfo[] = EVENTS) {
    this.events = events.map((e) => ({ ...e }));
  }

  receive(message: InboundMessage, raw = Buffer.from(message.text)): Decision {
    const ctx: DeskContext = { ...this.config, now: this.now, events: effectiveEvents(this.events, this.state) };
    const decision = decide(this.state, { key: messageKey(message, raw), message }, ctx);
    this.state = applyActions(this.state, decision.actions, { key: decision.key, now: this.now });
    return decision;
  }

  replies(decision: Decision): ReplySpec[] {
    return decision.actions.flatMap((a) => (a.type === 'send' ? [a.reply] : []));
  }

  status(eventId: string) {
    const regs = this.state.registrations.filter((r) => r.eventId === eventId).sort((a, b) => a.seq - b.seq);
    return {
      confirmed: regs.filter((r) => r.status === 'confirmed').map((r) => r.email ?? r.name),
      waitlist: regs.filter((r) => r.status === 'waitlisted').map((r) => r.email ?? r.name),
    };
  }
}

/** A minimal person's mail for seat arithmetic tests (the wording paths are covered by .eml fixtures). */
export function simpleMail(from: string, text: string, id: string, extra: Partial<InboundMessage> = {}): InboundMessage {
  return {
    messageId: id, from: { name: '', address: from }, replyTo: [], to: [{ name: '', address: 'info@hieropgewekt.nl' }], cc: [],
    subject: 'Aanmelding', date: null, text, html: null, headers: {}, inReplyTo: null, references: [],
    contentType: 'text/plain', attachments: [], sizeBytes: text.length, problems: [], ...extra,
  };
}
