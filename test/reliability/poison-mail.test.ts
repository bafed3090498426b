// One mail that makes parsing throw fails its whole batch, and the worker retries that batch forever: a
// blocked queue. Found by the fuzz (a MIME part whose Content-Type is empty, e.g. a mail cut off right
// there); the same through the real worker and Dovecot is in bad-input-live.test.ts.
import { describe, expect, it } from 'vitest';
import { parseMail } from '../../src/mail/parse.ts';
import { testMail } from '../harness/dovecot.ts';
import { openDesk } from './helpers/pipeline.ts';

const withLastPart = (tail: string) =>
  Buffer.from(
    'From: Piet Part <piet@people.example.org>\r\nTo: info@example.test\r\nSubject: Aanmelding sessie 2\r\nMessage-ID: <empty-part-type@people.example.org>\r\n' +
      'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n' +
      `Graag meld ik me aan voor sessie 2 op 11 februari.\r\n\r\nPiet\r\n${tail}`,
  );

describe('poison mail', () => {
  it.each([
    ['an empty Content-Type', '--b\r\nContent-Type:\r\n\r\nx\r\n--b--\r\n'],
    ['a mail cut off after "Content-Type: "', '--b\r\nContent-Type: '],
    ['a Content-Type of only a semicolon', '--b\r\nContent-Type: ;\r\n\r\nx\r\n--b--\r\n'],
  ])('%s in a MIME part: parseMail does not throw and still reads the mail', async (_what, tail) => {
    const msg = await parseMail(withLastPart(tail));
    expect(msg.from?.address).toBe('piet@people.example.org');
    expect(msg.text).toContain('Graag meld ik me aan');
    expect(msg.attachments.every((a) => typeof a.contentType === 'string')).toBe(true);
  });

  it('does not block the batch: the mail itself and a good mail after it are both handled', async () => {
    const desk = await openDesk({ capacity: 40 });
    try {
      desk.source.add(withLastPart('--b\r\nContent-Type:\r\n\r\nx\r\n--b--\r\n'));
      desk.source.add(testMail({ from: 'Goedele <goedele@people.example.org>', messageId: 'good-after-poison@people.example.org', subject: 'Aanmelding sessie 2', body: 'Graag meld ik me aan voor sessie 2 op 11 februari.\r\n\r\nGoedele' }));
      await desk.step();
      expect(desk.worker.handledCount).toBe(2);
      expect(desk.sender.sent.map((m) => m.envelope.to[0]).sort()).toEqual(['goedele@people.example.org', 'piet@people.example.org']);
    } finally {
      await desk.close();
    }
  });
});
