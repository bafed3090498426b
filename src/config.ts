// Configuration is read once from the environment (and an optional .env), validated, and frozen.
// A bad value stops start-up with a message naming the variable.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PromotionRules } from './core/offer-seats.ts';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const port = z.coerce.number().int().min(1).max(65535);
const emailList = z
  .string()
  .transform((s) => s.split(',').map((a) => a.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email()));
const positiveInt = z.coerce.number().int().positive();

const schema = z
  .object({
    DATA_DIR: z.string().min(1).default('data'),
    EVENTS_FILE: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(3).default('HIER opgewekt <info@hieropgewekt.nl>'),
    MESSAGE_ID_DOMAIN: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i).optional(),
    CONTACT_PHONE: z.string().default('030 - 711 64 00'),
    ORGANISERS: emailList.default([]),
    DIGEST_TO: emailList.default([]),
    TRUSTED_AUTHSERV_ID: z.string().min(1).optional(),
    IMAP_HOST: z.string().min(1).optional(),
    IMAP_PORT: port.optional(),
    IMAP_USER: z.string().min(1).optional(),
    IMAP_PASSWORD: z.string().min(1).optional(),
    IMAP_TLS: bool.default(true),
    IMAP_MAILBOX: z.string().min(1).default('INBOX'),
    IMAP_PROCESSED_FOLDER: z.string().min(1).default('Verwerkt'),
    IMAP_POLL_SECONDS: positiveInt.default(60),
    IMAP_SOCKET_TIMEOUT_SECONDS: positiveInt.default(60),
    SAVE_SENT_COPY: bool.default(true),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: port.optional(),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    SMTP_TLS: bool.default(true),
    SMTP_IGNORE_TLS: bool.default(false),
    SMTP_RETRY_SECONDS: positiveInt.default(5),
    REPLY_CAP_PER_DAY: positiveInt.default(5),
    MAX_MESSAGE_BYTES: positiveInt.default(10 * 1024 * 1024),
    BATCH_SIZE: positiveInt.default(200),
    LOG_FORMAT: z.enum(['text', 'json']).default('text'),
    DIGEST_CRON: z.string().min(1).default('0 8 * * *'),
    DIGEST_LANGUAGE: z.enum(['nl', 'en']).default('nl'),
    REMINDER_DAYS: z.coerce.number().int().min(0).default(2),
    LATE_PROMOTION_HOURS: z.coerce.number().min(0).default(24),
    OFFER_HOURS: z.coerce.number().positive().default(4),
    RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  })
  .superRefine((env, ctx) => {
    if (env.IMAP_HOST) {
      for (const key of ['IMAP_USER', 'IMAP_PASSWORD', 'SMTP_HOST'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `required when IMAP_HOST is set` });
      }
    }
    if (env.SMTP_USER && !env.SMTP_PASSWORD) ctx.addIssue({ code: 'custom', path: ['SMTP_PASSWORD'], message: 'required when SMTP_USER is set' });
  });

export type Env = z.infer<typeof schema>;

export interface Config extends Env {
  EVENTS_FILE: string;
  fromAddress: string;
  fromName: string;
  messageIdDomain: string;
  mode: 'local' | 'imap';
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Minimal .env reader: KEY=VALUE lines, # comments, optional quotes. Real environment wins. */
export function readDotEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
    if (!m) continue;
    out[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

function parseFrom(from: string): { name: string; address: string } | null {
  const m = from.match(/^\s*(?:"?([^"<]*?)"?\s*)?<([^<>\s]+@[^<>\s]+)>\s*$/) ?? from.match(/^\s*()([^<>\s]+@[^<>\s]+)\s*$/);
  return m ? { name: (m[1] ?? '').trim(), address: m[2]!.toLowerCase() } : null;
}

export function loadConfig(env: Record<string, string | undefined> = { ...readDotEnv('.env'), ...process.env }): Readonly<Config> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const parsed = result.data;
  const from = parseFrom(parsed.MAIL_FROM);
  if (!from) throw new ConfigError(`Invalid configuration:\n  MAIL_FROM: expected "Name <address@domain>" or an address`);
  const domain = from.address.split('@')[1]!;
  return Object.freeze({
    ...parsed,
    EVENTS_FILE: parsed.EVENTS_FILE ?? 'data/events.json',
    fromAddress: from.address,
    fromName: from.name,
    // A sub-domain of our own, so our replies are recognisable (loop detection) and never collide with
    // Message-IDs of people writing from the organiser's domain.
    messageIdDomain: parsed.MESSAGE_ID_DOMAIN ?? `aanmeldbot.${domain}`,
    mode: parsed.IMAP_HOST ? 'imap' : 'local',
  });
}

/** When a freed seat is offered (and must be confirmed) instead of given outright. */
export function promotionRules(config: Config): PromotionRules {
  return { latePromotionHours: config.LATE_PROMOTION_HOURS, offerHours: config.OFFER_HOURS };
}

/** For logs: every setting, secrets masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  const masked = new Set(['IMAP_PASSWORD', 'SMTP_PASSWORD']);
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, masked.has(k) && v ? '***' : v]));
}
