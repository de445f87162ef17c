// A program's config as the Pulumi engine hands it over: the project's `config:`
// block in Pulumi.yaml (values and declared defaults), then the stack file
// (Pulumi.<stack>.yaml, in `stackConfigDir` when the project sets one), then
// `--config key=value`. Keys without a namespace are the project's.
// `secure:` values are decrypted for passphrase stacks (PULUMI_CONFIG_PASSPHRASE);
// for any other secrets provider, or without a passphrase, they become a marked
// placeholder and a notice: the value is never printed and never refused.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { inputError } from "../../core/errors.ts";
import { configPassphrase, passphraseDecrypter, type Decrypt } from "./pulumi-secrets.ts";

export interface ProgramConfig {
  /** "ns:key" → string (objects as JSON), as `pulumi.runtime.setAllConfig` takes it. */
  config: Record<string, string>;
  /** Keys holding secrets: `new pulumi.Config().get*` returns them as secret outputs. */
  secretKeys: string[];
  /** What the user should know (placeholders in place of secrets). */
  notes: string[];
}

/** The placeholder of a secret the mocks cannot decrypt: recognisable, never the value. */
export const secretPlaceholder = (key: string) => `[secret ${key}: not decrypted under mocks]`;

type ReadYaml = (file: string) => Record<string, unknown>;

export function programConfig(projectDir: string, meta: Record<string, unknown>, stack: string, overrides: Record<string, string>, readYaml: ReadYaml): ProgramConfig {
  const project = String(meta.name);
  const out: ProgramConfig = { config: {}, secretKeys: [], notes: [] };
  const full = (key: string) => (key.includes(":") ? key : `${project}:${key}`);
  const block = (value: unknown, file: string): Record<string, unknown> => {
    if (value === undefined || value === null) return {};
    if (typeof value !== "object" || Array.isArray(value)) throw inputError(`${file}: config must be a mapping`, { file });
    return value as Record<string, unknown>;
  };

  const projectFile = join(projectDir, "Pulumi.yaml");
  for (const [key, value] of Object.entries(block(meta.config, projectFile))) {
    // Project config: a plain value, { value }, or a declaration { type, default, secret, description }.
    const v = value && typeof value === "object" && !Array.isArray(value) ? ((value as Record<string, unknown>).value ?? (value as Record<string, unknown>).default) : value;
    if (v !== undefined) out.config[full(key)] = asString(v);
    if (value && typeof value === "object" && (value as Record<string, unknown>).secret === true) out.secretKeys.push(full(key));
  }

  const dir = typeof meta.stackConfigDir === "string" ? resolve(projectDir, meta.stackConfigDir) : projectDir;
  const stackFile = join(dir, `Pulumi.${stack}.yaml`);
  if (existsSync(stackFile)) {
    const doc = readYaml(stackFile);
    let decrypt: Decrypt | undefined | null;
    const decrypter = () => {
      if (decrypt !== undefined) return decrypt;
      const passphrase = configPassphrase();
      decrypt = typeof doc.encryptionsalt === "string" && passphrase !== undefined ? passphraseDecrypter(stackFile, doc.encryptionsalt, passphrase) : null;
      return decrypt;
    };
    for (const [key, value] of Object.entries(block(doc.config, stackFile))) {
      if (value && typeof value === "object" && "secure" in value) {
        out.secretKeys.push(full(key));
        const d = decrypter();
        out.config[full(key)] = d ? d(String((value as { secure: unknown }).secure), key) : secretPlaceholder(full(key));
        if (!d) out.notes.push(`${stackFile}: config ${key} is a secret ${doc.encryptionsalt ? "(set PULUMI_CONFIG_PASSPHRASE to decrypt it)" : "of a secrets provider the mocks cannot reach"}; the program sees a placeholder`);
      } else out.config[full(key)] = asString(value);
    }
  }
  for (const [key, value] of Object.entries(overrides)) out.config[full(key)] = value;
  return out;
}

const asString = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
