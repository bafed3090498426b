import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestCommand } from '../../src/cli/digest-command.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/shell/log.ts';
import { openStore } from '../../src/store/store.ts';
import { REPO } from '../helpers/cli.ts';
import { simpleMail, TestDesk } from '../helpers/desk.ts';

const NOW = new Date('2027-02-10T09:00:00+01:00');

async function deskDir(digestTo = 'marieke@hieropgewekt.nl') {
  const dir = mkdtempSync(join(tmpdir(), 'aanmeldbot-digest-'));
  const desk = new TestDesk();
  desk.receive(simpleMail('anna@x.nl', 'Graag meld ik me aan voor sessie 2.', 'anna-1@x.nl'));
  const store = await openStore(dir);
  await store.commit({ ...desk.state, outbox: [] });
  await store.close();
  return loadConfig({ DATA_DIR: dir, EVENTS_FILE: join(REPO, 'data', 'events.json'), DIGEST_TO: digestTo });
}

describe('aanmeldbot digest', () => {
  it('--print shows today\'s digest without changing the store; --csv the attachment', async () => {
    const config = await deskDir();
    const text = await digestCommand(['--print'], config, silentLogger, NOW);
    expect(text).toMatch(/^Subject: Dagoverzicht aanmeldingen woensdag 10 februari 2027\n\n/);
    expect(text).toContain('Plekken: 1 van 40 bezet, wachtlijst: 0');
    expect(await digestCommand(['--print', '--csv', '--lang', 'en'], config, silentLogger, NOW)).toMatch(/^\uFEFFevent,status/);
    const store = await openStore(config.DATA_DIR, { readOnly: true });
    expect(store.state.lastDigestDate).toBeUndefined();
    await store.close();
  });

  it('--send queues and sends today\'s digest once; a second --send the same day sends nothing', async () => {
    const config = await deskDir();
    expect(await digestCommand(['--send'], config, silentLogger, NOW)).toBe('digest for 2027-02-10 queued; 1 mail(s) sent');
    expect(readdirSync(join(config.DATA_DIR, 'outbox'))).toEqual([expect.stringMatching(/^digest\.2027-02-10\.[0-9a-f]{16}\.eml$/)]);
    expect(await digestCommand(['--send'], config, silentLogger, NOW)).toMatch(/^the digest for 2027-02-10 was already queued at .*; 0 mail\(s\) sent$/);
    expect(readdirSync(join(config.DATA_DIR, 'outbox'))).toHaveLength(1);
  });

  it('refuses to send without DIGEST_TO, and wants exactly one of --print and --send', async () => {
    const config = await deskDir('');
    await expect(digestCommand(['--send'], config, silentLogger, NOW)).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('DIGEST_TO') });
    await expect(digestCommand([], config, silentLogger, NOW)).rejects.toMatchObject({ code: 'USAGE' });
    await expect(digestCommand(['--print', '--send'], config, silentLogger, NOW)).rejects.toMatchObject({ code: 'USAGE' });
  });
});
