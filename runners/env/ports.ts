// Before starting anything: every port the stack declares must be free on
// 127.0.0.1, or we stop and say which service wanted it.
import { createServer } from "node:net";
import { environmentError } from "../../core/errors.ts";
import { declaredPorts, type LocalDecl } from "./declaration.ts";

export function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const server = createServer();
    server.once("error", () => ok(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => ok(true)));
  });
}

export async function assertPortsFree(decl: LocalDecl): Promise<void> {
  const ports = declaredPorts(decl);
  const taken = (await Promise.all(ports.map(async (p) => ((await portFree(p.port)) ? undefined : p)))).filter((p) => p !== undefined);
  if (taken.length > 0) {
    const list = taken.map((p) => `${p.service} ${p.node} needs 127.0.0.1:${p.port}`).join("; ");
    throw environmentError(`port already in use: ${list}. Stop whatever holds it (\`ss -ltnp\` shows it) or change Pulumi.${decl.stack}.yaml`);
  }
}
