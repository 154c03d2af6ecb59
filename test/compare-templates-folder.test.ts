import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, makeVault } from "./cli-helpers";
import { runCli } from "./cli-run-helper";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { ComparisonPanePage } from "./kit/comparison-pane";

const dirs: string[] = [];
let h: Harness | null = null;
afterEach(() => {
	cleanup(...dirs.splice(0));
	h?.unload();
	h = null;
});

const FILES = {
	"Web/Django.md": "---\ntype: framework\ncategory: full-stack\n---\n",
	"Web/Flask.md": "---\ntype: framework\ncategory: micro\n---\n",
	// A template in the core Templates folder: a framework note once filled in, not before.
	"Templates/Framework.md": "---\ntype: framework\ncreated: {{date}}\ncategory:\n---\n",
};

describe("notes in the core Templates folder are not compared", () => {
	it("by the CLI", async () => {
		const root = makeVault(FILES);
		dirs.push(root);
		fs.mkdirSync(path.join(root, ".obsidian"), { recursive: true });
		fs.writeFileSync(path.join(root, ".obsidian", "templates.json"), JSON.stringify({ folder: "Templates" }));
		const result = await runCli(["compare", root, "--format", "json"]);
		expect(result.code).toBe(0);
		const notes = (JSON.parse(result.stdout) as { notes: { path: string }[] }).notes.map((n) => n.path);
		expect(notes).toEqual(["Web/Django.md", "Web/Flask.md"]);
		expect(result.stdout).not.toContain("{{");
	});

	it("by the pane", async () => {
		h = await loadPlugin({ files: { ...FILES, ".obsidian/templates.json": JSON.stringify({ folder: "Templates" }) } });
		const page = await ComparisonPanePage.open(h);
		expect(page.rowNames().sort()).toEqual(["Django", "Flask"]);
	});
});
