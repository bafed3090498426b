// Local mode's first run: put the shipped sample mails into the empty Maildir so a newcomer sees replies.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function seedSamples(samplesDir: string, maildir: string): Promise<number> {
  const occupied = (await Promise.all(['new', 'cur'].map((d) => readdir(join(maildir, d)).catch(() => [] as string[])))).flat();
  if (occupied.length > 0) return 0;
  const samples = (await readdir(samplesDir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  for (const [i, name] of samples.entries()) {
    // Maildir names must be unique and sortable by arrival; the index keeps the samples in their order.
    // Dated now: they arrive now, and mail older than the desk keeps records of is left for people.
    const raw = (await readFile(join(samplesDir, name), 'latin1')).replace(/^Date:.*$/m, `Date: ${new Date().toUTCString()}`);
    await writeFile(join(maildir, 'new', `${Date.now()}.${String(i).padStart(4, '0')}.sample-${name.replace(/\.eml$/, '')}`), raw, 'latin1');
  }
  return samples.length;
}
