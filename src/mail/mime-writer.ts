// Writes a MIME message (RFC 2045/2046/5322) in one synchronous pass. nodemailer's MailComposer builds the
// same structure through a chain of streams, which cost about 1 ms of CPU per reply: in a rush that was a
// third of the bot's time. The encoders are still nodemailer's (quoted-printable, base64, RFC 2047 words,
// header folding); only the stream plumbing is gone.
import { domainToASCII } from 'node:url';
import * as base64 from 'nodemailer/lib/base64/index.js';
import * as mimeFuncs from 'nodemailer/lib/mime-funcs/index.js';
import * as qp from 'nodemailer/lib/qp/index.js';

/** RFC 5322 §2.1.1: lines SHOULD be at most 78 characters; 76 is what MIME encoders use. */
const LINE_OCTETS = 76;
/** RFC 2047 §2: an encoded word is at most 75 characters; 52 input bytes keeps each under it. */
const ENCODED_WORD_INPUT_OCTETS = 52;
const CRLF = '\r\n';

export interface MailAddress {
  name: string | null;
  address: string;
}

export type HeaderValue =
  | { kind: 'text'; value: string }
  | { kind: 'address'; value: MailAddress }
  /** ASCII only, written as given (Message-ID, Date, MIME-Version, references) */
  | { kind: 'token'; value: string };

export type MimePart =
  | { kind: 'text'; contentType: string; params?: Record<string, string>; content: string }
  | { kind: 'attachment'; contentType: string; filename: string; content: string | Buffer }
  | { kind: 'multipart'; subtype: 'mixed' | 'alternative'; parts: MimePart[] };

export class MimeWriteError extends Error {
  readonly code = 'MIME_INVALID';
}

const CONTROL = /[\x00-\x1f\x7f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** A header value never carries a line break: a name from a mail must not add a header. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(CONTROL, '').trim();
}

/** nodemailer's rule: atoms as they are, other printable ASCII quoted, anything else an RFC 2047 word. */
function encodeDisplayName(name: string): string {
  if (/^[\w ]*$/.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return mimeFuncs.quoteString(name);
  return mimeFuncs.encodeWord(name, 'Q', ENCODED_WORD_INPUT_OCTETS);
}

/**
 * The address as it goes on the wire, in the header and in the SMTP envelope alike: an ASCII local part
 * needs no SMTPUTF8, so its domain goes out as an A-label (RFC 5890), as nodemailer's own composer does
 * ("piet@müller.de" -> "piet@xn--mller-kva.de"; mailparser hands us the Unicode form).
 */
export function wireAddress(address: string): string {
  const clean = address.replace(/[\x00-\x20\x7f<>]+/g, '');
  const at = clean.lastIndexOf('@');
  if (at <= 0) throw new MimeWriteError(`not an address: "${clean}"`);
  const local = clean.slice(0, at);
  let domain = clean.slice(at + 1);
  if (!NON_ASCII.test(local) && NON_ASCII.test(domain)) domain = domainToASCII(domain) || domain;
  return `${local}@${domain}`;
}

function formatAddress({ name, address }: MailAddress): string {
  const spec = wireAddress(address);
  const display = name ? oneLine(name) : '';
  return display ? `${encodeDisplayName(display)} <${spec}>` : spec;
}

function headerLine(name: string, header: HeaderValue): string {
  let value: string;
  switch (header.kind) {
    case 'text':
      value = mimeFuncs.encodeWords(oneLine(header.value), 'Q', ENCODED_WORD_INPUT_OCTETS);
      break;
    case 'address':
      value = formatAddress(header.value);
      break;
    case 'token':
      if (NON_ASCII.test(header.value) || /[\r\n]/.test(header.value)) throw new MimeWriteError(`header ${name} must be one line of ASCII`);
      value = header.value;
      break;
    default: {
      const unknown: never = header;
      throw new MimeWriteError(`unknown header kind ${JSON.stringify(unknown)}`);
    }
  }
  return mimeFuncs.foldLines(`${name}: ${value}`, LINE_OCTETS);
}

function contentType(type: string, params: Record<string, string>): string {
  return mimeFuncs.foldLines(`Content-Type: ${mimeFuncs.buildHeaderValue({ value: type, params })}`, LINE_OCTETS);
}

/**
 * 7bit only for short ASCII lines without "=_"; everything else quoted-printable. Quoted-printable never
 * writes "=_" ("=" is always followed by hex digits or a line break) and base64 has no "_", so a boundary
 * that contains "=_" can never occur inside a body (RFC 2046 §5.1.1).
 */
function textBody(content: string): { encoding: string; body: string } {
  const normalised = content.replace(/\r?\n/g, CRLF);
  const plain = !NON_ASCII.test(normalised) && !normalised.includes('=_') && !mimeFuncs.hasLongerLines(normalised, LINE_OCTETS) && !CONTROL_EXCEPT_CRLF.test(normalised);
  if (plain) return { encoding: '7bit', body: normalised };
  return { encoding: 'quoted-printable', body: qp.wrap(qp.encode(normalised), LINE_OCTETS) };
}
const CONTROL_EXCEPT_CRLF = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

function writePart(part: MimePart, boundaryBase: string, counter: { next: number }, out: string[]): void {
  switch (part.kind) {
    case 'text': {
      const { encoding, body } = textBody(part.content);
      out.push(contentType(part.contentType, { charset: 'utf-8', ...part.params }), `Content-Transfer-Encoding: ${encoding}`, '', body);
      return;
    }
    case 'attachment': {
      const filename = oneLine(part.filename);
      out.push(
        mimeFuncs.foldLines(`Content-Type: ${mimeFuncs.buildHeaderValue({ value: part.contentType, params: { name: filename } })}`, LINE_OCTETS),
        mimeFuncs.foldLines(`Content-Disposition: ${mimeFuncs.buildHeaderValue({ value: 'attachment', params: { filename } })}`, LINE_OCTETS),
        'Content-Transfer-Encoding: base64',
        '',
        base64.wrap(base64.encode(typeof part.content === 'string' ? Buffer.from(part.content, 'utf8') : part.content), LINE_OCTETS),
      );
      return;
    }
    case 'multipart': {
      const boundary = `${boundaryBase}_${counter.next++}`;
      out.push(contentType(`multipart/${part.subtype}`, { boundary }), '');
      for (const child of part.parts) {
        out.push(`--${boundary}`);
        writePart(child, boundaryBase, counter, out);
      }
      out.push(`--${boundary}--`, '');
      return;
    }
    default: {
      const unknown: never = part;
      throw new MimeWriteError(`unknown part kind ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The whole message with CRLF line ends. `boundarySeed` should differ per message (a hash of the
 * Message-ID will do); the "=_" in every boundary is what guarantees it never occurs in a body.
 */
export function writeMessage(headers: ReadonlyArray<readonly [name: string, value: HeaderValue]>, body: MimePart, boundarySeed: string): Buffer {
  const out = headers.map(([name, value]) => headerLine(name, value));
  out.push('MIME-Version: 1.0');
  writePart(body, `=_ab_${boundarySeed.replace(/[^0-9A-Za-z]/g, '').slice(0, 32)}`, { next: 1 }, out);
  return Buffer.from(out.join(CRLF) + CRLF, 'utf8');
}
