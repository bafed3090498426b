// classify(mail, events) -> what the person wants. Pure and deterministic: no I/O, no clock.
//
// Judgement calls (see also test/fixtures/classify/README.md):
// - Intent comes from the person's own new words only (quotes, forwards and signature removed); the
//   subject counts only for a fresh mail whose body states nothing. Staff forwarding someone's mail with
//   no request of their own: the forwarded words count.
// - Questions, doubts, conditions, negations, mixed requests, substitutes and one request for several
//   sessions are 'other': people handle them. A cancellation named by mistake costs more than a mail left.
// - What someone else will do themself ("mijn opvolger meldt zich zelf aan") asks nothing of us; a cancel
//   leaves alone whoever it says still comes ("Piet komt wel"), but never so that only a sender who did
//   not say they cancel is left.
// - Erasure ("verwijder mijn gegevens") sets `erasure` and is always 'other', even with a cancel in the
//   same mail: erasing needs a check that a person (or decide.ts with proof) makes, not a guess.
// - Staff are opts.organisers and anyone at one of ourDomains or a parent of one (so with the Message-ID
//   domain "aanmeldbot.hieropgewekt.nl", everyone at hieropgewekt.nl); staff are never attendees.
// - event: what the request sentences name, else the own words, else the subject, else the quoted mail;
//   automatic mail never has one.
import type { Classification, EventInfo, InboundMessage } from '../core/types.ts';
import { findAttendees } from './attendees.ts';
import { eventOnRelativeDay, eventsNamed } from './event-match.ts';
import { readForwarded } from './forwarded.ts';
import { acceptsInvitation } from './invitation-reply.ts';
import { readIntent, type IntentReading } from './intent.ts';
import { answersOurQuestion, cannotOneComesToAnother, comingToWhatTheyHave, MAX_QUOTED_CHARS_FOR_EVENT } from './reading-in-context.ts';
import { STILL_COMES } from './intent-phrases.ts';
import { clauses } from './sentence-reading.ts';
import { clientPrefixLanguage, detectLanguage, subjectLanguage } from './language.ts';
import { mailParts, type MailParts } from './mail-parts.ts';
import { automaticVerdict } from './robots.ts';
import { outOfOfficePhrases } from './robot-content.ts';
import { machineAddress } from './robot-signs.ts';
import { splitSignature } from './signature.ts';
import { splitPlainText } from './strip-quotes.ts';
import { bareSubject, domainOf, fold, isForwardSubject, isReplySubject } from './text.ts';

export { ownWords } from './mail-parts.ts';
export { isAutomatic } from './robots.ts';

export interface ClassifyOptions {
  /** our own domains (Message-IDs, the desk's address); staff write from these or their parents */
  ourDomains?: string[];
  /** staff addresses: their mail is about others (phone registrations, forwarded requests) */
  organisers?: string[];
}

/** Subjects are a line; anything longer is junk we need not read in full. */
const MAX_SUBJECT_CHARS = 1000;

/** A domain is ours when it is one of ourDomains, a parent of one ("hieropgewekt.nl" for "aanmeldbot.hieropgewekt.nl"), or below one. */
function domainIsOurs(domain: string, ourDomains: string[]): boolean {
  if (!domain.includes('.')) return false;
  return ourDomains.some((d) => {
    const ours = d.toLowerCase();
    return domain === ours || ours.endsWith(`.${domain}`) || domain.endsWith(`.${ours}`);
  });
}

function ourAddressTest(opts: ClassifyOptions): (address: string) => boolean {
  const organisers = new Set((opts.organisers ?? []).map((a) => a.toLowerCase()));
  const domains = opts.ourDomains ?? [];
  return (address) => organisers.has(address.toLowerCase()) || domainIsOurs(domainOf(address), domains);
}

/** Subjects of replies and forwards are someone else's words: only a fresh subject says what the person wants. */
function ownSubject(msg: InboundMessage): string {
  const subject = msg.subject.slice(0, MAX_SUBJECT_CHARS);
  return isReplySubject(subject) || isForwardSubject(subject) ? '' : bareSubject(subject);
}

/** The request inside a forwarded mail, read like a mail of its own (staff forward people's requests). */
function forwardedRequest(parts: MailParts): { words: string; subject: string } | null {
  if (parts.quotedKind !== 'forward') return null;
  const fwd = readForwarded(parts.quoted);
  if (!fwd) return null;
  const words = splitSignature(splitPlainText(fwd.body).own.trim()).body;
  return { words, subject: isReplySubject(fwd.subject) ? '' : bareSubject(fwd.subject) };
}

/**
 * The event the mail is about: what the request sentences name, else the person's own words, else the
 * subject, else the mail they answer or forward. The first source that names anything decides; naming two
 * events there gives null.
 */
function eventOf(sources: string[], events: EventInfo[]): { event: string | null; several: boolean } {
  for (const text of sources) {
    if (!text.trim()) continue;
    const named = eventsNamed(text, events);
    if (named.length) return { event: named.length === 1 ? named[0]! : null, several: named.length > 1 };
  }
  return { event: null, several: false };
}

