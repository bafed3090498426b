// vitest fixtures shared by the transport tests: a Dovecot per test, and a way to start more, all stopped
// after the test. (vitest reads each fixture's first parameter as written: it must stay `{}`.)
import { type Dovecot, type DovecotOptions, startDovecot } from './dovecot.ts';

export interface DovecotFixtures {
  dovecot: Dovecot;
  startServer: (opts: DovecotOptions) => Promise<Dovecot>;
}

export const dovecotFixtures = {
  // eslint-disable-next-line no-empty-pattern
  dovecot: async ({}, use: (server: Dovecot) => Promise<void>) => {
    const server = await startDovecot();
    await use(server);
    await server.stop();
  },
  // eslint-disable-next-line no-empty-pattern
  startServer: async ({}, use: (start: DovecotFixtures['startServer']) => Promise<void>) => {
    const started: Dovecot[] = [];
    await use(async (opts) => {
      const server = await startDovecot(opts);
      started.push(server);
      return server;
    });
    await Promise.all(started.map((s) => s.stop()));
  },
};
