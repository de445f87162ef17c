// Injecting and healing a drill's faults. The order is the safety argument:
// resolve the target, plan the concrete fault, write it to the on-disk fault
// journal, and only then inject. Heal is idempotent and runs for every fault
// that was recorded — also one whose inject threw halfway.
import { kindOf } from "../../core/errors.ts";
import { clearFault, recordFault, thisRunner } from "../faults/fault-journal.ts";
import type { FaultContext } from "../faults/fault.ts";
import { resolveTarget } from "../faults/targets.ts";
import type { EventBus } from "./bus.ts";
import type { PreparedDrill, PreparedFault } from "./prepare.ts";
import type { StackAdapter } from "./stack-adapter.ts";

export interface ActiveInjection {
  fault: PreparedFault;
  id: string;
  state: Record<string, unknown>;
  /** When inject was called: the start of the window the fault's onset lies in. */
  startedAt?: number;
  /** When inject returned (for FIS: when its first action started): the window's end. */
  injectedAt?: number;
  healed: boolean;
  confirmed?: boolean;
  /** Why the last heal failed; cleared by a heal that succeeds. */
  healError?: string;
  /** The fault itself failed (a FIS experiment failed or was stopped by a stop condition): ends the drill. */
  failure?: string;
}

type Base = Omit<FaultContext, "faultId">;

export class FaultRunner {
  readonly active: ActiveInjection[] = [];

  constructor(
    private readonly drill: PreparedDrill,
    private readonly drillId: string,
    private readonly stack: StackAdapter,
    private readonly bus: EventBus,
    private readonly base: Base,
    private readonly journal?: string,
  ) {}

  private ctx(id: string, index = -1, kind = ""): FaultContext {
    return {
      ...this.base, faultId: id, nodes: this.stack.nodes, proxies: this.stack.proxies,
      ...(this.drill.plan.region ? { region: this.drill.plan.region } : {}),
      action: (e) => this.bus.emit({ type: "fault", t: e.t, fault: index, kind, event: "action", detail: e.detail, ...(e.target ? { target: e.target } : {}) }),
    };
  }

  /** Inject one fault; resolves when it took effect (its t0). */
  async inject(fault: PreparedFault): Promise<ActiveInjection> {
    const id = `${this.drillId}-f${fault.index}`;
    const ctx = this.ctx(id, fault.index, fault.kind.kind);
    const target = await resolveTarget(this.drill.plan, this.drill.service.name, fault.spec.target, this.stack.roles);
    const state = await fault.kind.prepare(fault.params, target, ctx);
    const description = fault.kind.describe(state);
    recordFault(this.base.stateDir, { id, drillId: this.drillId, kind: fault.kind.kind, state, description, recordedAt: new Date().toISOString(), runner: thisRunner(), ...(this.journal ? { journal: this.journal } : {}) });
    const active: ActiveInjection = { fault, id, state, healed: false };
    this.active.push(active);
    const targetInfo = { ...target, ...pick(state, ["pid", "pgid", "port", "proxy", "node"]) };
    active.startedAt = this.base.clock.now();
    this.bus.emit({ type: "fault", t: active.startedAt, fault: fault.index, kind: fault.kind.kind, event: "injecting", target: targetInfo, detail: description });
    await fault.kind.inject(state, ctx);
    // A remote fault (FIS) knows when its first action really started: its onset window is that instant.
    if (typeof state.effectiveAt === "number") active.startedAt = active.injectedAt = state.effectiveAt;
    else active.injectedAt = this.base.clock.now();
    this.bus.emit({ type: "fault", t: active.injectedAt, fault: fault.index, kind: fault.kind.kind, event: "injected", target: targetInfo, detail: description });
    return active;
  }

  /** The fault's own check, recorded; runs beside observation. */
  async check(active: ActiveInjection): Promise<void> {
    const { kind } = active.fault;
    try {
      const r = await kind.check(active.state, this.ctx(active.id, active.fault.index, kind.kind));
      active.confirmed = r.confirmed;
      this.bus.emit({ type: "fault", t: this.base.clock.now(), fault: active.fault.index, kind: kind.kind, event: r.confirmed ? "confirmed" : "unconfirmed", detail: r.detail });
    } catch (error) {
      active.confirmed = false;
      // Our errors other than bad input mean the fault itself failed (e.g. the experiment failed): the drill ends.
      if (!["input", "internal"].includes(kindOf(error))) active.failure = (error as Error).message;
      this.bus.emit({ type: "fault", t: this.base.clock.now(), fault: active.fault.index, kind: kind.kind, event: "unconfirmed", detail: `check failed: ${(error as Error).message}` });
    }
  }

  async heal(active: ActiveInjection): Promise<void> {
    if (active.healed) return;
    const { kind } = active.fault;
    this.bus.emit({ type: "fault", t: this.base.clock.now(), fault: active.fault.index, kind: kind.kind, event: "healing" });
    try {
      await kind.heal(active.state, this.ctx(active.id, active.fault.index, kind.kind));
      active.healed = true;
      delete active.healError;
      clearFault(this.base.stateDir, active.id);
      this.bus.emit({ type: "fault", t: this.base.clock.now(), fault: active.fault.index, kind: kind.kind, event: "healed" });
    } catch (error) {
      // Left in the fault journal: `drill recover` will try again.
      active.healError = (error as Error).message;
      this.bus.emit({ type: "fault", t: this.base.clock.now(), fault: active.fault.index, kind: kind.kind, event: "heal-failed", detail: (error as Error).message });
    }
  }

  /** Heal everything still active, last injected first; says what could not be healed. */
  async healAll(): Promise<{ healed: boolean; detail?: string }> {
    for (const a of [...this.active].reverse()) await this.heal(a);
    const failed = this.active.filter((a) => !a.healed);
    if (failed.length === 0) return { healed: true };
    return { healed: false, detail: failed.map((a) => `${a.fault.kind.kind} (${a.id}): ${a.healError ?? "not healed"}`).join("; ") };
  }
}

function pick(state: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => state[k] !== undefined).map((k) => [k, state[k]]));
}
