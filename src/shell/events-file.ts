import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EventInfo } from '../core/types.ts';

const isoWithOffset = z.string().refine((s) => /T\d\d:\d\d/.test(s) && /(Z|[+-]\d\d:?\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)), 'ISO 8601 date-time with offset expected');

const eventSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  title: z.string().min(1),
  start: isoWithOffset,
  end: isoWithOffset,
  location: z.string().min(1),
  address: z.string().optional(),
  capacity: z.number().int().min(0),
  registrationDeadline: isoWithOffset.optional(),
  description: z.string().optional(),
  closed: z.boolean().optional(),
  number: z.number().int().positive().optional(),
  keywords: z.array(z.string()).optional(),
});

export class EventsFileError extends Error {
  readonly code = 'EVENTS_FILE_INVALID';
}

export function loadEvents(path: string): EventInfo[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new EventsFileError(`EVENTS_FILE ${path}: ${(err as Error).message}`);
  }
  const result = z.array(eventSchema).safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new EventsFileError(`EVENTS_FILE ${path}: event ${issue.path.join('.')}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const e of result.data) {
    if (ids.has(e.id)) throw new EventsFileError(`EVENTS_FILE ${path}: duplicate id ${e.id}`);
    if (Date.parse(e.end) <= Date.parse(e.start)) throw new EventsFileError(`EVENTS_FILE ${path}: event ${e.id}: end is not after start`);
    ids.add(e.id);
  }
  return result.data;
}
