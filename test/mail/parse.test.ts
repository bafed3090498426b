import { describe, expect, it } from 'vitest';
import { parseMail } from '../../src/mail/parse.ts';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('parseMail', () => {
  it('gives text for HTML-only mail nested in multipart/related', async () => {
    const msg = await parseMail(crlf([
      'From: A <a@x.nl>', 'To: info@x.nl', 'Subject: aanmelding', 'Message-ID: <h1@x.nl>', 'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="r"', '', '--r', 'Content-Type: text/html; charset=utf-8', '',
      '<html><body><p>Graag meld ik me aan voor sessie 2.</p></body></html>', '--r--', '',
    ]));
    expect(msg.text).toContain('Graag meld ik me aan voor sessie 2.');
  });

  it('reports what it could not read instead of throwing', async () => {
    const msg = await parseMail(Buffer.from('no headers at all\r\n\r\n\u0000\u0001binary'));
    expect(msg.problems).toContain('no-from');
    expect(msg.problems).toContain('no-message-id');
  });

  it('decodes windows-1252 quoted-printable and encoded-word subjects', async () => {
    const msg = await parseMail(crlf([
      'From: =?iso-8859-1?Q?Ren=E9e_M=FCller?= <renee@x.nl>', 'To: info@x.nl', 'Subject: =?utf-8?Q?Co=C3=B6peratie?=', 'Message-ID: <c1@x.nl>',
      'MIME-Version: 1.0', 'Content-Type: text/plain; charset=windows-1252', 'Content-Transfer-Encoding: quoted-printable', '', 'Energieco=F6peratie =93Zuid=94', '',
    ]));
    expect(msg.from?.name).toBe('Renée Müller');
    expect(msg.subject).toBe('Coöperatie');
    expect(msg.text.trim()).toBe('Energiecoöperatie “Zuid”');
  });
});
