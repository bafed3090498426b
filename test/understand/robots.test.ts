import { describe, expect, it } from 'vitest';
import { parseMail } from '../../src/mail/parse.ts';
import { isAutomatic } from '../../src/understand/robots.ts';

const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'] };

async function verdict(headers: string, body = 'Hallo', from = 'Jan Jansen <jan@example.nl>') {
  const raw = `From: ${from}\nTo: info@hieropgewekt.nl\nMessage-ID: <r1@example.nl>\n${headers}\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;
  return isAutomatic(await parseMail(Buffer.from(raw)), opts);
}

describe('isAutomatic', () => {
  it.each([
    ['Auto-Submitted', 'Subject: Hallo\nAuto-Submitted: auto-replied'],
    ['X-Autoreply', 'Subject: Hallo\nX-Autoreply: yes'],
    ['X-Loop', 'Subject: Hallo\nX-Loop: helpdesk@example.nl'],
    ['Precedence bulk', 'Subject: Hallo\nPrecedence: bulk'],
    ['List-Unsubscribe', 'Subject: Nieuwsbrief\nList-Unsubscribe: <mailto:u@example.nl>'],
    ['null Return-Path', 'Subject: Hallo\nReturn-Path: <>'],
    ['a report', 'Subject: Gelezen: x\nContent-Type: multipart/report; report-type=disposition-notification; boundary=b'],
    ['Dutch out-of-office subject', 'Subject: Automatisch antwoord: Bevestiging aanmelding'],
    ['Afwezigheidsmelding', 'Subject: Afwezigheidsmelding'],
    ['Out of Office', 'Subject: Out of Office: Kennissessie'],
    ['old Outlook "Niet aanwezig:"', 'Subject: Niet aanwezig: Kennissessie 2'],
    ['Exchange NDR', 'Subject: Onbestelbaar: Bevestiging aanmelding'],
    ['calendar auto-accept', 'Subject: Geaccepteerd: Kennissessie 2'],
    ['calendar accept (en)', 'Subject: Accepted: Kennissessie 2'],
  ])('recognises %s', async (_label, headers) => {
    expect((await verdict(headers)).automatic).toBe(true);
  });

  it.each([
    ['mailer-daemon', 'MAILER-DAEMON@mx.example.nl'],
    ['postmaster', 'Postmaster <postmaster@example.nl>'],
    ['no-reply', 'Webshop <no-reply@shop.example>'],
    ['noreply with a prefix', 'dmarc-noreply@example.com'],
  ])('recognises a %s sender', async (_label, from) => {
    expect((await verdict('Subject: Bericht', 'Hallo', from)).automatic).toBe(true);
  });

  it('recognises our own mail coming back by its Message-ID domain', async () => {
    const raw = 'From: info@hieropgewekt.nl\nTo: info@hieropgewekt.nl\nSubject: Bevestiging\nMessage-ID: <conf.1.2@aanmeldbot.hieropgewekt.nl>\n\nHallo\n';
    expect(isAutomatic(await parseMail(Buffer.from(raw)), opts)).toEqual({ automatic: true, reason: 'own-message-id' });
  });

  it('recognises an out-of-office without any header by what it says', async () => {
    const body = 'Ik ben tot en met 5 januari afwezig en lees mijn mail niet. Voor dringende zaken kunt u bellen met 030 123.';
    expect((await verdict('Subject: Re: Bevestiging', body)).automatic).toBe(true);
  });

  it('recognises a newsletter by its "view in browser" line', async () => {
    expect((await verdict('Subject: December', 'Bekijk deze e-mail in je browser\n\nNieuws uit de wijk')).automatic).toBe(true);
  });

  it.each([
    ['a person cancelling', 'Subject: Afmelden', 'Ik ben op 11 februari afwezig, dus ik meld me af.'],
    ['a person with "Niet aanwezig" as subject', 'Subject: Niet aanwezig op 11 februari', 'Helaas kan ik niet komen.'],
    ['a forwarded bounce', 'Subject: Fwd: Undeliverable: aanmelding', 'Mijn aanmelding kwam terug, kunt u mij aanmelden?'],
    ['a calendar decline', 'Subject: Geweigerd: Kennissessie 2', 'Sorry, ik kan toch niet.'],
    ['a person asking to unsubscribe', 'Subject: Uitschrijven', 'Graag wil ik me uitschrijven voor de sessie.'],
  ])('leaves %s to the classifier', async (_label, headers, body) => {
    expect((await verdict(headers, body)).automatic).toBe(false);
  });
});
