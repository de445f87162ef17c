// Streams journal records to disk while the drill runs: appended as JSON lines,
// buffered briefly and flushed at least every `flushMs`, so memory stays bounded
// for long drills and a killed runner loses at most the last moments (a torn
// last line is dropped by the reader). Closing flushes and fsyncs.
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { JournalRecordT } from "./format.ts";

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Times to the microsecond: finer than any clock here resolves, and much shorter lines. */
function compact(record: JournalRecordT): string {
  return JSON.stringify(record, (key, value) => (typeof value === "number" && (key === "t" || key === "t0" || key === "intendedT" || key === "latencyMs" || key === "ackAt") ? round(value) : value));
}

export class JournalWriter {
  private fd: number | undefined;
  private buffer: string[] = [];
  private bytes = 0;
  private readonly timer: NodeJS.Timeout;
  records = 0;

  constructor(
    readonly file: string,
    private readonly flushBytes = 256 * 1024,
    flushMs = 250,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, "a");
    this.timer = setInterval(() => this.flush(), flushMs);
    this.timer.unref();
  }

  write(record: JournalRecordT): void {
    if (this.fd === undefined) return;
    const line = `${compact(record)}\n`;
    this.buffer.push(line);
    this.bytes += line.length;
    this.records += 1;
    // Phase changes, faults and the summary are the records a crash must not lose.
    if (this.bytes >= this.flushBytes || (record.type !== "sample" && record.type !== "write")) this.flush();
  }

  flush(): void {
    if (this.fd === undefined || this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(""));
    this.buffer = [];
    this.bytes = 0;
  }

  close(): void {
    clearInterval(this.timer);
    if (this.fd === undefined) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
  }
}
