import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";

// Builds the production plugin exactly as `npm run build` does and inspects the bundle.
let bundle = "";
beforeAll(() => {
	execFileSync(process.execPath, ["esbuild.config.mjs", "--production"], { stdio: "pipe" });
	bundle = readFileSync("main.js", "utf8");
}, 60_000);

describe("production main.js", () => {
	it("is a minified CommonJS bundle without a source map", () => {
		expect(bundle).toContain("module.exports");
		expect(bundle).not.toContain("sourceMappingURL");
		expect(bundle.split("\n").length).toBeLessThan(20);
	});

	it("requires only obsidian (no Node-only module)", () => {
		const required = [...bundle.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
		expect(new Set(required)).toEqual(new Set(["obsidian"]));
		for (const name of builtinModules) expect(required).not.toContain(name);
	});

	it("contains no test code and no CLI code", () => {
		for (const marker of ["obsidian-test-mocks", "vitest", "fast-check", "happy-dom", "Framework Notes CLI", "process.argv"]) {
			expect(bundle).not.toContain(marker);
		}
	});
});
