// The one place that knows mailparser (in maintenance mode upstream): swap it here and nowhere else.
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Address, Attachment, InboundMessage } from '../core/types.ts';
import { htmlToText } from '../understand/html-text.ts';

/** Text of attachments we may need to read (bounces, forwarded mail); larger ones are not decoded. */
const MAX_ATTACHMENT_TEXT_BYTES = 256 * 1024;
/** mailparser limit on the decoded HTML it keeps; an HTML body beyond this is cut, not parsed whole. */
const MAX_HTML_BYTES = 2 * 1024 * 1024;

const TEXTUAL_ATTACHMENT = /^(text\/|message\/(rfc822|delivery-status|disposition-notification|global))/i;

export function stripAngles(id: string): string {
  return id.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
}

/**
 * An address we can answer exactly as written: one local part, one '@', one domain, and nothing an SMTP
 * client splits on or rewrites. mailparser passes on what a damaged or hostile header holds ("Piet
 * <p@kp,mail.nl>" gives "p@kp,mail.nl"), and nodemailer re-parses envelope recipients: the reply would go
 * to "p@kp", or to two addresses for "<a@x,b@y>", while the person who wrote never hears back. U+FFFD
 * stands for bytes that were not text: the address is damaged (internationalised ones are fine).
 */
const LOCAL_PART = /^[^\s@,;:<>()[\]"\\\p{Cc}\uFFFD]+$/u;
const DOMAIN = /^(?:[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*|\[[^\s[\]\\]+\])$/u;
const MAX_ADDRESS_CHARS = 254;

export function isSendableAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.length > MAX_ADDRESS_CHARS) return false;
  const local = address.slice(0, at);
  // A dot at either end or two in a row: nodemailer quotes such a local part, so the To header would
  // name another address than the envelope.
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return LOCAL_PART.test(local) && DOMAIN.test(address.slice(at + 1));
}

function addresses(value: AddressObject | AddressObject[] | undefined): Address[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: Address[] = [];
  const walk = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.group) walk(entry.group);
      else out.push({ name: (entry.name ?? '').trim(), address: (entry.address ?? '').trim().toLowerCase() });
    }
  };
  for (const obj of list) walk(obj.value);
  return out;
}

/** Entries without an address (a name, an empty group) stay; an address we could not answer is dropped. */
function sendableOnly(list: Address[]): Address[] {
  return list.filter((a) => !a.address || isSendableAddress(a.address));
}

/** Raw header values, unfolded, keyed by lower-case name, topmost first. */
function rawHeaders(parsed: ParsedMail): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const { key, line } of parsed.headerLines ?? []) {
    const colon = line.indexOf(':');
    const value = (colon >= 0 ? line.slice(colon + 1) : '').replace(/\r?\n[ \t]+/g, ' ').trim();
    (headers[key.toLowerCase()] ??= []).push(value);
  }
  return headers;
}

function idList(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : value.split(/\s+/);
  return list.map(stripAngles).filter(Boolean);
}

function attachmentOf(a: ParsedMail['attachments'][number]): Attachment {
  // A part with an empty Content-Type ("Content-Type:", or a mail cut off there) gets contentType `false`
  // from mailparser, whatever its typings say. Calling toLowerCase() on it threw, and the worker retried
  // that batch forever: one such mail blocked the whole queue.
  const contentType = (typeof a.contentType === 'string' && a.contentType ? a.contentType : 'application/octet-stream').toLowerCase();
  const att: Attachment = { filename: a.filename ?? null, contentType, size: a.size ?? a.content?.length ?? 0 };
  if (TEXTUAL_ATTACHMENT.test(contentType) && a.content && a.content.length <= MAX_ATTACHMENT_TEXT_BYTES) {
    att.text = a.content.toString('utf8');
  }
  return att;
}

function topContentType(headers: Record<string, string[]>): string {
  const raw = headers['content-type']?.[0] ?? 'text/plain';
  return raw.split(';')[0]!.trim().toLowerCase() || 'text/plain';
}

function unparseable(raw: Buffer, problem: string): InboundMessage {
  return {
    messageId: null, from: null, replyTo: [], to: [], cc: [], subject: '', date: null, text: '', html: null,
    headers: {}, inReplyTo: null, references: [], contentType: 'application/octet-stream', attachments: [],
    sizeBytes: raw.length, problems: [problem],
  };
}

/** Parse raw RFC 5322 bytes. Never throws: what cannot be read is reported in `problems`. */
export async function parseMail(raw: Buffer, opts: { truncated?: boolean } = {}): Promise<InboundMessage> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { maxHtmlLengthToParse: MAX_HTML_BYTES, skipImageLinks: true });
  } catch {
    return unparseable(raw, 'unparseable');
  }
  try {
    return readParsed(parsed, raw, opts);
  } catch {
    // Mail that mailparser read but in a shape nothing here expects. Never throw: a throw here fails the
    // whole batch, and the worker would retry it forever. People read it instead.
    return unparseable(raw, 'unparseable');
  }
}

function readParsed(parsed: ParsedMail, raw: Buffer, opts: { truncated?: boolean }): InboundMessage {
  const headers = rawHeaders(parsed);
  const first = addresses(parsed.from)[0] ?? null;
  // A From we cannot answer as written counts as none: decide() leaves the mail for people.
  const from = first && first.address && isSendableAddress(first.address) ? first : null;
  const problems: string[] = [];
  if (!first || !first.address) problems.push('no-from');
  else if (!from) problems.push('invalid-from');
  if (!parsed.messageId) problems.push('no-message-id');
  if (opts.truncated) problems.push('truncated');
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null;
  return {
    messageId: parsed.messageId ? stripAngles(parsed.messageId) : null,
    from,
    replyTo: sendableOnly(addresses(parsed.replyTo)),
    to: sendableOnly(addresses(parsed.to)),
    cc: sendableOnly(addresses(parsed.cc)),
    subject: (parsed.subject ?? '').trim(),
    date,
    // mailparser derives no text for HTML-only mail nested in multipart/related or /mixed.
    text: parsed.text || (typeof parsed.html === 'string' ? htmlToText(parsed.html) : ''),
    html: typeof parsed.html === 'string' ? parsed.html : null,
    headers,
    inReplyTo: parsed.inReplyTo ? stripAngles(parsed.inReplyTo.split(/\s+/)[0] ?? '') || null : null,
    references: idList(parsed.references),
    contentType: topContentType(headers),
    attachments: (parsed.attachments ?? []).map(attachmentOf),
    sizeBytes: raw.length,
    problems,
  };
}
