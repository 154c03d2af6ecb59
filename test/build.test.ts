import { builtinModules } from "node:module";
import esbuild from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM build script without type declarations
import { pluginOptions } from "../esbuild.config.mjs";

// Builds the production plugin with the same options as `npm run build` (in memory, so that
// other tests writing main.js cannot race with it) and inspects the bundle.
let bundle = "";
let unminified = "";
beforeAll(async () => {
	const options = pluginOptions as esbuild.BuildOptions;
	const build = async (minify: boolean): Promise<string> => {
		const result = await esbuild.build({
			...options,
			plugins: (options.plugins ?? []).filter((p) => p.name !== "install-into-vault"),
			minify,
			sourcemap: false,
			write: false,
			logLevel: "silent",
		});
		return result.outputFiles[0]?.text ?? "";
	};
	bundle = await build(true);
	unminified = await build(false);
}, 60_000);

describe("production main.js", () => {
	it("is a minified CommonJS bundle without a source map", () => {
		expect(bundle).toContain("module.exports");
		expect(bundle).not.toContain("sourceMappingURL");
		expect(bundle.length).toBeLessThan(unminified.length * 0.7);
		const options = pluginOptions as esbuild.BuildOptions;
		expect(options.format).toBe("cjs");
		for (const name of ["obsidian", "electron", "@codemirror/*", "@lezer/*", "fs", "node:fs"]) expect(options.external).toContain(name);
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
