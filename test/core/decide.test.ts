import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixture.ts';
import { EVENTS, simpleMail, TestDesk } from '../helpers/desk.ts';

const withCapacity = (capacity: number) => EVENTS.map((e) => ({ ...e, capacity }));

describe('signing up', () => {
  it('gives a seat and a threaded confirmation in the sender\'s language', async () => {
    const desk = new TestDesk();
    const msg = await fixture('desk/signup-nl.eml');
    const d = desk.receive(msg);
    expect(d.disposition).toBe('file');
    expect(desk.status('sessie-2').confirmed).toEqual(['sanne.devries@gemeente-utrecht.nl']);
    const [reply] = desk.replies(d);
    expect(reply).toMatchObject({ kind: 'confirmed', language: 'nl', eventId: 'sessie-2', inReplyTo: 'signup-nl-1@gemeente-utrecht.nl' });
    expect(reply!.references).toContain('signup-nl-1@gemeente-utrecht.nl');
    expect(reply!.to.address).toBe('sanne.devries@gemeente-utrecht.nl');
  });

  it('registers a colleague with their own mail, in English when the sender writes English', async () => {
    const desk = new TestDesk();
    const d = desk.receive(await fixture('desk/signup-en-colleague.eml'));
    expect(desk.status('sessie-2').confirmed).toEqual(['tom.bakker@buurtwarmte.org', 'priya.shah@buurtwarmte.org']);
    const replies = desk.replies(d);
    expect(replies.map((r) => [r.kind, r.to.address, r.language])).toEqual([
      ['confirmed', 'tom.bakker@buurtwarmte.org', 'en'],
      ['confirmed', 'priya.shah@buurtwarmte.org', 'en'],
    ]);
  });

  it('puts people on the waitlist with their position once seats are gone, in arrival order', () => {
    const desk = new TestDesk(withCapacity(2));
    const people = ['a@x.nl', 'b@x.nl', 'c@x.nl', 'd@x.nl'];
    const decisions = people.map((p, i) => desk.receive(simpleMail(p, 'Graag meld ik me aan voor sessie 2.', `m${i}@x.nl`)));
    expect(desk.status('sessie-2')).toEqual({ confirmed: ['a@x.nl', 'b@x.nl'], waitlist: ['c@x.nl', 'd@x.nl'] });
    expect(desk.replies(decisions[3]!)[0]).toMatchObject({ kind: 'waitlisted', vars: { position: 2 } });
  });

  it('never gives one address two places: a second signup is told it is already registered', async () => {
    const desk = new TestDesk();
    desk.receive(await fixture('desk/signup-nl.eml'));
    const again = desk.receive(simpleMail('sanne.devries@gemeente-utrecht.nl', 'Ik meld me aan voor sessie 2', 'again@x.nl'));
    expect(desk.replies(again).map((r) => r.kind)).toEqual(['already-registered']);
    expect(desk.status('sessie-2').confirmed).toHaveLength(1);
  });

  it('does nothing twice for a duplicate delivery of the same message', async () => {
    const desk = new TestDesk();
    const msg = await fixture('desk/signup-nl.eml');
    desk.receive(msg);
    const dup = desk.receive(msg);
    expect(dup.actions).toEqual([]);
    expect(dup.summary).toBe('duplicate');
    expect(desk.state.outbox).toHaveLength(1);
  });

  it('answers "registration is closed" after the deadline and once the event has started', async () => {
    const desk = new TestDesk();
    desk.now = new Date('2027-02-10T12:00:00+01:00');
    const d = desk.receive(await fixture('desk/signup-nl.eml'));
    expect(desk.replies(d).map((r) => r.kind)).toEqual(['closed']);
    expect(desk.state.registrations).toHaveLength(0);
    const closed = new TestDesk(EVENTS.map((e) => ({ ...e, registrationDeadline: undefined })));
    closed.now = new Date('2027-02-11T14:00:00+01:00');
    expect(closed.replies(closed.receive(await fixture('desk/signup-nl.eml'))).map((r) => r.kind)).toEqual(['closed']);
  });

  it('handles mail without a Message-ID, keyed by its bytes', async () => {
    const desk = new TestDesk();
    const msg = await fixture('desk/no-message-id.eml');
    const d = desk.receive(msg, Buffer.from('bytes-of-that-mail'));
    expect(d.key).toMatch(/^sha256:/);
    expect(desk.status('sessie-2').confirmed).toEqual(['anna.smit@ziggo.nl']);
  });
});

