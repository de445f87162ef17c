// Reports are written atomically: a temporary file in the same directory, then a
// rename. A reader (CI uploading artifacts, a browser refreshing) never sees half
// a report, and a crash mid-write leaves the previous report intact.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { environmentError } from "./errors.ts";

/** Write `content` to `file` through a uniquely named temporary file and a rename; `what` names the file in the error. */
export function writeFileAtomic(file: string, content: string, what = "report"): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw environmentError(`cannot write ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file }, error);
  }
}
