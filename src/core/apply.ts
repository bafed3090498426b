// Pure state transitions: (state, action) -> state. The same function serves decide() (to see the effect
// of its own earlier actions) and the shell (to commit them).
import type { Action, Cause } from './actions.ts';
import type { AuditEntry, DeskState, OutboxItem, Registration, ReplySpec } from './state.ts';

/** Replies older than this no longer count toward the per-address cap. */
export const REPLY_CAP_WINDOW_MS = 24 * 60 * 60 * 1000;

function audit(cause: Cause, what: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { at: cause.now.toISOString(), cause: cause.key, what, ...extra };
}

function updateRegistration(state: DeskState, id: string, change: (r: Registration) => Registration): Registration[] {
  return state.registrations.map((r) => (r.id === id ? change(r) : r));
}

function outboxItem(reply: ReplySpec, cause: Cause): OutboxItem {
  return {
    id: reply.messageId,
    spec: reply,
    raw: null,
    envelope: null,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    sentAt: null,
    copied: false,
    cause: cause.key,
    createdAt: cause.now.toISOString(),
  };
}

/** Keeps what counts (event, status, arrival order, source, dates) and drops who it was. */
function anonymous(r: Registration): Registration {
  const { pendingCancel: _p, offer: _o, ...rest } = r;
  return { ...rest, name: null, email: null, phone: null, organisation: null, notify: null };
}

function scrubbed(o: OutboxItem): OutboxItem {
  return { ...o, raw: null, envelope: null, spec: { ...o.spec, to: { name: null, address: 'erased' }, vars: {}, attachments: undefined } };
}

function recentReplies(log: string[] | undefined, now: Date): string[] {
  return (log ?? []).filter((t) => now.getTime() - Date.parse(t) < REPLY_CAP_WINDOW_MS);
}

export function applyAction(state: DeskState, action: Action, cause: Cause): DeskState {
  const at = cause.now.toISOString();
  switch (action.type) {
    case 'add-registration': {
      const r = action.registration;
      return {
        ...state,
        nextSeq: Math.max(state.nextSeq, r.seq + 1),
        registrations: [...state.registrations, r],
        audit: [...state.audit, audit(cause, `registered as ${r.status}`, { registrationId: r.id, eventId: r.eventId })],
      };
    }
    case 'change-status': {
      const { registrationId, status, why } = action;
      return {
        ...state,
        registrations: updateRegistration(state, registrationId, (r) => {
          const { pendingCancel: _dropped, ...rest } = r;
          return { ...rest, status, updatedAt: at };
        }),
        audit: [...state.audit, audit(cause, why, { registrationId })],
      };
    }
    case 'await-cancel-confirmation':
      return {
        ...state,
        registrations: updateRegistration(state, action.registrationId, (r) => ({
          ...r,
          pendingCancel: { mailId: action.mailId, requestedAt: at, cause: cause.key },
        })),
        audit: [...state.audit, audit(cause, 'cancel requested without proof', { registrationId: action.registrationId })],
      };
    case 'mark-undeliverable':
      return {
        ...state,
        registrations: updateRegistration(state, action.registrationId, (r) => ({ ...r, undeliverable: true, updatedAt: at })),
        audit: [...state.audit, audit(cause, 'undeliverable', { registrationId: action.registrationId })],
      };
    case 'erase-person': {
      const erased = state.registrations.filter((r) => r.email === action.email);
      return {
        ...state,
        registrations: state.registrations.map((r) =>
          r.email === action.email ? { ...anonymous(r), status: r.status === 'cancelled' ? r.status : 'cancelled', updatedAt: at } : r,
        ),
        outbox: state.outbox.map((o) => (o.status !== 'queued' && o.spec.to.address === action.email ? scrubbed(o) : o)),
        replyLog: Object.fromEntries(Object.entries(state.replyLog).filter(([a]) => a !== action.email)),
        audit: [...state.audit, ...erased.map((r) => audit(cause, 'personal data erased', { registrationId: r.id }))],
      };
    }
    case 'purge-event': {
      const ids = new Set(state.registrations.filter((r) => r.eventId === action.eventId).map((r) => r.id));
      return {
        ...state,
        registrations: state.registrations.map((r) => (ids.has(r.id) ? anonymous(r) : r)),
        // A mail about an event that ended a month ago is not worth sending any more.
        outbox: state.outbox.map((o) => (o.spec.eventId === action.eventId ? { ...scrubbed(o), status: o.status === 'queued' ? 'failed' : o.status, lastError: o.status === 'queued' ? 'purged' : o.lastError } : o)),
        purgedEvents: [...(state.purgedEvents ?? []), action.eventId],
        audit: [...state.audit, audit(cause, 'personal data purged after retention period', { eventId: action.eventId, detail: `${ids.size} registrations` })],
      };
    }
    case 'set-event-override':
      return {
        ...state,
        eventOverrides: {
          ...state.eventOverrides,
          [action.eventId]: {
            ...state.eventOverrides[action.eventId],
            ...(action.capacity !== undefined ? { capacity: action.capacity } : {}),
            ...(action.closed !== undefined ? { closed: action.closed } : {}),
          },
        },
        audit: [...state.audit, audit(cause, 'event changed', { eventId: action.eventId, detail: JSON.stringify({ capacity: action.capacity, closed: action.closed }) })],
      };
    case 'send': {
      const to = action.reply.to.address;
      return {
        ...state,
        outbox: [...state.outbox, outboxItem(action.reply, cause)],
        replyLog: { ...state.replyLog, [to]: [...recentReplies(state.replyLog[to], cause.now), at] },
      };
    }
    case 'record-handled':
      return { ...state, handled: { ...state.handled, [action.key]: action.record } };
    case 'offer-seat':
      return {
        ...state,
        registrations: updateRegistration(state, action.registrationId, (r) => ({
          ...r,
          offer: { mailId: action.mailId, offeredAt: at, expiresAt: action.expiresAt },
          updatedAt: at,
        })),
        audit: [...state.audit, audit(cause, 'seat offered', { registrationId: action.registrationId, detail: `until ${action.expiresAt}` })],
      };
    case 'lapse-offer':
      return {
        ...state,
        registrations: updateRegistration(state, action.registrationId, (r) => (r.offer ? { ...r, offer: { ...r.offer, lapsedAt: at }, updatedAt: at } : r)),
        audit: [...state.audit, audit(cause, 'offer lapsed', { registrationId: action.registrationId })],
      };
    case 'mark-reminded':
      return {
        ...state,
        registrations: updateRegistration(state, action.registrationId, (r) => ({ ...r, remindedAt: at })),
        audit: [...state.audit, audit(cause, 'reminded', { registrationId: action.registrationId })],
      };
    case 'queue-digest': {
      // Keyed by date: a digest already queued (a retried tick, a manual send) is not queued twice.
      const queued = new Set(state.outbox.map((o) => o.id));
      const fresh = action.mails.filter((m) => !queued.has(m.messageId));
      return {
        ...state,
        outbox: [...state.outbox, ...fresh.map((m) => outboxItem(m, cause))],
        lastDigestAt: at,
        lastDigestDate: action.date,
        audit: [...state.audit, audit(cause, 'digest queued', { detail: action.date })],
      };
    }
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${(unreachable as { type: string }).type}`);
    }
  }
}

export function applyActions(state: DeskState, actions: Action[], cause: Cause): DeskState {
  return actions.reduce((s, a) => applyAction(s, a, cause), state);
}

export function repliesInWindow(state: DeskState, address: string, now: Date): number {
  return recentReplies(state.replyLog[address], now).length;
}
