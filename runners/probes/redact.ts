// Targets end up in journals and reports, which are shared; a connection URL's
// password must never reach them. Done with a pattern rather than `new URL`
// because multi-host PostgreSQL URLs (h1:5432,h2:5433) are not valid WHATWG URLs.

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^:@/?#]*):([^@/?#]*)@/i;
const PASSWORD_PARAM = /([?&](?:password|pass)=)[^&#]*/gi;

/** `postgres://u:secret@h/db` → `postgres://u:***@h/db`; `?password=x` → `?password=***`. */
export function redactTarget(target: string): string {
  return target.replace(USERINFO, "$1$2:***@").replace(PASSWORD_PARAM, "$1***");
}
