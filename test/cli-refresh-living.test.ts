import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildLinkNames } from "../src/shared/core/link-names";
import { refreshLivingText } from "../src/shared/core/living-blocks";
import { comparisonKind } from "../src/comparison/core/living-note";
import { DEFAULT_COMPARE_SETTINGS } from "../src/shared/core/settings";
import { snapshotFromFiles } from "../src/shared/core/testing/snapshot";
import { cleanup, makeVault, mtimes, readVaultFile } from "./cli-helpers";
import { runCli } from "./cli-run-helper";

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

function vault(files: Record<string, string>): string {
	const root = makeVault(files);
	dirs.push(root);
	return root;
}

const FILES: Record<string, string> = {
	"Web/Django.md": "---\ntype: framework\nlanguage: Python\nasync: true\n---\n",
	"Web/Express.md": "---\ntype: framework\nlanguage: JavaScript\nasync: true\n---\n",
	"Web/Flask.md": "---\ntype: framework\nlanguage: Python\nasync: false\n---\n",
	"Web/Compare.md": "---\ncompare-columns: [language, async]\n---\n# Compare\n\n%% Comparison %%\n\nMy notes.\n",
	"Other/Elsewhere.md": "---\ntype: framework\n---\n",
	"Pick.md": "---\ntype: decision\nscope: Web\nprefer:\n  - async = true\n---\n%% Decision %%\n",
};

const TABLE = [
	"%% Begin Comparison %%",
	"",
	"| Note | language | async |",
	"| --- | --- | --- |",
	"| [[Django]] | Python | ✓ |",
	"| [[Express]] | JavaScript | ✓ |",
	"| [[Flask]] | Python | ✗ |",
	"",
	"%% End Comparison %%",
].join("\n");

