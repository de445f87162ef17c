// The FIS client behind a tiny factory, so tests inject a mock and the fault
// never builds its own. Credentials come from the SDK's default provider chain
// (environment, profile, SSO, instance or task role); the region from the
// fault's state, else the same chain. The endpoint is AWS's own unless the
// fault's params, AWS_ENDPOINT_URL_FIS or AWS_ENDPOINT_URL name another (a
// VPC endpoint, a FIPS endpoint, a local stand-in such as moto's server). The
// SDK reads those variables too; they are read here as well so that a bad value
// is an input error, and so that the endpoint is recorded in the fault's state:
// heal from another process (`drill recover`) calls the same one. The SDK's own
// retries are off: throttling is retried in one visible place (fis-retry.ts).
import { FisClient } from "@aws-sdk/client-fis";
import { InputError, RunError } from "../../core/errors.ts";

export type FisClientFactory = (region: string | undefined, endpoint?: string) => FisClient;

const defaultFactory: FisClientFactory = (region, endpoint) =>
  new FisClient({ ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}), maxAttempts: 1 });
let factory: FisClientFactory = defaultFactory;

/**
 * A client for `region` (undefined: the SDK's chain) at `endpoint` (an http(s)
 * URL; undefined: fisEndpoint()'s answer, else AWS's regional endpoint).
 */
export function fisClient(region: string | undefined, endpoint: string | undefined = fisEndpoint()): FisClient {
  return factory(region, endpoint);
}

/**
 * The endpoint a client calls when the fault names none: AWS_ENDPOINT_URL_FIS,
 * else AWS_ENDPOINT_URL, else undefined (AWS's own). Throws InputError naming
 * the variable when its value is not an http(s) URL.
 */
export function fisEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of ["AWS_ENDPOINT_URL_FIS", "AWS_ENDPOINT_URL"]) {
    const value = env[name]?.trim();
    if (value) return checkEndpoint(value, name);
  }
  return undefined;
}

/** `value` when it is an http(s) URL; else an InputError naming where it came from. */
export function checkEndpoint(value: string, from: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new InputError(`${from}: "${value}" is not an http(s) URL such as https://fis.eu-west-1.amazonaws.com or http://127.0.0.1:5000`);
  return value;
}

/** Replace the factory (tests); returns a function that restores the previous one. */
export function setFisClientFactory(next: FisClientFactory): () => void {
  const previous = factory;
  factory = next;
  return () => {
    factory = previous;
  };
}

/** The region a client will call, resolved now so it can be recorded for heal in another process. */
export async function clientRegion(client: FisClient): Promise<string> {
  try {
    const region = await client.config.region();
    if (region) return region;
  } catch (error) {
    throw new RunError(`fis.experiment: no AWS region: set params.region, the plan's region, or AWS_REGION (${(error as Error).message})`, { cause: error });
  }
  throw new RunError("fis.experiment: no AWS region: set params.region, the plan's region, or AWS_REGION");
}
