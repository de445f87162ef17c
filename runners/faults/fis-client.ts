// The FIS client behind a tiny factory, so tests inject a mock and the fault
// never builds its own. Credentials come from the SDK's default provider chain
// (environment, profile, SSO, instance or task role); the region from the
// fault's state, else the same chain. The SDK's own retries are off: throttling
// is retried in one visible place (fis-retry.ts), with a bound.
import { FisClient } from "@aws-sdk/client-fis";
import { RunError } from "../errors.ts";

export type FisClientFactory = (region: string | undefined) => FisClient;

const defaultFactory: FisClientFactory = (region) => new FisClient({ ...(region ? { region } : {}), maxAttempts: 1 });
let factory: FisClientFactory = defaultFactory;

export function fisClient(region: string | undefined): FisClient {
  return factory(region);
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
