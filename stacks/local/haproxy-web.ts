// web on this machine: instances of this project's small HTTP app (stacks/local/app)
// behind HAProxy with active health checks, `option redispatch` and retries —
// without those, every backend kill shows up as client errors.
import { z } from "zod";
import { inputError } from "../../core/errors.ts";
import * as pulumi from "@pulumi/pulumi";
import { Ms, NamedPort, Port } from "./named-port.ts";

/** The inputs a HaproxyWeb records (defaults filled in): what `drill env up` reads back and starts. */
export const HaproxyWebInputs = z.object({
  host: z.string(),
  frontendPort: Port,
  statsPort: Port,
  instances: z.array(NamedPort).min(2),
  healthCheck: z.object({ intervalMs: Ms, fall: z.number().int().min(1), rise: z.number().int().min(1) }),
  retries: z.number().int().min(0),
});
/** What a program passes: the inputs, with healthCheck (default every 500 ms, fall 2, rise 2) and retries (3) optional. */
export const HaproxyWebArgs = HaproxyWebInputs.partial({ healthCheck: true, retries: true });
export type HaproxyWebArgs = z.infer<typeof HaproxyWebArgs>;

export const HAPROXY_WEB_TYPE = "continuity-drill:local:HaproxyWeb";

export class HaproxyWeb extends pulumi.ComponentResource {
  public readonly url: pulumi.Output<string>;
  public readonly endpoints: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: HaproxyWebArgs, opts?: pulumi.ComponentResourceOptions) {
    if (args.instances.length < 2) throw inputError(`HaproxyWeb "${name}": instances needs at least two for failover`);
    const healthCheck = args.healthCheck ?? { intervalMs: 500, fall: 2, rise: 2 };
    super(HAPROXY_WEB_TYPE, name, { ...args, healthCheck, retries: args.retries ?? 3 }, opts);
    this.url = pulumi.output(`http://${args.host}:${args.frontendPort}`);
    this.endpoints = pulumi.output<Record<string, string>>({
      frontend: `${args.host}:${args.frontendPort}`,
      ...Object.fromEntries(args.instances.map((i) => [i.name, `${args.host}:${i.port}`])),
    });
    this.registerOutputs({ url: this.url, endpoints: this.endpoints });
  }
}
