// Headless Chromium (Debian's, installed by scripts/test.sh) for the tests that
// open reports as a reviewer would: one browser per test file, closed after it.
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Launches Chromium before the file's tests (creating `resultsDir` for screenshots) and closes it after; call the returned function inside a test. */
export function useChromium(resultsDir: string): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: scripts/test.sh installs it (apt-get install -y chromium)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(resultsDir, { recursive: true });
  });
  afterAll(async () => browser?.close());
  return () => browser!;
}
