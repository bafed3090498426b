import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { applyActions } from '../../src/core/apply.ts';
import { queueDigest } from '../../src/core/digest-mail.ts';
import { Draft } from '../../src/core/draft.ts';
import { addressToken } from '../../src/core/tokens.ts';
import { composeReply } from '../../src/mail/compose.ts';
import { TEMPLATES_DIR } from '../../src/shell/paths.ts';
import { loadTemplates } from '../../src/shell/template-files.ts';
import { DOMAIN, simpleMail, TestDesk } from '../helpers/desk.ts';

const TO = ['marieke@hieropgewekt.nl', 'team@hieropgewekt.nl'];

function queue(desk: TestDesk, at: string, day: string, to = TO) {
  desk.now = new Date(at);
  const draft = new Draft(desk.state, { key: `tick:${at}`, now: desk.now }, DOMAIN);
  const digest = queueDigest(draft, desk.events, day, { to, language: 'nl' });
  desk.state = applyActions(desk.state, draft.actions, draft.cause);
  return { digest, actions: draft.actions };
}

describe('digest mail', () => {
  it('queues one mail per DIGEST_TO address with a Message-ID made from the date, once per day', () => {
    const desk = new TestDesk();
    const first = queue(desk, '2027-02-10T08:00:00+01:00', '2027-02-10');
    expect(first.digest).not.toBeNull();
    const ids = desk.state.outbox.map((o) => o.id);
    expect(ids).toEqual(TO.map((a) => `digest.2027-02-10.${addressToken('test-secret', a)}@${DOMAIN}`));
    expect(desk.state.outbox.map((o) => [o.spec.kind, o.spec.to.address, o.status])).toEqual([['digest', TO[0], 'queued'], ['digest', TO[1], 'queued']]);
    expect(desk.state).toMatchObject({ lastDigestDate: '2027-02-10', lastDigestAt: '2027-02-10T07:00:00.000Z' });
    // Later that day (another tick, a restart, a manual --send): nothing more.
    expect(queue(desk, '2027-02-10T15:00:00+01:00', '2027-02-10').actions).toEqual([]);
    expect(desk.state.outbox).toHaveLength(2);
    queue(desk, '2027-02-11T08:00:00+01:00', '2027-02-11');
    expect(desk.state.outbox).toHaveLength(4);
  });

  it('reports what changed since the previous digest, or the last day for the first one', () => {
    const desk = new TestDesk();
    desk.now = new Date('2027-02-08T09:00:00+01:00');
    desk.receive(simpleMail('old@x.nl', 'Graag meld ik me aan voor sessie 2.', 'old@x.nl'));
    desk.now = new Date('2027-02-09T12:00:00+01:00');
    desk.receive(simpleMail('new@x.nl', 'Graag meld ik me aan voor sessie 2.', 'new@x.nl'));
    const first = queue(desk, '2027-02-10T08:00:00+01:00', '2027-02-10').digest!;
    expect(first.text).toContain('aangemeld (1): new@x.nl');
    desk.now = new Date('2027-02-10T09:00:00+01:00');
    desk.receive(simpleMail('next@x.nl', 'Graag meld ik me aan voor sessie 2.', 'next@x.nl'));
    const second = queue(desk, '2027-02-11T08:00:00+01:00', '2027-02-11').digest!;
    expect(second.text).toContain('aangemeld (1): next@x.nl');
  });

  it('is not counted toward the organisers\' daily reply cap', () => {
    const desk = new TestDesk();
    queue(desk, '2027-02-10T08:00:00+01:00', '2027-02-10');
    expect(desk.state.replyLog).toEqual({});
  });

  it('sends nothing and records nothing without DIGEST_TO', () => {
    const desk = new TestDesk();
    expect(queue(desk, '2027-02-10T08:00:00+01:00', '2027-02-10', []).actions).toEqual([]);
    expect(desk.state.lastDigestDate).toBeUndefined();
  });

  it('composes into a mail with the digest text and the CSV attached as UTF-8 with a BOM', async () => {
    const desk = new TestDesk();
    desk.receive(simpleMail('anna@x.nl', 'Graag meld ik me aan voor sessie 2. Groet, Anna Smit', 'anna@x.nl'));
    queue(desk, '2027-02-10T08:00:00+01:00', '2027-02-10');
    const templates = loadTemplates(TEMPLATES_DIR);
    const sender = { fromName: 'HIER opgewekt', fromAddress: 'info@hieropgewekt.nl', contactPhone: '030 - 711 64 00' };
    const { raw, envelope } = await composeReply(desk.state.outbox.at(-2)!.spec, null, templates, sender, desk.now);
    const mail = await simpleParser(raw);
    expect(envelope.to).toEqual(['marieke@hieropgewekt.nl']);
    expect(mail.subject).toBe('[aanmeldbot] Dagoverzicht aanmeldingen woensdag 10 februari 2027');
    expect(mail.text).toContain('Plekken: 1 van 40 bezet, wachtlijst: 0');
    const [csv] = mail.attachments;
    expect(csv!.filename).toBe('aanmeldingen-2027-02-10.csv');
    expect(csv!.contentType).toBe('text/csv');
    expect([...csv!.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv!.content.toString('utf8')).toContain('sessie-2,confirmed,1,');
  });
});
