// Sends in the background while the worker fetches and decides the next batch: in a rush the two used to
// take turns. Results are folded into whatever state is current at the next commit; a send is durable the
// moment it is journaled, so folding late loses nothing.
import type { DeskState, OutboxItem } from '../core/state.ts';
import { due, type FlushDeps, sendItems } from './outbox.ts';

export class SendPump {
  private running: Promise<void> | null = null;
  private readonly results = new Map<string, OutboxItem>();

  constructor(private readonly deps: FlushDeps) {}

  /** Start sending what is due now, unless a round is already running. */
  kick(state: DeskState): void {
    if (this.running) return;
    const now = this.deps.now();
    const todo = state.outbox.filter((o) => due(o, now) && !this.results.has(o.id));
    if (todo.length === 0) return;
    this.running = sendItems(todo, this.deps)
      .then((done) => {
        for (const [id, item] of done) this.results.set(id, item);
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** The state with the finished sends applied. */
  fold(state: DeskState): DeskState {
    if (this.results.size === 0) return state;
    const done = new Map(this.results);
    this.results.clear();
    return { ...state, outbox: state.outbox.map((o) => done.get(o.id) ?? o) };
  }

  /** a round of sends is running */
  get busy(): boolean {
    return this.running !== null;
  }

  async idle(): Promise<void> {
    await this.running;
  }
}
