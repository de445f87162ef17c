// A user's Pulumi program may live anywhere, with or without node_modules of its
// own. When it imports our component library or Pulumi and its own directory
// cannot resolve them, they resolve from this package instead, so that its
// resources register with the very runtime the mocks were installed on.
// Both ways a program can load them: `import` (an ES module program, through a
// resolve hook) and `require` (a CommonJS-typed one — what `pulumi new
// typescript` creates — compiled to require() calls by tsx, which do not pass
// through resolve hooks on Node 20).
import Module, { createRequire, register } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT_URL = new URL("../../package.json", import.meta.url);
const OURS = /^(continuity-drill(\/|$)|@pulumi\/pulumi(\/|$))/;
// Under the CLI, the library a program imports is the CLI's own source (one
// module instance, one @pulumi/pulumi), not the built copy in dist/ that
// Pulumi's own loader uses.
const SOURCES: Record<string, string> = {
  "continuity-drill/stacks": new URL("../../stacks/lib/public.ts", import.meta.url).href,
  "continuity-drill/scenarios": new URL("../../scenarios/api.ts", import.meta.url).href,
};

const HOOK = `
const ROOT = ${JSON.stringify(ROOT_URL.href)};
const OURS = ${OURS.toString()};
const SOURCES = ${JSON.stringify(SOURCES)};
export async function resolve(specifier, context, next) {
  if (SOURCES[specifier]) return { url: SOURCES[specifier], shortCircuit: true, format: "module" };
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
  fallBackInRequire();
}

type ResolveFilename = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;

/** The CommonJS twin of HOOK: Module._resolveFilename is what require() asks (as module-alias and tsconfig-paths use it). */
function fallBackInRequire(): void {
  const cjs = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = cjs._resolveFilename;
  const ours = createRequire(ROOT_URL);
  cjs._resolveFilename = function (request, parent, isMain, options) {
    const source = SOURCES[request];
    if (source) return fileURLToPath(source);
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (error) {
      if (!OURS.test(request) || (error as { code?: string })?.code !== "MODULE_NOT_FOUND") throw error;
      return ours.resolve(request);
    }
  };
}
