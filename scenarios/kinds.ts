// The kinds of client a scenario may declare, listed once: the scenario schema
// validates against these lists and the runners build their probes and ledger
// writers from them, so a kind added in one place cannot be missing in another.

/** Probes: clients that sample one path of a service at a fixed rate (open loop). */
export const probeKinds = ["http", "tcp", "postgres", "redis"] as const;
export type ProbeKind = (typeof probeKinds)[number];

/** Ledger writers: sequenced writes read back after recovery to find lost ones. */
export const ledgerKinds = ["postgres", "redis", "http"] as const;
export type LedgerKind = (typeof ledgerKinds)[number];
