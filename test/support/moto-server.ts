// moto's server (a local stand-in for AWS APIs; for FIS it tracks templates and
// experiments and injects nothing) from the project's own virtualenv, built by
// scripts/moto-venv.sh, started on 127.0.0.1 on a free port and stopped after.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { freePort, waitForPort } from "./free-port.ts";

const ROOT = join(import.meta.dirname, "..", "..");

export interface MotoServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** moto's state manager: how many GetExperiment calls each FIS experiment state lasts. */
  setFisTransitions(times: number): Promise<void>;
  stop(): Promise<void>;
}

/** The venv's moto_server path; installs moto on first use (about 1.5 min cold). */
export function motoServerBinary(): string {
  return execFileSync("bash", [join(ROOT, "scripts", "moto-venv.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 600_000 }).trim();
}

export async function startMoto(): Promise<MotoServer> {
  const binary = motoServerBinary();
  const port = await freePort();
  const child: ChildProcess = spawn(binary, ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForPort(port, 30_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`moto_server did not listen on 127.0.0.1:${port}: ${stderr}`, { cause: error });
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async setFisTransitions(times) {
      const res = await fetch(`${url}/moto-api/state-manager/set-transition`, {
        method: "POST",
        body: JSON.stringify({ model_name: "fis::experiment", transition: { progression: "manual", times } }),
      });
      if (!res.ok) throw new Error(`moto set-transition: HTTP ${res.status} ${await res.text()}`);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
