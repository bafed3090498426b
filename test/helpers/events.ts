import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventInfo } from '../../src/core/types.ts';

export const EVENTS: EventInfo[] = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'data', 'events.json'), 'utf8'));
