import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { displayWidth } from "../src/comparison/core/terminal-table";
import { cleanup, makeVault } from "./cli-helpers";
import { runCli } from "./cli-run-helper";
import { exampleVaultCopy, SEED_OUTLINE } from "./kit/fixtures";

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

function exampleVault(): string {
	const root = exampleVaultCopy();
	dirs.push(root);
	return root;
}

describe("compare", () => {
	it("prints an aligned table of the example vault's ten frameworks, grouped by category, within the width", async () => {
		const root = exampleVault();
		const result = await runCli(["compare", root, "--width", "100"]);
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split("\n");
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(100);
		for (const name of ["Django", "Flask", "FastAPI", "AIOHTTP", "Bottle", "CherryPy", "Web2py", "Tornado", "Zappa", "AWS Chalice"]) {
			expect(lines.some((l) => l.startsWith(name + " "))).toBe(true);
		}
		for (const group of ["full-stack (2)", "asynchronous (2)", "microframework (2)", "other (2)", "serverless (2)"])
			expect(lines).toContain(group);
		expect(result.stdout).toContain("…");
		// Columns equal in every row (type, language, tags, created) are left out of the terminal table.
		expect(lines[0]).not.toMatch(/\blanguage\b/);
		expect(lines[0]).toMatch(/^note\s+summary\s+async/);
	});

	it("uses the terminal's width when stdout is a terminal, 100 otherwise", async () => {
		const root = exampleVault();
		const wide = await runCli(["compare", root], { stdoutIsTTY: true, columns: 200 });
		const widest = (s: string): number => Math.max(...s.trimEnd().split("\n").map(displayWidth));
		expect(widest(wide.stdout)).toBeGreaterThan(100);
		expect(widest(wide.stdout)).toBeLessThanOrEqual(200);
		expect(widest((await runCli(["compare", root], { columns: 200 })).stdout)).toBeLessThanOrEqual(100);
	});

	it("prints markdown, CSV and JSON from the comparison model", async () => {
		const root = exampleVault();
		const md = await runCli(["compare", root, "--format", "markdown"]);
		expect(md.stdout).toMatch(/^\| Note \| type \| category \|/);
		expect(md.stdout).toContain("[[Django]]");
		const csv = (await runCli(["compare", root, "--format=csv"])).stdout.trimEnd().split("\n");
		expect(csv[0]?.startsWith("note,path,type,category")).toBe(true);
		expect(csv).toHaveLength(11);
		const json = JSON.parse((await runCli(["compare", root, "--format", "json"])).stdout) as { notes: unknown[] };
		expect(json.notes).toHaveLength(10);
	});

	it("limits the notes to --folder, and rejects a folder that does not exist", async () => {
		const root = exampleVault();
		fs.mkdirSync(path.join(root, "Elsewhere"));
		fs.writeFileSync(path.join(root, "Elsewhere", "Rails.md"), "---\ntype: framework\nlanguage: Ruby\n---\n");
		const all = (await runCli(["compare", root, "--format", "csv"])).stdout;
		expect(all).toContain("Rails");
		const scoped = (await runCli(["compare", root, "--format", "csv", "--folder", "WEBFramework/NOtes"])).stdout;
		expect(scoped).not.toContain("Rails");
		expect(scoped).toContain("Django");
		const missing = await runCli(["compare", root, "--folder", "Nope"]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain("Nope");
	});

	it("names a note with invalid YAML (exit 1) and still prints the others", async () => {
		const root = makeVault({
			"F/Good.md": "---\ntype: framework\nlicense: MIT\n---\n",
			"F/Bad.md": "---\ntype: framework\nlicense: [MIT\n---\n",
		});
		dirs.push(root);
		const result = await runCli(["compare", root, "--format", "csv"]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^framework-notes: F\/Bad\.md: invalid YAML in frontmatter: .+$/m);
		expect(result.stdout).toContain("Good");
	});

	it("prints terminal control characters from frontmatter harmlessly", async () => {
		const root = makeVault({ "F/Evil.md": '---\ntype: framework\nsummary: "\\e[2J\\e]0;pwned\\a"\n---\n' });
		dirs.push(root);
		const result = await runCli(["compare", root], { stdoutIsTTY: true, columns: 120 });
		expect(result.stdout).toContain("Evil");
		expect(result.stdout).not.toContain("\u001b");
		expect(result.stdout).not.toContain("\u0007");
	});
});

describe("import-outline", () => {
	const seed = SEED_OUTLINE;

	it("creates one note per outline item beside the outline, then nothing the second time", async () => {
		const root = makeVault({ "W/W.md": seed });
		dirs.push(root);
		const first = await runCli(["import-outline", root, "W/W.md"], { now: new Date("2026-11-24T10:00:00") });
		expect(first.code).toBe(0);
		expect(first.stdout.match(/^created {2}/gm)).toHaveLength(10);
		const chalice = fs.readFileSync(path.join(root, "W", "AWS Chalice.md"), "utf8");
		expect(chalice).toMatch(/^---\ntype: framework\ncategory: serverless\n/);
		expect(chalice).toContain("summary: A microframework for creating and deploying serverless apps on AWS Lambda and API Gateway.\n");
		const second = await runCli(["import-outline", root, "W/W"]);
		expect(second.stdout.match(/^skipped {2}/gm)).toHaveLength(10);
		expect(second.stdout).not.toMatch(/^created/m);
		expect(fs.readFileSync(path.join(root, "W", "AWS Chalice.md"), "utf8")).toBe(chalice);
	});

	it("--dry-run prints the plan and writes nothing", async () => {
		const root = makeVault({ "W/W.md": seed });
		dirs.push(root);
		const result = await runCli(["import-outline", "--dry-run", root, "W/W.md"]);
		expect(result.code).toBe(0);
		expect(result.stdout.match(/^would create {2}W\/.+\.md {2}\(.+\)$/gm)).toHaveLength(10);
		expect(fs.readdirSync(path.join(root, "W"))).toEqual(["W.md"]);
	});

	it("never overwrites an existing note", async () => {
		const root = makeVault({ "W/W.md": seed, "W/Django.md": "mine" });
		dirs.push(root);
		const result = await runCli(["import-outline", root, "W/W.md"]);
		expect(result.stdout).toContain("skipped  W/Django.md: a note with this name already exists");
		expect(fs.readFileSync(path.join(root, "W", "Django.md"), "utf8")).toBe("mine");
	});

	it("links the items in the outline when the plugin's setting says so", async () => {
		const root = makeVault({ "W/W.md": seed });
		dirs.push(root);
		fs.mkdirSync(path.join(root, ".obsidian", "plugins", "framework-notes"), { recursive: true });
		fs.writeFileSync(
			path.join(root, ".obsidian", "plugins", "framework-notes", "data.json"),
			JSON.stringify({ templates: { linkOutlineItems: true } }),
		);
		await runCli(["import-outline", root, "W/W.md"]);
		const outline = fs.readFileSync(path.join(root, "W", "W.md"), "utf8");
		expect(outline).toContain("1. **[[Django]]**: A high-level framework");
		expect(outline).toContain("2. **[[AWS Chalice]]**: A microframework");
	});

	it("a note that is not there, or one with no items: a clear message and a non-zero exit", async () => {
		const root = makeVault({ "W/W.md": "# Nothing\n\njust text\n" });
		dirs.push(root);
		const missing = await runCli(["import-outline", root, "W/Nope.md"]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain("W/Nope.md");
		const empty = await runCli(["import-outline", root, "W/W.md"]);
		expect(empty.code).toBe(1);
		expect(empty.stderr).toContain("W/W.md: no outline items found");
	});
});

describe("compare: a table that fits", () => {
	function wideVault(): string {
		const notes: Record<string, string> = {};
		const keys = ["cover", "coordinates", "color", ...Array.from({ length: 33 }, (_, i) => `property_${String(i).padStart(2, "0")}`)];
		for (const name of ["Alpha", "Beta", "Gamma"]) {
			const lines = keys.map((key, i) => `${key}: ${name.toLowerCase()}-${i}`);
			notes[`${name}.md`] = `---\ntype: framework\n${lines.join("\n")}\n---\n`;
		}
		const root = makeVault(notes);
		dirs.push(root);
		return root;
	}

	it("never exceeds --width with 36 columns, leaves out what does not fit and says how to choose", async () => {
		const result = await runCli(["compare", wideVault(), "--width", "80"]);
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split("\n");
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
		const headers = (lines[0] ?? "").split(/\s{2,}/);
		expect(new Set(headers).size).toBe(headers.length);
		// A cut header still names one property: cover, coordinates and color never all show as "co…".
		const keys = ["cover", "coordinates", "color", ...Array.from({ length: 33 }, (_, i) => `property_${String(i).padStart(2, "0")}`)];
		for (const header of headers.slice(1)) {
			const prefix = header.endsWith("…") ? header.slice(0, -1) : header;
			expect(
				keys.filter((k) => (header.endsWith("…") ? k.startsWith(prefix) : k === prefix)),
				header,
			).toHaveLength(1);
		}
		expect(result.stderr).toMatch(/columns did not fit in 80 columns and were left out: property_\d\d, /);
		expect(result.stderr).toContain("--columns");
	});

	it("shows the columns chosen with --columns, in that order", async () => {
		const result = await runCli(["compare", wideVault(), "--width", "80", "--columns", "property_32, color"]);
		expect(result.code).toBe(0);
		expect(result.stdout.split("\n")[0]).toMatch(/^note\s+property_32\s+color$/);
		expect(result.stdout).toContain("gamma-35");
		expect(result.stderr).toBe("");
		const unknown = await runCli(["compare", wideVault(), "--columns", "nope"]);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('no property "nope"');
	});

	it("tells absent, empty and null apart, shows links by their text, and counts emoji as two columns", async () => {
		const root = makeVault({
			"A.md": '---\ntype: framework\nstatus: ✨✨✨✨✨ new\nnotes:\nbased_on: "[[Flask]]"\nrelated:\n  - "[[Flask]]"\n  - "[[Bottle|the bottle]]"\nlist: []\n---\n',
			"B.md": '---\ntype: framework\nstatus: old\nnotes: kept\nbased_on: "[[Bottle|the bottle]]"\nrelated: "[[Flask]]"\nlist: [x]\n---\n',
			"C.md": "---\ntype: framework\nstatus: old\n---\n",
		});
		dirs.push(root);
		const result = await runCli(["compare", root, "--width", "120"]);
		expect(result.code).toBe(0);
		const row = (name: string): string => result.stdout.split("\n").find((l) => l.startsWith(`${name} `)) ?? "";
		expect(row("A")).toContain("(no value)");
		expect(row("A")).toContain("(empty)");
		expect(row("C")).toContain("—");
		expect(row("A")).toContain("Flask, the bottle");
		expect(row("B")).toMatch(/^B\s+Flask\s+old\s+the bottle\s/);
		expect(result.stdout).not.toContain("[[");
		const narrow = await runCli(["compare", root, "--width", "30"]);
		for (const line of narrow.stdout.trimEnd().split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(30);
		expect(displayWidth("✨")).toBe(2);
	});
});
