// What splitSignature moves out of the person's words and back into them.
import { describe, expect, it } from 'vitest';
import { splitSignature } from '../../src/understand/signature.ts';

describe('splitSignature', () => {
  it('keeps a P.S. under the signature as own words, without its marker', () => {
    const s = splitSignature('Dank voor de slides!\n\nGroet,\nMarloes\nDeltion College\n\nP.S. Wil je me inplannen voor 8 april?');
    expect(s.body).toBe('Dank voor de slides!\n\nWil je me inplannen voor 8 april?');
    expect(s.signature).toBe('Groet,\nMarloes\nDeltion College');
  });

  it('does not read "PSV-supporter" as a postscript', () => {
    expect(splitSignature('Ik kom graag.\n\nGroet,\nKees\nPSV-supporter').body).toBe('Ik kom graag.');
  });

  it('moves a confidentiality notice out of the words, so its "indien u …" is no condition', () => {
    const s = splitSignature('Ik meld me af voor 11 februari.\n\nDit bericht is uitsluitend bestemd voor de geadresseerde. Indien u dit bericht ten onrechte ontvangt, verwijder het dan.');
    expect(s.body).toBe('Ik meld me af voor 11 februari.');
    expect(s.signature).toContain('ten onrechte ontvangt');
  });

  it('leaves a mail that is one paragraph as it is', () => {
    const text = 'Ik meld me af. This e-mail is intended for the addressee only.';
    expect(splitSignature(text).body).toBe(text);
  });
});
