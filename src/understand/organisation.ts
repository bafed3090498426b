// Organisation of a person: an explicit statement ("Organisatie: …", "namens gemeente Zeist", "ik werk bij
// …") or the organisation line of a signature. Spelling is kept as written; never guessed from a domain.

const MAX_ORGANISATION_CHARS = 80;
/** Signature lines read under the sender's name; disclaimers below are not read. */
const MAX_SIGNATURE_LINES_READ = 6;
/** A signature line longer than this is a sentence (a disclaimer, a slogan), not an organisation. */
const MAX_SIGNATURE_LINE_CHARS = 60;

/** Words that make a phrase an organisation name. */
const ORGANISATION_TYPE = 'gemeente|provincie|stichting|co[oö]peratie|energieco[oö]peratie|vereniging|bewonersvereniging|buurtvereniging|waterschap|ministerie|universiteit|hogeschool|woningcorporatie|netbeheerder|dorpsraad|wijkraad|bewonersinitiatief|buurtinitiatief|municipality|foundation|association|university|council|cooperative';
// Compounds count too ("Woonstichting", "Energiegenossenschaft"), and legal forms ("U.A.", "eG").
const ORGANISATION_WORD = new RegExp(`\\b(?:${ORGANISATION_TYPE}|[a-z]*(?:stichting|vereniging|co[oö]peratie|corporatie|genossenschaft|collectief)|warmtenet\\w*|warmtebedrijf|energiebedrijf|buurtwarmte|wijkwarmte|dorpswarmte|b\\.v\\.|n\\.v\\.|u\\.a\\.|bv|nv|gmbh|ltd|inc|eg)\\b`, 'i');
/** A department line ("Team Ruimte & Duurzaamheid") sits under the title, above the organisation. */
const DEPARTMENT = /^(?:team|afdeling|cluster|sector|directie|domein|department|dept\.?|unit|division)\b/i;

/** Job titles written before or beside the organisation ("Raadslid Gemeente Houten", "Adviseur | Portaal"). */
const JOB_TITLE = /\b(?:adviseur|advisor|adviser|projectleider|project ?manager|programmamanager|beleidsmedewerker|beleidsadviseur|medewerker|coordinator|coördinator|manager|directeur|director|voorzitter|chair(?:man|woman)?|secretaris|secretary|penningmeester|treasurer|wethouder|alderman|raadslid|gemeenteraadslid|statenlid|bestuurslid|bestuurder|board member|lid|member|officer|consultant|specialist|ambtenaar|onderzoeker|researcher|eigenaar|owner|founder|oprichter|vrijwilliger|volunteer|trekker|kwartiermaker|energiecoach|senior|junior|teamleider|afdelingshoofd|hoofd|head|secretariaat|lead|candidate|phd|promovendus|postdoc|student|studente|stagiair|stagiaire|intern|docent|lecturer|professor|hoogleraar|analist|analyst|engineer|ingenieur|planner|strateeg|strategist|board|vorstand|leitung|leiter|leiterin|geschäftsführer|geschäftsführerin|geschäftsführung|referent|referentin|berater|beraterin|sachbearbeiter|sachbearbeiterin|projektleiter|projektleiterin|bestuur|stafmedewerker|griffier|raadsgriffier|commissielid|fractievoorzitter|fractiemedewerker|burgemeester|gedeputeerde|wijkcoach|wijkregisseur|buurtregisseur|bewoner|resident)\b|^[\p{L}-]*(?:adviseur|medewerker|co[oö]rdinator|leider|manager|secretaris|voorzitter|directeur|regisseur|assistent|ondersteuner)\b/iu;

/** A run of capitalised words (with "van", "de", "&" inside), optionally after an organisation type word. */
const ORG_WORD = String.raw`[\p{L}\d&'’-]*(?:\.[\p{L}\d&'’-]+)*`;
/** "U.A.", "B.V." keep their last dot; not before a capital, where the dot may end the sentence. */
const ORG_TOKEN = String.raw`(?:(?:\p{Lu}\.){2,}(?![ \t]+\p{Lu})|\p{Lu}${ORG_WORD})`;
const ORG_NAME = String.raw`(?:(?:de |het )?(?:${ORGANISATION_TYPE})[ \t]+)?${ORG_TOKEN}(?:[ \t]+(?:(?:van|de|der|den|het|en|&|bij|aan|op)[ \t]+){0,2}${ORG_TOKEN}){0,5}`;

