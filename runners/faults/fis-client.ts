// The FIS client behind a tiny factory, so tests inject a mock and the fault
// never builds its own. Credentials come from the SDK's default provider chain
// (environment, profile, SSO, instance or task role); the region from the
// fault's state, else the same chain. The endpoint is AWS's own unless the
// fault's params, AWS_ENDPOINT_URL_FIS or AWS_ENDPOINT_URL name another (a
// VPC endpoint, a FIPS endpoint, a local stand-in such as moto's server). The
// SDK reads those variables too; they are read here as well so that a bad value
// is an input error, and so that the endpoint is recorded in the fault's state:
// heal from another process (`drill recover`) calls the same one.
//
// FIS calls are throttled per account and region; a drill that polls every two
// seconds beside other tooling can meet a ThrottlingException. Those, and 5xx
// answers, are retried by the SDK's own retry strategy (@smithy/util-retry: its
// classification of throttling and transient errors, its retry quota), with a
// bounded full-jitter backoff so that drills started together do not retry in
// lockstep; `fisCall` says so when the attempts ran out.
import { FisClient, type FisClientConfig } from "@aws-sdk/client-fis";
import { ConfiguredRetryStrategy } from "@smithy/util-retry";
import { environmentError, faultError, inputError, type ErrorWhere } from "../../core/errors.ts";

export interface FisRetry {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff before retry n (1-based): uniform in [0, min(maxMs, baseMs × 2^(n-1))]. */
  baseMs: number;
  maxMs: number;
}

export const FIS_RETRY: FisRetry = { maxAttempts: 5, baseMs: 250, maxMs: 4_000 };

/** The SDK's standard retry strategy with our attempts and backoff. */
export function fisRetryStrategy(r: FisRetry = FIS_RETRY): ConfiguredRetryStrategy {
  return new ConfiguredRetryStrategy(r.maxAttempts, (retry) => Math.random() * Math.min(r.maxMs, r.baseMs * 2 ** Math.max(0, retry - 1)));
}

/** The client's configuration for `region` at `endpoint`: the SDK's retry strategy included. */
export function fisClientConfig(region: string | undefined, endpoint?: string, retry: FisRetry = FIS_RETRY): FisClientConfig {
  return { ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}), retryStrategy: fisRetryStrategy(retry) };
}

export type FisClientFactory = (region: string | undefined, endpoint?: string) => FisClient;

const defaultFactory: FisClientFactory = (region, endpoint) => new FisClient(fisClientConfig(region, endpoint));
let factory: FisClientFactory = defaultFactory;

/**
 * Run one FIS call (the SDK retries inside it). An error that the SDK retried
 * until its attempts ran out becomes a DrillError "fault" that says so, naming
 * `what`; any other error is the caller's to interpret (not found, conflict …).
 */
export async function fisCall<T>(what: string, call: () => Promise<T>, where: ErrorWhere = {}): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    if (attempts > 1) throw faultError(`${what}: still throttled or failing after ${attempts} attempts: ${(error as Error).message}`, where, error);
    throw error;
  }
}

/**
 * A client for `region` (undefined: the SDK's chain) at `endpoint` (an http(s)
 * URL; undefined: fisEndpoint()'s answer, else AWS's regional endpoint).
 */
export function fisClient(region: string | undefined, endpoint: string | undefined = fisEndpoint()): FisClient {
  return factory(region, endpoint);
}

/**
 * The endpoint a client calls when the fault names none: AWS_ENDPOINT_URL_FIS,
 * else AWS_ENDPOINT_URL, else undefined (AWS's own). Throws DrillError "input" naming
 * the variable when its value is not an http(s) URL.
 */
export function fisEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of ["AWS_ENDPOINT_URL_FIS", "AWS_ENDPOINT_URL"]) {
    const value = env[name]?.trim();
    if (value) return checkEndpoint(value, name);
  }
  return undefined;
}

/** `value` when it is an http(s) URL; else a DrillError "input" naming where it came from. */
export function checkEndpoint(value: string, from: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw inputError(`${from}: "${value}" is not an http(s) URL such as https://fis.eu-west-1.amazonaws.com or http://127.0.0.1:5000`, { field: from });
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
    throw environmentError(`fis.experiment: no AWS region: set params.region, the plan's region, or AWS_REGION (${(error as Error).message})`, {}, error);
  }
  throw environmentError("fis.experiment: no AWS region: set params.region, the plan's region, or AWS_REGION");
}
