/**
 * The browser suite's runner (scripts/browser-tests.mjs) when Chromium is missing: one line and
 * success locally, so the rest of `npm test` goes on; failure under CI.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
const MISSING = "/nonexistent/chromium-for-this-test";

function run(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
	const base = { ...process.env };
	delete base.CI;
	const result = spawnSync(process.execPath, [join(ROOT, "scripts", "browser-tests.mjs")], {
		cwd: ROOT,
		env: { ...base, CHROMIUM_PATH: MISSING, ...env },
		encoding: "utf8",
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/browser-tests.mjs without Chromium", () => {
	it("prints one line and succeeds outside CI", () => {
		const { status, stdout, stderr } = run({});
		expect(status).toBe(0);
		expect(stdout.trim().split("\n")).toEqual([`Chromium not found at ${MISSING}: browser tests skipped`]);
		expect(stderr).toBe("");
	});

	it("fails under CI=true", () => {
		const { status, stdout, stderr } = run({ CI: "true" });
		expect(status).toBe(1);
		expect(stdout).toBe("");
		expect(stderr).toContain(`Chromium not found at ${MISSING}`);
	});
});
