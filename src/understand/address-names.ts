// A name for an address written without one. People write the name in one sentence and the address in
// another ("Mevrouw Saskia Roos … is verhinderd. Zij was aangemeld met s.roos@…", "Roel zijn mailadres is
// roel.jongsma@…"); the address itself shows which written name it belongs to.
import { leadingName } from './names.ts';
import { fold } from './text.ts';

/** Words read after a capital for one name ("Iris van der Linden" is four). */
const NAME_WINDOW_WORDS = 8;
/** A surname shorter than this ("Bo", "Li") is too likely to appear inside an unrelated address. */
const MIN_SURNAME_CHARS = 3;

/** Titles before a name ("Wethouder Anton Kremer", "Dr. Claire Donnelly"): not part of it, and not in the address. */
const TITLE = /^(?:wethouder|burgemeester|gedeputeerde|raadslid|directeur|director|dr|mr|ir|drs|prof|ing|dhr|mevr|mw|mevrouw|meneer|heer|mrs|ms|mx|mayor|alderman|councillor)\.?$/i;

/** Full names (two words or more) written in `text`, in order, without repeats. */
export function fullNamesIn(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i]!) || TITLE.test(words[i]!)) continue;
    const found = leadingName(words.slice(i, i + NAME_WINDOW_WORDS).join(' '));
    if (!found || !/\s/.test(found)) continue;
    // A full stop after the last word ends the sentence, not an initial ("Roos." but "J.").
    const name = found.replace(/(\p{L}{2,})\.$/u, '$1');
    if (!out.includes(name)) out.push(name);
    i += name.split(/\s+/).length - 1;
  }
  return out;
}

function lettersOnly(text: string): string {
  return fold(text).replace(/[^a-z]/g, '');
}

/**
 * The address spells the name: the surname is in it and it starts with the first name's initial
 * ("d.prins" for Dirk Prins, "i.vanderlinden" for Iris van der Linden, "roel.jongsma" for Roel Jongsma).
 */
export function addressSpells(email: string, name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return false;
  const local = lettersOnly(email.slice(0, email.indexOf('@')));
  const surname = lettersOnly(words[words.length - 1]!);
  const initial = lettersOnly(words[0]!)[0];
  return surname.length >= MIN_SURNAME_CHARS && !!initial && local.startsWith(initial) && local.slice(1).includes(surname);
}

/** The one name of `writtenNames` (fullNamesIn of the mail) that `email` spells, or null when none or several do. */
export function nameSpelledBy(email: string, writtenNames: string[]): string | null {
  const names = writtenNames.filter((n) => addressSpells(email, n));
  return names.length === 1 ? names[0]! : null;
}
