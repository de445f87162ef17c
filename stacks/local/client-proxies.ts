// Our TCP proxies in the web app's paths to its dependencies: the app reaches
// each PostgreSQL node and each Redis node through one, so a drill can slow or
// cut exactly that path (net.proxy: latency, blackhole, reset) while the HA
// software's own paths (monitor, Sentinels, replication) stay direct. In pass
// mode they only copy bytes (~0.02–0.05 ms added at p50, measured).
import { z } from "zod";
import { inputError } from "../../core/errors.ts";
import * as pulumi from "@pulumi/pulumi";
import { Port } from "./named-port.ts";

export const ProxyRoute = z.object({
  /** The plan-declared node this proxy stands in front of. */
  node: z.string(),
  listenPort: Port,
  upstreamPort: Port,
});
export type ProxyRoute = z.infer<typeof ProxyRoute>;

/** The inputs a ClientProxies records, as a program passes them: what `drill env up` reads back and starts. */
export const ClientProxiesArgs = z.object({ host: z.string(), controlPort: Port, routes: z.array(ProxyRoute).min(1) });
export type ClientProxiesArgs = z.infer<typeof ClientProxiesArgs>;

export const CLIENT_PROXIES_TYPE = "continuity-drill:local:ClientProxies";

export class ClientProxies extends pulumi.ComponentResource {
  public readonly controlUrl: pulumi.Output<string>;

  constructor(name: string, args: ClientProxiesArgs, opts?: pulumi.ComponentResourceOptions) {
    const nodes = args.routes.map((r) => r.node);
    const dup = nodes.find((n, i) => nodes.indexOf(n) !== i);
    if (dup) throw inputError(`ClientProxies "${name}": two routes for node "${dup}"`);
    super(CLIENT_PROXIES_TYPE, name, { ...args }, opts);
    this.controlUrl = pulumi.output(`http://${args.host}:${args.controlPort}`);
    this.registerOutputs({ controlUrl: this.controlUrl });
  }
}
