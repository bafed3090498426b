// People a mail's text names: addresses with the name written next to them, "Naam:/E-mail:" blocks,
// "mijn collega Piet", and the caller in a phone registration typed up by staff.
import { emailsIn } from './text.ts';
import { leadingName, looksLikeName, trailingName } from './names.ts';
import { hasOrganisationWord, isContactLine, statedOrganisation } from './organisation.ts';

export interface PersonInText {
  name: string | null;
  email: string | null;
  organisation: string | null;
  phone: string | null;
}

/** Lines around an address read for a "Naam:" or "Organisatie:" label that belongs to it. */
const LABEL_WINDOW_LINES = 3;

const LABEL = /^\s*[-•*]?\s*(naam|name|volledige naam|voornaam en achternaam|e-?mail(?:adres)?|email address|organisatie|organisation|organization|telefoon(?:nummer)?|tel|mobiel|phone)\s*[:=]\s*(.*)$/i;
const PHONE = /(?:\+31|0031|\b0)[\s-]?(?:\(0\))?[\s-]?\d(?:[\s-]?\d){7,9}\b/;

function labelled(line: string): { label: string; value: string } | null {
  const m = LABEL.exec(line);
  if (!m) return null;
  const label = m[1]!.toLowerCase();
  const kind = label.startsWith('e') ? 'email' : /^(naam|name|volledige|voornaam)/.test(label) ? 'name' : /^organi/.test(label) ? 'organisation' : 'phone';
  return { label: kind, value: m[2]!.trim() };
}

/** Separators of a one-line record ("1. Gerrit Zwart – Warmtenet Noord – g.zwart@… – 0512 234 567"). */
const RECORD_SEPARATOR = /\s+[–|-]\s+|\s*[|;\t]\s*|,\s+/;
const LIST_MARKER = /^\s*(?:[-•*]|\d{1,2}[.)])\s*/;

/** A line that is a record of fields, one of which is the address itself. */
function recordFields(line: string, email: string): PersonInText | null {
  const fields = line.replace(LIST_MARKER, '').split(RECORD_SEPARATOR).map((f) => f.trim()).filter(Boolean);
  const isEmail = (f: string) => f.replace(/^[<(\[]|[>)\]]$/g, '').toLowerCase() === email;
  if (fields.length < 2 || !fields.some(isEmail)) return null;
  const rest = fields.filter((f) => !isEmail(f));
  const name = rest[0] && looksLikeName(rest[0]) ? rest[0] : null;
  if (!name) return null;
  const phone = rest.map((f) => PHONE.exec(f)?.[0]).find(Boolean) ?? null;
  const organisation = rest.slice(1).find((f) => !PHONE.test(f) && !isContactLine(f) && /^\p{L}/u.test(f)) ?? null;
  return { name, email, organisation, phone };
}

/** "Gerard van Dam van de gemeente Bunnik (g.vandam@…)": a name followed by its organisation. */
const NAME_OF_ORGANISATION = /((?:\p{Lu}[\p{L}'’-]+)(?:\s+(?:(?:van|de|der|den|ter|ten|te|het)\s+){0,3}\p{Lu}[\p{L}'’-]+){0,3})\s+(?:van|bij|namens|from|of)\s+(?:de |het |the )?([^,;:()<>]{3,60})$/u;

/** Name (and organisation) written next to an address on its line: "Piet <p@x.nl>", "p@x.nl (Piet)", "Piet, p@x.nl". */
function writtenNextTo(line: string, email: string): { name: string | null; organisation: string | null } {
  const at = line.toLowerCase().indexOf(email);
  if (at < 0) return { name: null, organisation: null };
  const after = line.slice(at + email.length);
  const inParens = /^\s*[>)\]]?\s*\(([^)]{2,60})\)/.exec(after);
  if (inParens && looksLikeName(inParens[1]!.trim())) return { name: inParens[1]!.trim(), organisation: null };
  const before = line.slice(0, at).replace(/(?:e-?mail(?:adres)?|email address)\s*[:=]?\s*$/i, '').replace(/[\s<(\[]+$/, '');
  const segment = before.split(/[;:]/).pop() ?? '';
  // "Wilma Bosschaart (van Bewonersvereniging Het Gagelveld), wilma@…": the brackets hold the organisation.
  const bracketed = /^(.*?\S)\s*\((?:van |bij |namens |from |of )?(?:de |het |the )?([^()]{2,80})\)\s*[,–-]?\s*$/u.exec(segment);
  if (bracketed && hasOrganisationWord(bracketed[2]!)) {
    const name = trailingName(bracketed[1]!);
    if (name) return { name, organisation: bracketed[2]!.trim() };
  }
  const withOrg = NAME_OF_ORGANISATION.exec(segment);
  if (withOrg && hasOrganisationWord(withOrg[2]!)) {
    const name = trailingName(withOrg[1]!);
    if (name) return { name, organisation: withOrg[2]!.trim() };
  }
  const name = trailingName(segment);
  if (name) return { name, organisation: organisationAfter(after) };
  const afterName = /^\s*[>)\]]?\s*[,–-]\s*(.+)$/.exec(after);
  return { name: afterName ? leadingName(afterName[1]!) : null, organisation: organisationAfter(after) };
}

