// The SHA-256 of a journal file as it is on disk: printed in every report so a
// reader can check the evidence a report was rendered from has not changed.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}