/** A machine's mail: no attendees, no event; the language of its words, or of its client's subject prefix. */
function automaticResult(msg: InboundMessage, parts: MailParts, reason: string): Classification {
  // A notifier quotes people ("Jorrit commented: "Mooie reeks!""); its own words are what is not in quotes.
  const ownWords = parts.ownWords.replace(/["“][^"”\n]{0,500}["”]/g, ' ');
  // A receipt or calendar answer quotes our Dutch title; its client's prefix ("Read:") says its language.
  const subject = msg.subject.slice(0, MAX_SUBJECT_CHARS);
  const language = clientPrefixLanguage(subject) ?? (ownWords.trim() ? detectLanguage(ownWords) : subjectLanguage(subject));
  return { intent: 'automatic', language, attendees: [], event: null, reason, ownText: parts.ownWords };
}

function otherResult(language: Classification['language'], event: string | null, reading: IntentReading, ownText: string): Classification {
  const c: Classification = { intent: 'other', language, attendees: [], event, reason: reading.reason, ownText };
  if (reading.erasure) c.erasure = true;
  return c;
}

export function classify(msg: InboundMessage, events: EventInfo[], opts: ClassifyOptions = {}): Classification {
  const parts = mailParts(msg);
  const robot = automaticVerdict(msg, { ourDomains: opts.ourDomains ?? [] }, parts);
  const rawSubject = msg.subject.slice(0, MAX_SUBJECT_CHARS);
  const subject = bareSubject(rawSubject);
  if (robot.automatic) return automaticResult(msg, parts, robot.reason);
  const isOurs = ourAddressTest(opts);
  const staff = !!msg.from && isOurs(msg.from.address);
  let words = parts.ownWords;
  let reading = readIntent(fold(words), fold(ownSubject(msg)), { staff });
  let innerWords = '';
  if (staff && reading.intent === 'other' && reading.reason === 'no-request') {
    // Staff forwarding a person's mail ("zie onder"): the person's words carry the request.
    const inner = forwardedRequest(parts);
    if (inner) {
      const innerReading = readIntent(fold(inner.words), fold(inner.subject));
      if (innerReading.intent !== 'other' || innerReading.reason !== 'no-request') {
        reading = innerReading;
        words = inner.words;
        innerWords = `${inner.words}\n${inner.subject}`;
      }
    }
  }
  const otherSession = reading.reason === 'mixed' ? cannotOneComesToAnother(reading, words, events) : null;
  if (otherSession) reading = { ...reading, intent: 'signup', reason: 'signup:other-session', cancelSentences: [] };
  if (!staff && reading.intent === 'signup' && comingToWhatTheyHave(reading.signupSentences, subject, parts.quoted, events)) {
    reading = { ...reading, intent: 'other', reason: 'already-registered' };
  }
  const answer = !staff && reading.intent === 'other' && reading.reason === 'no-request' ? answersOurQuestion(words, parts.quoted) : null;
  if (answer) reading = { ...reading, intent: answer, reason: `answers-our-question:${answer}`, [answer === 'signup' ? 'signupSentences' : 'cancelSentences']: [fold(words)] };
  if (!staff && reading.intent === 'other' && reading.reason === 'no-request' && acceptsInvitation(words, rawSubject, parts.quoted)) {
    reading = { ...reading, intent: 'signup', reason: 'accepts-invitation', signupSentences: [fold(words)] };
  }
  // "Re: Bevestiging …" with only "Ik ben tot 5 januari met verlof." above nothing: an out-of-office that
  // sent no header and had one absence phrase (two are enough anywhere, see robot-content.ts). A person who
  // answers our mail with only their absence asks nothing of the desk either.
  if (!staff && reading.intent === 'other' && reading.reason === 'no-request' && isReplySubject(rawSubject) && outOfOfficePhrases(parts.newText) > 0) {
    return automaticResult(msg, parts, 'content:absence-in-reply');
  }
  // "Cheers, got it!" is all sign-off: with no own words left, the sign-off still says which language.
  const language = detectLanguage(words || parts.newText || subject);
  // "Voor 11 maart blijf ik gewoon aangemeld, maar 8 april lukt me niet": the session kept is not the one asked about.
  const requestSentences = [...reading.signupSentences, ...reading.cancelSentences]
    .map((sentence) => clauses(sentence).filter((c) => !STILL_COMES.test(c)).join(', '))
    .join('\n');
  const named = eventOf([requestSentences, parts.ownWords, innerWords, subject, parts.quoted.slice(0, MAX_QUOTED_CHARS_FOR_EVENT)], events);
  // "Hij is ziek en komt vanmiddag niet" names no session but the day, counted from the mail's date.
  const onDay = named.event || named.several ? null : eventOnRelativeDay(parts.ownWords, msg.date, events);
  const { event, several } = otherSession || onDay ? { event: otherSession ?? onDay, several: false } : named;
  // One request for two sessions cannot be carried out as one: people decide.
  if (reading.intent !== 'other' && several) reading = { ...reading, intent: 'other', reason: 'several-events' };
  if (reading.intent === 'other') return otherResult(language, event, reading, parts.ownWords);
  const attendees = findAttendees({
    msg, parts, staff, isOurs,
    isMachine: (a) => machineAddress(a) !== null,
    intent: reading.intent,
  });
  const c: Classification = { intent: reading.intent, language, attendees, event, reason: staff ? `${reading.reason}:staff` : reading.reason, ownText: parts.ownWords };
  if (reading.doubtful) c.doubtful = true;
  return c;
}
