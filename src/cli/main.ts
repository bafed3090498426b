// aanmeldbot <command>: the one entry point (package.json "bin").
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { effectiveEvents } from '../core/events.ts';
import { EventsFileError, loadEvents } from '../shell/events-file.ts';
import { createLogger } from '../shell/log.ts';
import { openStore } from '../store/store.ts';
import { UsageError } from './usage-error.ts';

const HELP = `aanmeldbot — e-mail registration desk

Usage: aanmeldbot <command> [options]

  start                         run the worker (foreground); Ctrl-C stops it cleanly
  status [--json]               seats, confirmed and waitlist per event
  list EVENT [--csv]            attendees of one event (CSV: UTF-8 for Excel)
  add --event ID (--email ADDRESS | --name NAME) [--name NAME] [--organisation ORG] [--phone PHONE] [--lang nl|en]
                                register someone (same rules and mails as by e-mail)
  cancel --event ID (--email ADDRESS | --name NAME)
                                cancel someone (frees the seat, promotes from the waitlist)
  digest --print [--csv] | --send [--lang nl|en]
                                today's digest for the organisers: print it, or queue and send it to DIGEST_TO now
  classify FILE...              read .eml files, print one JSON line each (intent, language, attendees, event)
  eval [DIR]                    accuracy of classify over a fixture folder (default test/fixtures/classify)
  help                          this text

Configuration comes from environment variables or .env: see README.md.`;

async function readState(config: Config) {
  const store = await openStore(config.DATA_DIR, { readOnly: true });
  try {
    return { state: store.state, events: effectiveEvents(loadEvents(config.EVENTS_FILE), store.state) };
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const log = createLogger(config.LOG_FORMAT);
  switch (command) {
    case 'start': {
      // Each command loads only what it needs: the mail stack is heavy to load through the TS loader.
      const { startWorker } = await import('./start.ts');
      const running = await startWorker(config, log);
      const stop = (signal: string) => {
        log.info('stopping', { signal });
        void running.worker.stop();
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      await running.done;
      log.info('stopped', { handled: running.worker.handledCount });
      return 0;
    }
    case 'status': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
      const { state, events } = await readState(config);
      const { statusJson, statusText } = await import('./report.ts');
      console.log(values.json ? JSON.stringify(statusJson(state, events)) : statusText(state, events));
      return 0;
    }
    case 'list': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { csv: { type: 'boolean' } } });
      const { state, events } = await readState(config);
      const { attendeeCsv, attendeeText } = await import('./report.ts');
      const event = events.find((e) => e.id === positionals[0]);
      if (!event) throw new UsageError(`list EVENT: unknown event "${positionals[0] ?? ''}"; known: ${events.map((e) => e.id).join(', ')}`);
      process.stdout.write(values.csv ? attendeeCsv(state, event) : `${attendeeText(state, event)}\n`);
      return 0;
    }
    case 'add':
    case 'cancel': {
      const { values } = parseArgs({
        args: rest,
        options: {
          event: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' },
          organisation: { type: 'string' }, phone: { type: 'string' }, lang: { type: 'string' },
        },
      });
      if (!values.event) throw new UsageError(`${command}: --event is required`);
      const lang = values.lang ?? 'nl';
      if (lang !== 'nl' && lang !== 'en') throw new UsageError('--lang must be nl or en');
      const { organiserCommand } = await import('./organiser-commands.ts');
      const result = await organiserCommand(command, {
        event: values.event,
        email: values.email?.trim().toLowerCase() ?? null,
        name: values.name ?? null,
        organisation: values.organisation ?? null,
        phone: values.phone ?? null,
        language: lang,
      }, config, log);
      console.log(result);
      return 0;
    }
    case 'digest': {
      const { digestCommand } = await import('./digest-command.ts');
      process.stdout.write(`${await digestCommand(rest, config, log)}\n`);
      return 0;
    }
    case 'classify': {
      const { classifyCommand } = await import('./classify-command.ts');
      return classifyCommand(rest, loadEvents(config.EVENTS_FILE));
    }
    case 'eval': {
      const { evalCommand } = await import('./eval-command.ts');
      return evalCommand(rest[0] ?? 'test/fixtures/classify', loadEvents(config.EVENTS_FILE));
    }
    default:
      throw new UsageError(`unknown command "${command}"; run "aanmeldbot help"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error & { code?: string }) => {
    const known = err instanceof ConfigError || err instanceof UsageError || err instanceof EventsFileError || typeof err.code === 'string';
    console.error(known ? `aanmeldbot: ${err.message}${err.code ? ` [${err.code}]` : ''}` : err.stack ?? String(err));
    process.exitCode = known ? 2 : 1;
  },
);
