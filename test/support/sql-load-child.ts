// The user's own write traffic, as a process of its own (as pgbench would be):
// the SQL write load, started with the spec in argv[2] (JSON), stopped on the
// parent's "stop" message, answering with its exact tally of acknowledged seqs.
// A separate process because postgres.js 3.4.9 can throw from a setImmediate
// when a connection dies with a small write buffered (nextWrite on a null
// socket: porsager/postgres#1154, #1208): uncatchable where it is thrown. That
// one error is counted and reported, never hidden; any other uncaught error
// ends the process.
import { monotonicClock } from "../../core/clock.ts";
import { SqlWriteLoad } from "../../runners/load/sql-write-load.ts";
import { parseSqlWriteSpec } from "../../runners/load/sql-write-spec.ts";

export interface SqlLoadReport {
  acknowledged: number[];
  history: string;
  runId: string;
  detail: string;
  /** Times postgres.js's nextWrite hit a null socket (the known library defect above). */
  nullSocketWrites: number;
}

let nullSocketWrites = 0;
process.on("uncaughtException", (error) => {
  if (error instanceof TypeError && /reading 'write'/.test(error.message) && /postgres\/src\/connection\.js/.test(error.stack ?? "")) {
    nullSocketWrites++;
    return;
  }
  process.stderr.write(`sql-load-child: ${error.stack ?? String(error)}\n`);
  process.exit(1);
});

const load = new SqlWriteLoad(parseSqlWriteSpec(JSON.parse(process.argv[2]!)));
load.start(monotonicClock(), () => {});
process.send!({ started: true });
process.on("message", (m) => {
  if (m !== "stop") return;
  void load.stop().then((r) => {
    const { history, runId } = load.tables();
    const report: SqlLoadReport = { acknowledged: [...load.tally.acknowledgedSeqs()], history, runId, detail: r.detail ?? "", nullSocketWrites };
    process.send!(report, () => process.exit(0));
  });
});
