// The first line of a file, read in small pieces: enough to say what an
// otherwise unreadable journal claims to be, without reading all of it.
import { closeSync, openSync, readSync } from "node:fs";

export function readFirstLine(file: string, limit = 1 << 20): string {
  const fd = openSync(file, "r");
  try {
    const parts: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(64 * 1024);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, total);
      if (n === 0) break;
      const nl = buf.subarray(0, n).indexOf(10);
      parts.push(Buffer.from(buf.subarray(0, nl >= 0 ? nl : n)));
      total += n;
      if (nl >= 0 || total >= limit) break;
    }
    return Buffer.concat(parts).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
