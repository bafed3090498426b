// A mail taken apart: the person's own new words, their signature, and the quoted or forwarded rest.
import type { InboundMessage } from '../core/types.ts';
import { htmlToText } from './html-text.ts';
import { splitHtmlQuote } from './html-quotes.ts';
import { splitSignature } from './signature.ts';
import { type QuoteKind, splitPlainText } from './strip-quotes.ts';
import { isForwardSubject } from './text.ts';

/** HTML beyond this is not read: what a person asks is at the top, and work must stay bounded. */
const MAX_HTML_CHARS = 256 * 1024;
/** Text read to find the own words and the quoted or forwarded mail under them. */
const MAX_TEXT_CHARS = 96 * 1024;
/** Own words beyond this are ignored (nobody signs up in the 17th kilobyte of a mail). */
const MAX_OWN_WORDS_CHARS = 16 * 1024;
/** Forwarded text kept for finding colleagues' addresses and names. */
const MAX_QUOTED_CHARS = 64 * 1024;

const FORWARD_LINE = /^(-{2,}\s*)?(forwarded message|doorgestuurd bericht|begin forwarded message|begin doorgestuurd bericht|weitergeleitete nachricht)/i;
/** Only the first lines of the cut part are checked for a forward marker. */
const FORWARD_MARKER_SEARCH_LINES = 4;

export interface MailParts {
  /** the person's new text including sign-off and signature (quotes and forwards removed) */
  newText: string;
  /** the HTML the new text came from, when the mail has HTML */
  ownHtml: string | null;
  /** the person's own new words: no quotes, forwarded parts, sign-off or signature */
  ownWords: string;
  /** sign-off and signature lines */
  signature: string;
  /** a name on the sign-off line ("Groet, Jan") */
  nameOnClosing: string | null;
  /** quoted reply or forwarded mail, as text */
  quoted: string;
  /** whether `quoted` is a forwarded mail (a source of colleagues) or a quoted reply (ignored) */
  quotedKind: QuoteKind | null;
}

function cleanText(text: string): string {
  // NUL and other controls come from broken encodings; non-breaking spaces from HTML editors.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/\u00a0/g, ' ');
}

interface Body {
  ownText: string;
  ownHtml: string | null;
  htmlQuoted: string;
}

function body(msg: InboundMessage): Body {
  if (msg.html) {
    const { ownHtml, quotedHtml } = splitHtmlQuote(msg.html.slice(0, MAX_HTML_CHARS));
    const ownText = htmlToText(ownHtml, MAX_QUOTED_CHARS);
    if (ownText.trim() || !msg.text.trim()) return { ownText, ownHtml, htmlQuoted: quotedHtml ? htmlToText(quotedHtml, MAX_QUOTED_CHARS) : '' };
  }
  return { ownText: msg.text.slice(0, MAX_TEXT_CHARS), ownHtml: null, htmlQuoted: '' };
}

function quotedKindOf(msg: InboundMessage, quoted: string, markerKind: QuoteKind | null): QuoteKind | null {
  if (!quoted.trim()) return null;
  if (markerKind === 'forward') return 'forward';
  const firstLines = quoted.split('\n').filter((l) => l.trim()).slice(0, FORWARD_MARKER_SEARCH_LINES);
  if (firstLines.some((l) => FORWARD_LINE.test(l.trim()))) return 'forward';
  if (isForwardSubject(msg.subject)) return 'forward';
  return 'reply';
}

export function mailParts(msg: InboundMessage): MailParts {
  const { ownText, ownHtml, htmlQuoted } = body(msg);
  const split = splitPlainText(cleanText(ownText));
  const quoted = [split.quoted, cleanText(htmlQuoted)].filter((q) => q.trim()).join('\n').slice(0, MAX_QUOTED_CHARS);
  const sig = splitSignature(split.own.trim(), msg.from?.name ?? null);
  return {
    newText: split.own.slice(0, MAX_OWN_WORDS_CHARS).trim(),
    ownHtml,
    ownWords: sig.body.slice(0, MAX_OWN_WORDS_CHARS).trim(),
    signature: sig.signature,
    nameOnClosing: sig.nameOnClosing,
    quoted,
    quotedKind: quotedKindOf(msg, quoted, split.kind),
  };
}

/** The person's new text with quotes, signature and forwarded parts removed. */
export function ownWords(msg: InboundMessage): string {
  return mailParts(msg).ownWords;
}
