// `drill run --stack-name`: a whole drill whose plan comes from a stack
// deployed with the real Pulumi CLI (file backend), whose fault is a FIS
// experiment started over HTTP against moto's server (its template id read from
// the stack's outputs, as the aws stack exports it), and whose probe samples a
// real HTTP server on 127.0.0.1. moto injects nothing, so the probe sees no
// disruption; what is proven is the path from deployed outputs to a judged
// journal, with the experiment's start, first action and end recorded.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { CreateExperimentTemplateCommand, FisClient, ListExperimentsCommand } from "@aws-sdk/client-fis";
import * as pulumi from "@pulumi/pulumi";
import { LocalWorkspace } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../runners/plan/load.ts";
import { CriticalService, declarePlan } from "../../../stacks/lib/index.ts";
import { startDrill } from "../../support/drill-process.ts";
import { startMoto, type MotoServer } from "../../support/moto-server.ts";
import { pulumiSandbox, type PulumiSandbox } from "../../support/pulumi-cli.ts";

const STACK = "organization/drill-run/game";
const AWS = { AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_REGION: "eu-west-1" };

let box: PulumiSandbox;
let moto: MotoServer;
let web: http.Server;
let webUrl: string;
let templateId: string;
const saved = { ...process.env };

beforeAll(async () => {
  box = pulumiSandbox();
  moto = await startMoto();
  web = http.createServer((_req, res) => res.end("ok"));
  await new Promise<void>((ok) => web.listen(0, "127.0.0.1", ok));
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  const fis = new FisClient({ region: AWS.AWS_REGION, endpoint: moto.url, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  const template = await fis.send(new CreateExperimentTemplateCommand({
    clientToken: "run-deployed", description: "web: one instance terminated", roleArn: "arn:aws:iam::123456789012:role/fis",
    actions: { terminate: { actionId: "aws:ec2:terminate-instances", targets: { Instances: "web" } } },
    targets: { web: { resourceType: "aws:ec2:instance", selectionMode: "COUNT(1)", resourceTags: { service: "web" } } },
    stopConditions: [{ source: "none" }],
  }));
  templateId = template.experimentTemplate!.id!;

  mkdirSync(new URL(box.env.PULUMI_BACKEND_URL!).pathname, { recursive: true });
  Object.assign(process.env, box.env);
  const program = async () => {
    const svc = new CriticalService("web", {
      tier: 1,
      owner: "storefront",
      objectives: { rto: "2s" },
      // As the aws stack exports them: the service's URL and, per hazard, its FIS template.
      endpoints: { http: pulumi.secret(webUrl), "fis:node-loss": templateId },
      hazards: [{ id: "node-loss", title: "an instance is terminated", likelihood: "possible", impact: "major" }],
    });
    return { continuityPlan: declarePlan([svc], { target: "aws", region: AWS.AWS_REGION }) };
  };
  const stack = await LocalWorkspace.createOrSelectStack({ stackName: STACK, projectName: "drill-run", program }, { workDir: box.dir });
  expect((await stack.up()).summary.result).toBe("succeeded");
}, 900_000);

afterAll(async () => {
  process.env = { ...saved };
  await moto?.stop();
  await new Promise((ok) => (web ? web.close(ok) : ok(undefined)));
  if (box) rmSync(box.dir, { recursive: true, force: true });
});

describe("drill run --stack-name against a deployed stack and moto's FIS", () => {
  it("runs the scenario with the deployed plan: FIS experiment started, followed to its end, journal judged", async () => {
    const scenario = join(box.dir, "web-node-loss.ts");
    writeFileSync(scenario, `import { defineScenario } from ${JSON.stringify(join(REPO_ROOT, "scenarios", "api.ts"))};
export default defineScenario({
  description: "Terminate one web instance (FIS, here moto)",
  service: "web",
  hazard: "node-loss",
  faults: [{ kind: "fis.experiment", target: { endpoint: "fis:node-loss" }, params: { pollInterval: "200ms", startTimeout: "20s", maxDuration: "20s" } }],
  workload: { probes: [{ kind: "http", name: "web-http", endpoint: "http", rateHz: 20, timeout: "1s" }] },
  windows: { steady: "1s", baseline: "1s", stableFor: "1s", after: "1s" },
});
`);
    const out = join(box.dir, "evidence");
    // Not spawnSync: the web server the probe samples lives in this process's event loop.
    const run = startDrill(["run", scenario, "--stack-name", STACK, "--out", out, "--no-reports", "--json"], {
      ...box.env, ...AWS, AWS_ENDPOINT_URL_FIS: moto.url, DRILL_STATE_DIR: join(box.dir, "drill-state"),
    });
    const timer = setTimeout(() => run.child.kill("SIGINT"), 180_000);
    const r = { code: await run.exited, get stderr() { return run.output(); }, stdout: "" };
    clearTimeout(timer);
    const journals = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith(".jsonl"));
    expect(journals, `drill run wrote no journal; exit ${r.code}\n${r.stderr}\n${r.stdout}`).toHaveLength(1);
    const records = readFileSync(join(out, journals[0]!), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const text = JSON.stringify(records);
    // The plan came from the deployed stack, the template id from its outputs.
    expect(text).toContain(`deployed stack ${STACK}`);
    expect(text).toContain(`started from template ${templateId} in eu-west-1`);
    expect(text).toMatch(/FIS action terminate \(aws:ec2:terminate-instances\) started/);
    expect(text).toMatch(/FIS action terminate \(aws:ec2:terminate-instances\) ended/);
    // moto holds one experiment, tagged with the drill's fault, ended.
    const fis = new FisClient({ region: AWS.AWS_REGION, endpoint: moto.url, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
    const experiments = (await fis.send(new ListExperimentsCommand({}))).experiments ?? [];
    expect(experiments).toHaveLength(1);
    expect(experiments[0]!.state?.status).toBe("completed");
    expect(Object.keys(experiments[0]!.tags ?? {})).toContain("continuity-drill:fault");
    // Nothing was disrupted (moto injects nothing), so the RTO is met: exit 0.
    const verdicts = records.filter((x) => /summary|verdict/i.test(String(x.type ?? x.kind ?? "")));
    expect(r.code, `${r.stderr}\n${JSON.stringify(verdicts)}`).toBe(0);
  });
});
