import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import type { OutboxItem, ReplySpec } from '../../src/core/state.ts';
import { composeReply } from '../../src/mail/compose.ts';
import { buildReply } from '../../src/worker/outbox.ts';
import { TEMPLATES_DIR } from '../../src/shell/paths.ts';
import { loadTemplates, REPLY_KINDS } from '../../src/shell/template-files.ts';
import { EVENTS } from '../helpers/events.ts';

const templates = loadTemplates(TEMPLATES_DIR);
const sender = { fromName: 'HIER opgewekt', fromAddress: 'info@hieropgewekt.nl', contactPhone: '030 - 711 64 00' };
const event = EVENTS.find((e) => e.id === 'sessie-2')!;
const NOW = new Date('2026-11-26T12:00:00+01:00');

function spec(over: Partial<ReplySpec> = {}): ReplySpec {
  return {
    kind: 'confirmed', messageId: 'confirmed.abc.0123456789abcdef@aanmeldbot.hieropgewekt.nl',
    to: { name: 'Sanne de Vries', address: 'sanne@x.nl' }, language: 'nl', eventId: 'sessie-2', registrationId: 'r1',
    inReplyTo: 'orig@x.nl', references: ['orig@x.nl'], answeredSubject: 'Aanmelding', vars: { attendee: 'Sanne de Vries' }, ...over,
  };
}

describe('composed replies', () => {
  it('carry the event details, threading, RFC 3834 marking and a calendar invite', async () => {
    const { raw, envelope } = await composeReply(spec(), event, templates, sender, NOW);
    const mail = await simpleParser(raw);
    expect(envelope).toEqual({ from: 'info@hieropgewekt.nl', to: ['sanne@x.nl'] });
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.inReplyTo).toBe('<orig@x.nl>');
    expect(mail.references).toBe('<orig@x.nl>');
    expect(mail.messageId).toBe('<confirmed.abc.0123456789abcdef@aanmeldbot.hieropgewekt.nl>');
    expect(mail.subject).toContain('Rolverdeling');
    expect(mail.text).toContain('donderdag 11 februari 2027, 13.30–18.00 uur');
    expect(mail.text).toContain('ANNE bij Utrecht Centraal');
    expect(mail.text).toContain("'afmelden'");
    expect(mail.text).toContain('030 - 711 64 00');
    expect(mail.html).toContain('<p>Beste Sanne de Vries,</p>');
    const ics = raw.toString('utf8');
    expect(ics).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/i);
    expect(ics).toContain('DTSTART:20270211T123000Z');
  });

  it('write English when asked, with times in Europe/Amsterdam across daylight saving', async () => {
    const april = EVENTS.find((e) => e.id === 'sessie-4')!;
    const mail = await simpleParser((await composeReply(spec({ language: 'en', eventId: 'sessie-4' }), april, templates, sender, NOW)).raw);
    expect(mail.text).toContain('Thursday, 8 April 2027, 13:30–18:00');
    expect(mail.text).toContain("'cancel'");
  });

  it('keep names as data: CR/LF adds no header or recipient, HTML is escaped', async () => {
    const evil = 'Eve\r\nBcc: victim@x.nl\r\nX-Evil: 1 <b>bold</b>';
    const { raw, envelope } = await composeReply(spec({ to: { name: evil, address: 'eve@x.nl' }, vars: { attendee: evil } }), event, templates, sender, NOW);
    const mail = await simpleParser(raw);
    expect(envelope.to).toEqual(['eve@x.nl']);
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.headers.has('x-evil')).toBe(false);
    expect(mail.html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>bold</b>');
  });

  it('are built again byte for byte from the queued item (a Sent copy rebuilt after a restart is what was sent)', async () => {
    const item = { id: spec().messageId, spec: spec(), createdAt: '2026-11-26T11:00:00.000Z' } as OutboxItem;
    const first = await buildReply(item, EVENTS, templates, sender);
    const again = await buildReply(structuredClone(item), EVENTS, templates, sender);
    expect(again.raw.equals(first.raw)).toBe(true);
    expect(first.raw.toString()).toContain('Date: Thu, 26 Nov 2026 11:00:00 +0000');
    expect(first.raw.toString()).toContain('DTSTAMP:20261126T110000Z');
  });

  it('address an internationalised domain the same way in the To header and the SMTP envelope (A-label)', async () => {
    const { raw, envelope } = await composeReply(spec({ to: { name: 'Piet', address: 'piet@müller.de' } }), event, templates, sender, NOW);
    expect(envelope.to).toEqual(['piet@xn--mller-kva.de']);
    expect(raw.toString()).toContain('To: Piet <piet@xn--mller-kva.de>');
  });

  it('exist for every reply kind in both languages', async () => {
    for (const language of ['nl', 'en'] as const) {
      for (const kind of REPLY_KINDS) {
        const mail = await simpleParser((await composeReply(spec({ kind, language, vars: { position: 3, list: '- X', attendee: 'X' } }), event, templates, sender, NOW)).raw);
        expect(mail.subject, `${language}/${kind}`).toBeTruthy();
        expect(mail.text, `${language}/${kind}`).not.toMatch(/\{\{/);
      }
    }
  });
});
