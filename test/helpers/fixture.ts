import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundMessage } from '../../src/core/types.ts';
import { parseMail } from '../../src/mail/parse.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Parse a fixture .eml; `{{NAME}}` placeholders are filled from `vars` (for ids that depend on a secret). */
export const fixture = (name: string, vars: Record<string, string> = {}): Promise<InboundMessage> =>
  parseMail(Buffer.from(readFileSync(join(FIXTURES, name), 'latin1').replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? ''), 'latin1'));
