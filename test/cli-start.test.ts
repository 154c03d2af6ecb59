/**
 * `npm start` (scripts/start.mjs) on a copy of examples/vault: install, refresh, save the
 * comparison note, print the table; a second run changes nothing. The plugin build is left out
 * (`--no-build`, placeholder main.js); the CLI is bundled into a temporary folder, as users get it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, mtimes, readVaultFile, buildCliBundle } from "./cli-helpers";
import { exampleVaultCopy } from "./kit/fixtures";

let buildDir = "";
let cli = "";
let pluginFrom = "";
const dirs: string[] = [];

beforeAll(() => {
	({ dir: buildDir, cli } = buildCliBundle("fn-start-build-"));
	pluginFrom = path.join(buildDir, "plugin");
	fs.mkdirSync(pluginFrom);
	fs.writeFileSync(path.join(pluginFrom, "main.js"), "// placeholder build\n");
	for (const file of ["manifest.json", "styles.css"]) fs.copyFileSync(path.resolve(file), path.join(pluginFrom, file));
}, 60_000);

afterAll(() => cleanup(buildDir, ...dirs));

/** A copy of examples/vault as a fresh clone has it (no installed plugin). */
function exampleVault(): string {
	const root = exampleVaultCopy("fn-start-vault-");
	dirs.push(root);
	return root;
}

function start(vault: string): { code: number | null; output: string } {
	const result = spawnSync(
		process.execPath,
		["scripts/start.mjs", "--no-build", "--vault", vault, "--cli", cli, "--plugin-from", pluginFrom],
		{ encoding: "utf8" },
	);
	return { code: result.status, output: result.stdout + result.stderr };
}

function contents(root: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const p of mtimes(root).keys()) out.set(p, fs.readFileSync(path.join(root, p), "utf8"));
	return out;
}

describe("npm start", () => {
	it("installs, refreshes and keeps the comparison note current; a second run changes nothing", () => {
		const vault = exampleVault();
		const comparison = readVaultFile(vault, "WEBFramework/NOtes/comparison.md");
		const seed = readVaultFile(vault, "WEBFramework/NOtes/NOtes.md");

		const first = start(vault);
		expect(first.code, first.output).toBe(0);
		expect(first.output).toContain("installed  main.js");
		expect(first.output).toContain("updated  WEBFramework/NOtes/NOtes.md");
		// The committed comparison note is a living one, current for the committed notes.
		expect(first.output).toContain("2 notes with living blocks found, 0 updated.");
		expect(readVaultFile(vault, "WEBFramework/NOtes/comparison.md")).toBe(comparison);
		expect(comparison.startsWith("---\nframework-notes: comparison\ncompare-scope: ")).toBe(true);
		expect(comparison).toContain("%% Begin Comparison %%");
		// The seed's broken block is repaired by refresh; the rest of the seed note is kept.
		const refreshed = readVaultFile(vault, "WEBFramework/NOtes/NOtes.md");
		expect(seed).toContain("- [[WEBFramework/NOtes/comparison]]]]");
		expect(refreshed).toContain("- [[comparison]]\n- [[Django]]");
		expect(refreshed.slice(refreshed.indexOf("%% End Waypoint %%"))).toBe(seed.slice(seed.indexOf("%% End Waypoint %%")));
		expect(first.output).toMatch(/Django/);
		expect(first.output).toContain("FastAPI would overtake Django if orm weighed 0.81 instead of 2.");

		const after = mtimes(vault);
		const text = contents(vault);
		const second = start(vault);
		expect(second.code, second.output).toBe(0);
		expect(second.output).toContain("unchanged  main.js");
		expect(second.output).toContain("1 index note found, 0 updated.");
		expect(second.output).toContain("2 notes with living blocks found, 0 updated.");
		expect(mtimes(vault)).toEqual(after);
		expect(contents(vault)).toEqual(text);
	});

	it("refresh updates the living comparison note when a framework note changed", () => {
		const vault = exampleVault();
		const flask = path.join(vault, "WEBFramework", "NOtes", "Flask.md");
		fs.writeFileSync(flask, fs.readFileSync(flask, "utf8").replace(/first_release: 2010/, "first_release: 2011"));
		const run = start(vault);
		expect(run.code, run.output).toBe(0);
		expect(run.output).toContain("updated  WEBFramework/NOtes/comparison.md");
		expect(readVaultFile(vault, "WEBFramework/NOtes/comparison.md")).toMatch(/\| \[\[Flask\]\] \|.*\| 2011 \|/);
	});
});
