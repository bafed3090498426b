// A cancel leaves alone the people it says still come ("Marco komt wel", "my colleague is still planning
// to attend, so please keep his registration", "ik kan niet, mijn collega Piet komt"): cancelling them
// would cost them their seat.
import type { Attendee } from '../core/types.ts';
import { fold } from './text.ts';

/** A clause saying someone comes or keeps their place. */
const COMING =
  /\b(?:komt|komen|gaat|gaan|blijft|blijven|is er|zijn er|neemt deel|nemen deel|still|keep|is coming|are coming|will (?:come|attend|be there|join)|attends|is attending)\b/;
/** A clause that also says they do not come, or cancels them: then they are not left alone. */
const NOT_COMING_TOO =
  /\b(?:niet|geen|verhinderd|ziek|afmeld\w*|af|annul\w*|cancel\w*|intrekken|\w*verlof|vakantie|afwezig|buitenland|not|no longer|unable|can'?t|cannot|won'?t|sick|leave|holiday|vacation|away)\b/;
/** Clauses: a person said to come in one clause may be next to the sender's cancel in another. */
const CLAUSE_BREAK = /[,;:!?\n]|\.(?=\s|$)|\s(?:maar|but|en|and|want|omdat|because|so|dus)\s/;
/** Words for a colleague without a name ("mijn collega (cc) komt wel"). */
const UNNAMED_OTHER = /\b(?:collega'?s?|colleagues?|cc|hij|zij|ze|he|she|they|partner)\b/;
/** Names this short ("Jo") are found inside too many words to tell where a person is mentioned. */
const MIN_KEY_CHARS = 3;

export interface Staying {
  /** this person is said to come and never said not to */
  stays: (a: Attendee) => boolean;
  /** a colleague without a name is said to come: who of those in Cc that is, we cannot tell */
  unnamedComes: boolean;
}

/**
 * Who the cancel must leave alone: people mentioned in a clause saying they come, and in no clause saying
 * they do not come or cancelling them.
 */
export function stillComing(foldedOwnWords: string): Staying {
  const clauses = foldedOwnWords.split(CLAUSE_BREAK).filter((c) => c.trim());
  const coming = clauses.filter((c) => COMING.test(c) && !NOT_COMING_TOO.test(c));
  if (!coming.length) return { stays: () => false, unnamedComes: false };
  const notComing = clauses.filter((c) => NOT_COMING_TOO.test(c));
  const unnamedComes = coming.some((c) => UNNAMED_OTHER.test(c));
  const stays = (a: Attendee) => {
    const keys = [a.email, a.name && fold(a.name), a.name && fold(a.name.split(/\s+/)[0]!)].filter((k): k is string => !!k && k.length >= MIN_KEY_CHARS);
    const named = (c: string) => keys.some((k) => c.includes(k));
    return coming.some(named) && !notComing.some(named);
  };
  return { stays, unnamedComes };
}
