/**
 * `compare --save`: the plugin's "Save as note" from the command line. The parity tests run the
 * real plugin (harness) and the CLI over the same vault and compare the saved bytes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseArgs, UsageError } from "../src/cli/args";
import { normalizeVaultPath, unwritableVaultPath } from "../src/comparison/cli/compare-save";
import { cleanup, failingReader, makeVault, mtimes, readVaultFile } from "./cli-helpers";
import { runCli } from "./cli-run-helper";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { ComparisonPanePage } from "./kit/comparison-pane";
import { TWO_FRAMEWORKS } from "./kit/fixtures";

const dirs: string[] = [];
let h: Harness | null = null;
afterEach(() => {
	cleanup(...dirs.splice(0));
	h?.unload();
	h = null;
	vi.restoreAllMocks();
});

function vault(files: Record<string, string>, data?: unknown): string {
	const root = makeVault(files);
	dirs.push(root);
	if (data !== undefined) {
		const dir = path.join(root, ".obsidian", "plugins", "framework-notes");
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, "data.json"), JSON.stringify(data));
	}
	return root;
}

/** The notes of examples/vault (vault path → text), without the config folder. */
function exampleFiles(): Record<string, string> {
	const base = path.resolve("examples/vault");
	const out: Record<string, string> = {};
	const walk = (dir: string): void => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const abs = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(abs);
			else out[path.relative(base, abs).split(path.sep).join("/")] = fs.readFileSync(abs, "utf8");
		}
	};
	walk(base);
	return out;
}

/** What the plugin's "Save as note" writes from a pane opened on `scope`, or null if it refuses. */
async function pluginSave(
	files: Record<string, string>,
	scope: string | null,
	data?: unknown,
): Promise<{ path: string; text: string } | null> {
	h = await loadPlugin({ files, data });
	const { view } = await ComparisonPanePage.open(h, { scope });
	const saved = await view.saveAsNote();
	const text = saved === null ? null : await h.read(saved);
	h.unload();
	h = null;
	return saved === null || text === null ? null : { path: saved, text };
}

const HOSTILE: Record<string, string> = {
	"Web/Django.md":
		'---\ntype: framework\ncategory: full-stack\nfirst_release: 2005\nasync: true\ntags: [python, web]\nrelated: "[[Flask]]"\n---\n# Django\n',
	"Web/Flask.md":
		'---\ntype: framework\ncategory: micro\nfirst_release: 2010\nasync: false\nsummary: "pipes | and <img src=x onerror=alert(1)> and ![[embed]]"\nlicense:\n---\n',
	"Web/Sub/Flask.md": "---\ntype: framework\ncategory: micro\nwebsite: https://example.org/a|b\nsummary: |\n  two\n  lines\n---\n",
	"Web/Broken.md": "---\ntype: framework\ncategory: [unclosed\n---\n",
	"Web/Notes.md": "# Not a framework\n",
	"Other/Rails.md": "---\ntype: framework\nlanguage: Ruby\n---\n",
};

