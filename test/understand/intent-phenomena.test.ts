// Intent rules for how people really write: chatty mails with the request in the middle, two-word cancels,
// typos, polite verb-first questions, remarks about someone else. Each rule has its traps next to it.
import { describe, expect, it } from 'vitest';
import type { EventInfo } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';
import { classify } from '../../src/understand/classify.ts';
import eventsJson from '../../data/events.json' with { type: 'json' };

const events = eventsJson as EventInfo[];
const opts = { ourDomains: ['aanmeldbot.hieropgewekt.nl'], organisers: ['marieke@hieropgewekt.nl'] };

async function read(body: string, subject = 'Kennissessie', from = 'Jan Jansen <jan@example.nl>') {
  const raw = `From: ${from}\nTo: info@hieropgewekt.nl\nSubject: ${subject}\nMessage-ID: <p@example.nl>\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;
  return classify(await parseMail(Buffer.from(raw)), events, opts);
}

const reply = 'Re: Bevestiging aanmelding: Kennissessie 2';

describe('an exclamation is not a question', () => {
  it('reads the request buried in a chatty mail that opens with "Wat leuk …!"', async () => {
    const body = 'Hoi allemaal,\n\nWat leuk dat er weer een reeks komt! We zijn met ons dorp al een jaar bezig met een warmtenet en lopen tegen van alles aan.\n\nKortom: ik wil me graag aanmelden voor de tweede sessie.\n\nIk neem ook wat foto\'s mee van onze buurtavond. Tot dan!';
    const c = await read(body);
    expect([c.intent, c.event]).toEqual(['signup', 'sessie-2']);
  });

  it('reads a cancel after "Wat een mooie middag was het!"', async () => {
    const c = await read('Wat een mooie middag was het vorige week! Voor de sessie over de businesscase moet ik me helaas afmelden. Groeten aan iedereen.');
    expect([c.intent, c.event]).toEqual(['cancel', 'sessie-3']);
  });

  it.each(['Hoe meld ik me af!', 'Kan ik me later nog afmelden!', 'Wat moet ik doen om me af te melden!'])('"%s" stays a question', async (body) => {
    expect((await read(body, reply)).intent).toBe('other');
  });
});

describe('the act named as a noun asks nothing', () => {
  it('"bij het aanmelden" in an explanation does not make a cancel mixed', async () => {
    expect((await read('Ik moet me afmelden voor sessie 4. Bij het aanmelden wist ik nog niet dat ik dan op cursus ben.')).intent).toBe('cancel');
  });

  it('"het afmelden lukt niet" is no cancel', async () => {
    expect((await read('Het afmelden via jullie website lukt niet.', reply)).intent).toBe('other');
  });
});

describe('short cancels', () => {
  it.each(['Kan niet meer, sorry', 'Sorry, ik kan helaas niet.', 'Helaas kunnen we niet.', 'Op 11 februari kan ik helaas niet.'])('"%s" is a cancel', async (body) => {
    expect((await read(body, reply)).intent).toBe('cancel');
  });

  it.each([
    'Parkeren bij het station kan niet meer. Ik kom met de trein.',
    'Ik kan niet inloggen op de website.',
    'Ik kan niet wachten!',
    'Kan niet meer?',
    'Als het sneeuwt kan ik niet.',
    'Hij kan niet meer, maar ik kom wel.',
  ])('"%s" is not', async (body) => {
    expect((await read(body, reply)).intent).not.toBe('cancel');
  });

  it('"kan niet op <datum>" and a signup for another date is a change between two sessions: other, no event', async () => {
    const c = await read('Ik kan helaas niet op 11 maart. Willen jullie me daarvoor afmelden en aanmelden voor 8 april?', 'Wijziging');
    expect([c.intent, c.event]).toEqual(['other', null]);
  });
});

describe('misspelt request words', () => {
  it.each([
    ['graag afmleden, ik ben ziek', 'cancel'],
    ['Wil me graag afmeldn voor de sessie.', 'cancel'],
    ['Graag mijn aanmelding anuleren.', 'cancel'],
    ['Please cancle my registration.', 'cancel'],
    ['Graag inschrjiven voor sessie 3.', 'signup'],
    ["I'd like to regsiter for session 3.", 'signup'],
  ])('"%s" is %s', async (body, intent) => {
    expect((await read(body, 'Sessie 3')).intent).toBe(intent);
  });

  it('keeps the negation of a misspelt word', async () => {
    expect((await read('Afmleden is niet nodig, ik kom gewoon.', reply)).intent).toBe('other');
  });
});

describe('polite verb-first questions are requests', () => {
  it('"Zet je me op de lijst?" signs up', async () => {
    expect((await read('Ik kom graag naar sessie 1. Zet je me op de lijst?', 'Sessie 1')).intent).toBe('signup');
  });

  it.each(['Heb je me al aangemeld?', 'Heeft u mij ingeschreven?'])('"%s" asks about the registration', async (body) => {
    expect((await read(body, 'Sessie 1')).intent).toBe('other');
  });
});

describe('someone else acting themself asks nothing of us', () => {
  it('a cancel with "mijn vervanger meldt zich zelf aan als …" stays a cancel', async () => {
    expect((await read('Ik trek mijn inschrijving voor sessie 1 in. Mijn nieuwe collega meldt zich zelf wel aan als ze tijd heeft.')).intent).toBe('cancel');
  });

  it('but a condition there still counts', async () => {
    expect((await read('Ik meld me af, tenzij mijn collega zich zelf aanmeldt.', reply)).intent).toBe('other');
  });

  it('"she will register herself" alone is no request', async () => {
    expect((await read('My colleague will register herself for session 2.', 'Session 2')).intent).toBe('other');
  });
});

describe('a doubt after a signup is about something else', () => {
  it('"ik ben er waarschijnlijk pas om drie uur" does not undo the signup', async () => {
    expect((await read('Ik meld me aan voor sessie 2, ik eet glutenvrij en ik ben er waarschijnlijk pas om drie uur.', 'Sessie 2')).intent).toBe('signup');
  });

  it.each(['Misschien meld ik me aan voor sessie 2.', 'Ik twijfel nog, maar misschien meld ik me aan.'])('"%s" stays other', async (body) => {
    expect((await read(body, 'Sessie 2')).intent).toBe('other');
  });
});

describe('English "take me off the list"', () => {
  it('is a cancel for the attendee list', async () => {
    expect((await read('Please take me off the list for the March session.', 'March session')).intent).toBe('cancel');
  });

  it('is unsubscribing for the mailing list', async () => {
    expect((await read('Please take me off your mailing list.', reply)).intent).toBe('other');
  });
});
