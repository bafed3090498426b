// A decision in progress: every action is applied at once to a working copy, so later steps of the same
// decision (a promotion after a cancellation, a second colleague) see the seats as they now are. The
// copy is made once; a batch of mails can share one draft (begin() per mail).
import type { Action, Cause } from './actions.ts';
import { applyInPlace, ownCopy } from './apply.ts';
import type { DeskState, ReplyKind, ReplySpec } from './state.ts';
import { replyMessageId } from './tokens.ts';
import type { Language } from './types.ts';

export interface ReplyContext {
  inReplyTo: string | null;
  references: string[];
  answeredSubject: string | null;
}

export const NO_THREAD: ReplyContext = { inReplyTo: null, references: [], answeredSubject: null };

export class Draft {
  actions: Action[] = [];
  private replyCount = 0;
  private readonly working: DeskState;

  constructor(
    state: DeskState,
    public cause: Cause,
    readonly messageIdDomain: string,
  ) {
    this.working = ownCopy(state);
  }

  /** The state with every action so far applied. Owned by the draft: read it, don't change it. */
  get state(): DeskState {
    return this.working;
  }

  /** Start the next mail of a batch on the same working copy. */
  begin(cause: Cause): void {
    this.cause = cause;
    this.actions = [];
    this.replyCount = 0;
  }

  push(action: Action): void {
    this.actions.push(action);
    applyInPlace(this.working, action, this.cause);
  }

  nextSeq(): number {
    return this.state.nextSeq;
  }

  reply(
    kind: ReplyKind,
    to: { name: string | null; address: string },
    language: Language,
    thread: ReplyContext,
    extra: { eventId?: string | null; registrationId?: string | null; vars?: Record<string, string | number>; attachments?: ReplySpec['attachments'] } = {},
  ): ReplySpec {
    const messageId = replyMessageId(this.state.secret, this.messageIdDomain, kind, this.cause.key, this.replyCount++, to.address, extra.registrationId ?? null);
    const reply: ReplySpec = {
      kind,
      messageId,
      to,
      language,
      eventId: extra.eventId ?? null,
      registrationId: extra.registrationId ?? null,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      answeredSubject: thread.answeredSubject,
      vars: extra.vars ?? {},
      ...(extra.attachments?.length ? { attachments: extra.attachments } : {}),
    };
    this.push({ type: 'send', reply });
    return reply;
  }
}
