import { describe, expect, it } from 'vitest';
import { parseOrganiserCommands } from '../../src/core/organiser-commands-parse.ts';
import { EVENTS } from '../helpers/events.ts';

const parse = (text: string, subject = '') => parseOrganiserCommands(text, subject, EVENTS);
const one = (text: string) => parse(text)?.commands[0] ?? null;

describe('reading organiser commands', () => {
  it('reads each command in Dutch and English, with the event written several ways', () => {
    expect(one('lijst')).toEqual({ type: 'list', event: null });
    expect(one('deelnemerslijst van sessie 2')).toEqual({ type: 'list', event: { id: 'sessie-2' } });
    expect(one('List session 3.')).toEqual({ type: 'list', event: { id: 'sessie-3' } });
    expect(one('voeg toe Henk Visser <henk@x.nl> sessie-2')).toEqual({ type: 'add', name: 'Henk Visser', email: 'henk@x.nl', organisation: null, event: { id: 'sessie-2' } });
    expect(one('Voeg Anna de Vries (Gemeente Utrecht) <Anna@Utrecht.nl> toe aan kennissessie 4')).toEqual({
      type: 'add', name: 'Anna de Vries', email: 'anna@utrecht.nl', organisation: 'Gemeente Utrecht', event: { id: 'sessie-4' },
    });
    expect(one('add "Shah, Priya" <priya@x.org> to session 1')).toMatchObject({ type: 'add', name: 'Shah, Priya', email: 'priya@x.org', event: { id: 'sessie-1' } });
    expect(one('add tom@x.org')).toEqual({ type: 'add', name: null, email: 'tom@x.org', organisation: null, event: null });
    expect(one('verwijder kees@gmail.com uit sessie 2')).toEqual({ type: 'remove', email: 'kees@gmail.com', event: { id: 'sessie-2' } });
    expect(one('meld <kees@gmail.com> af voor sessie 2')).toEqual({ type: 'remove', email: 'kees@gmail.com', event: { id: 'sessie-2' } });
    expect(one('remove kees@gmail.com')).toEqual({ type: 'remove', email: 'kees@gmail.com', event: null });
    expect(one('capaciteit sessie-2 50')).toEqual({ type: 'capacity', event: { id: 'sessie-2' }, capacity: 50 });
    expect(one('Capaciteit van sessie 2: 45')).toEqual({ type: 'capacity', event: { id: 'sessie-2' }, capacity: 45 });
    expect(one('capacity of session 2 to 60')).toEqual({ type: 'capacity', event: { id: 'sessie-2' }, capacity: 60 });
    expect(one('sluit de aanmelding voor sessie 3')).toEqual({ type: 'close', event: { id: 'sessie-3' } });
    expect(one('close registration for session 3')).toEqual({ type: 'close', event: { id: 'sessie-3' } });
    expect(one('heropen sessie 3')).toEqual({ type: 'reopen', event: { id: 'sessie-3' } });
    expect(one('Reopen session 3!')).toEqual({ type: 'reopen', event: { id: 'sessie-3' } });
  });

  it('answers in the language of the first command word', () => {
    expect(parse('lijst\nclose session 2')?.language).toBe('nl');
    expect(parse('close session 2\nlijst')?.language).toBe('en');
  });

  it('reads consecutive lines after a greeting and stops at the first line that is no command', () => {
    const parsed = parse('Hoi,\n\nlijst sessie 2\n\nsluit sessie 2\nEn kun je sessie 3 ook sluiten?\nheropen sessie 4');
    expect(parsed?.commands.map((c) => c.type)).toEqual(['list', 'close']);
  });

  it('falls back to a fresh subject, never to a reply\'s or a forward\'s', () => {
    expect(parse('Groet, Marieke', 'lijst sessie 2')?.commands).toEqual([{ type: 'list', event: { id: 'sessie-2' } }]);
    expect(parse('Groet, Marieke', 'Re: lijst sessie 2')).toBeNull();
    expect(parse('', 'Fwd: sluit sessie 2')).toBeNull();
  });

  it('keeps a named but unknown session, so the organiser hears which ones exist', () => {
    expect(one('sluit sessie 7')).toEqual({ type: 'close', event: { unknown: 'sessie 7' } });
  });

  it('is no command when a line only resembles one', () => {
    for (const text of [
      'Lijst van sprekers voor sessie 2 staat in de gedeelde map.',
      'Sluit je aan bij het overleg?',
      'sluit de deur',
      'voeg toe: Henk Visser, 06-12345678',
      'Telefonische aanmelding:\nNaam: Henk Visser',
      'verwijder mijn gegevens',
      'capaciteit sessie 2',
      'capaciteit sessie 2 99999',
      'lijst alles',
      'add me please',
      'Hoi,',
    ]) {
      expect(parse(text), text).toBeNull();
    }
  });
});
