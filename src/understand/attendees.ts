// Who a signup or cancellation is for: the sender (unless they clearly act only for others or are staff),
// colleagues they name by address in the text, in Cc, or in a forwarded mail, and callers staff typed up.
import type { Address, Attendee, InboundMessage } from '../core/types.ts';
import { fullNamesIn, nameSpelledBy } from './address-names.ts';
import { type ForwardedMail, readForwarded } from './forwarded.ts';
import type { MailParts } from './mail-parts.ts';
import { cleanDisplayName, displayNameSuffix } from './names.ts';
import { groupOrganisation, hasOrganisationWord, organisationAfterName, signatureOrganisation, statedOrganisation } from './organisation.ts';
import { callerInNote, namedColleagues, peopleWithAddresses, type PersonInText } from './people-in-text.ts';
import { signatureLayout, splitSignature } from './signature.ts';
import { type Staying, stillComing } from './staying.ts';
import { splitPlainText } from './strip-quotes.ts';
import { fold } from './text.ts';
import { outOfOfficePhrases, subjectSign } from './robot-content.ts';
import { ALREADY_REGISTERED, ALSO_ME, includesSelf, ME_AND_OTHERS, MEANT_TOO, NOT_SELF, OTHERS_CUE, POINTS_AT_FORWARD, SENDER_CANCELS, SENDER_STAYS, undecided } from './attendee-cues.ts';
import { MAX_QUOTED_CHARS_FOR_EVENT, OUR_REGISTERED_MAIL } from './reading-in-context.ts';

export interface AttendeeContext {
  msg: InboundMessage;
  parts: MailParts;
  /** the sender is staff: they act for others, never for themselves */
  staff: boolean;
  /** addresses that are ours (the desk, staff): never attendees */
  isOurs: (address: string) => boolean;
  /** an address only machines write from (a newsletter forwarded for its content is no colleague) */
  isMachine: (address: string) => boolean;
  /** what the mail asks; for a cancel, colleagues said to still come are left out */
  intent?: 'signup' | 'cancel';
}

/** "Ms. Shreya Varma", "dhr. Jansen": the title of address is not part of the name we write to. */
const HONORIFIC = /^(?:ms|mrs|mr|mx|miss|dhr|mevr|mw|mevrouw|meneer|de heer)\.?\s+(?=\p{Lu})/iu;
const ONLY_HONORIFIC = /^(?:ms|mrs|mr|mx|miss|dhr|mevr|mw|mevrouw|meneer)\.?$/i;

function person(name: string | null, email: string | null, organisation: string | null, phone: string | null = null): Attendee {
  const bare = name?.trim().replace(HONORIFIC, '') ?? null;
  const a: Attendee = { name: bare && !ONLY_HONORIFIC.test(bare) ? bare : null, email, organisation };
  if (phone) a.phone = phone;
  return a;
}

function fromText(p: PersonInText): Attendee {
  return person(p.name, p.email, p.organisation, p.phone);
}

/** An address with no name beside it takes the full name written elsewhere that it spells, and what follows that name. */
function withNameFromText(p: PersonInText, text: string, writtenNames: () => string[]): PersonInText {
  if (p.name || !p.email) return p;
  const name = nameSpelledBy(p.email, writtenNames());
  return name ? { ...p, name, organisation: p.organisation ?? organisationAfterName(text, name) } : p;
}

function fromAddress(a: Address): Attendee {
  return person(cleanDisplayName(a.name), a.address || null, null);
}

function senderAttendee(ctx: AttendeeContext, described: PersonInText | undefined): Attendee {
  const from = ctx.msg.from!;
  const layout = signatureLayout(ctx.parts.signature, ctx.parts.nameOnClosing);
  const suffix = displayNameSuffix(from.name);
  const organisation =
    described?.organisation ??
    statedOrganisation(ctx.parts.ownWords) ??
    (suffix && hasOrganisationWord(suffix) ? suffix : null) ??
    signatureOrganisation(layout.under, [cleanDisplayName(from.name), layout.name, ctx.parts.nameOnClosing]);
  const name = cleanDisplayName(from.name) ?? described?.name ?? layout.name;
  return person(name, from.address, organisation, described?.phone ?? null);
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
  const layout = signatureLayout(sig.signature, sig.nameOnClosing);
  a.organisation = signatureOrganisation(layout.under, [a.name, layout.name, sig.nameOnClosing]);
  return a;
}

