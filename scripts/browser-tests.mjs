#!/usr/bin/env node
/**
 * Runs the real-browser suite (test/browser) with Vitest, after checking that Debian's Chromium
 * is installed. Without Chromium: one line and exit 0 locally, so the rest of `npm test` goes on;
 * under CI (CI=true) a missing Chromium fails the run.
 *
 *   node scripts/browser-tests.mjs [--update-screenshots] [extra vitest args]
 *     --update-screenshots  also copy the pane's screenshots into docs/screenshots/ (README)
 *   CHROMIUM_PATH=/path/to/chromium node scripts/browser-tests.mjs
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromium)) {
	if (process.env.CI === "true") {
		console.error(`Chromium not found at ${chromium}: the browser tests cannot run under CI (apt-get install -y chromium)`);
		process.exit(1);
	}
	process.stdout.write(`Chromium not found at ${chromium}: browser tests skipped\n`);
	process.exit(0);
}

const args = process.argv.slice(2);
const update = args.includes("--update-screenshots");
const vitestArgs = args.filter((arg) => arg !== "--update-screenshots");
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
const result = spawnSync(process.execPath, [vitest, "run", "--config", "test/browser/vitest.browser.config.ts", ...vitestArgs], {
	cwd: root,
	stdio: "inherit",
	env: { ...process.env, CHROMIUM_PATH: chromium, ...(update ? { UPDATE_SCREENSHOTS: "1" } : {}) },
});
if (result.error) {
	console.error(result.error.message);
	process.exit(1);
}
process.exit(result.status ?? 1);
