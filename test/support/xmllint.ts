// xmllint (Debian libxml2-utils) validates JUnit reports against the XSD the way
// a strict CI parser would. CI runs on a clean machine, so when the tool is
// missing and we are root it is installed here; otherwise the error says how.
import { execFileSync, spawnSync } from "node:child_process";

/** Debian packages the report tests need beyond what scripts/test.sh installs. */
export const PACKAGES = ["libxml2-utils"];

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

export function ensureXmllint(): void {
  if (has("xmllint")) return;
  if (process.getuid?.() !== 0) throw new Error(`xmllint is missing: run 'sudo apt-get install -y ${PACKAGES.join(" ")}'`);
  try {
    execFileSync("apt-get", ["install", "-y", "-q", ...PACKAGES], { stdio: "pipe", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, timeout: 300_000 });
  } catch {
    // A fresh machine may have no package lists yet.
    execFileSync("apt-get", ["update", "-q"], { stdio: "pipe", timeout: 300_000 });
    execFileSync("apt-get", ["install", "-y", "-q", ...PACKAGES], { stdio: "pipe", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, timeout: 300_000 });
  }
  if (!has("xmllint")) throw new Error(`installed ${PACKAGES.join(" ")} but xmllint is still not on PATH`);
}

/** Validate an XML file against an XSD; `output` carries xmllint's messages. */
export function validateXml(file: string, xsd: string): { ok: boolean; output: string } {
  ensureXmllint();
  const r = spawnSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}
