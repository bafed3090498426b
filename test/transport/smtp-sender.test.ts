// SmtpSender against a real SMTP server (the sink): bytes and envelope go through untouched, and every
// kind of failure ends up as the code the outbox relies on.
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../harness/dovecot.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';
import { classifySmtpError, SmtpSender } from '../../src/transport/smtp-sender.ts';
import { TransportError, type OutgoingRaw } from '../../src/transport/types.ts';

let sink: SmtpSink;
const senders: SmtpSender[] = [];

function sender(extra: Partial<ConstructorParameters<typeof SmtpSender>[0]> = {}): SmtpSender {
  const s = new SmtpSender({ ...sink.connection(), ...extra });
  senders.push(s);
  return s;
}

let counter = 0;
async function outgoing(to: string[] = ['deelnemer@example.org']): Promise<OutgoingRaw> {
  counter += 1;
  const messageId = `reply-${counter}-${Date.now()}@aanmeldbot.example.test`;
  const raw = await new MailComposer({
    from: 'Aanmeldbalie <info@example.test>',
    to,
    subject: `Bevestiging ${counter}`,
    text: 'Je bent aangemeld.',
    messageId: `<${messageId}>`,
    inReplyTo: '<origineel@example.org>',
    headers: { 'Auto-Submitted': 'auto-replied' },
  })
    .compile()
    .build();
  return { messageId, envelope: { from: 'info@example.test', to }, raw };
}

async function failure(p: Promise<unknown>): Promise<TransportError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(TransportError);
  return err as TransportError;
}

beforeEach(async () => {
  sink = await startSmtpSink();
});

afterEach(async () => {
  await Promise.all(senders.splice(0).map((s) => s.close()));
  await sink.close();
});

describe('SmtpSender', () => {
  it('sends the given bytes with the given envelope', async () => {
    const mail = await outgoing(['a@example.org', 'b@example.org']);
    await sender().send(mail);
    const [got] = await sink.waitFor(1);
    expect(got!.envelope).toEqual({ from: 'info@example.test', to: ['a@example.org', 'b@example.org'] });
    expect(got!.messageId).toBe(mail.messageId);
    // SMTP dot-stuffing and line endings must not alter the message
    expect(got!.raw.equals(mail.raw)).toBe(true);
  });

  it('dot-stuffs a body line that is only a dot, or starts with one, and the server gets the bytes back unchanged', async () => {
    const raw = Buffer.from('Message-ID: <dots@example.test>\r\nSubject: punt\r\n\r\nboven\r\n.\r\n..twee\r\n.een\r\nonder\r\n');
    await sender().send({ messageId: 'dots@example.test', envelope: { from: 'info@example.test', to: ['a@example.org'] }, raw });
    const [got] = await sink.waitFor(1);
    expect(got!.raw.equals(raw)).toBe(true);
  });

  it('reuses the pool for several sends, also in parallel', async () => {
    const s = sender();
    const mails = await Promise.all([1, 2, 3, 4, 5].map(() => outgoing()));
    await Promise.all(mails.map((m) => s.send(m)));
    const got = await sink.waitFor(5);
    expect(new Set(got.map((g) => g.messageId))).toEqual(new Set(mails.map((m) => m.messageId)));
  });

  it('maps a 4xx refusal to SMTP_TEMPORARY and succeeds once the server accepts again', async () => {
    const s = sender();
    const mail = await outgoing();
    sink.refuse({ code: 451, times: 1 });
    const err = await failure(s.send(mail));
    expect(err.code).toBe('SMTP_TEMPORARY');
    expect(err.message).toContain(mail.messageId);
    await s.send(mail);
    expect((await sink.waitFor(1))[0]!.messageId).toBe(mail.messageId);
  });

  it.each([
    { stage: 'mail' as const, code: 421 },
    { stage: 'rcpt' as const, code: 450 },
    { stage: 'data' as const, code: 452 },
  ])('4xx at $stage → SMTP_TEMPORARY', async ({ stage, code }) => {
    sink.refuse({ code, stage });
    expect((await failure(sender().send(await outgoing()))).code).toBe('SMTP_TEMPORARY');
  });

  it.each([
    { stage: 'mail' as const, code: 553 },
    { stage: 'rcpt' as const, code: 550 },
    { stage: 'data' as const, code: 554 },
  ])('5xx at $stage → SMTP_PERMANENT', async ({ stage, code }) => {
    sink.refuse({ code, stage });
    expect((await failure(sender().send(await outgoing()))).code).toBe('SMTP_PERMANENT');
  });

  it('maps "nothing listens" to SMTP_TEMPORARY', async () => {
    const s = new SmtpSender({ host: '127.0.0.1', port: await freePort(), ignoreTLS: true, connectionTimeoutMs: 2_000 });
    senders.push(s);
    expect((await failure(s.send(await outgoing()))).code).toBe('SMTP_TEMPORARY');
  });

  it('keeps working after the server went away and came back on the same port', async () => {
    const port = sink.port;
    const s = sender();
    await s.send(await outgoing());
    await sink.close();
    expect((await failure(s.send(await outgoing()))).code).toBe('SMTP_TEMPORARY');
    sink = await startSmtpSink({ port });
    const mail = await outgoing();
    await s.send(mail);
    expect((await sink.waitFor(1))[0]!.messageId).toBe(mail.messageId);
  });

  it('refuses to send after close()', async () => {
    const s = sender();
    await s.close();
    expect((await failure(s.send(await outgoing()))).code).toBe('SMTP_TEMPORARY');
  });
});

describe('classifySmtpError', () => {
  it.each([
    [{ responseCode: 421, code: 'EENVELOPE' }, 'SMTP_TEMPORARY'],
    [{ responseCode: 450, code: 'EENVELOPE' }, 'SMTP_TEMPORARY'],
    [{ responseCode: 550, code: 'EENVELOPE' }, 'SMTP_PERMANENT'],
    [{ responseCode: 552, code: 'EMESSAGE' }, 'SMTP_PERMANENT'],
    // bad sequence of commands: the session's fault, not the message's
    [{ responseCode: 503, code: 'EPROTOCOL' }, 'SMTP_TEMPORARY'],
    // wrong credentials: a person fixes the config, the queued replies must survive
    [{ responseCode: 535, code: 'EAUTH' }, 'SMTP_TEMPORARY'],
    [{ code: 'ECONNECTION' }, 'SMTP_TEMPORARY'],
    [{ code: 'ETIMEDOUT' }, 'SMTP_TEMPORARY'],
    [{ code: 'ESOCKET' }, 'SMTP_TEMPORARY'],
    [{ code: 'EENVELOPE' }, 'SMTP_PERMANENT'],
    [new Error('something else'), 'SMTP_TEMPORARY'],
  ])('%o → %s', (err, expected) => {
    expect(classifySmtpError(err)).toBe(expected);
  });
});
