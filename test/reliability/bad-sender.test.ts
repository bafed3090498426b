// A From address that is damaged (a flipped byte: "p@kp,mail.nl") or hostile ("<a@x,b@y>") is not an
// address we can answer: the To header of the reply would name two addresses (and nodemailer's Mailer
// re-parses envelope recipients, so it would also send to both), and the mail itself would be filed where
// nobody reads it.
// Such mail is left for people. Found by the fuzz test (test/reliability/fuzz.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../src/mail/parse.ts';
import { testMail } from '../harness/dovecot.ts';
import { startSmtpSink } from '../harness/smtp-sink.ts';
import { SmtpSender } from '../../src/transport/smtp-sender.ts';
import { openDesk } from './helpers/pipeline.ts';

const signupFrom = (from: string, id: string) =>
  testMail({ from, messageId: id, subject: 'Aanmelding sessie 2', body: 'Graag meld ik me aan voor sessie 2 op 11 februari.\r\n\r\nGroet,\r\nPiet' });

describe('a From address we cannot answer as written', () => {
  it('is never split into two recipients on the way out (the SMTP server refuses it as one)', async () => {
    const sink = await startSmtpSink();
    const sender = new SmtpSender({ ...sink.connection() });
    try {
      await expect(
        sender.send({ messageId: 'x@example.test', envelope: { from: 'info@example.test', to: ['victim@evil.example,other@evil.example'] }, raw: Buffer.from('Subject: x\r\n\r\nx\r\n') }),
      ).rejects.toMatchObject({ code: 'SMTP_PERMANENT' });
      expect(sink.messages).toEqual([]);
    } finally {
      await sender.close();
      await sink.close();
    }
  });

  it.each([
    ['hostile: two addresses in one', '"Piet" <victim@evil.example,other@evil.example>'],
    ['damaged by a flipped byte', 'Piet <p.vanleeuwen@kp,mail.nl>'],
    ['a semicolon', 'Piet <piet@example.org;other@evil.example>'],
    ['bytes that were not text (U+FFFD)', 'Piet <piet@exa\uFFFDmple.org>'],
    ['a flipped byte in the domain', 'Piet <piet@raad.hou/en.nl>'],
    ['a local part starting with a dot', 'Piet <.kramer@example.org>'],
  ])('%s: parsed as no usable From, left for people, nothing sent', async (_what, from) => {
    const raw = signupFrom(from, `bad-from-${from.length}@example.org`);
    const parsed = await parseMail(raw);
    expect(parsed.from).toBeNull();
    expect(parsed.problems).toContain('invalid-from');
    const desk = await openDesk({ capacity: 40 });
    try {
      const uid = desk.source.add(raw);
      await desk.step();
      expect(desk.sender.sent).toEqual([]);
      expect(desk.store.state.registrations).toEqual([]);
      expect(desk.source.inbox.has(uid)).toBe(true);
      expect(Object.values(desk.store.state.handled).map((h) => h.summary)).toEqual(['left:no-from']);
    } finally {
      await desk.close();
    }
  });

  it('leaves ordinary addresses alone, and drops unusable ones from Cc', async () => {
    const parsed = await parseMail(
      testMail({ from: 'Anna de Boer <Anna.de.Boer+events@Example.org>', headers: { Cc: 'Bert <bert@example.org>, "x" <a@x.example,b@y.example>, Kees <kees@[192.0.2.1]>, Jürgen <jürgen@bücher.example>' } }),
    );
    expect(parsed.from).toEqual({ name: 'Anna de Boer', address: 'anna.de.boer+events@example.org' });
    expect(parsed.problems).not.toContain('invalid-from');
    expect(parsed.cc.map((a) => a.address)).toEqual(['bert@example.org', 'kees@[192.0.2.1]', 'jürgen@bücher.example']);
  });
});

// Found as an `it.fails` reproduction, fixed in src/understand/forwarded.ts; this keeps it fixed.
describe('forwarded addresses', () => {
  it('src/understand/forwarded.ts ADDRESS_IN_ANGLES: a comma inside the address of a forwarded mail\'s "Van:" line is registered and mailed as is', async () => {
    // /[<\[](?:mailto:)?([^<>\[\]\s]+@[^<>\[\]\s]+)[>\]]/ allows ',' and ';': "Lotte <l@x.nl,victim@evil.example>"
    // becomes one attendee, and nodemailer splits the envelope into two recipients.
    const fixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'classify', '005-doorgestuurd-verzoek-collega-gmail.eml'), 'latin1');
    const raw = fixture
      .split('Lotte Smit <lotte.smit@provincie-utrecht.nl>').join('Lotte Smit <lotte.smit@provincie-utrecht.nl,victim@evil.example>')
      .split('Lotte Smit &lt;lotte.smit@provincie-utrecht.nl&gt;').join('Lotte Smit &lt;lotte.smit@provincie-utrecht.nl,victim@evil.example&gt;');
    const desk = await openDesk({ capacity: 40 });
    try {
      desk.source.add(Buffer.from(raw, 'latin1'));
      await desk.step();
      expect(desk.sender.sent.length).toBeGreaterThan(0);
      expect(desk.sender.problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
