import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, readDotEnv } from '../src/config.ts';
import { runCli } from './helpers/cli.ts';

describe('configuration', () => {
  it('has working defaults for local mode, and is frozen', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.DATA_DIR).toBe('data');
    expect(config.EVENTS_FILE).toBe('data/events.json');
    expect(config.fromAddress).toBe('info@hieropgewekt.nl');
    expect(config.messageIdDomain).toBe('aanmeldbot.hieropgewekt.nl');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ IMAP_TLS: 'yes' })).toThrow(/IMAP_TLS/);
    expect(() => loadConfig({ IMAP_PORT: '99999' })).toThrow(/IMAP_PORT/);
    expect(() => loadConfig({ ORGANISERS: 'marieke@x.nl, not-an-address' })).toThrow(/ORGANISERS/);
    expect(() => loadConfig({ IMAP_HOST: 'imap.x.nl' })).toThrow(/IMAP_USER[\s\S]*IMAP_PASSWORD[\s\S]*SMTP_HOST/);
    expect(() => loadConfig({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
  });

  it('parses lists and switches to IMAP mode when a mailbox is configured', () => {
    const config = loadConfig({ ORGANISERS: 'Marieke@X.nl, jan@x.nl', IMAP_HOST: 'imap.x.nl', IMAP_USER: 'u', IMAP_PASSWORD: 'p', SMTP_HOST: 'smtp.x.nl' });
    expect(config.ORGANISERS).toEqual(['marieke@x.nl', 'jan@x.nl']);
    expect(config.mode).toBe('imap');
  });

  it('reads .env files with comments and quotes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aanmeldbot-env-'));
    writeFileSync(join(dir, '.env'), '# comment\nDATA_DIR="/var/lib/aanmeldbot"\nCONTACT_PHONE=\'030 - 711 64 00\'\n');
    expect(readDotEnv(join(dir, '.env'))).toEqual({ DATA_DIR: '/var/lib/aanmeldbot', CONTACT_PHONE: '030 - 711 64 00' });
  });

  it('stops the program at start-up with the variable named and exit code 2', () => {
    const result = runCli(['status'], { IMAP_TLS: 'maybe' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/IMAP_TLS/);
    expect(result.stderr).toMatch(/CONFIG_INVALID/);
  }, 30_000);

  it('rejects a broken events file naming the event and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aanmeldbot-events-'));
    writeFileSync(join(dir, 'events.json'), JSON.stringify([{ id: 'x', title: 'X', start: 'tomorrow', end: '2027-01-01T10:00:00+01:00', location: 'L', capacity: 5 }]));
    const result = runCli(['status'], { DATA_DIR: dir, EVENTS_FILE: join(dir, 'events.json') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/EVENTS_FILE .*start/);
  }, 30_000);
});
