// Where the person's new text ends in a plain-text mail. Libraries cut real Dutch sentences ("Op 3 oktober
// schreef ik u al het volgende:"), so every rule here demands proof: an attribution line only counts when
// quoted ('>') lines follow, a "Van:" line only as part of a block of mail headers.

/** Lines longer than this are prose or garbage, never a marker; skipping them keeps the scan cheap. */
const MAX_MARKER_LINE_CHARS = 400;
/** How far below a "Van:"/"From:" line the rest of its header block must appear. */
const HEADER_BLOCK_WINDOW_LINES = 8;
/** A header block needs the sender plus this many other distinct header labels. */
const MIN_OTHER_HEADER_LABELS = 2;
/** Blank lines allowed between an attribution line and the quoted lines under it. */
const MAX_BLANKS_BEFORE_QUOTE = 3;

const SENDER_LABELS = new Set(['van', 'from', 'von', 'afzender', 'de']);
const OTHER_LABELS = new Set([
  'verzonden', 'sent', 'datum', 'date', 'aan', 'to', 'onderwerp', 'subject', 'cc', 'bcc', 'gesendet', 'an',
  'betreff', 'envoyé', 'envoye', 'objet', 'à', 'a', 'beantwoorden', 'reply-to', 'antwoord aan', 'verstuurd',
]);

/** "*Van:* Jan", "Van: Jan", "**From:**" (Outlook plain text renders bold as '*'). */
const HEADER_LINE = /^[*_]{0,2}([a-zà-ÿ][a-zà-ÿ -]{0,14}?)[*_]{0,2}\s?:[*_]{0,2}(?:\s|$)/i;

