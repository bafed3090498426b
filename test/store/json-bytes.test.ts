import { describe, expect, it } from 'vitest';
import { applyActions } from '../../src/core/apply.ts';
import { emptyState } from '../../src/core/state.ts';
import { seededState } from '../bench/seed.ts';
import { stateJsonBytes } from '../../src/store/json-bytes.ts';

describe('db.json bytes', () => {
  it('are exactly JSON.stringify(state), also after records were replaced, added and removed', () => {
    const state = seededState(300);
    expect(stateJsonBytes(state as never).toString()).toBe(JSON.stringify(state));
    const changed = {
      ...state,
      registrations: [...state.registrations.slice(0, 10), { ...state.registrations[10]!, status: 'cancelled' as const }, ...state.registrations.slice(12)],
      handled: { ...state.handled, 'new@x': { at: 'now', outcome: 'handled' as const, summary: 'signup' } },
      audit: [...state.audit, { at: 'now', cause: 'c', what: 'w' }],
      replyLog: Object.fromEntries(Object.entries(state.replyLog).slice(5)),
    };
    expect(stateJsonBytes(changed as never).toString()).toBe(JSON.stringify(changed));
    expect(stateJsonBytes(state as never).toString()).toBe(JSON.stringify(state));
  });

  it('handles small states, undefined members and non-ASCII text like JSON.stringify', () => {
    const state = { ...emptyState('s'.repeat(64)), purgedEvents: undefined, note: 'Jürgen – coöperatie ✓' };
    expect(stateJsonBytes(state as never).toString()).toBe(JSON.stringify(state));
  });

  it('freezes what it keeps bytes of, so a record changed in place throws instead of being written stale', () => {
    const state = seededState(100);
    stateJsonBytes(state as never);
    expect(() => {
      (state.registrations[0] as { status: string }).status = 'cancelled';
    }).toThrow(TypeError);
    // The desk's own way of changing records still works on the frozen ones.
    const next = applyActions(state, [{ type: 'change-status', registrationId: state.registrations[0]!.id, status: 'cancelled', why: 'cancelled' }], { key: 'k', now: new Date() });
    expect(next.registrations[0]!.status).toBe('cancelled');
    expect(stateJsonBytes(next as never).toString()).toBe(JSON.stringify(next));
  });
});
