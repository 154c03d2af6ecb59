import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

let dir = "";
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = "";
});

describe("npm version", () => {
	it("copies the new version into manifest.json and records it in versions.json", () => {
		dir = mkdtempSync(path.join(tmpdir(), "fn-version-"));
		for (const file of ["manifest.json", "versions.json"]) copyFileSync(file, path.join(dir, file));
		const before = JSON.parse(readFileSync("versions.json", "utf8")) as Record<string, string>;
		execFileSync(process.execPath, [path.resolve("version-bump.mjs")], {
			cwd: dir,
			env: { ...process.env, npm_package_version: "9.8.7" },
		});
		const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as { version: string; minAppVersion: string };
		const versions = JSON.parse(readFileSync(path.join(dir, "versions.json"), "utf8")) as Record<string, string>;
		expect(manifest.version).toBe("9.8.7");
		expect(versions).toEqual({ ...before, "9.8.7": manifest.minAppVersion });
	});

	it("refuses to run outside npm version", () => {
		expect(() =>
			execFileSync(process.execPath, [path.resolve("version-bump.mjs")], {
				env: { ...process.env, npm_package_version: "" },
				stdio: "pipe",
			}),
		).toThrow();
	});
});
