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
  const contentType = (a.contentType ?? 'application/octet-stream').toLowerCase();
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
  const headers = rawHeaders(parsed);
  const from = addresses(parsed.from)[0] ?? null;
  const problems: string[] = [];
  if (!from || !from.address) problems.push('no-from');
  if (!parsed.messageId) problems.push('no-message-id');
  if (opts.truncated) problems.push('truncated');
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null;
  return {
    messageId: parsed.messageId ? stripAngles(parsed.messageId) : null,
    from: from && from.address ? from : null,
    replyTo: addresses(parsed.replyTo),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
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