/** A clause, not a name: "hij is onze penningmeester en … de gemeente", "en ik komen graag namens X". */
const CLAUSE_WORDS = /\b(?:ik|hij|zij|ze|wij|we|jij|u|is|zijn|ben|heeft|hebben|komt|komen|gaat|gaan|graag|wil|willen|naar|werkt|werken)\b/i;

/** Organisation written after the address ("p@x.nl, Gemeente Zeist"). */
function organisationAfter(after: string): string | null {
  const pieces = after.split(/[,()|–]|\s-\s/).map((p) => p.trim()).filter(Boolean);
  return pieces.find((p) => hasOrganisationWord(p) && p.length <= 80 && !CLAUSE_WORDS.test(p)) ?? null;
}

function labelledNear(lines: string[], i: number): Partial<PersonInText> {
  const found: Partial<PersonInText> = {};
  const nearby: string[] = [];
  // Walk outwards over non-empty lines: a labelled block may have blank lines between its fields.
  for (let j = i - 1, n = 0; j >= 0 && n < LABEL_WINDOW_LINES; j--) if (lines[j]!.trim()) (nearby.push(lines[j]!), n++);
  for (let j = i + 1, n = 0; j < lines.length && n < LABEL_WINDOW_LINES; j++) if (lines[j]!.trim()) (nearby.push(lines[j]!), n++);
  for (const line of nearby) {
    const l = labelled(line);
    if (!l || !l.value) continue;
    if (l.label === 'name' && !found.name && looksLikeName(l.value)) found.name = l.value;
    if (l.label === 'organisation' && !found.organisation) found.organisation = l.value;
    if (l.label === 'phone' && !found.phone) found.phone = PHONE.exec(l.value)?.[0] ?? null;
  }
  return found;
}

/** Everyone with an address in `text`, with the name and organisation written next to it. */
export function peopleWithAddresses(text: string): PersonInText[] {
  const lines = text.split('\n');
  const out: PersonInText[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    for (const email of emailsIn(line)) {
      if (seen.has(email)) continue;
      seen.add(email);
      const record = recordFields(line, email);
      if (record) {
        out.push(record);
        continue;
      }
      const written = writtenNextTo(line, email);
      const person: PersonInText = { name: written.name, email, organisation: written.organisation, phone: null };
      // A "Naam: … / E-mail: … / Organisatie: …" block describes one person.
      if (labelled(line)?.label === 'email') {
        const near = labelledNear(lines, i);
        person.name ??= near.name ?? null;
        person.organisation ??= near.organisation ?? null;
        person.phone ??= near.phone ?? null;
      }
      out.push(person);
    }
  });
  return out;
}

const COLLEAGUE_NAME = /\b(?:collega|colleague|medewerker|teamgenoot|partner|vriend|vriendin|buurman|buurvrouw|friend|man|vrouw|echtgenoot|echtgenote|husband|wife|zoon|dochter|son|daughter)(?:'s)?\s+((?:\p{Lu}[\p{L}'’-]+)(?:\s+(?:van|de|der|den|ter|ten|te|het|von|in 't)\b){0,3}(?:\s+\p{Lu}[\p{L}'’-]+){0,3})/gu;

const PERSON_NAME = String.raw`(\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:van|de|der|den|ter|ten|te|het)\s+){0,3}\p{Lu}[\p{L}'’-]+){0,2})`;
/** "Marjolein en ik", "ik en Piet de Vries", "Sanne and I": someone beside the sender. */
// Not a place: "de trein ligt eruit bij Amersfoort en ik ga het niet redden".
const NAME_AND_I = new RegExp(String.raw`(?<!\b(?:bij|in|naar|van|uit|te|op|at|to|from|near|via|rond|richting|vanuit)\s)${PERSON_NAME}\s+(?:en|and)\s+(?:ik|i)\b|\b(?:ik|i)\s+(?:en|and)\s+${PERSON_NAME}`, 'gu');

