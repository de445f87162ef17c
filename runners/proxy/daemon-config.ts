// The proxy daemon's config file: where its control API listens and which named
// proxies it runs. Validated strictly so a typo names its field instead of
// silently starting a proxy with a default.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { inputError } from "../../core/errors.ts";
import { formatIssues } from "./mode.ts";

const port = z.number().int().min(0).max(65_535);
const loopback = z
  .string()
  .regex(/^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1)$/, "must be a loopback address");

export const daemonConfigSchema = z.strictObject({
  control: z.strictObject({ host: loopback.default("127.0.0.1"), port }),
  proxies: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, "letters, digits, '.', '_' or '-'"),
        listenHost: loopback.default("127.0.0.1"),
        listenPort: port,
        upstreamHost: z.string().min(1),
        upstreamPort: port.min(1),
      }),
    )
    .refine((list) => new Set(list.map((p) => p.name)).size === list.length, "proxy names must be unique"),
});

export type DaemonConfig = z.infer<typeof daemonConfigSchema>;

export function parseDaemonConfig(input: unknown, source = "proxy daemon config"): DaemonConfig {
  const parsed = daemonConfigSchema.safeParse(input);
  if (!parsed.success) throw inputError(`${source}: ${formatIssues(parsed.error)}`, { file: source });
  return parsed.data;
}

export async function readDaemonConfig(file: string): Promise<DaemonConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw inputError(`cannot read proxy daemon config ${file}: ${(error as Error).message}`, {}, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw inputError(`${file}: not valid JSON: ${(error as Error).message}`, { file }, error);
  }
  return parseDaemonConfig(json, file);
}
