// Who a signup or cancellation is for: the sender (unless they clearly act only for others or are staff),
// colleagues they name by address in the text, in Cc, or in a forwarded mail, and callers staff typed up.
import type { Address, Attendee, InboundMessage } from '../core/types.ts';
import { type ForwardedMail, readForwarded } from './forwarded.ts';
import type { MailParts } from './mail-parts.ts';
import { cleanDisplayName, displayNameSuffix, looksLikeName } from './names.ts';
import { groupOrganisation, hasOrganisationWord, signatureOrganisation, statedOrganisation } from './organisation.ts';
import { callerInNote, namedColleagues, peopleWithAddresses, type PersonInText } from './people-in-text.ts';
import { splitSignature } from './signature.ts';
import { splitPlainText } from './strip-quotes.ts';
import { fold } from './text.ts';

export interface AttendeeContext {
  msg: InboundMessage;
  parts: MailParts;
  /** the sender is staff: they act for others, never for themselves */
  staff: boolean;
  /** addresses that are ours (the desk, staff): never attendees */
  isOurs: (address: string) => boolean;
  /** an address only machines write from (a newsletter forwarded for its content is no colleague) */
  isMachine: (address: string) => boolean;
}

/** The sender includes themself ("meld mij aan", "ik kom", "mijn collega en ik"). */
const SELF_CUES = [
  /\b(?:mij|mezelf|mijzelf|ikzelf|onszelf|myself|ourselves)\b/,
  /\b(?:meld(?:en)?|schrijf|schrijven|geef|geven|zet|reserveer|register|sign|enrol|enroll|book|count|cancel)\s+(?:ik\s+|wij\s+|we\s+)?(?:ons|me|us)\b/,
  /\b(?:ons|me)\s+(?:graag\s+|ook\s+|hierbij\s+|bij deze\s+|dan\s+|maar\s+|allebei\s+|beiden\s+|samen\s+){0,4}(?:aan|aanmelden|inschrijven|in|op|opgeven|af|afmelden|uitschrijven)\b/,
  /\b(?:ik|wij|we|i)(?:\s+(?:wil|wilde|willen|wilt|zou|zouden|graag|ook|hierbij|would|like|to|'d|want|also|hereby|zelf|dan|toch|helaas|moet|moeten|must|have|need|will|'ll|am|be|ben|zijn|gaan|ga|kan|kon|kunnen|can|could|please|er|niet|not|unfortunately|zeker|certainly|allebei|beiden)){0,8}\s+(?:aanmelden|inschrijven|opgeven|deelnemen|aanwezig|komen|kom|bijwonen|erbij|register|sign up|attend|come|join|participate|be there|afmelden|cancel|uitschrijven)\b/,
  /\b(?:en ik|ik en|and i|i and|and myself|en mezelf|en mijzelf|samen met|together with|beiden|allebei|both of us|we both|wij beiden|met z'?n (?:tweeen|drieen|vieren|vijven|allen)|with my colleagues?|met mijn collega'?s?)\b/,
];

