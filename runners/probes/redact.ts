// Targets end up in journals and reports, which are shared; a connection URL's
// password must never reach them. The same redaction the reports use
// (core/redact-url.ts): it finds passwords the way WHATWG URL,
// postgres.js and ioredis parse them, multi-host PostgreSQL URLs included.
import { redactUrls } from "../../core/redact-url.ts";

/** `postgres://u:secret@h/db` → `postgres://u:***@h/db`; `?password=x` → `?password=***`. */
export function redactTarget(target: string): string {
  return redactUrls(target);
}