/** First letter either case: these patterns cannot use the i flag, which would make \p{Lu} match any letter. */
function anyCase(words: string): string {
  return words.replace(/\b([a-z])/g, (_, c: string) => `[${c}${c.toUpperCase()}]`);
}

/** Labelled or stated organisation, in the person's words. */
const STATED = [
  /^\s*[-•*]?\s*(?:organisatie|organisation|organization|bedrijf|company|instelling|werkgever)\s*[:=]\s*(.+?)\s*$/imu,
  new RegExp(String.raw`\b${anyCase('(?:namens|on behalf of)')}\s+(?:de |het |the )?(${ORG_NAME})`, 'u'),
  new RegExp(String.raw`\b${anyCase('(?:werk|werkzaam|werkt|actief)')}\b[^.\n]{0,60}?\b(?:bij|voor)\s+(?:de |het )?(${ORG_NAME})`, 'u'),
  new RegExp(String.raw`\b(?:\d+|twee|drie|vier|vijf|zes|two|three|four|five|six) (?:mensen|personen|deelnemers|collega'?s|raadsleden|bestuursleden|leden|medewerkers|vrijwilligers|people|colleagues|councillors|members)\s+(?:van|uit|from|of)\s+(?:de |het |the )?(${ORG_NAME})`, 'u'),
  new RegExp(String.raw`\b${anyCase('i work (?:at|for)')}\s+(?:the )?(${ORG_NAME})`, 'u'),
  // "Ze zit in het bestuur van Bewonersvereniging Het Zand": membership of a board or working group.
  new RegExp(String.raw`\b(?:zit|zitten|zat)\s+(?:in|bij)\s+(?:het bestuur|de werkgroep|de kerngroep|de stuurgroep)\s+van\s+(?:de |het )?(${ORG_NAME})`, 'u'),
];

function clean(org: string): string | null {
  // A final dot that ends an initialism ("Coöperatie Zonnedorp U.A.") is part of the name.
  const initialism = /(?<![\p{L}\d])(?:\p{L}\.){2,}$/u.test(org.trim());
  const t = initialism ? org.replace(/\s+/g, ' ').trim() : org.replace(/\s+/g, ' ').replace(/[\s,.;:]+$/, '').trim();
  return t && t.length <= MAX_ORGANISATION_CHARS && !t.includes('@') ? t : null;
}

export function statedOrganisation(text: string): string | null {
  for (const re of STATED) {
    const m = re.exec(text);
    if (m) {
      const org = clean(m[1]!);
      if (org) return org;
    }
  }
  return null;
}

/** Lines of a signature that are contact details, not an organisation. */
export function isContactLine(line: string): boolean {
  return /@|https?:|www\.|\.(?:nl|com|org|eu|be|de)\b|\+?\d[\d\s()-]{6,}|^\s*(?:t|m|e|tel|mob|mobiel|telefoon|phone|fax|adres|address|w|web|postbus|p\.?o\.? box)\b\.?\s*[:.]?/i.test(line) ||
    /\b\d{4}\s?[A-Z]{2}\b/.test(line) || /^\p{Lu}[\p{L}.'-]+(?:\s+[\p{L}.'-]+)*\s+\d+[a-z]?\b/u.test(line);
}

/**
 * "Raadslid Gemeente Houten" -> "Gemeente Houten"; "Stafmedewerker Warmtenet Heverlee vzw" -> "Warmtenet
 * Heverlee vzw"; "Adviseur energietransitie" and "Beleidsadviseur Energietransitie" -> null (a title only).
 */
