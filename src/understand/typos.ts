// Misspelt request words ("afmleden", "aanmeldn", "anuleren", "cancle") put back to their spelling, so the
// phrase rules see them. Only one slip is repaired: two letters swapped, or one letter dropped or doubled
// inside the word. Changing a letter is not repaired, and neither is the last letter: those make other
// real words ("aanmelder", "registers", "cancels").

/** Words that carry a request. Distinct enough that no slip of one is a slip of another. */
const REQUEST_WORDS = [
  'aanmelden', 'afmelden', 'aanmelding', 'afmelding', 'inschrijven', 'uitschrijven', 'inschrijving', 'annuleren',
  'annulering', 'afzeggen', 'register', 'registration', 'unregister', 'cancel', 'cancellation',
];
/** Below this length a dropped or added letter too easily makes another word; only swaps are repaired. */
const MIN_CHARS_FOR_DROPPED_LETTER = 8;
const BY_FIRST_LETTER = new Map<string, string[]>();
for (const w of REQUEST_WORDS) (BY_FIRST_LETTER.get(w[0]!) ?? BY_FIRST_LETTER.set(w[0]!, []).get(w[0]!)!).push(w);
const KNOWN = new Set(REQUEST_WORDS);

/** Two neighbouring letters swapped ("afmleden" for "afmelden"). */
function swapped(typed: string, word: string): boolean {
  if (typed.length !== word.length) return false;
  let i = 0;
  while (i < word.length && typed[i] === word[i]) i++;
  return i < word.length - 1 && typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
}

/** `longer` is `shorter` with one letter added before its last letter. */
function oneLetterMore(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return i < shorter.length && longer.slice(i + 1) === shorter.slice(i);
}

function isSlipOf(typed: string, word: string): boolean {
  if (swapped(typed, word)) return true;
  if (word.length < MIN_CHARS_FOR_DROPPED_LETTER) return false;
  return oneLetterMore(word, typed) || oneLetterMore(typed, word);
}

/** The request word `token` is a slip of, or null. The first letter is taken as typed right. */
function repaired(token: string): string | null {
  if (KNOWN.has(token)) return null;
  const candidates = (BY_FIRST_LETTER.get(token[0]!) ?? []).filter((w) => Math.abs(w.length - token.length) <= 1 && isSlipOf(token, w));
  return candidates.length === 1 ? candidates[0]! : null;
}

/** Folded text with misspelt request words repaired. Linear: each word is compared with a few others. */
export function correctTypos(folded: string): string {
  return folded.replace(/[a-z]{5,14}/g, (token) => repaired(token) ?? token);
}

/** Spoken spellings of the little words request phrases hinge on: "ik ben d'r bij", "zet me d'r maar op". */
export function spokenForms(folded: string): string {
  // Dotted abbreviations ("a.u.b.", "s.v.p.", "z.s.m.") lose their dots: request phrases allow no full stop
  // inside them, so "reserveer a.u.b. een plek" would not read as one.
  // Spoken Dutch drops the final n: "moet helaas afmelde", "wil me aanmelde".
  return folded.replace(/\bd'r\b/g, 'er').replace(/\b(aanmelde|afmelde|inschrijve|uitschrijve|opgeve|annulere)\b/g, '$1n').replace(/\b(?:[a-z]\.){2,4}(?![a-z])/g, (m) => m.replace(/\./g, ''));
}