/** The sender says they themself will not come ("ik kan zelf niet", "I'm unable to attend myself"). */
const NOT_SELF = /\b(?:kan|kun|kunnen|can'?t|cannot|unable|not able|niet)\b[^.?!]{0,30}\b(?:zelf|myself)\b|\b(?:zelf|myself)\b[^.?!]{0,20}\b(?:niet|not)\b/;

/** The sender refers to others in the mail, so Cc'd addresses are meant as attendees. */
const OTHERS_CUE = /\b(?:collega'?s?|colleagues?|cc|cc'd|gecc'?d|kopie|copied|samen met|together with|ook mee|wij|we|ons|us|beiden|allebei|both|met z'?n|en ik|and i|partner|medewerkers?|team)\b/;

/** The sender points at the forwarded mail's writer ("zie onder", "het verzoek van mijn collega"). */
const POINTS_AT_FORWARD = /\b(?:collega'?s?|colleagues?|hem|haar|hen|him|her|them|zijn verzoek|haar verzoek|ons allebei|ons beiden|both of us|ons samen|zij|hij|he|she)\b/;

function person(name: string | null, email: string | null, organisation: string | null, phone: string | null = null): Attendee {
  const a: Attendee = { name, email, organisation };
  if (phone) a.phone = phone;
  return a;
}

function fromText(p: PersonInText): Attendee {
  return person(p.name, p.email, p.organisation, p.phone);
}

function fromAddress(a: Address): Attendee {
  return person(cleanDisplayName(a.name), a.address || null, null);
}

/** Signature lines: the name line, then what is written under it. */
function signatureLayout(signature: string, nameOnClosing: string | null): { name: string | null; under: string[] } {
  const lines = signature.split('\n').map((l) => l.trim());
  const first = lines.findIndex((l) => l);
  if (first < 0) return { name: null, under: [] };
  // The first line is the sign-off ("Met vriendelijke groet,") unless the signature starts with the name.
  const startsWithName = looksLikeName(lines[first]!);
  if (nameOnClosing || startsWithName) return { name: nameOnClosing ?? lines[first]!, under: lines.slice(first + 1) };
  const nameAt = lines.findIndex((l, i) => i > first && l);
  if (nameAt < 0) return { name: null, under: [] };
  return { name: looksLikeName(lines[nameAt]!) ? lines[nameAt]! : null, under: lines.slice(nameAt + 1) };
}

function senderAttendee(ctx: AttendeeContext, described: PersonInText | undefined): Attendee {
  const from = ctx.msg.from!;
  const layout = signatureLayout(ctx.parts.signature, ctx.parts.nameOnClosing);
  const suffix = displayNameSuffix(from.name);
  const organisation =
    described?.organisation ??
    statedOrganisation(ctx.parts.ownWords) ??
    (suffix && hasOrganisationWord(suffix) ? suffix : null) ??
    signatureOrganisation(layout.under);
  const name = cleanDisplayName(from.name) ?? described?.name ?? layout.name;
  return person(name, from.address, organisation, described?.phone ?? null);
}

function includesSelf(foldedOwnWords: string): boolean {
  return !NOT_SELF.test(foldedOwnWords) && SELF_CUES.some((re) => re.test(foldedOwnWords));
}

function firstName(name: string): string {
  return name.split(/\s+/)[0]!.toLowerCase();
}

function samePerson(a: Attendee, b: Attendee): boolean {
  if (a.email && b.email) return a.email === b.email;
  if (a.name && b.name) return a.name === b.name || firstName(a.name) === b.name.toLowerCase() || firstName(b.name) === a.name.toLowerCase();
  // "Sanne" named in the text and sanne.bakker@… given later: one person.
  const named = a.name ? a : b;
  const addressed = a.email ? a : b;
  if (!named.name || !addressed.email || named === addressed) return false;
  return addressed.email.split('@')[0]!.split(/[._-]/)[0] === firstName(named.name);
}

/** Add `a` unless it is someone already listed; fill in what the earlier entry lacked. */
function addUnique(list: Attendee[], a: Attendee): void {
  const dup = list.find((b) => samePerson(a, b));
  if (!dup) {
    list.push(a);
    return;
  }
  // The fuller name wins ("Lotte" named in the text, "Lotte Smit" in the forwarded header).
  if (a.name && (!dup.name || (a.name.length > dup.name.length && a.name.startsWith(dup.name) && a.email))) dup.name = a.name;
  dup.email ??= a.email;
  dup.organisation ??= a.organisation;
  if (a.phone && !dup.phone) dup.phone = a.phone;
}

/** The writer of a forwarded mail, with the organisation from their own signature. */
function forwardedWriter(fwd: ForwardedMail): Attendee {
  const a = fromAddress(fwd.from!);
  const sig = splitSignature(splitPlainText(fwd.body).own.trim());
  a.organisation = signatureOrganisation(signatureLayout(sig.signature, sig.nameOnClosing).under);
  return a;
}

function forwardedPerson(ctx: AttendeeContext, folded: string, sender: string): Attendee | null {
  if (ctx.parts.quotedKind !== 'forward') return null;
  const fwd = readForwarded(ctx.parts.quoted);
  const from = fwd?.from;
  if (!fwd || !from || from.address === sender) return null;
  if (from.address && (ctx.isOurs(from.address) || ctx.isMachine(from.address))) return null;
  if (!from.address && !ctx.staff) return null;
  const named = from.name && folded.includes(firstName(from.name));
  return ctx.staff || named || POINTS_AT_FORWARD.test(folded) ? forwardedWriter(fwd) : null;
}

/** Everyone the mail registers or cancels, sender first, then others in the order they are named. */
export function findAttendees(ctx: AttendeeContext): Attendee[] {
  const { msg, parts } = ctx;
  const sender = msg.from?.address ?? '';
  const folded = fold(parts.ownWords);
  const inText = peopleWithAddresses(parts.ownWords);
  const described = inText.find((p) => p.email === sender);
  const others: Attendee[] = [];
  const forwarded = forwardedPerson(ctx, folded, sender);
  if (forwarded) addUnique(others, forwarded);
  for (const p of inText) if (p.email && p.email !== sender && !ctx.isOurs(p.email)) addUnique(others, fromText(p));
  for (const name of namedColleagues(parts.ownWords)) addUnique(others, person(name, null, null));
  if (OTHERS_CUE.test(folded)) {
    for (const cc of msg.cc) if (cc.address && cc.address !== sender && !ctx.isOurs(cc.address)) addUnique(others, fromAddress(cc));
  }
  let people: Attendee[];
  if (ctx.staff) {
    const caller = callerInNote(parts.ownWords, ctx.isOurs);
    if (caller) addUnique(others, fromText(caller));
    people = others;
  } else {
    const withSender = others.length === 0 || includesSelf(folded);
    people = withSender && msg.from ? [senderAttendee(ctx, described), ...others] : others;
  }
  // "Kees en ik komen namens Buurtwarmte Lombok": the group's organisation is everyone's.
  const group = groupOrganisation(parts.ownWords);
  if (group) for (const p of people) p.organisation ??= group;
  return people;
}
