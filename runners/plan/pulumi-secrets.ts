// `secure:` config values of a passphrase stack, decrypted as Pulumi's
// passphrase secrets manager does (pulumi/pulumi sdk/go/common/resource/config/crypt.go):
// key = PBKDF2-SHA256(passphrase, salt, 1,000,000 iterations, 32 bytes);
// a value is "v1:<nonce b64>:<AES-256-GCM ciphertext‖tag b64>"; the stack's
// `encryptionsalt` is "v1:<salt b64>:" followed by "pulumi" encrypted the same
// way, which tells a wrong passphrase from a right one.
import { createDecipheriv, pbkdf2Sync } from "node:crypto";
import { readFileSync } from "node:fs";
import { inputError } from "../../core/errors.ts";

const ITERATIONS = 1_000_000;
const VERIFIER = "pulumi";

export type Decrypt = (ciphertext: string, key: string) => string;

/** The passphrase from PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE, if given. */
export function configPassphrase(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PULUMI_CONFIG_PASSPHRASE !== undefined) return env.PULUMI_CONFIG_PASSPHRASE;
  if (env.PULUMI_CONFIG_PASSPHRASE_FILE) return readFileSync(env.PULUMI_CONFIG_PASSPHRASE_FILE, "utf8").replace(/\r?\n$/, "");
  return undefined;
}

function decryptWith(key: Buffer, value: string): string | undefined {
  const [version, nonce, sealed] = value.split(":");
  if (version !== "v1" || !nonce || !sealed) return undefined;
  const bytes = Buffer.from(sealed, "base64");
  if (bytes.length < 16) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64"));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/**
 * A decrypter for one stack file. Throws an input DrillError naming the file
 * when the salt is malformed or the passphrase is wrong (the verifier does not
 * decrypt to "pulumi") — as `pulumi preview` would.
 */
export function passphraseDecrypter(file: string, encryptionSalt: string, passphrase: string): Decrypt {
  const match = /^v1:([^:]+):(v1:.+)$/.exec(encryptionSalt);
  if (!match) throw inputError(`${file}: encryptionsalt is not in Pulumi's "v1:<salt>:v1:<nonce>:<ciphertext>" form`, { file });
  const key = pbkdf2Sync(passphrase, Buffer.from(match[1]!, "base64"), ITERATIONS, 32, "sha256");
  if (decryptWith(key, match[2]!) !== VERIFIER) {
    throw inputError(`${file}: PULUMI_CONFIG_PASSPHRASE does not unlock this stack (its encryptionsalt does not verify)`, { file });
  }
  return (ciphertext, configKey) => {
    const plain = decryptWith(key, ciphertext);
    if (plain === undefined) throw inputError(`${file}: config ${configKey}: the secure value does not decrypt with this stack's passphrase`, { file });
    return plain;
  };
}