function withoutJobTitle(part: string): string | null {
  const t = part.trim();
  if (!JOB_TITLE.test(t)) return t;
  const afterTitle = /^[\p{L}-]+(?:\s+\p{Ll}[\p{L}-]*){0,3}\s+(\p{Lu}.*)$/u.exec(t);
  if (afterTitle && JOB_TITLE.test(t.split(/\s+/)[0]!) && !JOB_TITLE.test(afterTitle[1]!) && (ORGANISATION_WORD.test(afterTitle[1]!) || /\s/.test(afterTitle[1]!))) return afterTitle[1]!;
  const typed = new RegExp(`\\b(?:${ORGANISATION_TYPE})\\b.*$`, 'i').exec(t);
  return typed ? typed[0] : null;
}

/**
 * Organisation in a signature (the lines under the sender's name): the first line that is neither contact
 * details nor a bare job title. "Functie | Organisatie" and "Organisatie, afdeling X" give the organisation.
 */
export function signatureOrganisation(linesUnderName: string[], personNames: (string | null)[] = []): string | null {
  // "Niek van Rossum | Product Lead | Warmwijzer": the person's own name is no organisation.
  const names = new Set(personNames.filter((n): n is string => !!n).map((n) => n.trim().toLowerCase()));
  for (const raw of linesUnderName.slice(0, MAX_SIGNATURE_LINES_READ)) {
    const line = raw.trim();
    if (!line) continue;
    // "Beleidsadviseur Energietransitie | Team Ruimte & Duurzaamheid" is long but made of short fields.
    if (line.length > MAX_SIGNATURE_LINE_CHARS && !line.split(/\s+\|\s+/).every((f) => f.length <= MAX_SIGNATURE_LINE_CHARS)) return null;
    if (isContactLine(line)) continue;
    const parts = line.split(/\s+\|\s+|\s*,\s*|\s+[–-]\s+|\s+bij\s+|\s+at\s+/).map(withoutJobTitle).filter((p): p is string => !!p && !DEPARTMENT.test(p) && !names.has(p.toLowerCase()));
    if (!parts.length) continue;
    const org = parts.find((p) => ORGANISATION_WORD.test(p)) ?? parts.find((p) => /^\p{Lu}/u.test(p) && !JOB_TITLE.test(p));
    if (org) return clean(org);
  }
  return null;
}

/** "Dirk Prins van de gemeente Lochem", "Saskia Roos, raadslid van de gemeente X": the organisation written after a name. */
const AFTER_NAME = new RegExp(String.raw`^\s*,?\s*(?:[a-z\u00e0-\u00ff-]+\s+){0,3}?(?:van|bij|namens|from|of|at)\s+(?:de |het |the )?(${ORG_NAME})`, 'u');

/** "Claire Donnelly, Director at Energywise Partners": a job title names the organisation it is held at. */
const TITLE_AT_AFTER_NAME = new RegExp(String.raw`^\s*,\s*(?:[\p{L}-]+\s+){0,2}?(?:[\p{L}-]*${anyCase('(?:director|directeur|manager|adviseur|advisor|wethouder|voorzitter|chair|secretaris|secretary|bestuurder|projectleider|coordinator|coördinator|officer|consultant|beleidsadviseur|beleidsmedewerker)')})\s+(?:at|of|bij|van)\s+(?:de |het |the )?(${ORG_NAME})`, 'u');

export function organisationAfterName(text: string, name: string): string | null {
  const at = text.indexOf(name);
  if (at < 0) return null;
  const after = text.slice(at + name.length, at + name.length + 200);
  const m = AFTER_NAME.exec(after);
  if (m && ORGANISATION_WORD.test(m[1]!)) return clean(m[1]!);
  const titled = TITLE_AT_AFTER_NAME.exec(after);
  return titled ? clean(titled[1]!) : null;
}

export function hasOrganisationWord(text: string): boolean {
  return ORGANISATION_WORD.test(text);
}

/** A group speaks for one organisation ("Kees en ik komen namens X", "we komen met drie mensen van X"). */
const GROUP_CUE = /\b(?:we|wij|ons|onze|met z'?n|met zijn|en ik|ik en|allebei|beiden|samen|mensen|personen|both|together|us|our)\b/i;

export function groupOrganisation(text: string): string | null {
  for (const sentence of text.split(/(?<=[.!?:])\s+|\n/)) {
    if (!GROUP_CUE.test(sentence)) continue;
    const org = statedOrganisation(sentence);
    if (org) return org;
  }
  return null;
}
