// The HTML document around a report. A Content-Security-Policy that allows no
// sources at all (inline styles only) makes "no network requests" a property the
// browser enforces, and turns any script that slipped through escaping inert.
import { CSS } from "./css.ts";
import { h, raw, type Markup } from "./tag.ts";

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function page(title: string, body: Markup, footer: string): string {
  return h`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<main>
${body}
<footer>${footer}</footer>
</main>
</body>
</html>
`.value;
}

