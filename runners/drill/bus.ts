// The drill's typed event stream. Every event is a journal record; the journal
// writer and the live progress display are two subscribers (zx's log pattern).
// A subscriber that throws must not stop the drill — least of all its heal.
import type { JournalRecordT } from "../../journal/format.ts";

export type DrillEvent = JournalRecordT;
export type Subscriber = (event: DrillEvent) => void;

export class EventBus {
  private readonly subscribers = new Set<Subscriber>();
  readonly failures: unknown[] = [];

  on(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  emit(event: DrillEvent): void {
    for (const s of this.subscribers) {
      try {
        s(event);
      } catch (error) {
        if (this.failures.length < 10) this.failures.push(error);
      }
    }
  }
}
