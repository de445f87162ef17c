import { describe, expect, it } from "vitest";
import { renewablePool, type EndablePool } from "../../../runners/probes/postgres-pool.ts";

/** A pool that records how it was ended and ends when the test says so. */
class FakePool implements EndablePool {
  endedWith: number | null | undefined;
  private finish!: () => void;
  private readonly ended = new Promise<void>((resolve) => (this.finish = resolve));
  constructor(readonly k: number) {}
  end(options?: { timeout?: number | null }): Promise<void> {
    this.endedWith = options?.timeout;
    return this.ended;
  }
  settle(): void {
    this.finish();
  }
}

function setup(minAgeMs = 1_000, graceMs = 2_000) {
  let t = 0;
  const made: FakePool[] = [];
  const pool = renewablePool((k) => made[made.push(new FakePool(k)) - 1]!, { minAgeMs, graceMs, now: () => t });
  return { pool, made, advance: (ms: number) => (t += ms) };
}

describe("renewablePool", () => {
  it("opens pool 0 and sends on it until renewed", () => {
    const { pool, made } = setup();
    expect(made.map((p) => p.k)).toEqual([0]);
    expect(pool.current).toBe(made[0]);
  });

  it("renews at most once per minAgeMs, each fresh pool with the next ordinal", () => {
    const { pool, made, advance } = setup(1_000);
    expect(pool.renew()).toBe(false); // younger than a period: a failure storm opens no pool
    advance(999);
    expect(pool.renew()).toBe(false);
    advance(1);
    expect(pool.renew()).toBe(true);
    expect(pool.renew()).toBe(false);
    advance(1_000);
    expect(pool.renew()).toBe(true);
    expect(made.map((p) => p.k)).toEqual([0, 1, 2]);
    expect(pool.current).toBe(made[2]);
  });

  it("gives a retired pool its grace (in seconds, as postgres.js's end takes it)", () => {
    const { pool, made, advance } = setup(1_000, 2_000);
    advance(1_000);
    pool.renew();
    expect(made[0]!.endedWith).toBe(2);
    expect(made[1]!.endedWith).toBeUndefined();
  });

  it("close ends the current pool with the given grace and waits for the retired ones", async () => {
    const { pool, made, advance } = setup(1_000, 2_000);
    advance(1_000);
    pool.renew();
    let closed = false;
    const closing = pool.close(500).then(() => (closed = true));
    await Promise.resolve();
    expect(made[1]!.endedWith).toBe(0.5);
    made[1]!.settle();
    await new Promise((r) => setTimeout(r, 0));
    expect(closed).toBe(false); // pool 0 is still finishing its queries
    made[0]!.settle();
    await closing;
    expect(closed).toBe(true);
  });

  it("close ends at once by default and never rejects when an end fails", async () => {
    const failing: EndablePool & { timeout?: number | null } = {
      end(options) {
        failing.timeout = options?.timeout;
        return Promise.reject(new Error("socket already gone"));
      },
    };
    const pool = renewablePool(() => failing, { minAgeMs: 1, graceMs: 1 });
    await expect(pool.close()).resolves.toBeUndefined();
    expect(failing.timeout).toBe(0);
  });
});
