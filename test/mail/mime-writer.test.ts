import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { type MimePart, MimeWriteError, writeMessage } from '../../src/mail/mime-writer.ts';

const text = (content: string, contentType = 'text/plain'): MimePart => ({ kind: 'text', contentType, content });

function message(body: MimePart, to = { name: 'Sanne de Vries', address: 'sanne@x.nl' }, subject = 'Bevestiging') {
  return writeMessage(
    [
      ['From', { kind: 'address', value: { name: 'HIER opgewekt', address: 'info@hieropgewekt.nl' } }],
      ['To', { kind: 'address', value: to }],
      ['Subject', { kind: 'text', value: subject }],
      ['Message-ID', { kind: 'token', value: '<m1@x>' }],
    ],
    body,
    'seed123',
  );
}

describe('the MIME writer', () => {
  it('writes a tree that mailparser reads back part by part', async () => {
    const raw = message({
      kind: 'multipart',
      subtype: 'mixed',
      parts: [
        { kind: 'multipart', subtype: 'alternative', parts: [text('Hallo Jürgen,\nTot dan.'), text('<p>Hallo Jürgen</p>', 'text/html')] },
        { kind: 'attachment', contentType: 'text/csv; charset=utf-8', filename: 'deelnemers-2027-01-14.csv', content: 'naam;e-mail\nJürgen;j@x.nl\n' },
      ],
    });
    const mail = await simpleParser(raw);
    expect(mail.text).toBe('Hallo Jürgen,\nTot dan.');
    expect(mail.html).toBe('<p>Hallo Jürgen</p>');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe('deelnemers-2027-01-14.csv');
    expect(mail.attachments[0]!.content.toString('utf8')).toBe('naam;e-mail\nJürgen;j@x.nl\n');
    expect(mail.messageId).toBe('<m1@x>');
  });

  it('uses CRLF everywhere and keeps every line within 76 characters', () => {
    const long = 'woord '.repeat(60) + 'é'.repeat(100);
    const raw = message(text(`${long}\n${'x'.repeat(300)}`), undefined, `Onderwerp ${long}`).toString('utf8');
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('never lets a body contain the boundary, even when the text names it', async () => {
    const sneaky = 'tekst\n--=_ab_seed123_1\nContent-Type: text/html\n\n<b>nep</b>\n--=_ab_seed123_1--\n';
    const raw = message({ kind: 'multipart', subtype: 'alternative', parts: [text(sneaky), text('<p>echt</p>', 'text/html')] });
    const mail = await simpleParser(raw);
    expect(mail.html).toBe('<p>echt</p>');
    expect(mail.text).toBe(sneaky);
    expect(raw.toString('utf8')).toContain('Content-Transfer-Encoding: quoted-printable');
  });

  it('sends short ASCII as 7bit, and anything else quoted-printable', () => {
    expect(message(text('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', 'text/calendar')).toString()).toContain('Content-Transfer-Encoding: 7bit');
    expect(message(text('café')).toString()).toContain('Content-Transfer-Encoding: quoted-printable');
    expect(message(text('bel\u0007')).toString()).toContain('Content-Transfer-Encoding: quoted-printable');
  });

  it('keeps names as data: CR/LF, quotes and non-ASCII never make a header or a recipient', async () => {
    const raw = message(text('x'), { name: 'Eve\r\nBcc: victim@x.nl "de" \\ Bakker, Jansen', address: 'eve@x.nl' });
    const mail = await simpleParser(raw);
    expect(mail.headers.has('bcc')).toBe(false);
    const to = Array.isArray(mail.to) ? mail.to[0]! : mail.to!;
    expect(to.value).toHaveLength(1);
    expect(to.value[0]!.address).toBe('eve@x.nl');
    expect(to.value[0]!.name).toBe('Eve Bcc: victim@x.nl "de" \\ Bakker, Jansen');
    const accented = await simpleParser(message(text('x'), { name: 'Désirée van Ës', address: 'd@x.nl' }));
    expect((Array.isArray(accented.to) ? accented.to[0]! : accented.to!).value[0]!.name).toBe('Désirée van Ës');
  });

  it('writes an internationalised domain as an A-label when the local part is ASCII', () => {
    expect(message(text('x'), { name: null as unknown as string, address: 'info@jõgeva.ee' }).toString()).toContain('To: info@xn--jgeva-dua.ee');
  });

  it('refuses a header that is not one line of ASCII, with a stable code', () => {
    expect(() => writeMessage([['Message-ID', { kind: 'token', value: '<a\r\nBcc: x@y>' }]], text('x'), 's')).toThrow(MimeWriteError);
    try {
      writeMessage([['References', { kind: 'token', value: '<é@x>' }]], text('x'), 's');
    } catch (err) {
      expect((err as MimeWriteError).code).toBe('MIME_INVALID');
    }
  });
});
