// State transitions. `applyAction(s)` are pure: (state, action) -> new state. Underneath, `applyInPlace`
// changes a state whose collections the caller owns (see ownCopy): copying 20,000 registrations and
// handled records for every action made a rush quadratic, so a decision or a batch copies once.
// Registration objects are never changed in place, only replaced: the caller's old state shares them.
import type { Action, Cause } from './actions.ts';
import type { AuditEntry, DeskState, OutboxItem, Registration, ReplySpec } from './state.ts';

/** Replies older than this no longer count toward the per-address cap. */
export const REPLY_CAP_WINDOW_MS = 24 * 60 * 60 * 1000;

function audit(cause: Cause, what: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { at: cause.now.toISOString(), cause: cause.key, what, ...extra };
}

function updateRegistration(state: DeskState, id: string, change: (r: Registration) => Registration): void {
  // Newest registrations are touched most: search from the end.
  for (let i = state.registrations.length - 1; i >= 0; i--) {
    if (state.registrations[i]!.id === id) {
      state.registrations[i] = change(state.registrations[i]!);
      return;
    }
  }
}

/** A state whose collections may be changed without touching `state`'s. */
export function ownCopy(state: DeskState): DeskState {
  return {
    ...state,
    registrations: [...state.registrations],
    handled: { ...state.handled },
    outbox: [...state.outbox],
    audit: [...state.audit],
    replyLog: { ...state.replyLog },
    pendingSettle: [...state.pendingSettle],
    eventOverrides: { ...state.eventOverrides },
    ...(state.purgedEvents ? { purgedEvents: [...state.purgedEvents] } : {}),
  };
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
  return { ...o, raw: null, envelope: null, awaitingCopy: false, spec: { ...o.spec, to: { name: null, address: 'erased' }, vars: {}, attachments: undefined } };
}

function recentReplies(log: string[] | undefined, now: Date): string[] {
  return (log ?? []).filter((t) => now.getTime() - Date.parse(t) < REPLY_CAP_WINDOW_MS);
}

