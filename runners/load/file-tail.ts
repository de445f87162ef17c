// Following a file another process is still writing (k6's --out json file),
// like `tail -f`: each poll reads what was appended since the last one and
// hands over complete lines; a partial last line waits for its newline. A file
// that does not exist yet is simply empty (k6 creates it after its init phase).
import { open, type FileHandle } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";

const CHUNK = 1 << 20;

export class FileTail {
  private offset = 0;
  private partial = "";
  private readonly decoder = new StringDecoder("utf8");
  private handle: FileHandle | undefined;
  private busy: Promise<void> | undefined;

  constructor(
    readonly path: string,
    private readonly onLine: (line: string) => void,
  ) {}

  /** Reads everything appended so far. Overlapping calls share one read. */
  poll(): Promise<void> {
    this.busy ??= this.read().finally(() => (this.busy = undefined));
    return this.busy;
  }

  /** A last poll; a line left without its newline was torn by a kill and is dropped. */
  async close(): Promise<{ tornLine: boolean }> {
    await this.busy;
    await this.poll();
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    const torn = this.partial.trim() !== "";
    this.partial = "";
    return { tornLine: torn };
  }

  private async read(): Promise<void> {
    if (!this.handle) {
      try {
        this.handle = await open(this.path, "r");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
    }
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await this.handle.read(buffer, 0, CHUNK, this.offset);
      if (bytesRead === 0) return;
      this.offset += bytesRead;
      const text = this.partial + this.decoder.write(buffer.subarray(0, bytesRead));
      const lines = text.split("\n");
      this.partial = lines.pop()!;
      for (const line of lines) if (line !== "") this.onLine(line);
    }
  }
}