describe('cancelling', () => {
  async function registered(capacity = 1) {
    const desk = new TestDesk(withCapacity(capacity));
    const d = desk.receive(await fixture('desk/signup-nl.eml'));
    desk.receive(await fixture('desk/signup-other-nl.eml'));
    return { desk, confirmationId: desk.replies(d)[0]!.messageId };
  }

  it('cancels at once when the reply carries our earlier mail, and promotes the first on the waitlist', async () => {
    const { desk, confirmationId } = await registered();
    expect(desk.status('sessie-2')).toEqual({ confirmed: ['sanne.devries@gemeente-utrecht.nl'], waitlist: ['kees.mulder@gmail.com'] });
    const d = desk.receive(await fixture('desk/cancel-reply-to-confirmation.eml', { OUR_MAIL_ID: confirmationId }));
    expect(desk.status('sessie-2')).toEqual({ confirmed: ['kees.mulder@gmail.com'], waitlist: [] });
    expect(desk.replies(d).map((r) => [r.kind, r.to.address])).toEqual([
      ['cancelled', 'sanne.devries@gemeente-utrecht.nl'],
      ['promoted', 'kees.mulder@gmail.com'],
    ]);
  });

  it('asks first, even with proof, when a doubt stands beside the cancellation ("misschien schuif ik toch nog aan")', async () => {
    const { desk, confirmationId } = await registered();
    const d = desk.receive(await fixture('desk/cancel-reply-with-doubt.eml', { OUR_MAIL_ID: confirmationId }));
    expect(desk.replies(d).map((r) => [r.kind, r.to.address])).toEqual([['confirm-cancel', 'sanne.devries@gemeente-utrecht.nl']]);
    expect(desk.status('sessie-2').confirmed).toEqual(['sanne.devries@gemeente-utrecht.nl']);
  });

  it('cancels at once when the only "if" is in a disclaimer ("Indien u dit bericht ten onrechte ontvangt")', async () => {
    const { desk, confirmationId } = await registered();
    const d = desk.receive(await fixture('desk/cancel-reply-with-disclaimer.eml', { OUR_MAIL_ID: confirmationId }));
    expect(desk.replies(d).map((r) => r.kind)).toEqual(['cancelled', 'promoted']);
  });

  it('asks for confirmation when a cancellation comes without proof, and cancels on the "ja" reply', async () => {
    const { desk } = await registered();
    const ask = desk.receive(await fixture('desk/cancel-fresh-nl.eml'));
    const [confirm] = desk.replies(ask);
    expect(confirm).toMatchObject({ kind: 'confirm-cancel', to: { address: 'sanne.devries@gemeente-utrecht.nl' } });
    expect(desk.status('sessie-2').confirmed).toEqual(['sanne.devries@gemeente-utrecht.nl']);
    const yes = desk.receive(await fixture('desk/confirm-yes.eml', { OUR_MAIL_ID: confirm!.messageId }));
    expect(desk.replies(yes).map((r) => r.kind)).toEqual(['cancelled', 'promoted']);
    expect(desk.status('sessie-2').confirmed).toEqual(['kees.mulder@gmail.com']);
  });

  it('keeps the seat when the answer to "was that you?" starts with "ja" but says it was not ("Ja hoor, … maar dat was ik niet")', async () => {
    const { desk } = await registered();
    const [confirm] = desk.replies(desk.receive(await fixture('desk/cancel-fresh-nl.eml')));
    const answer = desk.receive(await fixture('desk/confirm-yes-but-keeps.eml', { OUR_MAIL_ID: confirm!.messageId }));
    expect(desk.replies(answer)).toEqual([]);
    expect(desk.status('sessie-2').confirmed).toEqual(['sanne.devries@gemeente-utrecht.nl']);
  });

  it('does not cancel anyone for a thank-you that quotes our "reply afmelden" line', async () => {
    const { desk, confirmationId } = await registered();
    const d = desk.receive(await fixture('desk/thanks-reply-quoting-confirmation.eml', { OUR_MAIL_ID: confirmationId }));
    expect(d.disposition).toBe('leave');
    expect(desk.replies(d)).toEqual([]);
    expect(desk.status('sessie-2').confirmed).toEqual(['sanne.devries@gemeente-utrecht.nl']);
  });

  it('answers politely when there is no registration to cancel', async () => {
    const desk = new TestDesk();
    const d = desk.receive(await fixture('desk/cancel-fresh-nl.eml'));
    expect(desk.replies(d).map((r) => r.kind)).toEqual(['not-registered']);
  });
});

