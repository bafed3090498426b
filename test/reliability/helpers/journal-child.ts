// Child process for journal-kill.test.ts: records one send in the journal the way the worker does right
// after the SMTP server's 250, then dies by SIGKILL at once, before any I/O callback can run.
import { SentJournal } from '../../../src/store/sent-journal.ts';

const [path, id] = process.argv.slice(2);
const journal = new SentJournal(path!);
void journal.record(id!);
process.kill(process.pid, 'SIGKILL');
