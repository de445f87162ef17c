// A user's Pulumi program may live anywhere, with or without node_modules of its
// own. When it imports our component library or Pulumi and its own directory
// cannot resolve them, they resolve from this package instead, so that its
// resources register with the very runtime the mocks were installed on.
import { register } from "node:module";

const HOOK = `
const ROOT = ${JSON.stringify(new URL("../../package.json", import.meta.url).href)};
const OURS = /^(continuity-drill(\\/|$)|@pulumi\\/pulumi(\\/|$))/;
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!OURS.test(specifier) || error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    return next(specifier, { ...context, parentURL: ROOT });
  }
}`;

let installed = false;

export function installFallbackResolution(): void {
  if (installed) return;
  installed = true;
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`, import.meta.url);
}