describe('mail for people and robots', () => {
  it('leaves questions in the inbox without a reply', async () => {
    const desk = new TestDesk();
    const d = desk.receive(await fixture('desk/question.eml'));
    expect(d.disposition).toBe('leave');
    expect(d.actions.filter((a) => a.type !== 'record-handled')).toEqual([]);
  });

  it('leaves unreadable bytes for people instead of failing', async () => {
    const desk = new TestDesk();
    const d = desk.receive(await fixture('desk/garbage.eml'));
    expect(d.disposition).toBe('leave');
    expect(desk.replies(d)).toEqual([]);
  });

  it('marks a registration undeliverable when our confirmation bounces, without answering', async () => {
    const desk = new TestDesk();
    const signup = desk.receive(await fixture('desk/signup-nl.eml'));
    const d = desk.receive(await fixture('desk/dsn-for-our-mail.eml', { OUR_MAIL_ID: desk.replies(signup)[0]!.messageId }));
    expect(desk.replies(d)).toEqual([]);
    expect(d.disposition).toBe('file');
    expect(desk.state.registrations[0]!.undeliverable).toBe(true);
  });

  it('ignores a bounce that names one of our registrations with a forged Message-ID', async () => {
    const desk = new TestDesk();
    desk.receive(await fixture('desk/signup-nl.eml'));
    desk.receive(await fixture('desk/dsn-for-our-mail.eml', { OUR_MAIL_ID: 'confirmed.r1.000000000000.0000000000000000@aanmeldbot.hieropgewekt.nl' }));
    expect(desk.state.registrations[0]!.undeliverable).toBeUndefined();
  });

  it('stops answering an address past the daily cap and leaves its mail for people', () => {
    const desk = new TestDesk();
    const kinds = Array.from({ length: 7 }, (_, i) => desk.receive(simpleMail('loop@x.nl', 'Ik meld me aan voor sessie 2', `loop${i}@x.nl`)).summary);
    expect(kinds.slice(5)).toEqual(['left:reply-cap', 'left:reply-cap']);
    expect(desk.state.outbox).toHaveLength(5);
  });
});

describe('organisers', () => {
  it('registers a phoned-in caller by name when the organiser is proven by our own server', async () => {
    const desk = new TestDesk();
    const d = desk.receive(await fixture('desk/organiser-phone-proven.eml'));
    const reg = desk.state.registrations[0]!;
    expect(reg).toMatchObject({ name: 'Henk Visser', email: null, source: 'organiser', status: 'confirmed', eventId: 'sessie-2' });
    expect(desk.replies(d).map((r) => [r.kind, r.to.address])).toEqual([['confirmed', 'marieke@hieropgewekt.nl']]);
  });

  it('registers nobody when the organiser\'s From is not proven (forged Authentication-Results)', async () => {
    const desk = new TestDesk();
    const d = desk.receive(await fixture('desk/organiser-phone-forged.eml'));
    expect(d.disposition).toBe('leave');
    expect(desk.state.registrations).toEqual([]);
    expect(desk.replies(d)).toEqual([]);
  });
});
