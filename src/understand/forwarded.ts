// A forwarded mail inside a mail: who wrote it, who was copied, and what it says. Staff forward people's
// requests, and people forward a colleague's mail to register them.
import type { Address } from '../core/types.ts';
import { headerLabel } from './strip-quotes.ts';

/** The header block of a forwarded mail starts within this many lines of the cut. */
const MAX_LINES_BEFORE_HEADERS = 12;
/** …and is at most this long (wrapped recipient lists included). */
const MAX_HEADER_BLOCK_LINES = 20;

const SENDER_LABELS = new Set(['van', 'from', 'von', 'afzender', 'de']);
const CC_LABELS = new Set(['cc']);
const RECIPIENT_LABELS = new Set(['cc', 'bcc', 'to', 'aan', 'an', 'à', 'a']);
const SUBJECT_LABELS = new Set(['onderwerp', 'subject', 'betreff', 'objet']);

export interface ForwardedMail {
  from: Address | null;
  cc: Address[];
  subject: string;
  body: string;
}

// No ',' or ';' inside: "<a@x.nl,b@y>" is two recipients to an SMTP client, never one person.
const ADDRESS_IN_ANGLES = /^(.*?)\s*[<\[](?:mailto:)?([^<>\[\]\s,;]+@[^<>\[\]\s,;]+)[>\]]/;
const BARE_ADDRESS = /([a-z0-9][a-z0-9._%+'-]*@[a-z0-9.-]+\.[a-z]{2,})/i;

/** "Jan Jansen <jan@x.nl>", "Jan Jansen [mailto:jan@x.nl]", "jan@x.nl", or just "Jan Jansen". */
export function parseAddress(value: string): Address | null {
  const v = value.replace(/^[*_\s]+|[*_\s]+$/g, '').trim();
  if (!v) return null;
  const angled = ADDRESS_IN_ANGLES.exec(v);
  if (angled) return { name: angled[1]!.replace(/["']/g, '').trim(), address: angled[2]!.toLowerCase() };
  const bare = BARE_ADDRESS.exec(v);
  if (bare) return { name: v.replace(bare[0], '').replace(/[()"'<>]/g, '').trim(), address: bare[1]!.toLowerCase() };
  return { name: v.replace(/["']/g, ''), address: '' };
}

export function parseAddressList(value: string): Address[] {
  // Split on ';' always, on ',' only between complete addresses ("Jansen, Jan <j@x.nl>" keeps its comma).
  const parts = value.split(/;|,(?=\s*(?:"[^"]*"\s*)?[^,]*?(?:<|@))/);
  return parts.map(parseAddress).filter((a): a is Address => !!a && (!!a.address || !!a.name));
}

function valueOf(line: string): string {
  const colon = line.indexOf(':');
  return line.slice(colon + 1).replace(/^[*_\s]+/, '').trim();
}

/** The first forwarded mail in `quoted`, or null when no header block with a sender is found. */
export function readForwarded(quoted: string): ForwardedMail | null {
  const lines = quoted.split('\n').map((l) => l.replace(/^\s*>\s?/, ''));
  let start = -1;
  for (let i = 0; i < Math.min(lines.length, MAX_LINES_BEFORE_HEADERS); i++) {
    const label = headerLabel(lines[i]!);
    if (label && SENDER_LABELS.has(label)) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  // The block may begin a line or two above the sender (Thunderbird puts Onderwerp/Datum first).
  while (start > 0 && headerLabel(lines[start - 1]!)) start--;
  let from: Address | null = null;
  const cc: Address[] = [];
  let subject = '';
  let end = start;
  let lastLabel: string | null = null;
  for (; end < Math.min(lines.length, start + MAX_HEADER_BLOCK_LINES); end++) {
    const line = lines[end]!;
    if (!line.trim()) break;
    const label = headerLabel(line);
    if (!label) {
      // A wrapped recipient list continues the header; any other line is the start of the body.
      if (!lastLabel || !RECIPIENT_LABELS.has(lastLabel) || !/[@;]/.test(line)) break;
      if (CC_LABELS.has(lastLabel)) cc.push(...parseAddressList(line));
      continue;
    }
    lastLabel = label;
    if (SENDER_LABELS.has(label) && !from) from = parseAddress(valueOf(line));
    else if (CC_LABELS.has(label)) cc.push(...parseAddressList(valueOf(line)));
    else if (SUBJECT_LABELS.has(label)) subject = valueOf(line);
  }
  return { from, cc, subject, body: lines.slice(end).join('\n').trim() };
}
