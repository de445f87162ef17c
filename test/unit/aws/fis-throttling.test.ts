// Throttling is retried by the AWS SDK's own retry strategy (the client built
// by fis-client.ts), bounded, with the same idempotency token; what is not
// throttling is not retried. The transport is a fake HTTP handler answering as
// FIS does (rest-json, x-amzn-errortype), so the SDK's middleware — retry
// included — runs for real and no request leaves this process.
import { FisClient } from "@aws-sdk/client-fis";
import { afterEach, describe, expect, it } from "vitest";
import { fisClientConfig, setFisClientFactory, type fisRetryStrategy } from "../../../runners/faults/fis-client.ts";
import { fisExperiment } from "../../../runners/faults/fis-experiment.ts";
import { FisParams } from "../../../runners/faults/fis-params.ts";
import { recorder } from "./fis-support.ts";

interface Seen { method: string; path: string; body: Record<string, unknown> }
type Answer = { status: number; error?: string; body?: unknown };

/** A FIS endpoint that answers each request by `answer`, recording what it was asked. */
function fakeFis(answer: (req: Seen, n: number) => Answer) {
  const seen: Seen[] = [];
  const handler = {
    handle: async (req: { method: string; path: string; body?: string }) => {
      const r: Seen = { method: req.method, path: req.path, body: req.body ? JSON.parse(req.body) : {} };
      seen.push(r);
      const a = answer(r, seen.filter((s) => s.path === r.path).length);
      const body = a.error ? { message: a.error === "ThrottlingException" || a.error === "TooManyRequestsException" ? "Rate exceeded" : `denied: ${a.error}` } : a.body;
      return { response: { statusCode: a.status, headers: { "content-type": "application/json", ...(a.error ? { "x-amzn-errortype": a.error } : {}) }, body: Buffer.from(JSON.stringify(body ?? {})) } };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
  return { seen, handler };
}

const running = { experiment: { id: "EXP1", state: { status: "running" }, actions: { failover: { actionId: "aws:rds:failover-db-cluster", state: { status: "running" }, startTime: 1735732800.5 } } } };
const params = FisParams.parse({ region: "eu-west-1", pollInterval: "1ms", startTimeout: "5s", maxDuration: "5s" });
const target = { kind: "endpoint" as const, service: "orders-db", endpoint: "fis:node-loss", address: "EXTabc123" };

let restore: () => void = () => undefined;
afterEach(() => restore());

/** Our client configuration (the SDK's retry strategy, 4 attempts, ~1 ms backoff) over the fake transport. */
function use(fake: ReturnType<typeof fakeFis>) {
  restore = setFisClientFactory((region, endpoint) => new FisClient({
    ...fisClientConfig(region, endpoint, { maxAttempts: 4, baseMs: 1, maxMs: 2 }),
    requestHandler: fake.handler as never,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
  }));
}

describe("fis.experiment retries throttling through the SDK's retry strategy", () => {
  it("retries ThrottlingException and TooManyRequestsException with the same idempotency token", async () => {
    const fake = fakeFis((r, n) => {
      if (r.path.startsWith("/experiments/EXP1")) return n === 1 ? { status: 400, error: "ThrottlingException" } : { status: 200, body: running };
      if (n === 1) return { status: 400, error: "ThrottlingException" };
      if (n === 2) return { status: 429, error: "TooManyRequestsException" };
      return { status: 200, body: { experiment: { id: "EXP1", state: { status: "initiating" } } } };
    });
    use(fake);
    const r = recorder();
    const state = await fisExperiment.prepare(params, target, r.ctx);
    await fisExperiment.inject(state, r.ctx);
    const starts = fake.seen.filter((s) => s.method === "POST" && s.path === "/experiments");
    expect(starts).toHaveLength(3);
    expect(new Set(starts.map((s) => s.body.clientToken)).size).toBe(1);
    expect(starts[0]!.body).toMatchObject({ experimentTemplateId: "EXTabc123", tags: { "continuity-drill:fault": "drill-1-f0" } });
    expect(fake.seen.filter((s) => s.method === "GET")).toHaveLength(2);
    expect(state.experimentId).toBe("EXP1");
  });

  it("gives up after the bound and says so, as a fault error", async () => {
    const fake = fakeFis(() => ({ status: 400, error: "ThrottlingException" }));
    use(fake);
    const r = recorder();
    const state = await fisExperiment.prepare(params, target, r.ctx);
    await expect(fisExperiment.inject(state, r.ctx)).rejects.toMatchObject({
      kind: "fault",
      where: { fault: "drill-1-f0" },
      message: expect.stringMatching(/^FIS StartExperiment from template EXTabc123 in eu-west-1: still throttled or failing after 4 attempts: Rate exceeded$/),
    });
    expect(fake.seen).toHaveLength(4);
  });

  it("does not retry what throttling is not", async () => {
    const fake = fakeFis(() => ({ status: 403, error: "AccessDeniedException" }));
    use(fake);
    const r = recorder();
    const state = await fisExperiment.prepare(params, target, r.ctx);
    await expect(fisExperiment.inject(state, r.ctx)).rejects.toMatchObject({ kind: "fault", message: expect.stringMatching(/denied: AccessDeniedException/) });
    expect(fake.seen).toHaveLength(1);
  });

  it("production clients carry the SDK's retry strategy: 5 attempts in all, backoff within 4 s", async () => {
    const strategy = fisClientConfig("eu-west-1").retryStrategy as ReturnType<typeof fisRetryStrategy>;
    let token = await strategy.acquireInitialRetryToken("fis");
    const delays: number[] = [];
    for (let retry = 1; retry < 5; retry++) {
      token = await strategy.refreshRetryTokenForRetry(token, { errorType: "THROTTLING" });
      delays.push(token.getRetryDelay());
    }
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: "THROTTLING" })).rejects.toThrow();
    expect(delays.every((d) => d >= 0 && d <= 4_000)).toBe(true);
  });
});
