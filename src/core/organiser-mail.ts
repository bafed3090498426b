// Mail commands from proven organisers (list, add, remove, capacity, close/reopen).
import type { DeskContext } from './decide.ts';
import type { Draft } from './draft.ts';
import type { Classification, InboundMessage } from './types.ts';

export interface CommandResult {
  summary: string;
}

/** Returns null when the mail is not a command; the desk then reads it as a (phone) registration. */
export function organiserMailCommand(_draft: Draft, _msg: InboundMessage, _c: Classification, _ctx: DeskContext): CommandResult | null {
  return null;
}
