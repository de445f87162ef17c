// The drill's typed event stream. Every event is a journal record; the journal
// writer and the live progress display are two subscribers (zx's log pattern).
// A subscriber that throws must not stop the drill — least of all its heal — so
// emit() never throws; but the failure is kept, named, and the drill reads it
// (`failure`): a journal writer that failed (disk full) leaves a truncated
// journal, and no verdict may be given over it (run-drill ends the drill as error).
import type { JournalRecordT } from "../../journal/format.ts";
import { messageOf } from "../../core/errors.ts";

export type DrillEvent = JournalRecordT;
export type Subscriber = (event: DrillEvent) => void;

/** The first failure of a subscriber: which one, on which event, and what it threw. */
export interface SubscriberFailure {
  subscriber: string;
  event: DrillEvent["type"];
  message: string;
  error: unknown;
}

export class EventBus {
  private readonly subscribers = new Map<Subscriber, string>();
  /** Failures in order, at most 10 (a broken writer throws on every event). */
  readonly failures: SubscriberFailure[] = [];

  /** `name` says who failed in the drill's reason (e.g. "journal writer"). */
  on(subscriber: Subscriber, name = "a subscriber"): () => void {
    this.subscribers.set(subscriber, name);
    return () => this.subscribers.delete(subscriber);
  }

  emit(event: DrillEvent): void {
    for (const [s, name] of this.subscribers) {
      try {
        s(event);
      } catch (error) {
        if (this.failures.length < 10) this.failures.push({ subscriber: name, event: event.type, message: messageOf(error), error });
      }
    }
  }

  /** The first subscriber failure, if any. */
  get failure(): SubscriberFailure | undefined {
    return this.failures[0];
  }
}

/** The reason a drill ends as error after a subscriber failed. */
export const subscriberFailureReason = (f: SubscriberFailure): string =>
  `event subscriber "${f.subscriber}" failed on a ${f.event} record (${f.message}); the journal may be incomplete, so no verdict is given`;
