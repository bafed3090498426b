import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateSet } from '../mail/compose.ts';
import { splitTemplate, TemplateError } from '../mail/render.ts';
import type { ReplyKind } from '../core/state.ts';
import type { Language } from '../core/types.ts';

export const REPLY_KINDS: readonly ReplyKind[] = [
  'confirmed', 'waitlisted', 'promoted', 'already-registered', 'already-waitlisted', 'cancelled',
  'not-registered', 'closed', 'confirm-cancel', 'registered-for-you', 'erased',
  'organiser-ack', 'organiser-list', 'digest', 'reminder', 'seat-offer',
];
const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** Reads every template once at start-up, so a missing or broken one stops the bot before any mail. */
export function loadTemplates(dir: string): TemplateSet {
  const texts = new Map<string, { source: string; name: string }>();
  const layouts = new Map<Language, string>();
  for (const lang of LANGUAGES) {
    for (const kind of REPLY_KINDS) {
      const name = join(dir, lang, `${kind}.txt`);
      let source: string;
      try {
        source = readFileSync(name, 'utf8');
      } catch {
        throw new TemplateError(`template missing: ${name}`);
      }
      splitTemplate(source, name);
      texts.set(`${lang}/${kind}`, { source, name });
    }
    const layout = join(dir, lang, 'layout.html');
    try {
      layouts.set(lang, readFileSync(layout, 'utf8'));
    } catch {
      throw new TemplateError(`template missing: ${layout}`);
    }
  }
  return {
    template: (lang, kind) => texts.get(`${lang}/${kind}`)!,
    layout: (lang) => layouts.get(lang)!,
  };
}
