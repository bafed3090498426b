// The harness is what every IMAP/SMTP test stands on: check it does what it promises, including clean-up.
import { existsSync } from 'node:fs';
import net from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { groupAlive, startDovecot, testMail, type Dovecot } from '../harness/dovecot.ts';
import { headerMessageId, startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

describe('dovecot harness', () => {
  const started: Dovecot[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((d) => d.stop()));
  });
  const start = async (...args: Parameters<typeof startDovecot>) => {
    const d = await startDovecot(...args);
    started.push(d);
    return d;
  };

  it('serves IMAP with special-use folders, appends and lists without touching flags', async () => {
    const d = await start();
    const mailboxes = await d.mailboxes();
    expect(mailboxes.find((m) => m.specialUse === '\\Sent')).toMatchObject({ path: 'Sent', subscribed: true });
    expect(mailboxes.map((m) => m.path)).toEqual(expect.arrayContaining(['INBOX', 'Sent', 'Drafts', 'Trash', 'Junk']));

    const raw = testMail({ messageId: 'harness-1@example.test' });
    const uid1 = await d.append('INBOX', raw);
    const uid2 = await d.append('INBOX', testMail(), ['\\Flagged']);
    expect(uid2).toBeGreaterThan(uid1);
    const listed = await d.list('INBOX');
    expect(listed.map((m) => m.uid)).toEqual([uid1, uid2]);
    expect(listed[0]!.raw.equals(raw)).toBe(true);
    expect(listed[0]!.flags).toEqual([]);
    expect(listed[1]!.flags).toEqual(['\\Flagged']);
    // list() itself must not mark anything read
    expect((await d.list('INBOX'))[0]!.flags).toEqual([]);
    await expect(d.list('DoesNotExist')).rejects.toThrow();
  });

  it('keeps users apart and rejects wrong passwords', async () => {
    const d = await start({ users: [{ user: 'info@example.test', password: 'een' }, { user: 'ander@example.test', password: 'twee' }] });
    await d.append('INBOX', testMail(), [], 'ander@example.test');
    expect(await d.list('INBOX')).toHaveLength(0);
    expect(await d.list('INBOX', 'ander@example.test')).toHaveLength(1);
    const { ImapFlow } = await import('imapflow');
    const bad = new ImapFlow({ ...d.connection(), auth: { user: d.user, pass: 'fout' }, logger: false });
    bad.on('error', () => {});
    await expect(bad.connect()).rejects.toThrow();
  });

  it('restart keeps port and data; kill takes the whole process group down', async () => {
    const d = await start();
    const port = d.port;
    const uid = await d.append('INBOX', testMail());
    const pid = d.pid!;
    await d.kill();
    expect(groupAlive(pid)).toBe(false);
    expect(await portOpen(port)).toBe(false);
    expect(d.pid).toBeNull();
    await d.restart();
    expect(d.port).toBe(port);
    expect((await d.list('INBOX')).map((m) => m.uid)).toEqual([uid]);
    await d.restart();
    expect((await d.list('INBOX')).map((m) => m.uid)).toEqual([uid]);
  });

  it('stop ends every process and removes the temp dir; it is idempotent', async () => {
    const d = await startDovecot();
    const pid = d.pid!;
    await d.stop();
    await d.stop();
    expect(groupAlive(pid)).toBe(false);
    expect(existsSync(d.dir)).toBe(false);
    expect(await portOpen(d.port)).toBe(false);
    await expect(d.restart()).rejects.toThrow(/after stop/);
  });

  it('runs several instances side by side', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect(a!.port).not.toBe(b!.port);
    await a!.append('INBOX', testMail());
    expect(await b!.list('INBOX')).toHaveLength(0);
  });

  it('can hide capabilities (to test fallbacks)', async () => {
    const d = await start({ dropCapabilities: ['IDLE', 'MOVE'] });
    const c = await d.client();
    try {
      expect(c.capabilities.has('IDLE')).toBe(false);
      expect(c.capabilities.has('MOVE')).toBe(false);
      expect(c.capabilities.has('UIDPLUS')).toBe(true);
    } finally {
      await c.logout();
    }
  });
});

describe('smtp sink', () => {
  let sink: SmtpSink;
  afterEach(async () => {
    await sink.close();
  });
  const transport = () => nodemailer.createTransport({ ...sink.connection(), logger: false });

  it('records envelope, raw bytes and Message-ID; waitFor resolves and times out', async () => {
    sink = await startSmtpSink();
    const raw = Buffer.from('From: a@example.org\r\nTo: b@example.org\r\nMessage-ID:\r\n <sink-1@example.org>\r\nSubject: x\r\n\r\nhoi\r\n');
    const pending = sink.waitFor(1, 5_000);
    await transport().sendMail({ envelope: { from: 'a@example.org', to: ['b@example.org', 'c@example.org'] }, raw });
    const [got] = await pending;
    expect(got!.envelope).toEqual({ from: 'a@example.org', to: ['b@example.org', 'c@example.org'] });
    expect(got!.messageId).toBe('sink-1@example.org');
    expect(got!.raw.toString()).toContain('hoi');
    await expect(sink.waitFor(2, 200)).rejects.toThrow(/1 of 2/);
    sink.clear();
    expect(sink.messages).toHaveLength(0);
  });

  it('refuses a given number of times, then accepts', async () => {
    sink = await startSmtpSink();
    sink.refuse({ code: 451, times: 2 });
    const t = transport();
    const mail = { envelope: { from: 'a@example.org', to: ['b@example.org'] }, raw: 'Subject: x\r\n\r\ny\r\n' };
    await expect(t.sendMail(mail)).rejects.toMatchObject({ responseCode: 451 });
    await expect(t.sendMail(mail)).rejects.toMatchObject({ responseCode: 451 });
    await t.sendMail(mail);
    expect(sink.refusals).toBe(2);
    expect(sink.messages).toHaveLength(1);
  });

  it('refuses for a while at the chosen stage, and accept() ends it early', async () => {
    sink = await startSmtpSink();
    const t = transport();
    const mail = { envelope: { from: 'a@example.org', to: ['b@example.org'] }, raw: 'Subject: x\r\n\r\ny\r\n' };
    sink.refuse({ code: 554, stage: 'data', forMs: 300 });
    await expect(t.sendMail(mail)).rejects.toMatchObject({ responseCode: 554 });
    await new Promise((r) => setTimeout(r, 350));
    await t.sendMail(mail);
    sink.refuse({ code: 421, stage: 'mail' });
    await expect(t.sendMail(mail)).rejects.toMatchObject({ responseCode: 421 });
    sink.accept();
    await t.sendMail(mail);
    expect(sink.messages).toHaveLength(2);
  });

  it('reads folded Message-ID headers and ignores the body', () => {
    expect(headerMessageId(Buffer.from('Subject: a\r\nMessage-Id: <x@y>\r\n\r\n'))).toBe('x@y');
    expect(headerMessageId(Buffer.from('Subject: a\r\n\r\nMessage-ID: <x@y>\r\n'))).toBeNull();
  });
});