const FORWARD_MARKER = /^-{2,}\s*(forwarded message|doorgestuurd bericht|weitergeleitete nachricht|message transf[ée]r[ée])\s*-{2,}$/i;
const FORWARD_INTRO = /^(begin forwarded message|begin doorgestuurd bericht|doorgestuurd bericht|forwarded message|anfang der weitergeleiteten nachricht|d[ée]but du message r[ée]exp[ée]di[ée])\s*:$/i;
const ORIGINAL_MARKER = /^-{2,}\s*(original message|oorspronkelijk(e)? bericht|origineel bericht|urspr[üu]ngliche nachricht|message d'origine)\s*-{2,}$/i;

/** Footers that mail apps add under the person's words; whatever follows is not theirs. */
const CLIENT_FOOTER = [
  /^(verstuurd|verzonden|gestuurd|sent|envoy[ée]|gesendet)\s+(vanaf|vanuit|van|met|via|from|with|de(puis)?|von|mit)\s+(mijn|my|mon|meinem|een|an?)\s+[\p{L}\d ().,'-]{2,40}$/iu,
  /^(verzonden|sent)\s+(vanuit|from|met|with)\s+(outlook|mail|yahoo|gmail|aol|gmx|ziggo|kpn|bluemail)\b.{0,40}$/i,
  /^(download|get)\s+outlook\s+(voor|for)\s+(ios|android)\b/i,
  // Proton Mail: "Verzonden met beveiligde e-mail van Proton Mail", "Sent with Proton Mail secure email".
  /^(verzonden|sent|verstuurd)\s+(met|with)\s+(beveiligde e-?mail van\s+)?proton\s*mail\b.{0,40}$/i,
  /^outlook\s+voor\s+(ios|android)\s+downloaden/i,
];

const ATTRIBUTION_START = /^(op|on|am|le|el|il|den|em)\s/i;
const ATTRIBUTION_VERB = /\b(schreef|wrote|geschreven|schrieb|a écrit|escribió|ha scritto|skrev)\b/i;

export type QuoteKind = 'reply' | 'forward';

export interface TextSplit {
  /** the person's new lines, quotes removed (signature still included) */
  own: string;
  /** everything cut away: the quoted reply or the forwarded mail, in original order */
  quoted: string;
  /** what the cut part is, when a marker said so */
  kind: QuoteKind | null;
}

export function headerLabel(line: string): string | null {
  if (line.length > MAX_MARKER_LINE_CHARS) return null;
  const m = HEADER_LINE.exec(line.trim());
  if (!m) return null;
  const label = m[1]!.trim().toLowerCase();
  return SENDER_LABELS.has(label) || OTHER_LABELS.has(label) ? label : null;
}

/** True when `lines[i]` opens a block of mail headers (Outlook "Van:/Verzonden:/Aan:/Onderwerp:"). */
export function startsHeaderBlock(lines: string[], i: number): boolean {
  const first = headerLabel(lines[i]!);
  if (!first) return false;
  let sender = SENDER_LABELS.has(first);
  const others = new Set<string>(sender ? [] : [first]);
  const end = Math.min(lines.length, i + HEADER_BLOCK_WINDOW_LINES);
  for (let j = i + 1; j < end; j++) {
    const label = headerLabel(lines[j]!);
    if (!label) continue;
    if (SENDER_LABELS.has(label)) sender = true;
    else others.add(label);
  }
  return sender && others.size >= MIN_OTHER_HEADER_LABELS;
}

function isQuoted(line: string): boolean {
  return line.trimStart().startsWith('>');
}

export function isClientFooter(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 80 && CLIENT_FOOTER.some((re) => re.test(t));
}

/** Attribution ("Op 4 jan. 2027 om 10:00 schreef Jan <jan@x.nl>:"), possibly wrapped over two lines. */
function attributionLength(lines: string[], i: number): number {
  const one = lines[i]!.trim();
  if (one.length > MAX_MARKER_LINE_CHARS || !ATTRIBUTION_START.test(one)) return 0;
  if (one.endsWith(':') && ATTRIBUTION_VERB.test(one)) return 1;
  const next = (lines[i + 1] ?? '').trim();
  const two = `${one} ${next}`;
  if (next && next.length < MAX_MARKER_LINE_CHARS && two.endsWith(':') && ATTRIBUTION_VERB.test(two)) return 2;
  return 0;
}

function quotedLinesFollow(lines: string[], from: number): boolean {
  let blanks = 0;
  for (let j = from; j < lines.length; j++) {
    const t = lines[j]!.trim();
    if (!t) {
      if (++blanks > MAX_BLANKS_BEFORE_QUOTE) return false;
      continue;
    }
    return isQuoted(t);
  }
  return false;
}

function isSeparatorLine(line: string): boolean {
  const t = line.trim();
  return t.length >= 8 && t.length <= MAX_MARKER_LINE_CHARS && /^[_\-=*]+$/.test(t);
}

/** Split plain text into the person's new lines and the quoted/forwarded rest. */
export function splitPlainText(text: string): TextSplit {
  const lines = text.split(/\r?\n/);
  const own: string[] = [];
  const quotedBits: string[] = [];
  let cutAt = -1;
  let kind: QuoteKind | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (t.length <= MAX_MARKER_LINE_CHARS) {
      if (FORWARD_MARKER.test(t) || FORWARD_INTRO.test(t)) {
        cutAt = i;
        kind = 'forward';
        break;
      }
      if (ORIGINAL_MARKER.test(t) || startsHeaderBlock(lines, i) || isClientFooter(t)) {
        cutAt = i;
        break;
      }
      const attribution = attributionLength(lines, i);
      if (attribution && quotedLinesFollow(lines, i + attribution)) {
        kind = 'reply';
        quotedBits.push(lines.slice(i, i + attribution).join('\n'));
        i += attribution - 1;
        continue;
      }
    }
    if (isQuoted(line)) {
      kind ??= 'reply';
      quotedBits.push(line);
      continue;
    }
    own.push(line);
  }
  while (own.length && (!own[own.length - 1]!.trim() || isSeparatorLine(own[own.length - 1]!))) own.pop();
  const rest = cutAt >= 0 ? lines.slice(cutAt).join('\n') : '';
  return { own: own.join('\n'), quoted: [...quotedBits, rest].filter(Boolean).join('\n'), kind };
}
