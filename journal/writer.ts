// Streams journal records to disk while the drill runs: appended as JSON lines,
// buffered briefly and flushed at least every `flushMs`, so memory stays bounded
// for long drills and a killed runner loses at most the last moments (a torn
// last line is dropped by the reader). Closing flushes and fsyncs.
//
// A write that fails (disk full) is never lost silently and never crashes the
// process from the timer — a crash there would leave the drill's faults in
// place: the failure is kept and thrown by the next write, flush or close, so
// the drill's event bus ends the drill as `error` naming it.
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { environmentError } from "../core/errors.ts";
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
  /** The first failed write, rethrown by every later call. */
  private failure: Error | undefined;
  records = 0;

  constructor(
    readonly file: string,
    private readonly flushBytes = 256 * 1024,
    flushMs = 250,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, "a");
    this.timer = setInterval(() => {
      try {
        this.flush();
      } catch {
        // kept in this.failure: the next write, flush or close throws it
      }
    }, flushMs);
    this.timer.unref();
  }

  /** Appends one record; throws (kind "environment") once any write to the file has failed. */
  write(record: JournalRecordT): void {
    if (this.failure) throw this.failure;
    if (this.fd === undefined) return;
    const line = `${compact(record)}\n`;
    this.buffer.push(line);
    this.bytes += line.length;
    this.records += 1;
    // Phase changes, faults and the summary are the records a crash must not lose.
    if (this.bytes >= this.flushBytes || (record.type !== "sample" && record.type !== "write")) this.flush();
  }

  flush(): void {
    if (this.failure) throw this.failure;
    if (this.fd === undefined || this.buffer.length === 0) return;
    try {
      writeSync(this.fd, this.buffer.join(""));
    } catch (error) {
      this.failure = environmentError(`journal ${this.file}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); records from here on are lost`, { file: this.file }, error);
      throw this.failure;
    }
    this.buffer = [];
    this.bytes = 0;
  }

  /** Flushes, fsyncs and closes; the file is closed even when that fails, and the failure is thrown. */
  close(): void {
    clearInterval(this.timer);
    if (this.fd === undefined) {
      if (this.failure) throw this.failure;
      return;
    }
    try {
      this.flush();
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }
}
