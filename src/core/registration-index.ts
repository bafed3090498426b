// Which registrations belong to an event, without scanning them all for every mail: with 20,000 old
// registrations in the store, six scans per mail made deciding three times slower than with 100.
// The index is cached per registrations array. apply.ts only ever pushes to an array it owns or replaces
// one element with a new version of the same registration (same event); erasure and purges build a new
// array, which gets a new index. So positions, once indexed, stay right, and growth is indexed on demand.
import type { Registration } from './state.ts';

interface EventIndex {
  /** how many leading elements are indexed */
  indexed: number;
  positions: Map<string, number[]>;
}

const cache = new WeakMap<readonly Registration[], EventIndex>();

function indexFor(registrations: readonly Registration[]): EventIndex {
  let index = cache.get(registrations);
  if (!index) {
    index = { indexed: 0, positions: new Map() };
    cache.set(registrations, index);
  }
  for (let i = index.indexed; i < registrations.length; i++) {
    const eventId = registrations[i]!.eventId;
    const list = index.positions.get(eventId);
    if (list) list.push(i);
    else index.positions.set(eventId, [i]);
  }
  index.indexed = registrations.length;
  return index;
}

/** The event's registrations, in array (= arrival) order. */
export function registrationsOf(registrations: readonly Registration[], eventId: string): Registration[] {
  return (indexFor(registrations).positions.get(eventId) ?? []).map((i) => registrations[i]!);
}
