// Builds a reply's bytes once; the same bytes go to SMTP and to the Sent folder (and survive a crash in
// the store, so a retry sends exactly the same mail with the same Message-ID).
import { createHash } from 'node:crypto';
import { formatDate, formatTimeRange } from '../core/format.ts';
import type { ReplyKind, ReplySpec } from '../core/state.ts';
import type { EventInfo, Language } from '../core/types.ts';
import { calendarInvite } from './ics.ts';
import { type MimePart, wireAddress, writeMessage } from './mime-writer.ts';
import { render, type TemplateVars } from './render.ts';

export interface TemplateSet {
  template(language: Language, kind: ReplyKind): { source: string; name: string };
  layout(language: Language): string;
}

export interface Sender {
  fromName: string;
  fromAddress: string;
  contactPhone: string;
}

const WITH_INVITE: ReadonlySet<ReplyKind> = new Set(['confirmed', 'promoted']);
const NAMELESS: Record<Language, string> = { nl: 'deelnemer', en: 'participant' };

export function templateVars(spec: ReplySpec, event: EventInfo | null, sender: Sender): TemplateVars {
  const lang = spec.language;
  const attendee = typeof spec.vars.attendee === 'string' && spec.vars.attendee ? spec.vars.attendee : null;
  const vars: TemplateVars = {
    ...spec.vars,
    name: attendee ?? (spec.to.name || NAMELESS[lang]),
    'to.email': spec.to.address,
    organiser: sender.fromName || sender.fromAddress,
    'contact.email': sender.fromAddress,
    'contact.phone': sender.contactPhone,
  };
  if (event) {
    Object.assign(vars, {
      'event.title': event.title,
      'event.date': formatDate(event.start, lang),
      'event.time': formatTimeRange(event.start, event.end, lang),
      'event.location': event.location,
      'event.address': event.address ?? '',
      'event.description': event.description ?? '',
    });
  }
  return vars;
}

export interface Composed {
  raw: Buffer;
  envelope: { from: string; to: string[] };
}

/** An id we can put in In-Reply-To/References as it is: one ASCII token (RFC 5322 §3.6.4 msg-id). */
function isPlainMessageId(id: string): boolean {
  return /^[\x21-\x3b\x3d\x3f-\x7e]{1,500}$/.test(id);
}

export async function composeReply(spec: ReplySpec, event: EventInfo | null, templates: TemplateSet, sender: Sender, now: Date): Promise<Composed> {
  const vars = templateVars(spec, event, sender);
  const rendered = render(templates.template(spec.language, spec.kind), templates.layout(spec.language), vars);
  const invite = event && WITH_INVITE.has(spec.kind)
    ? calendarInvite(event, {
        uid: `${event.id}.${spec.registrationId ?? 'x'}@${spec.messageId.split('@')[1]}`,
        organiserName: sender.fromName || sender.fromAddress,
        organiserEmail: sender.fromAddress,
        stamp: now.toISOString(),
        description: `${event.description ?? ''}`.trim(),
      })
    : null;
  const alternative: MimePart = {
    kind: 'multipart',
    subtype: 'alternative',
    parts: [
      { kind: 'text', contentType: 'text/plain', content: rendered.text },
      { kind: 'text', contentType: 'text/html', content: rendered.html },
      // RFC 6047 §2.4: the calendar as an alternative is what Outlook and Gmail show as an event card.
      ...(invite ? [{ kind: 'text', contentType: 'text/calendar', params: { method: 'PUBLISH' }, content: invite } as const] : []),
    ],
  };
  const attachments: MimePart[] = [
    ...(invite ? [{ kind: 'attachment', contentType: 'application/ics', filename: 'uitnodiging.ics', content: invite } as const] : []),
    ...(spec.attachments ?? []).map((a) => ({ kind: 'attachment', contentType: a.contentType, filename: a.filename, content: a.content }) as const),
  ];
  const references = spec.references.filter(isPlainMessageId).map((r) => `<${r}>`).join(' ');
  const raw = writeMessage(
    [
      // RFC 3834: mark automatic replies so other robots don't answer them; Outlook honours the second.
      ['Auto-Submitted', { kind: 'token', value: 'auto-replied' }],
      ['X-Auto-Response-Suppress', { kind: 'token', value: 'All' }],
      ['From', { kind: 'address', value: { name: sender.fromName, address: sender.fromAddress } }],
      ['To', { kind: 'address', value: { name: spec.to.name, address: spec.to.address } }],
      ...(spec.inReplyTo && isPlainMessageId(spec.inReplyTo) ? [['In-Reply-To', { kind: 'token', value: `<${spec.inReplyTo}>` }] as const] : []),
      ...(references ? [['References', { kind: 'token', value: references }] as const] : []),
      ['Subject', { kind: 'text', value: rendered.subject }],
      ['Message-ID', { kind: 'token', value: `<${spec.messageId}>` }],
      ['Date', { kind: 'token', value: now.toUTCString().replace(/GMT$/, '+0000') }],
    ],
    attachments.length ? { kind: 'multipart', subtype: 'mixed', parts: [alternative, ...attachments] } : alternative,
    createHash('sha256').update(spec.messageId).digest('hex'),
  );
  return { raw, envelope: { from: wireAddress(sender.fromAddress), to: [wireAddress(spec.to.address)] } };
}
