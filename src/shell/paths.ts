import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root: templates and samples ship with the code, wherever the process was started. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TEMPLATES_DIR = join(PROJECT_ROOT, 'templates');
export const SAMPLES_DIR = join(PROJECT_ROOT, 'data', 'samples');
