import { describe, expect, it } from 'vitest';
import { authenticatedSender } from '../../src/core/proof.ts';
import { addressToken, isOurMessageId, referencesOurMailTo, replyMessageId } from '../../src/core/tokens.ts';
import { simpleMail } from '../helpers/desk.ts';

const from = (address: string, ...results: string[]) => simpleMail(address, '', 'x@y', { headers: { 'authentication-results': results } });

describe('Authentication-Results proof', () => {
  const trusted = 'mx.hieropgewekt.nl';

  it('accepts dmarc=pass and aligned dkim=pass from our own server only', () => {
    expect(authenticatedSender(from('m@hieropgewekt.nl', `${trusted}; dmarc=pass header.from=hieropgewekt.nl`), trusted).proven).toBe(true);
    expect(authenticatedSender(from('m@hieropgewekt.nl', `${trusted}; dkim=pass header.d=hieropgewekt.nl`), trusted).proven).toBe(true);
    expect(authenticatedSender(from('m@mail.hieropgewekt.nl', `${trusted}; dkim=pass header.d=hieropgewekt.nl`), trusted).proven).toBe(true);
  });

  it('rejects unaligned dkim, failures, other servers, and a forged header below ours', () => {
    expect(authenticatedSender(from('m@hieropgewekt.nl', `${trusted}; dkim=pass header.d=evil.example`), trusted).proven).toBe(false);
    expect(authenticatedSender(from('m@hieropgewekt.nl', `${trusted}; dmarc=fail header.from=hieropgewekt.nl`), trusted).proven).toBe(false);
    expect(authenticatedSender(from('m@hieropgewekt.nl', 'mx.evil.example; dmarc=pass header.from=hieropgewekt.nl'), trusted).proven).toBe(false);
    // Topmost trusted header wins: the forger's copy further down is never read.
    expect(authenticatedSender(from('m@hieropgewekt.nl', `${trusted}; dmarc=fail`, `${trusted}; dmarc=pass`), trusted).proven).toBe(false);
    expect(authenticatedSender(from('m@hieropgewekt.nl', `${trusted}; dmarc=pass`), null).proven).toBe(false);
  });
});

describe('Message-ID tokens', () => {
  it('prove that a reply comes from the address we wrote to, and nobody else', () => {
    const id = replyMessageId('s3cret', 'bot.example.nl', 'confirmed', 'cause@x', 0, 'Anna@X.nl');
    expect(isOurMessageId(id, 'bot.example.nl')).toBe(true);
    expect(id).toContain(addressToken('s3cret', 'anna@x.nl'));
    expect(referencesOurMailTo('s3cret', 'bot.example.nl', ['other@x', id], 'anna@x.nl')).toBe(true);
    expect(referencesOurMailTo('s3cret', 'bot.example.nl', [id], 'mallory@x.nl')).toBe(false);
    expect(referencesOurMailTo('other-secret', 'bot.example.nl', [id], 'anna@x.nl')).toBe(false);
  });

  it('are deterministic, so a reply rebuilt after a crash is the same mail', () => {
    expect(replyMessageId('s', 'd.nl', 'confirmed', 'c', 0, 'a@x')).toBe(replyMessageId('s', 'd.nl', 'confirmed', 'c', 0, 'a@x'));
    expect(replyMessageId('s', 'd.nl', 'confirmed', 'c', 1, 'a@x')).not.toBe(replyMessageId('s', 'd.nl', 'confirmed', 'c', 0, 'a@x'));
  });
});
