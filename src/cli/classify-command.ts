// `aanmeldbot classify FILE…`: one JSON line per mail on stdout, nothing else there.
import { readFile } from 'node:fs/promises';
import type { Classification, EventInfo } from '../core/types.ts';
import { parseMail } from '../mail/parse.ts';
import { loadConfig } from '../config.ts';
import { classify, type ClassifyOptions } from '../understand/classify.ts';

/**
 * Options as the worker uses them: our Message-ID domain (staff write from its parent domain) and the
 * configured organisers. Without a valid configuration, classify runs without them.
 */
export function defaultClassifyOptions(): ClassifyOptions {
  try {
    const config = loadConfig();
    return { ourDomains: [config.messageIdDomain], organisers: config.ORGANISERS };
  } catch {
    return {};
  }
}

/** The CLI's view of a classification: fixed keys in a fixed order, attendees with exactly three keys. */
export function classificationLine(file: string, c: Classification): string {
  return JSON.stringify({
    file,
    intent: c.intent,
    language: c.language,
    attendees: c.attendees.map((a) => ({ name: a.name, email: a.email, organisation: a.organisation })),
    event: c.event,
  });
}

export async function classifyCommand(files: string[], events: EventInfo[], opts: ClassifyOptions = defaultClassifyOptions()): Promise<number> {
  let failed = false;
  for (const file of files) {
    let raw: Buffer;
    try {
      raw = await readFile(file);
    } catch (err) {
      failed = true;
      const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      process.stdout.write(`${JSON.stringify({ file, error: `cannot read: ${reason}` })}\n`);
      continue;
    }
    const msg = await parseMail(raw);
    process.stdout.write(`${classificationLine(file, classify(msg, events, opts))}\n`);
  }
  return failed ? 1 : 0;
}
