// Person names: from display names, signatures, and the text around an address. Conservative: a name we
// are unsure of is null, which the desk handles better than a wrong name in a confirmation mail.

/** Dutch and other name particles that stay lower case inside a name ("Joop van der Berg"). */
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'te', 'het', "'t", 'in', 'op', 'von', 'du', 'la', 'le', 'da', 'dos', 'del', 'el', 'bin', 'al']);
/** Capitalised words that are not names (sentence starters, greetings, months, event words). */
const NOT_NAME_WORDS = new Set([
  'beste', 'hallo', 'hoi', 'dag', 'goedemorgen', 'goedemiddag', 'dear', 'hi', 'hello', 'groet', 'groeten',
  'met', 'vriendelijke', 'hartelijke', 'mvg', 'regards', 'kind', 'best', 'thanks', 'bedankt', 'dank', 'ik',
  'wij', 'we', 'mijn', 'onze', 'collega', 'collega\'s', 'hierbij', 'graag', 'ook', 'en', 'of', 'naam',
  'name', 'e-mail', 'email', 'mail', 'organisatie', 'organisation', 'telefoon', 'tel', 'mobiel', 'functie',
  'sessie', 'kennissessie', 'session', 'gemeente', 'provincie', 'stichting', 'januari', 'februari', 'maart',
  'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december', 'maandag',
  'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'the', 'my', 'colleague', 'please',
  'telefonische', 'aanmelding', 'afmelding', 'voor', 'van', 'namens', 'via', 'tot', 'op', 'in', 'de', 'het',
  'een', 'is', 'zijn', 'wil', 'kan', 'komt', 'belde', 'heeft', 'meneer', 'mevrouw', 'dhr', 'mevr', 'mw',
  'verstuurd', 'verzonden', 'sent', 'from', 'aan', 'cc', 'fw', 'fwd', 're',
  // Time words that start a note ("Net belde …", "Vanochtend heeft …").
  'net', 'zojuist', 'daarnet', 'vanochtend', 'vanmorgen', 'vanmiddag', 'gisteren', 'vandaag', 'eerder', 'just',
  'today', 'yesterday',
  // Pronouns that start a sentence in a staff note ("Ze staat op de lijst …").
  'ze', 'zij', 'hij', 'hem', 'haar', 'he', 'she', 'they', 'wie', 'die', 'dat',
]);
/** First names that are also words on the stop list: read as names only after a title. */
const VERB_LIKE_FIRST_NAMES = new Set(['wil', 'dag', 'kan', 'mei']);
const MAX_NAME_WORDS = 5;
const MAX_NAME_CHARS = 60;

function isCapitalised(word: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]*$/u.test(word) && !/^\p{Lu}{2,}$/u.test(word.replace(/[.'’-]/g, '')) || /^\p{Lu}\.$/u.test(word);
}

/** A plausible full or first name: capitalised words and particles, no digits, not a known non-name. */
export function looksLikeName(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > MAX_NAME_CHARS || /[\d@<>:/\\|]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > MAX_NAME_WORDS) return false;
  if (!isCapitalised(words[0]!) || !isCapitalised(words[words.length - 1]!)) return false;
  if (words.every((w) => NOT_NAME_WORDS.has(w.toLowerCase().replace(/[.,]$/, '')))) return false;
  if (NOT_NAME_WORDS.has(words[0]!.toLowerCase().replace(/[.,]$/, '')) && words.length === 1) return false;
  return words.every((w) => isCapitalised(w) || PARTICLES.has(w.toLowerCase()));
}

/** The name at the end of `text` ("mijn collega Piet de Vries" -> "Piet de Vries"). */
export function trailingName(text: string): string | null {
  const words = text.trim().replace(/[\s,;:(\-–•*]+$/, '').split(/\s+/).filter(Boolean);
  const picked: string[] = [];
  for (let i = words.length - 1; i >= 0 && picked.length < MAX_NAME_WORDS; i--) {
    const w = words[i]!.replace(/^[("'“]+|[)"'”,;:]+$/g, '');
    const lower = w.toLowerCase();
    if (isCapitalised(w) && !NOT_NAME_WORDS.has(lower)) picked.unshift(w);
    else if (PARTICLES.has(lower) && picked.length > 0 && i > 0 && isCapitalised(words[i - 1]!)) picked.unshift(w);
    else break;
  }
  const name = picked.join(' ');
  return picked.length && looksLikeName(name) ? name : null;
}

/**
 * The name at the start of `text` ("Piet de Vries, Gemeente Zeist" -> "Piet de Vries"). `titled`: the text
 * follows "mevrouw"/"meneer", so a first name that is also a word ("Wil", "Dag") is a name.
 */
export function leadingName(text: string, titled = false): string | null {
  const words = text.trim().replace(/^[\s,;:()\-–•*]+/, '').split(/\s+/).filter(Boolean);
  const picked: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (picked.length >= MAX_NAME_WORDS) break;
    const w = words[i]!.replace(/[),;:]+$/, '');
    const lower = w.toLowerCase();
    if (isCapitalised(w) && (!NOT_NAME_WORDS.has(lower) || (titled && i === 0 && VERB_LIKE_FIRST_NAMES.has(lower)))) picked.push(w);
    // "Ingrid Postma van Energiecoöperatie Zuidwest": "van" + organisation ends the name.
    else if (PARTICLES.has(lower) && picked.length > 0 && !startsOrganisation(words.slice(i + 1, i + 3).join(' '))) picked.push(w);
    else break;
    const raw = words[i]!;
    if (/[,;:)]$/.test(raw)) break;
  }
  while (picked.length && PARTICLES.has(picked[picked.length - 1]!.toLowerCase())) picked.pop();
  const name = picked.join(' ');
  return picked.length && looksLikeName(name) ? name : null;
}

/** An organisation type word right at the start ("de gemeente Bunnik", "Energiecoöperatie Zuidwest"). */
function startsOrganisation(text: string): boolean {
  return /^(?:de |het )?\S*(?:gemeente|provincie|stichting|co[oö]peratie|vereniging|waterschap|ministerie|universiteit|hogeschool|dorpsraad|wijkraad|corporatie|warmtenet|energie|wonen|woningbouw|netbeheer|bureau|advies|groep|collectief|initiatief)/i.test(text);
}

/** Display name made presentable, or null when it is an address, a role or empty. */
export function cleanDisplayName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let name = raw.replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
  // "Jan Jansen | Gemeente X", "Jan Jansen - Stichting Y", "Jan Jansen (Gemeente X)": the person is first.
  name = name.split(/\s+[|–-]\s+|\s*\|\s*/)[0]!.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (!name || name.includes('@')) return null;
  // "Jansen, Jan" from address books: reorder to how people write it.
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma && !/\s/.test(comma[2]!.trim())) name = `${comma[2]!.trim()} ${comma[1]!.trim()}`;
  return name.length <= MAX_NAME_CHARS ? name : null;
}

/** Part of a display name after the person ("Jan Jansen | Gemeente X"), a candidate organisation. */
export function displayNameSuffix(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /\s+[|–-]\s+(.+)$|\s*\|\s*(.+)$|\(([^)]+)\)\s*$/.exec(raw.replace(/["“”]/g, '').trim());
  return m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() || null : null;
}
