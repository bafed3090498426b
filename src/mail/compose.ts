// Builds a reply's bytes once; the same bytes go to SMTP and to the Sent folder (and survive a crash in
// the store, so a retry sends exactly the same mail with the same Message-ID).
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { formatDate, formatTimeRange } from '../core/format.ts';
import type { ReplyKind, ReplySpec } from '../core/state.ts';
import type { EventInfo, Language } from '../core/types.ts';
import { calendarInvite } from './ics.ts';
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
  const composer = new MailComposer({
    from: { name: sender.fromName, address: sender.fromAddress },
    // nodemailer encodes the display name; an address object never lets CR/LF add a recipient or header.
    to: { name: (spec.to.name ?? '').replace(/[\r\n]+/g, ' '), address: spec.to.address },
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: `<${spec.messageId}>`,
    date: now,
    inReplyTo: spec.inReplyTo ? `<${spec.inReplyTo}>` : undefined,
    references: spec.references.length ? spec.references.map((r) => `<${r}>`).join(' ') : undefined,
    headers: {
      // RFC 3834: mark automatic replies so other robots don't answer them; Outlook honours the second.
      'Auto-Submitted': 'auto-replied',
      'X-Auto-Response-Suppress': 'All',
    },
    ...(invite ? { icalEvent: { method: 'PUBLISH', filename: 'uitnodiging.ics', content: invite } } : {}),
    ...(spec.attachments?.length ? { attachments: spec.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
  });
  const raw = await composer.compile().build();
  return { raw, envelope: { from: sender.fromAddress, to: [spec.to.address] } };
}