describe("framework-notes refresh / check: living blocks", () => {
	it("refresh expands a comparison flag into the table the plugin's core writes; the text around it is kept", async () => {
		const root = vault(FILES);
		const r = await runCli(["refresh", root]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("updated  Web/Compare.md\n");
		expect(r.stdout).toContain("updated  Pick.md\n");
		expect(r.stderr).toContain("2 notes with living blocks found, 2 updated.");
		const text = readVaultFile(root, "Web/Compare.md");
		expect(text).toBe(`---\ncompare-columns: [language, async]\n---\n# Compare\n\n${TABLE}\n\nMy notes.\n`);
		// The same bytes as the core computes on an in-memory snapshot of the same files.
		const snapshot = snapshotFromFiles(FILES);
		const kind = comparisonKind({ snapshot, settings: DEFAULT_COMPARE_SETTINGS, templatesFolder: null });
		const core = refreshLivingText(FILES["Web/Compare.md"], [kind], () =>
			kind.render("Web/Compare.md", () => buildLinkNames(snapshot.root)),
		);
		expect(core.status === "changed" && core.text).toBe(text);
	});

	it("a second refresh writes nothing", async () => {
		const root = vault(FILES);
		await runCli(["refresh", root]);
		const before = mtimes(root);
		const r = await runCli(["refresh", root]);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe("");
		expect(r.stderr).toContain("2 notes with living blocks found, 0 updated.");
		expect(mtimes(root)).toEqual(before);
	});

	it("check exits 1 and names the stale note, writing nothing; after refresh it exits 0", async () => {
		const root = vault(FILES);
		await runCli(["refresh", root]);
		makeVault({ "Web/Koa.md": "---\ntype: framework\nlanguage: JavaScript\nasync: true\n---\n" }, root);
		const before = mtimes(root);
		const r = await runCli(["check", root]);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe("stale  Pick.md\nstale  Web/Compare.md\n");
		expect(r.stderr).toContain("2 of 2 notes with living blocks are out of date.");
		expect(mtimes(root)).toEqual(before);
		expect((await runCli(["refresh", root])).code).toBe(0);
		const again = await runCli(["check", root]);
		expect(again.code).toBe(0);
		expect(again.stderr).toContain("Every living block is current (2 notes with living blocks checked).");
	});

	it("a note outside every block's scope changes nothing", async () => {
		const root = vault(FILES);
		await runCli(["refresh", root]);
		makeVault({ "Other/Gin.md": "---\ntype: framework\nlanguage: Go\n---\n" }, root);
		expect((await runCli(["check", root])).code).toBe(0);
	});

	it("an unmatched Begin marker: the note is named, nothing is written, exit 1", async () => {
		const root = vault({ ...FILES, "Web/Compare.md": "%% Begin Comparison %%\n| old |\n" });
		const before = mtimes(root);
		const r = await runCli(["refresh", root]);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("Web/Compare.md");
		expect(r.stderr).toContain('"%% Begin Comparison %%" on line 1 has no matching "%% End Comparison %%"');
		expect(readVaultFile(root, "Web/Compare.md")).toBe("%% Begin Comparison %%\n| old |\n");
		expect(mtimes(root).get("Web/Compare.md")).toBe(before.get("Web/Compare.md"));
	});

	it("CRLF notes stay CRLF", async () => {
		const root = vault({ ...FILES, "Web/Compare.md": FILES["Web/Compare.md"].replace(/\n/g, "\r\n") });
		await runCli(["refresh", root]);
		expect(readVaultFile(root, "Web/Compare.md")).toBe(
			`---\r\ncompare-columns: [language, async]\r\n---\r\n# Compare\r\n\r\n${TABLE.replace(/\n/g, "\r\n")}\r\n\r\nMy notes.\r\n`,
		);
	});

	it("a note saved by compare --save is a living note that check finds current, and it follows changes", async () => {
		const root = vault(FILES);
		await runCli(["refresh", root]);
		expect((await runCli(["compare", root, "--folder", "Web", "--save"])).stdout).toBe("created  Web/comparison.md\n");
		expect((await runCli(["check", root])).code).toBe(0);
		makeVault({ "Web/Koa.md": "---\ntype: framework\nlanguage: JavaScript\nasync: true\n---\n" }, root);
		expect((await runCli(["check", root])).stdout).toContain("stale  Web/comparison.md\n");
		await runCli(["refresh", root]);
		expect(readVaultFile(root, "Web/comparison.md")).toContain("| [[Koa]] | framework | JavaScript | ✓ |");
	});

	it("an older static comparison note is upgraded by refresh (check lists it); one edited by hand is kept, with why", async () => {
		const header =
			"---\nframework-notes: comparison\n---\n\n# Comparison: Web\n\nGenerated by Framework Notes from 3 notes; saving again replaces this note.\n\n";
		const old = `${header}| Note | language |\n| --- | --- |\n| [[Django]] | Python |\n`;
		const edited = old.replace("# Comparison: Web\n", "# Comparison: Web\n\nMine.\n");
		const root = vault({ ...FILES, "Web/comparison.md": old, "Other/comparison.md": edited });
		await runCli(["refresh", root]);
		const check = await runCli(["check", root]);
		expect(check.stdout).toBe("");
		const before = mtimes(root);
		makeVault({ "Web/comparison.md": old }, root);
		const stale = await runCli(["check", root]);
		expect(stale.code).toBe(1);
		expect(stale.stdout).toBe("stale  Web/comparison.md\n");
		expect(stale.stderr).toContain(
			"Other/comparison.md: this comparison note, made by an older Save as note, was edited and is kept as it is",
		);
		const r = await runCli(["refresh", root]);
		expect(r.stdout).toBe("updated  Web/comparison.md\n");
		const text = readVaultFile(root, "Web/comparison.md");
		expect(text).toMatch(/^---\nframework-notes: comparison\ncompare-scope: "Web"\ncompare-columns: \[/);
		expect(text).toContain("# Comparison: Web\n");
		expect(text).toContain("%% Begin Comparison %%");
		expect(readVaultFile(root, "Other/comparison.md")).toBe(edited);
		expect(mtimes(root).get("Other/comparison.md")).toBe(before.get("Other/comparison.md"));
	});

	it("a folder note holding an index and a comparison: both kept current, the note named once", async () => {
		const root = vault({ ...FILES, "Web/Web.md": "---\ncompare-columns: [language]\n---\n%% Waypoint %%\n\n%% Comparison %%\n" });
		expect((await runCli(["refresh", root])).code).toBe(0);
		const text = readVaultFile(root, "Web/Web.md");
		expect(text).toContain("- [[Django]]");
		expect(text).toContain("| [[Django]] | Python |");
		makeVault({ "Web/Koa.md": "---\ntype: framework\nlanguage: JavaScript\n---\n" }, root);
		const check = await runCli(["check", root]);
		expect(check.stdout.split("\n").filter((l) => l === "stale  Web/Web.md")).toHaveLength(1);
		await runCli(["refresh", root]);
		const after = readVaultFile(root, "Web/Web.md");
		expect(after).toContain("- [[Koa]]");
		expect(after).toContain("| [[Koa]] | JavaScript |");
		expect((await runCli(["check", root])).code).toBe(0);
	});
});

describe("framework-notes check: one look at each note", () => {
	it("finds index flags and living blocks in the same read of a note", async () => {
		const root = vault({ ...FILES, "Other/Plain.md": "# Plain\n\nNothing to keep current.\n" });
		const reads = new Map<string, number>();
		const readFile = (absolutePath: string): Uint8Array => {
			const rel = path.relative(root, absolutePath).split(path.sep).join("/");
			reads.set(rel, (reads.get(rel) ?? 0) + 1);
			return fs.readFileSync(absolutePath);
		};
		await runCli(["refresh", root]);
		expect(await runCli(["check", root], { readFile })).toMatchObject({ code: 0 });
		// Notes no block shows and that hold no flag are read once, for both questions.
		expect(reads.get("Other/Plain.md")).toBe(1);
		expect(reads.get("Other/Elsewhere.md")).toBe(1);
	});
});
