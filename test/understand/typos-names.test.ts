// The small helpers behind the typo and name rules, tested on their own.
import { describe, expect, it } from 'vitest';
import { addressSpells, fullNamesIn, nameSpelledBy } from '../../src/understand/address-names.ts';
import { correctTypos } from '../../src/understand/typos.ts';

describe('correctTypos', () => {
  it.each([
    ['graag afmleden', 'graag afmelden'],
    ['aanmeldn a.u.b.', 'aanmelden a.u.b.'],
    ['aanmeden voor sessie 1', 'aanmelden voor sessie 1'],
    ['graag annnuleren', 'graag annuleren'],
    ['please cancle', 'please cancel'],
  ])('repairs "%s"', (typed, repaired) => {
    expect(correctTypos(typed)).toBe(repaired);
  });

  it.each([
    'de aanmelder krijgt een mail', // another real word: one letter changed
    'registers and cancels', // inflections: a letter added at the end
    'ik aanmelde', // the last letter dropped
    'supercalifragilistic aanmeldingsformulier',
  ])('leaves "%s" alone', (text) => {
    expect(correctTypos(text)).toBe(text);
  });
});

describe('names written apart from an address', () => {
  it('finds full names, with particles, and not single words', () => {
    // Over-collecting ("Verder Piet" would count too) is harmless: only a name the address spells is used.
    expect(fullNamesIn('Mevrouw Saar de Wit, raadslid. Piet komt niet. En Bram van der Zee kwam ook.')).toEqual(['Saar de Wit', 'Bram van der Zee']);
  });

  it('matches an address that starts with the initial and holds the surname', () => {
    expect(addressSpells('s.dewit@x.nl', 'Saar de Wit')).toBe(true);
    expect(addressSpells('bram.vanderzee@x.nl', 'Bram van der Zee')).toBe(true);
    expect(addressSpells('info@x.nl', 'Saar de Wit')).toBe(false);
    expect(addressSpells('p.wit@x.nl', 'Saar de Wit')).toBe(false);
    expect(addressSpells('s.li@x.nl', 'Sam Li')).toBe(false);
  });

  it('gives no name when two written names fit', () => {
    expect(nameSpelledBy('j.bos@x.nl', ['Jan Bos', 'Joke Bos'])).toBeNull();
    expect(nameSpelledBy('j.bos@x.nl', ['Jan Bos', 'Piet Kok'])).toBe('Jan Bos');
  });
});
