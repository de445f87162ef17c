// Credentials in URLs, found the way clients find them. WHATWG URL (which
// postgres.js and ioredis both hand their URLs to) ends the authority at the
// first "/", "?" or "#", and the userinfo at the LAST "@" of the authority; the
// password is everything after the userinfo's first ":" — so "p@ss-tail" is
// one password, and a multi-host list (h1:5432,h2:5433, postgres.js) sits after
// it. Query parameters are matched by their decoded name (URLSearchParams
// decodes "pass%77ord" to "password"), their value running to the next "&".
// Inside free text a URL also ends at whitespace; a string that IS a URL (a
// probe target) is read whole, since WHATWG accepts a raw space in a password.

export const MASK = "***";

const CREDENTIAL_PARAMS = new Set([
  "password", "passwd", "pass", "pwd", "sslpassword", "token", "access_token", "refresh_token", "id_token", "api_key", "api-key", "apikey", "key",
  "secret", "client_secret", "signature", "sig", "auth", "x-amz-signature", "x-amz-credential", "x-amz-security-token",
]);

/** A bare token as userinfo (https://ghp_xxx@github.com): a credential without a ":". */
const TOKEN_USER = /^[A-Za-z0-9_-]{20,}$/;

function maskAuthority(authority: string): string {
  const at = authority.lastIndexOf("@");
  if (at < 0) return authority;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(":");
  const masked = colon >= 0 ? `${userinfo.slice(0, colon)}:${MASK}` : TOKEN_USER.test(userinfo) ? MASK : userinfo;
  return masked + authority.slice(at);
}

function paramName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " ")).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

function maskQuery(text: string, whole: boolean): string {
  const param = whole ? /([?&;])([^=&#?;]+)=([^&#;]*)/g : /([?&;])([^=&#?;\s]+)=([^&#;\s]*)/g;
  return text.replace(param, (m, sep: string, name: string) => (CREDENTIAL_PARAMS.has(paramName(name)) ? `${sep}${name}=${MASK}` : m));
}

/** `text` with every URL password and credential query parameter masked. */
export function redactUrls(text: string): string {
  // A string that is one URL: its authority may hold spaces (WHATWG encodes them).
  const lead = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(text);
  if (lead && !text.includes("\n")) {
    const rest = text.slice(lead[0].length);
    return lead[1] + maskAuthority(lead[2]!) + maskQuery(redactFree(rest), true);
  }
  return maskQuery(redactFree(text), false);
}

function redactFree(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)([^/?#\s]*)/gi, (_m, scheme: string, authority: string) => scheme + maskAuthority(authority));
}