/** Shorter name words ("Jo", "Li") turn up inside too many other words. */
const MIN_NAME_KEY_CHARS = 3;

function forwardedPerson(ctx: AttendeeContext, fwd: ForwardedMail | null, folded: string, sender: string): Attendee | null {
  const from = fwd?.from;
  if (!fwd || !from || from.address === sender) return null;
  if (from.address && (ctx.isOurs(from.address) || ctx.isMachine(from.address))) return null;
  if (!from.address && !ctx.staff) return null;
  // "as you can see below she is on parental leave": a forwarded auto-reply's writer is not asking to come
  // (but is the one a cancel is about: "zie hieronder, mijn collega is ziek, willen jullie hem afmelden?").
  if (ctx.intent === 'signup' && (subjectSign(fwd.subject) || outOfOfficePhrases(fwd.body) > 0)) return null;
  // "Is dit niet iets voor jou? Ik kan zelf niet": who forwarded an invitation and declines it is not coming.
  if (ctx.intent === 'signup' && NOT_SELF.test(fold(fwd.body))) return null;
  // Named as who sent it on ("Onze griffie stuurde dit door") is not named as someone to register.
  // By first name or surname ("Helaas moet ik wethouder Sterrenburg afmelden").
  const nameWords = from.name ? [firstName(from.name), from.name.trim().split(/\s+/).at(-1)!].map((w) => fold(w)).filter((w) => w.length >= MIN_NAME_KEY_CHARS) : [];
  const named = nameWords.some((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(folded) && !undecided(folded, w, ctx.intent));
  // "My colleague Siobhán forwarded me her confirmation": pointing at who forwarded it asks nothing for them.
  // "Ik zou graag met hem meegaan": going along with someone who has a seat already.
  const pointedAt = folded
    .split(/(?<=[.!?])\s+|\n/)
    .map((s) => s.replace(/\b(?:met|with) (?:hem|haar|him|her)\b/g, ' '))
    .some((s) => POINTS_AT_FORWARD.test(s) && MEANT_TOO.test(s.replace(POINTS_AT_FORWARD, ' ')) && !ALREADY_REGISTERED.test(s));
  return ctx.staff || named || pointedAt ? forwardedWriter(fwd) : null;
}

/**
 * Colleagues the forwarded writer brings: "Mijn collega Hilde (h.schotanus@…) gaat ook mee" in the mail
 * staff or a colleague pass on. Only people said to come (or to cancel) there count.
 */
function colleaguesInForward(ctx: AttendeeContext, fwd: ForwardedMail, writer: Attendee): Attendee[] {
  const body = splitSignature(splitPlainText(fwd.body).own.trim()).body;
  const folded = fold(body);
  return peopleWithAddresses(body)
    .filter((p) => p.email && p.email !== writer.email && p.email !== ctx.msg.from?.address && !ctx.isOurs(p.email) && !ctx.isMachine(p.email))
    .filter((p) => !undecided(folded, p.email!, ctx.intent))
    .map(fromText);
}

/**
 * Others without those the cancel leaves alone. Unless the sender is in the list, never all of them: with
 * nobody left the desk would take the sender, who did not say they cancel. Then the list stays whole, and
 * a person's cancel for others goes to people anyway.
 */
function leaveStaying(others: Attendee[], staying: Staying | null, senderListed: boolean): Attendee[] {
  const kept = staying ? others.filter((a) => !staying.stays(a)) : others;
  return kept.length || senderListed ? kept : others;
}

/** Everyone the mail registers or cancels, sender first, then others in the order they are named. */
export function findAttendees(ctx: AttendeeContext): Attendee[] {
  const { msg, parts } = ctx;
  const sender = msg.from?.address ?? '';
  const folded = fold(parts.ownWords);
  let names: string[] | null = null;
  const writtenNames = () => (names ??= fullNamesIn(parts.ownWords));
  const inText = peopleWithAddresses(parts.ownWords).map((p) => (p.email === sender ? p : withNameFromText(p, parts.ownWords, writtenNames)));
  const described = inText.find((p) => p.email === sender);
  const others: Attendee[] = [];
  // Read once: the writer, the colleagues they bring and a web form's fields all come from it.
  const fwd = parts.quotedKind === 'forward' ? readForwarded(parts.quoted) : null;
  const forwarded = forwardedPerson(ctx, fwd, folded, sender);
  if (forwarded) {
    addUnique(others, forwarded);
    for (const colleague of colleaguesInForward(ctx, fwd!, forwarded)) addUnique(others, colleague);
  }
  for (const p of inText) if (p.email && p.email !== sender && !ctx.isOurs(p.email)) addUnique(others, fromText(p));
  for (const name of namedColleagues(parts.ownWords)) if (!undecided(folded, name, ctx.intent)) addUnique(others, person(name, null, null));
  // A cancel leaves alone who is said to still come; when that colleague is not named, nobody in Cc is cancelled.
  const staying = ctx.intent === 'cancel' ? stillComing(folded) : null;
  if (OTHERS_CUE.test(folded) && !staying?.unnamedComes) {
    for (const cc of msg.cc) if (cc.address && cc.address !== sender && !ctx.isOurs(cc.address)) addUnique(others, fromAddress(cc));
  }
  let people: Attendee[];
  if (ctx.staff) {
    // A web form's notice forwarded by staff: its "Naam:" and "E-mailadres:" fields are the person.
    const caller = callerInNote(parts.ownWords, ctx.isOurs) ?? (!forwarded && fwd ? callerInNote(fwd.body, ctx.isOurs) : null);
    // The caller first: "Tineke Scheffer belde … zij en haar man Bert" lists Tineke, then Bert.
    if (caller) {
      const entry = fromText(caller);
      addUnique(others, entry);
      const at = others.findIndex((o) => samePerson(o, entry));
      others.unshift(...others.splice(at, 1));
    }
    people = leaveStaying(others, staying, false);
  } else {
    // "Ik moet afhaken. Mijn collega Karin komt wel": everyone named still comes, so the cancel is the sender's.
    const everyoneNamedStays = !!staying && others.length > 0 && others.every((a) => staying.stays(a)) && SENDER_CANCELS.test(folded);
    // The sender's own address in a list of people ("- Linnea Sundqvist, linnea@…") lists the sender too.
    const listsSelf = !!described && inText.length > 1;
    const senderStays = ctx.intent === 'cancel' && others.length > 0 && SENDER_STAYS.test(folded);
    // "Kan mijn collega ook nog mee?" above our own confirmation: the sender has a seat already.
    // Unless they name themself too ("Could you also register both of us for February?").
    const alreadyHasSeat = ctx.intent === 'signup' && others.length > 0 && !ALSO_ME.test(folded) && ctx.parts.quotedKind === 'reply' && OUR_REGISTERED_MAIL.test(fold(ctx.parts.quoted.slice(0, MAX_QUOTED_CHARS_FOR_EVENT)));
    const withSender = (others.length === 0 || includesSelf(folded) || (ME_AND_OTHERS.test(folded) && !NOT_SELF.test(folded)) || listsSelf || everyoneNamedStays) && !senderStays && !alreadyHasSeat && !!msg.from;
    const rest = leaveStaying(others, staying, withSender);
    people = withSender ? [senderAttendee(ctx, described), ...rest] : rest;
  }
  // "Kees en ik komen namens Buurtwarmte Lombok": the group's organisation is everyone's.
  const group = groupOrganisation(parts.ownWords);
  if (group) for (const p of people) p.organisation ??= group;
  // Someone with neither name nor address nor phone ("Ms" read as a name) is nobody we can register.
  return people.filter((p) => p.name || p.email || p.phone);
}