describe("compare --save: same bytes as the plugin's Save as note", () => {
	it("the example vault's folder comparison", async () => {
		const files = exampleFiles();
		delete files["WEBFramework/NOtes/comparison.md"]; // so that both create it
		const plugin = await pluginSave(files, "WEBFramework/NOtes");
		const root = vault(files);
		const cli = await runCli(["compare", root, "--folder", "WEBFramework/NOtes", "--save"]);
		expect(cli).toMatchObject({ code: 0, stdout: "created  WEBFramework/NOtes/comparison.md\n" });
		expect(plugin?.path).toBe("WEBFramework/NOtes/comparison.md");
		expect(readVaultFile(root, "WEBFramework/NOtes/comparison.md")).toBe(plugin?.text);
		expect(plugin?.text).toMatch(
			/^---\nframework-notes: comparison\ncompare-scope: "WEBFramework\/NOtes"\ncompare-columns: \["type", "category", /,
		);
		expect(plugin?.text).toContain("\n---\n\n# Comparison: NOtes\n");
		expect(plugin?.text).toContain("%% Begin Comparison %%\n\n**asynchronous**\n\n| Note | type | category |");
		expect(plugin?.text).toContain("| [[Django]] | framework | full-stack | Python |");
	});

	it("hostile values, duplicate names, invalid YAML, the whole vault, custom settings", async () => {
		for (const [scope, data] of [
			["Web", undefined],
			[null, undefined],
			["Web", { compare: { groupBy: "", comparisonNotePath: "Reports/Table" } }],
			[null, { compare: { groupBy: "first_release" } }],
		] as const) {
			const plugin = await pluginSave(HOSTILE, scope, data);
			const root = vault(HOSTILE, data);
			const cli = await runCli(["compare", root, ...(scope === null ? [] : ["--folder", scope]), "--save"]);
			expect(plugin).not.toBeNull();
			expect(cli.stdout).toBe(`created  ${plugin?.path ?? ""}\n`);
			// The note with invalid YAML is listed (with its warning) and named on stderr: exit 1.
			expect(cli.code).toBe(1);
			expect(cli.stderr).toContain("Web/Broken.md: invalid YAML");
			expect(readVaultFile(root, plugin?.path ?? "")).toBe(plugin?.text);
		}
	});

	it("both refuse a note at the path that is not a generated comparison", async () => {
		const files = { ...HOSTILE, "Web/comparison.md": "# Mine\n" };
		expect(await pluginSave(files, "Web")).toBeNull();
		const root = vault(files);
		const cli = await runCli(["compare", root, "--folder", "Web", "--save"]);
		expect(cli.code).toBe(1);
		expect(cli.stderr).toContain(
			"framework-notes: Web/comparison.md: exists and was not made by Framework Notes, so it was left alone",
		);
		expect(cli.stdout).toBe("");
		expect(readVaultFile(root, "Web/comparison.md")).toBe("# Mine\n");
	});
});

const FRAMEWORKS = TWO_FRAMEWORKS;

describe("compare --save", () => {
	it("writes nothing the second time, and replaces a generated note whose text is out of date", async () => {
		const root = vault(FRAMEWORKS);
		expect((await runCli(["compare", root, "--folder", "Web", "--save"])).stdout).toBe("created  Web/comparison.md\n");
		const before = mtimes(root);
		const again = await runCli(["compare", root, "--folder", "Web", "--save"]);
		expect(again).toMatchObject({ code: 0, stdout: "", stderr: "Web/comparison.md is already up to date.\n" });
		expect(mtimes(root)).toEqual(before);
		expect((await runCli(["compare", root, "--folder", "Web", "--save", "-q"])).stderr).toBe("");

		fs.writeFileSync(path.join(root, "Web", "Flask.md"), "---\ntype: framework\ncategory: micro\nasync: true\n---\n");
		expect(await runCli(["compare", root, "--folder", "Web", "--save"])).toMatchObject({
			code: 0,
			stdout: "updated  Web/comparison.md\n",
		});
		expect(readVaultFile(root, "Web/comparison.md")).toContain("| [[Flask]] | framework | micro | ✓ |");
	});

	it("replaces a generated note saved with CRLF line endings (text differs), never a hand-written one", async () => {
		const root = vault({ ...FRAMEWORKS, "Web/comparison.md": "---\r\nframework-notes: comparison\r\n---\r\nold\r\n" });
		expect((await runCli(["compare", root, "--folder", "Web", "--save"])).stdout).toBe("updated  Web/comparison.md\n");
		// The old, static comparison note is upgraded to a living one.
		expect(readVaultFile(root, "Web/comparison.md")).toMatch(/^---\nframework-notes: comparison\ncompare-scope: "Web"\n/);
		expect(readVaultFile(root, "Web/comparison.md")).toContain("\n---\n\n# Comparison: Web\n");

		const mine = "---\ntitle: comparison\n---\nframework-notes: comparison\n";
		fs.writeFileSync(path.join(root, "Web", "comparison.md"), mine);
		const before = mtimes(root);
		expect((await runCli(["compare", root, "--folder", "Web", "--save"])).code).toBe(1);
		expect(mtimes(root)).toEqual(before);
		expect(readVaultFile(root, "Web/comparison.md")).toBe(mine);
	});

	it("saves to an explicit vault path, creating its folders; the saved note is not compared itself", async () => {
		const root = vault(FRAMEWORKS, { compare: { selectorKind: "folder", selectorFolder: "" } });
		const saved = await runCli(["compare", root, "--save", "Reports/2026\\all"]);
		expect(saved).toMatchObject({ code: 0, stdout: "created  Reports/2026/all.md\n" });
		const text = readVaultFile(root, "Reports/2026/all.md");
		expect(text).toContain("# Framework comparison\n");
		expect(text).toContain('compare-scope: "/"\n');
		expect(text.match(/^\| \[\[/gm)).toHaveLength(2);
		// With the folder selector every note is a framework note, except a generated comparison.
		expect((await runCli(["compare", root, "--save", "Reports/2026/all.md"])).stderr).toBe(
			"Reports/2026/all.md is already up to date.\n",
		);
		expect((await runCli(["compare", root, "--format", "csv"])).stdout).not.toContain("all.md");
	});

	it("refuses folders, hidden or outside paths, and anything in the way on disk", async () => {
		const root = vault({ ...FRAMEWORKS, "Web/Folder/x.md": "", "outside/keep.md": "" });
		// "Web/Folder" is a note path (".md" added) beside the folder of that name: fine.
		expect(await runCli(["compare", root, "--save", "Web/Folder"])).toMatchObject({ code: 0, stdout: "created  Web/Folder.md\n" });
		fs.mkdirSync(path.join(root, "Web", "Dir.md"));
		expect(await runCli(["compare", root, "--save", "Web/Dir.md"])).toMatchObject({
			code: 1,
			stderr: expect.stringContaining("Web/Dir.md: is a folder") as unknown,
		});
		for (const bad of ["../x.md", ".obsidian/x.md", "Web/./x.md"]) {
			const result = await runCli(["compare", root, "--save", bad]);
			expect(result.code).toBe(2);
			expect(result.stderr).toContain("cannot save the comparison to");
		}
		// A symbolic link to a folder outside the vault is never followed (the vault skips it).
		const outside = makeVault({ "keep.md": "" });
		dirs.push(outside);
		fs.symlinkSync(outside, path.join(root, "Linked"));
		const linked = await runCli(["compare", root, "--save", "Linked/comparison.md"]);
		expect(linked.code).toBe(1);
		expect(linked.stderr).toContain(
			"Linked/comparison.md: comparison not saved: something that is not a note of the vault is in the way",
		);
		expect(fs.readdirSync(outside)).toEqual(["keep.md"]);
		// Nor is a dangling link at the note's own path replaced.
		fs.symlinkSync(path.join(outside, "nothing.md"), path.join(root, "Web", "comparison.md"));
		expect((await runCli(["compare", root, "--folder", "Web", "--save"])).code).toBe(1);
		expect(fs.readdirSync(outside)).toEqual(["keep.md"]);
	});
});

describe("compare --save: an unreadable note at the path", () => {
	it("is named and left alone", async () => {
		const root = vault({ ...FRAMEWORKS, "Web/comparison.md": "---\nframework-notes: comparison\n---\nold\n" });
		const result = await runCli(["compare", root, "--folder", "Web", "--save"], {
			readFile: failingReader("EACCES", "Web/comparison.md"),
		});
		expect(result).toMatchObject({ code: 1, stdout: "" });
		expect(result.stderr).toContain("Web/comparison.md: comparison not saved: permission denied");
		expect(readVaultFile(root, "Web/comparison.md")).toBe("---\nframework-notes: comparison\n---\nold\n");
	});
});

describe("compare --save: arguments", () => {
	it("takes an optional note path: --save, --save=F, or --save F as an extra argument", () => {
		expect(parseArgs(["compare", "v", "--save"])).toMatchObject({ positionals: { vault: "v" }, options: { save: "" } });
		expect(parseArgs(["compare", "--save", "v"])).toMatchObject({ positionals: { vault: "v" }, options: { save: "" } });
		expect(parseArgs(["compare", "v", "--save", "A/B.md"])).toMatchObject({ positionals: { vault: "v" }, options: { save: "A/B.md" } });
		expect(parseArgs(["compare", "--save", "A/B.md", "v"])).toMatchObject({ positionals: { vault: "v" }, options: { save: "A/B.md" } });
		expect(parseArgs(["compare", "--save=A.md", "v"])).toMatchObject({ positionals: { vault: "v" }, options: { save: "A.md" } });
		expect(() => parseArgs(["compare", "v", "--save", "a", "b"])).toThrow(UsageError);
		expect(() => parseArgs(["compare", "v", "--save", "--format", "csv"])).toThrow(/--save writes a Markdown note/);
	});

	it("normalizes vault paths as Obsidian does and rejects the unwritable ones", () => {
		expect(normalizeVaultPath("\\A//B/\u00a0c.md/")).toBe("A/B/ c.md");
		expect(normalizeVaultPath("Cafe\u0301.md")).toBe("Caf\u00e9.md");
		expect(unwritableVaultPath("A/B.md")).toBeNull();
		expect(unwritableVaultPath("")).not.toBeNull();
		expect(unwritableVaultPath("A/../B.md")).not.toBeNull();
		expect(unwritableVaultPath(".trash/B.md")).not.toBeNull();
	});
});

describe("Save as note: the shared pure rules", () => {
	it("path, title and what to do with the note already there", async () => {
		const { comparisonNoteTarget, comparisonNoteTitle, comparisonSaveAction, comparisonNoteText } =
			await import("../src/comparison/core/index");
		expect(comparisonNoteTarget("A/B", "")).toBe("A/B/comparison.md");
		expect(comparisonNoteTarget(null, " Reports/x ")).toBe("Reports/x.md");
		expect(comparisonNoteTarget(null, "x.MD")).toBe("x.MD");
		expect(comparisonNoteTitle("A/B")).toBe("Comparison: B");
		expect(comparisonNoteTitle(null)).toBe("Framework comparison");
		const text = comparisonNoteText("T", "| Note |\n| --- |\n", 0);
		expect(comparisonSaveAction(null, text)).toBe("create");
		expect(comparisonSaveAction(text, text)).toBe("unchanged");
		expect(comparisonSaveAction(text.replace("| Note |", "| Old |"), text)).toBe("replace");
		expect(comparisonSaveAction("# mine\n", text)).toBe("refuse");
	});
});
