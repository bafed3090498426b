// Mail commands from proven organisers (list, add, remove, capacity, close/reopen). decide.ts calls this
// only for a proven organiser; every command is answered in one mail, in the organiser's words' language.
import { attendeeCsv } from './attendee-csv.ts';
import type { DeskContext } from './decide.ts';
import { type Draft, NO_THREAD } from './draft.ts';
import { defaultSignupEvent, effectiveEvents, registrationOpen, upcoming } from './events.ts';
import { seatsTaken, waitingCount } from './offer-seats.ts';
import { cancelRegistration, promoteFromWaitlist, signUp } from './operations.ts';
import type { EventRef, OrganiserCommand } from './organiser-commands-parse.ts';
import { parseOrganiserCommands } from './organiser-commands-parse.ts';
import { ORGANISER_WORDS, type OrganiserWords } from './organiser-words.ts';
import { threadOf } from './reply-thread.ts';
import { activeByEmail, confirmedOf } from './seats.ts';
import type { ReplySpec } from './state.ts';
import type { Classification, EventInfo, InboundMessage, Language } from './types.ts';

export interface CommandResult {
  summary: string;
}

type Attachment = NonNullable<ReplySpec['attachments']>[number];

interface Run {
  draft: Draft;
  ctx: DeskContext;
  w: OrganiserWords;
  language: Language;
  organiser: string;
  attachments: Attachment[];
}

const CSV_NAME: Record<Language, string> = { nl: 'deelnemers', en: 'attendees' };

/** Events as they are now: an earlier command in the same mail may have changed capacity or closed one. */
function eventsNow(run: Run): EventInfo[] {
  return effectiveEvents(run.ctx.events, run.draft.state);
}

function resolve(run: Run, ref: EventRef): EventInfo | string | null {
  if (ref === null) return null;
  const events = eventsNow(run);
  if ('unknown' in ref) return run.w.unknownEvent(ref.unknown, events.map((e) => e.id));
  return events.find((e) => e.id === ref.id)!;
}

function list(run: Run, ref: EventRef): string[] {
  const named = resolve(run, ref);
  if (typeof named === 'string') return [named];
  const events = named ? [named] : upcoming(eventsNow(run), run.ctx.now);
  if (events.length === 0) return [run.w.noEvents];
  const state = run.draft.state;
  for (const e of events) {
    run.attachments.push({ filename: `${CSV_NAME[run.language]}-${e.id}.csv`, contentType: 'text/csv; charset=utf-8', content: attendeeCsv(state, e) });
  }
  return events.map((e) => run.w.counts(e.id, e.title, seatsTaken(state, e.id), e.capacity, waitingCount(state, e.id), !registrationOpen(e, run.ctx.now)));
}

function add(run: Run, cmd: Extract<OrganiserCommand, { type: 'add' }>): string[] {
  const named = resolve(run, cmd.event);
  if (typeof named === 'string') return [named];
  const event = named ?? defaultSignupEvent(eventsNow(run), run.ctx.now);
  if (!event) return [run.w.noEvents];
  const who = cmd.name ? `${cmd.name} <${cmd.email}>` : cmd.email;
  // Told only to the organiser: the person never asked, so a "registration closed" mail would puzzle them.
  if (!registrationOpen(event, run.ctx.now)) return [run.w.added(who, event.id, 'closed')];
  const outcome = signUp(run.draft, { name: cmd.name, email: cmd.email, organisation: cmd.organisation }, event, {
    source: 'organiser',
    language: run.language,
    thread: NO_THREAD,
    notify: run.organiser,
  });
  return [run.w.added(who, event.id, outcome)];
}

function remove(run: Run, cmd: Extract<OrganiserCommand, { type: 'remove' }>): string[] {
  const named = resolve(run, cmd.event);
  if (typeof named === 'string') return [named];
  const regs = activeByEmail(run.draft.state, cmd.email).filter((r) => !named || r.eventId === named.id);
  if (regs.length === 0) return [run.w.notRegistered(cmd.email, named?.id ?? null)];
  if (regs.length > 1) return [run.w.whichEvent(cmd.email, regs.map((r) => r.eventId))];
  const reg = regs[0]!;
  const event = eventsNow(run).find((e) => e.id === reg.eventId)!;
  cancelRegistration(run.draft, reg, event, reg.language, NO_THREAD, run.ctx.promotion);
  return [run.w.removed(reg.name ? `${reg.name} <${cmd.email}>` : cmd.email, event.id)];
}

function capacity(run: Run, ref: EventRef, to: number): string[] {
  const named = resolve(run, ref);
  if (typeof named === 'string' || named === null) return [named ?? run.w.noEvents];
  run.draft.push({ type: 'set-event-override', eventId: named.id, capacity: to });
  const lines = [run.w.capacity(named.id, named.capacity, to)];
  const confirmed = confirmedOf(run.draft.state, named.id).length;
  // Lowering never drops anyone: the seats above the new capacity simply are not given again.
  if (confirmed > to) lines.push(run.w.overfull(confirmed));
  if (to > named.capacity) {
    const raised = eventsNow(run).find((e) => e.id === named.id)!;
    const { promoted, offered } = promoteFromWaitlist(run.draft, raised, run.ctx.promotion);
    if (promoted.length) lines.push(run.w.promoted(promoted.length));
    if (offered.length) lines.push(run.w.offered(offered.length));
  }
  return lines;
}

function setClosed(run: Run, ref: EventRef, closed: boolean): string[] {
  const named = resolve(run, ref);
  if (typeof named === 'string' || named === null) return [named ?? run.w.noEvents];
  run.draft.push({ type: 'set-event-override', eventId: named.id, closed });
  if (closed) return [run.w.closed(named.id)];
  const reopened = eventsNow(run).find((e) => e.id === named.id)!;
  return registrationOpen(reopened, run.ctx.now) ? [run.w.reopened(named.id)] : [run.w.reopened(named.id), run.w.stillClosed];
}

function execute(run: Run, cmd: OrganiserCommand): string[] {
  switch (cmd.type) {
    case 'list':
      return list(run, cmd.event);
    case 'add':
      return add(run, cmd);
    case 'remove':
      return remove(run, cmd);
    case 'capacity':
      return capacity(run, cmd.event, cmd.capacity);
    case 'close':
      return setClosed(run, cmd.event, true);
    case 'reopen':
      return setClosed(run, cmd.event, false);
    default: {
      const unreachable: never = cmd;
      throw new Error(`unknown organiser command ${(unreachable as { type: string }).type}`);
    }
  }
}

/** Returns null when the mail is not a command; the desk then reads it as a (phone) registration. */
export function organiserMailCommand(draft: Draft, msg: InboundMessage, c: Classification, ctx: DeskContext): CommandResult | null {
  if (!msg.from) return null;
  const parsed = parseOrganiserCommands(c.ownText ?? msg.text, msg.subject, ctx.events);
  if (!parsed) return null;
  const run: Run = { draft, ctx, w: ORGANISER_WORDS[parsed.language], language: parsed.language, organiser: msg.from.address, attachments: [] };
  const lines = parsed.commands.flatMap((cmd) => execute(run, cmd));
  const kind = parsed.commands.some((cmd) => cmd.type === 'list') ? 'organiser-list' : 'organiser-ack';
  draft.reply(kind, msg.from, parsed.language, threadOf(msg), { vars: { results: lines.join('\n') }, attachments: run.attachments });
  return { summary: `organiser:${parsed.commands.map((cmd) => cmd.type).join(',')}` };
}
