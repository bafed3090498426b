import { describe, expect, it } from 'vitest';
import { parseMail } from '../../src/mail/parse.ts';
import { ownWords } from '../../src/understand/classify.ts';
import { mailParts } from '../../src/understand/mail-parts.ts';
import { splitPlainText } from '../../src/understand/strip-quotes.ts';
import { htmlToText } from '../../src/understand/html-text.ts';

async function parse(headers: string, body: string) {
  return parseMail(Buffer.from(`From: Jan <jan@example.nl>\nTo: info@hieropgewekt.nl\nMessage-ID: <q@example.nl>\n${headers}\n\n${body}\n`));
}

describe('plain-text quotes', () => {
  it('cuts a Gmail attribution followed by quoted lines', () => {
    const text = 'Ik kom graag.\n\nOp do 26 nov 2026 om 14:02 schreef HIER opgewekt <info@hieropgewekt.nl>:\n\n> Kun je toch niet komen?\n> Antwoord dan met afmelden.';
    expect(splitPlainText(text).own).toBe('Ik kom graag.');
  });

  it('cuts a Gmail attribution wrapped over two lines', () => {
    const text = 'Top!\n\nOn Thu, Nov 26, 2026 at 2:02 PM HIER opgewekt <\ninfo@hieropgewekt.nl> wrote:\n\n> Hello';
    expect(splitPlainText(text).own).toBe('Top!');
  });

  it('keeps "Op 3 oktober schreef ik u al het volgende:" when no quote follows', () => {
    const text = 'Op 3 oktober schreef ik u al het volgende:\nik wil me aanmelden voor sessie 1.\n\nWilt u mij alsnog aanmelden?';
    expect(splitPlainText(text).own).toBe(text);
  });

  it('cuts an Outlook header block, Dutch and English, with bold markers', () => {
    const nl = 'Graag afmelden.\n\n________________________________\n*Van:* HIER opgewekt <info@hieropgewekt.nl>\n*Verzonden:* donderdag 3 december 2026 14:50\n*Aan:* Mirjam\n*Onderwerp:* Bevestiging\n\nKun je toch niet komen?';
    expect(splitPlainText(nl).own).toBe('Graag afmelden.');
    const en = 'Please cancel.\n\nFrom: HIER opgewekt <info@hieropgewekt.nl>\nSent: Monday, January 18, 2027 10:25 AM\nTo: James\nSubject: Registration confirmed';
    expect(splitPlainText(en).own).toBe('Please cancel.');
  });

  it('does not cut a single "Van:" line in a form', () => {
    const text = 'Aanmelding\nNaam: Jan\nVan: Gemeente Zeist\nSessie: 2';
    expect(splitPlainText(text).own).toBe(text);
  });

  it('cuts original-message and forward markers and knows a forward', () => {
    expect(splitPlainText('Afmelden graag.\n\n-----Oorspronkelijk bericht-----\nVan: x').own).toBe('Afmelden graag.');
    const fwd = splitPlainText('Zie onder.\n\n---------- Doorgestuurd bericht ---------\nVan: Lotte <lotte@x.nl>');
    expect(fwd.own).toBe('Zie onder.');
    expect(fwd.kind).toBe('forward');
  });

  it('ends the own words at a mobile footer', () => {
    expect(splitPlainText('Ik kan niet komen.\n\nVerstuurd vanaf mijn iPhone\n\n> Op 5 jan. heeft X het volgende geschreven:').own).toBe('Ik kan niet komen.');
    expect(splitPlainText('Count me in\n\nGet Outlook for iOS\n________________________________\nFrom: x').own).toBe('Count me in');
  });
});

describe('HTML quotes', () => {
  it('cuts Gmail, Outlook web and Apple Mail quote blocks before converting', async () => {
    const gmail = '<div dir="ltr">Ik meld me af.</div><br><div class="gmail_quote"><div class="gmail_attr">Op do schreef X:</div><blockquote class="gmail_quote">afmelden</blockquote></div>';
    const owa = '<div>Graag annuleren.</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>Van:</b> X</div><div>Antwoord dan met afmelden</div>';
    const apple = '<div>Dank je!</div><div><br><blockquote type="cite"><div>Op 26 nov. heeft X het volgende geschreven:</div>afmelden</blockquote></div>';
    for (const [html, own] of [[gmail, 'Ik meld me af.'], [owa, 'Graag annuleren.'], [apple, 'Dank je!']] as const) {
      const msg = await parse('Subject: Re: x\nContent-Type: text/html; charset=utf-8', html);
      expect(ownWords(msg)).toBe(own);
    }
  });

  it('converts HTML to readable lines and decodes entities', () => {
    expect(htmlToText('<html><head><style>p{color:red}</style></head><body><p>Co&ouml;peratie&nbsp;A</p><p>Regel<br>twee</p><!-- x --></body></html>')).toBe('Coöperatie A\n\nRegel\ntwee');
  });

  it('reads the forwarded part of a Gmail forward as a forward', async () => {
    const html = '<div>Hieronder het verzoek van mijn collega.</div><div class="gmail_quote"><div class="gmail_attr">---------- Doorgestuurd bericht ---------<br>Van: <strong>Lotte Smit</strong> &lt;lotte@x.nl&gt;<br>Date: wo 2 dec<br>Subject: sessie<br>To: Marco</div><div>Wil jij mij aanmelden?</div></div>';
    const parts = mailParts(await parse('Subject: Fwd: sessie\nContent-Type: text/html; charset=utf-8', html));
    expect(parts.ownWords).toBe('Hieronder het verzoek van mijn collega.');
    expect(parts.quotedKind).toBe('forward');
    expect(parts.quoted).toContain('lotte@x.nl');
  });
});

describe('signature', () => {
  it('keeps the sign-off and signature out of the own words', async () => {
    const msg = await parse('Subject: Aanmelding', 'Graag aanmelden.\n\nMet vriendelijke groet,\n\nJan Jansen\nGemeente Zeist\n\nAfmelden voor onze nieuwsbrief? Klik hier.');
    const parts = mailParts(msg);
    expect(parts.ownWords).toBe('Graag aanmelden.');
    expect(parts.signature).toContain('Gemeente Zeist');
  });

  it('takes a name on the last line as the signature', async () => {
    const parts = mailParts(await parse('Subject: x', 'Graag aanmelden voor sessie 1.\n\nJohan de Vries'));
    expect(parts.ownWords).toBe('Graag aanmelden voor sessie 1.');
    expect(parts.signature).toBe('Johan de Vries');
  });
});
