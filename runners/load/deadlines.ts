// Timeouts for thousands of requests a second without a timer each. Requests
// leave in send order and all get the same timeout, so their deadlines are in
// order too: a FIFO swept a few times a second finds every overdue request by
// looking only at its front. It holds at most the requests of one timeout
// window (plus answered ones behind an older open one), never more.

export interface Open {
  seq: number;
  sentAt: number;
  done: boolean;
}

export class Deadlines {
  private items: Open[] = [];
  private head = 0;

  add(item: Open): void {
    this.items.push(item);
  }

  /** Calls `expire` for every open item sent at or before `sentBy`, in send order. */
  sweep(sentBy: number, expire: (item: Open) => void): void {
    while (this.head < this.items.length) {
      const item = this.items[this.head]!;
      if (!item.done) {
        if (item.sentAt > sentBy) break;
        item.done = true;
        expire(item);
      }
      this.head++;
    }
    // Drop the swept prefix now and then, not on every sweep.
    if (this.head > 1_024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** Items still waiting for an answer or a deadline. */
  get pending(): number {
    let n = 0;
    for (let i = this.head; i < this.items.length; i++) if (!this.items[i]!.done) n++;
    return n;
  }
}
