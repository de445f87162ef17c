// What the mock runtime answers in place of the providers, in one place. Each
// answer is documented beside it and in docs/mock-evaluation.md. Values are
// deterministic (the same program gives the same plan) and plausible (shaped
// as the provider's), never `undefined` for an attribute a program reads.
import { readFileSync } from "node:fs";
import { inputError } from "../../core/errors.ts";
import { invokeAnswer } from "./mock-invokes.ts";
import type { PulumiModule } from "./pulumi-runtime.ts";
import type { PulumiProgram } from "./pulumi-project.ts";

export type Recorder = (type: string, name: string, recorded: { inputs: Record<string, unknown>; custom: boolean; read?: boolean }) => void;
type Mocks = Parameters<PulumiModule["runtime"]["setMocks"]>[0];

/** The account every mock ARN and identity names. */
export const MOCK_ACCOUNT = "123456789012";
/** Pulumi's wire sentinel for "unknown": an output built from it stays unknown. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface MockNotices {
  /** Things the mocks could not answer truthfully, for the user to read. */
  notes: string[];
}

/** Mocks that record every resource's inputs and answer as the providers would. */
export function providerMocks(program: PulumiProgram, record: Recorder, notices: MockNotices, propKeys: Map<string, string[]>): Mocks {
  const region = program.config["aws:region"] ?? "us-east-1";
  return {
    newResource(args) {
      const inputs = (args.inputs ?? {}) as Record<string, unknown>;
      // An id on arrival means a read (`Group.get(name, id)`): declared elsewhere, not by this program.
      record(args.type, args.name, { inputs, custom: args.custom ?? false, ...(args.id ? { read: true } : {}) });
      if (args.type === "pulumi:pulumi:StackReference") return stackReference(program, String(inputs.name ?? args.name), notices);
      const keys = propKeys.get(`${args.type}::${args.name}`) ?? [];
      return { id: mockId(args.type, args.name), state: { ...outputOnly(args.type, args.name, keys, region), ...inputs } };
    },
    call(args) {
      return invokeAnswer(args.token, (args.inputs ?? {}) as Record<string, unknown>, region) ?? args.inputs;
    },
  };
}

/** Provider-shaped ids: `i-…` for instances, `vpc-…`, `subnet-…`, `sg-…`; else `<name>-id`. */
export function mockId(type: string, name: string): string {
  const prefix: Record<string, string> = { "aws:ec2/instance:Instance": "i", "aws:ec2/vpc:Vpc": "vpc", "aws:ec2/subnet:Subnet": "subnet", "aws:ec2/securityGroup:SecurityGroup": "sg" };
  const p = prefix[type];
  return p ? `${p}-${hex(name, 17)}` : `${name}-id`;
}

/** A stable hex string from a name: the same program always gets the same ids. */
export function hex(text: string, length: number): string {
  let h = 2166136261;
  let out = "";
  while (out.length < length) {
    for (const c of text + out.length) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}

/**
 * Output-only attributes the program did not set, by name: the keys Pulumi's
 * generated SDK declares on the resource (`resourceInputs[k] = undefined`),
 * filled only when their name says what they are. Inputs always win; `drill
 * verify` reads the recorded inputs, never these.
 *   arn → arn:aws:<service>:<region>:123456789012:<type>/<name>
 *   endpoint, address, dnsName, hostname, …Endpoint(Address) → <name>.mock.<region>.amazonaws.com (endpoint with :port for databases)
 *   …Ip / privateIp / publicIp → 10.0.x.y · port → the engine's default · …Url → https://<host>/ · …Id → <name>-<key>
 *   …Ids → three ids, one per zone (subnet-… for subnets) · cacheNodes → one node at <host>
 * Anything else the program did not set stays unknown (as in `pulumi preview`), and a
 * plan computed from it is reported unknown, never filled with `undefined`.
 */
export function outputOnly(type: string, name: string, keys: readonly string[], region: string): Record<string, unknown> {
  const service = /^aws:([a-z0-9]+)\//i.exec(type)?.[1] ?? "resource";
  const host = `${name.toLowerCase().replace(/[^a-z0-9-]/g, "-")}.mock.${region}.amazonaws.com`;
  const port = /rds|docdb|neptune/.test(service) ? 5432 : /elasticache|memorydb/.test(service) ? 6379 : 443;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === "arn" || /Arn$/.test(key)) out[key] = `arn:aws:${service}:${region}:${MOCK_ACCOUNT}:${type.split(":").pop()?.toLowerCase()}/${name}`;
    else if (key === "endpoint" && /rds|docdb|neptune/.test(service)) out[key] = `${host}:${port}`;
    else if (/^(endpoint|address|dnsName|hostname|fqdn)$/.test(key) || /(Endpoint|EndpointAddress|DnsName|Address|Hostname|Fqdn|DomainName)$/.test(key)) out[key] = /Ip|ip/.test(key) ? ip(name) : host;
    else if (/^(privateIp|publicIp)$/.test(key) || /Ip$/.test(key)) out[key] = ip(name + key);
    else if (key === "port") out[key] = port;
    else if (/Url$|^url$/.test(key)) out[key] = `https://${host}/`;
    else if (/Id$/.test(key) && !/kms|Kms/.test(key)) out[key] = `${name}-${key}`;
    else if (key === "cacheNodes") out[key] = [{ id: "0001", address: host, port, availabilityZone: `${region}a` }];
    else if (/Ids$/.test(key)) out[key] = ["a", "b", "c"].map((z) => (/[sS]ubnet/.test(key) ? `subnet-${hex(name + key + z, 17)}` : `${name}-${key}-${z}`));
  }
  return out;
}

const ip = (seed: string) => {
  const h = hex(seed, 4);
  return `10.0.${parseInt(h.slice(0, 2), 16)}.${(parseInt(h.slice(2), 16) % 250) + 4}`;
};

/**
 * A StackReference: the outputs of `--stack-reference name=FILE` (a JSON file
 * as `pulumi stack output --json` writes it), else every output unknown, with
 * a notice: a plan built from them is reported as unknown, never as garbage.
 */
function stackReference(program: PulumiProgram, name: string, notices: MockNotices) {
  const file = program.stackReferences?.[name];
  if (!file) {
    notices.notes.push(`StackReference "${name}": its outputs are unknown under mocks (give --stack-reference ${name}=FILE with \`pulumi stack output --json\` of that stack)`);
    return { id: name, state: { name, outputs: UNKNOWN, secretOutputNames: [] } };
  }
  let outputs: unknown;
  try {
    outputs = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw inputError(`--stack-reference ${name}=${file}: ${(error as Error).message}`, { field: "--stack-reference" }, error);
  }
  return { id: name, state: { name, outputs, secretOutputNames: [] } };
}
