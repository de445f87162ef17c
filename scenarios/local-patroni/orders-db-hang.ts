// The orders-db leader hangs: SIGSTOP of its Patroni and its postmaster tree.
// Its sockets stay open and it answers nothing; the leader key expires and the
// standby is promoted. Heal resumes the old leader, which must find it lost the
// key and rejoin as a replica — Debian's Patroni 3.0.2 was seen once taking the
// key back in synchronous mode (docs/patroni.md): the ledger counts what that costs.
import { defineScenario } from "../api.ts";

export default defineScenario({
  description: "Pause (SIGSTOP) the orders-db leader's Patroni and postmaster; Patroni promotes the standby",
  service: "orders-db",
  hazard: "process-hang",
  faults: [{ kind: "process.pause", target: { role: "primary" } }],
  workload: {
    probes: [{ kind: "postgres", name: "orders-db-sql", endpoint: "primary", rateHz: 50, timeout: "1s" }],
    ledgers: [{ kind: "postgres", name: "orders-ledger", endpoint: "primary", rateHz: 20, timeout: "2s" }],
  },
  windows: { steady: "3s", baseline: "5s", stableFor: "3s", after: "2s" },
});