/** People named as colleague ("mijn collega Piet de Vries") or beside the sender ("Piet en ik"), without an address. */
export function namedColleagues(text: string): string[] {
  const out: string[] = [];
  const found = [...text.matchAll(COLLEAGUE_NAME)].map((m) => m[1]!).concat([...text.matchAll(NAME_AND_I)].map((m) => (m[1] ?? m[2])!));
  for (const raw of found) {
    const name = leadingName(raw.trim()) ?? '';
    if (name && looksLikeName(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Phone-call notes by staff ("Telefonische aanmelding van …", "… belde", "Naam: …"). */
const CALL_CUE = /\b(?:telefonisch|telefonische|per telefoon|aan de telefoon|aan de lijn|belde|heeft gebeld|gebeld|bellen|voicemail|ingesproken|phoned|called|by phone|over the phone|phone call)\b/i;
const CALLER = [
  // A caller names themself the Dutch way on the phone: "Ja goedemorgen, met Bram Zoutendijk van …".
  /\b(?:goedemorgen|goedemiddag|goedenavond|hallo|ja|hoi|dag),?\s+met\s+(?:dhr\.?\s+|mevr\.?\s+|meneer\s+|mevrouw\s+)?(\p{Lu}[^\n,.;()"]{2,60})/u,
  // "Net mevrouw Scheffer aan de lijn gehad, Tineke Scheffer": the full name follows.
  /\baan de (?:lijn|telefoon) gehad[,:]\s*(?:(?:[Mm]evrouw|[Mm]eneer|[Dd]hr\.?|[Mm]evr\.?|[Mm]w\.?)\s+)?(\p{Lu}[^\n,.;()]{2,60})/u,
  /\b(?:gebeld|gesproken|belletje|telefoontje)\s+(?:met|van|door)\s+(?:dhr\.?|mevr\.?|mw\.?|meneer|mevrouw)?\s*([^\n,.;()]{3,60})/i,
  /\b(?:aanmelding|afmelding|aangemeld|afgemeld|aanmelden|afmelden)\s+(?:van|voor)\s+(?:dhr\.?|mevr\.?|mw\.?|meneer|mevrouw)?\s*([^\n,.;()]{3,60})/i,
  /(?:^|[.:]\s+|\n)(?:[Dd]hr\.?|[Mm]evr\.?|[Mm]w\.?|[Mm]eneer|[Mm]evrouw)?\s*(\p{Lu}[^\n,.;()]{2,60}?)\s+(?:belde|heeft (?:net |zojuist |vandaag )?gebeld|wil zich|wil graag|meldt zich|called|phoned)/u,
  /\b(?:van|door)\s+(?:dhr\.?|mevr\.?|mw\.?|meneer|mevrouw)?\s*([^\n,.;()]{3,60}?)\s+(?:belde|gebeld|heeft gebeld)/i,
  // Verb first after a time word ("Net belde mevrouw Annie Wolters", "Vanochtend heeft Piet gebeld").
  /\bbelde\s+(?:(?:dhr|mevr|mw)\.?\s+|(?:meneer|mevrouw)\s+)?(\p{Lu}[^\n,.;()]{2,60})/u,
  /\bheeft\s+(?:(?:dhr|mevr|mw)\.?\s+|(?:meneer|mevrouw)\s+)?(\p{Lu}[^\n,.;()]{2,60}?)\s+(?:net\s+|zojuist\s+)?gebeld\b/u,
  /\b(?:call from|called by|phone registration (?:from|for))\s+([^\n,.;()]{3,60})/i,
  // A voicemail typed up under its own heading: "Mevrouw Ineke Pater. Ze staat op de lijst …".
  /(?:^|\n)\s*(?:[Mm]evrouw|[Mm]eneer|[Dd]hr\.?|[Mm]evr\.?|[Mm]w\.?)\s+(\p{Lu}[^\n,.;()]{2,60})/u,
];

/** The caller a staff note is about; `isOurs` keeps staff's own addresses out. */
export function callerInNote(text: string, isOurs: (address: string) => boolean): PersonInText | null {
  const labelledName = text.split('\n').map(labelled).find((l) => l?.label === 'name' && l.value)?.value;
  let name: string | null = labelledName && looksLikeName(labelledName) ? labelledName : null;
  if (!name && !CALL_CUE.test(text)) return null;
  for (const re of name ? [] : CALLER) {
    const m = re.exec(text);
    const candidate = m ? leadingName(m[1]!, /\b(?:meneer|mevrouw|dhr|mevr|mw)\b\.?\s*$/i.test(m[0].slice(0, m[0].length - m[1]!.length))) : null;
    if (candidate) {
      name = candidate;
      break;
    }
  }
  if (!name) return null;
  const email = emailsIn(text).find((e) => !isOurs(e)) ?? null;
  const phone = PHONE.exec(text)?.[0]?.trim() ?? null;
  const labelledOrg = text.split('\n').map(labelled).find((l) => l?.label === 'organisation' && l.value)?.value;
  const orgNearName = new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(([^)]{2,80})\\)`).exec(text)?.[1];
  const organisation = labelledOrg ?? (orgNearName && hasOrganisationWord(orgNearName) ? orgNearName.trim() : null) ?? orgAfterVan(text, name) ?? statedOrganisation(text);
  return { name, email, organisation, phone };
}

/** "Piet de Vries van de gemeente Houten": the organisation after the name. */
function orgAfterVan(text: string, name: string): string | null {
  const at = text.indexOf(name);
  if (at < 0) return null;
  const m = /^\s*,?\s*(?:van|bij|namens|from)\s+(?:de |het |the )?([^\n,.;()]{3,60})/i.exec(text.slice(at + name.length));
  if (!m || !hasOrganisationWord(m[1]!)) return null;
  return m[1]!.replace(/\s+(?:belde|heeft|wil|voor|meldt|called|phoned)\b.*$/i, '').trim();
}
