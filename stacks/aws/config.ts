// The aws stack's settings (Pulumi.aws.yaml), read once and checked before any
// resource is declared. Zones come from config, not from getAvailabilityZones:
// a plan must name the zones it relies on, and the mock runtime that `drill
// plan` uses answers no cloud lookups.
import { inputError } from "../../core/errors.ts";
import * as pulumi from "@pulumi/pulumi";

export interface AwsStackConfig {
  readonly region: string;
  /** Resource-name prefix, short enough for ElastiCache ids (≤ 40 characters in all). */
  readonly prefix: string;
  readonly zones: readonly string[];
  /** The zone the zone-loss experiments impair (default: the first, where the primaries start). */
  readonly impairedZone: string;
  readonly network: { readonly cidr: string };
  readonly ordersDb: { readonly engineVersion: string; readonly instanceClass: string; readonly database: string; readonly user: string };
  readonly sessionsCache: { readonly engineVersion: string; readonly nodeType: string; readonly nodes: number };
  readonly web: { readonly instanceType: string; readonly imageId: string; readonly port: number; readonly minSize: number; readonly maxSize: number };
  /** `domain` is served from `zoneId` (a public zone you own); `internalZone` is created, private to the VPC. */
  readonly dns: { readonly domain: string; readonly zoneId: string; readonly internalZone: string };
  /** How long each FIS fault lasts (ISO 8601, as FIS takes it). */
  readonly fis: { readonly faultDuration: string };
}

const fail = (key: string, why: string): never => {
  throw inputError(`Pulumi.${pulumi.getStack()}.yaml: continuity-drill:${key}: ${why}`, { file: `Pulumi.${pulumi.getStack()}.yaml`, field: `continuity-drill:${key}` });
};

export function readAwsConfig(): AwsStackConfig {
  const config = new pulumi.Config("continuity-drill");
  const region = new pulumi.Config("aws").require("region");
  const zones = config.requireObject<string[]>("zones");
  if (!Array.isArray(zones) || zones.length < 2) fail("zones", "list at least two availability zones: the reference is multi-AZ");
  const stray = zones.find((z) => typeof z !== "string" || !z.startsWith(region));
  if (stray !== undefined) fail("zones", `"${String(stray)}" is not a zone of region ${region}`);
  const impairedZone = config.get("impairedZone") ?? zones[0]!;
  if (!zones.includes(impairedZone)) fail("impairedZone", `"${impairedZone}" is not one of the zones (${zones.join(", ")})`);
  const prefix = config.get("prefix") ?? `cd-${pulumi.getStack()}`;
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(prefix)) fail("prefix", `"${prefix}" must be lower-case, start with a letter, at most 20 characters`);

  const cache = config.requireObject<AwsStackConfig["sessionsCache"]>("sessionsCache");
  if (!(cache.nodes >= 2)) fail("sessionsCache.nodes", "needs a primary and at least one replica (2 or more)");
  const web = config.requireObject<AwsStackConfig["web"]>("web");
  if (!(web.minSize >= 2)) fail("web.minSize", "needs at least two instances, or one instance's loss is an outage");
  if (web.maxSize < web.minSize) fail("web.maxSize", `${web.maxSize} is below minSize ${web.minSize}`);
  return {
    region,
    prefix,
    zones,
    impairedZone,
    network: config.requireObject("network"),
    ordersDb: config.requireObject("ordersDb"),
    sessionsCache: cache,
    web,
    dns: config.requireObject("dns"),
    fis: config.getObject("fis") ?? { faultDuration: "PT5M" },
  };
}

/** Tags every resource of the stack carries; FIS targets select by the `target` tag. */
export const TARGET_TAG = "continuity-drill:target";
export const targetTag = (prefix: string, service: string) => `${prefix}:${service}`;