export function applyInPlace(state: DeskState, action: Action, cause: Cause): void {
  const at = cause.now.toISOString();
  switch (action.type) {
    case 'add-registration': {
      const r = action.registration;
      state.nextSeq = Math.max(state.nextSeq, r.seq + 1);
      state.registrations.push(r);
      state.audit.push(audit(cause, `registered as ${r.status}`, { registrationId: r.id, eventId: r.eventId }));
      return;
    }
    case 'change-status': {
      const { registrationId, status, why } = action;
      updateRegistration(state, registrationId, (r) => {
        const { pendingCancel: _dropped, ...rest } = r;
        return { ...rest, status, updatedAt: at };
      });
      state.audit.push(audit(cause, why, { registrationId }));
      return;
    }
    case 'await-cancel-confirmation':
      updateRegistration(state, action.registrationId, (r) => ({ ...r, pendingCancel: { mailId: action.mailId, requestedAt: at, cause: cause.key } }));
      state.audit.push(audit(cause, 'cancel requested without proof', { registrationId: action.registrationId }));
      return;
    case 'mark-undeliverable':
      updateRegistration(state, action.registrationId, (r) => ({ ...r, undeliverable: true, updatedAt: at }));
      state.audit.push(audit(cause, 'undeliverable', { registrationId: action.registrationId }));
      return;
    case 'erase-person': {
      const erased = state.registrations.filter((r) => r.email === action.email);
      state.registrations = state.registrations.map((r) =>
        r.email === action.email ? { ...anonymous(r), status: r.status === 'cancelled' ? r.status : 'cancelled', updatedAt: at } : r,
      );
      state.outbox = state.outbox.map((o) => (o.status !== 'queued' && o.spec.to.address === action.email ? scrubbed(o) : o));
      delete state.replyLog[action.email];
      for (const r of erased) state.audit.push(audit(cause, 'personal data erased', { registrationId: r.id }));
      return;
    }
    case 'purge-event': {
      const ids = new Set(state.registrations.filter((r) => r.eventId === action.eventId).map((r) => r.id));
      state.registrations = state.registrations.map((r) => (ids.has(r.id) ? anonymous(r) : r));
      // A mail about an event that ended a month ago is not worth sending any more.
      state.outbox = state.outbox.map((o) =>
        o.spec.eventId === action.eventId ? { ...scrubbed(o), status: o.status === 'queued' ? 'failed' : o.status, lastError: o.status === 'queued' ? 'purged' : o.lastError } : o,
      );
      state.purgedEvents = [...(state.purgedEvents ?? []), action.eventId];
      state.audit.push(audit(cause, 'personal data purged after retention period', { eventId: action.eventId, detail: `${ids.size} registrations` }));
      return;
    }
    case 'prune': {
      // Sent mail is needed only until its Sent copy exists (bounces name the registration in our id).
      state.outbox = state.outbox.filter((o) => !(o.status === 'sent' && !o.awaitingCopy && (o.sentAt ?? '') < action.sentBefore));
      for (const [address, times] of Object.entries(state.replyLog)) {
        const recent = recentReplies(times, cause.now);
        if (recent.length === 0) delete state.replyLog[address];
        else if (recent.length !== times.length) state.replyLog[address] = recent;
      }
      if (action.handledBefore) {
        const before = action.handledBefore;
        for (const [key, record] of Object.entries(state.handled)) if (record.at < before) delete state.handled[key];
      }
      return;
    }
    case 'set-event-override':
      state.eventOverrides[action.eventId] = {
        ...state.eventOverrides[action.eventId],
        ...(action.capacity !== undefined ? { capacity: action.capacity } : {}),
        ...(action.closed !== undefined ? { closed: action.closed } : {}),
      };
      state.audit.push(audit(cause, 'event changed', { eventId: action.eventId, detail: JSON.stringify({ capacity: action.capacity, closed: action.closed }) }));
      return;
    case 'send': {
      const to = action.reply.to.address;
      state.outbox.push(outboxItem(action.reply, cause));
      state.replyLog[to] = [...recentReplies(state.replyLog[to], cause.now), at];
      return;
    }
    case 'record-handled':
      state.handled[action.key] = action.record;
      return;
    case 'offer-seat':
      updateRegistration(state, action.registrationId, (r) => ({ ...r, offer: { mailId: action.mailId, offeredAt: at, expiresAt: action.expiresAt }, updatedAt: at }));
      state.audit.push(audit(cause, 'seat offered', { registrationId: action.registrationId, detail: `until ${action.expiresAt}` }));
      return;
    case 'lapse-offer':
      updateRegistration(state, action.registrationId, (r) => (r.offer ? { ...r, offer: { ...r.offer, lapsedAt: at }, updatedAt: at } : r));
      state.audit.push(audit(cause, 'offer lapsed', { registrationId: action.registrationId }));
      return;
    case 'mark-reminded':
      updateRegistration(state, action.registrationId, (r) => ({ ...r, remindedAt: at }));
      state.audit.push(audit(cause, 'reminded', { registrationId: action.registrationId }));
      return;
    case 'queue-digest': {
      // Keyed by date: a digest already queued (a retried tick, a manual send) is not queued twice.
      const queued = new Set(state.outbox.map((o) => o.id));
      for (const m of action.mails) if (!queued.has(m.messageId)) state.outbox.push(outboxItem(m, cause));
      state.lastDigestAt = at;
      state.lastDigestDate = action.date;
      state.audit.push(audit(cause, 'digest queued', { detail: action.date }));
      return;
    }
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${(unreachable as { type: string }).type}`);
    }
  }
}

export function applyAction(state: DeskState, action: Action, cause: Cause): DeskState {
  return applyActions(state, [action], cause);
}

export function applyActions(state: DeskState, actions: Action[], cause: Cause): DeskState {
  if (actions.length === 0) return state;
  const next = ownCopy(state);
  for (const action of actions) applyInPlace(next, action, cause);
  return next;
}

export function repliesInWindow(state: DeskState, address: string, now: Date): number {
  return recentReplies(state.replyLog[address], now).length;
}
