/**
 * `compare` and `decide` choose their notes with `--property KEY=VALUE`, `--tag TAG` and
 * `--folder F` instead of the vault's selector setting, without touching data.json.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, makeVault, mtimes, readVaultFile } from "./cli-helpers";
import { runCli } from "./cli-run-helper";

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

function fm(lines: string[]): string {
	return `---\n${lines.join("\n")}\n---\n`;
}

/** No data.json: the default selector (`type: framework`) picks only Django and Rails. */
const FILES = {
	"Web/Django.md": fm(["type: framework", "kind: web", "tags: [python, web/backend]", "stars: 80000"]),
	"Web/Rails.md": fm(["type: framework", "kind: web", "tags: [ruby]", "stars: 55000"]),
	"Web/Flask.md": fm(["type: library", "kind: [micro, web]", "tags: [python]", "stars: 68000"]),
	"Data/Pandas.md": fm(["type: library", "kind: data", "tags: '#python'", "stars: 42000"]),
	"Data/Notes.md": "Just text, no properties.\n",
	"Pick.md": fm(["type: decision", "scope: Web", "prefer:", "  - stars high"]),
};

function vault(files: Record<string, string> = FILES): string {
	const root = makeVault(files);
	dirs.push(root);
	return root;
}

/** The notes in `compare --format json`'s output, by path. */
async function compared(args: readonly string[]): Promise<string[]> {
	const result = await runCli(["compare", ...args, "--format", "json"]);
	expect(result).toMatchObject({ code: 0, stderr: "" });
	return (JSON.parse(result.stdout) as { notes: { path: string }[] }).notes.map((n) => n.path).sort();
}

/** The candidates `decide --format json` ranked, by path. */
async function ranked(args: readonly string[]): Promise<{ notes: string[]; scope: unknown }> {
	const result = await runCli(["decide", ...args, "--format", "json"]);
	expect(result).toMatchObject({ code: 0, stderr: "" });
	const out = JSON.parse(result.stdout) as { scope: unknown; notes: { note: string }[] };
	return { notes: out.notes.map((n) => n.note).sort(), scope: out.scope };
}

describe("compare: choosing the notes on the command line", () => {
	it("takes the notes of a property value, a tag or a nested tag instead of the selector setting", async () => {
		const root = vault();
		const before = mtimes(root);
		expect(await compared([root])).toEqual(["Web/Django.md", "Web/Rails.md"]);
		expect(await compared([root, "--property", "type=library"])).toEqual(["Data/Pandas.md", "Web/Flask.md"]);
		// A list holding the value counts, case does not matter; the value may be given with `=`.
		expect(await compared([root, "--property=kind=WEB"])).toEqual(["Web/Django.md", "Web/Flask.md", "Web/Rails.md"]);
		// An empty value: every note that has the property.
		expect(await compared([root, "--property", "kind="])).toEqual(["Data/Pandas.md", "Web/Django.md", "Web/Flask.md", "Web/Rails.md"]);
		expect(await compared([root, "--tag", "python"])).toEqual(["Data/Pandas.md", "Web/Django.md", "Web/Flask.md"]);
		expect(await compared([root, "--tag", "#web"])).toEqual(["Web/Django.md"]);
		expect(mtimes(root)).toEqual(before);
	});

	it("combines --folder with --property or --tag", async () => {
		const root = vault();
		expect(await compared([root, "--folder", "Web", "--tag", "python"])).toEqual(["Web/Django.md", "Web/Flask.md"]);
		expect(await compared([root, "--property", "type=library", "--folder", "Data"])).toEqual(["Data/Pandas.md"]);
	});

	it("overrides a selector setting kept in data.json without changing it", async () => {
		const data = JSON.stringify({ version: 1, compare: { selectorKind: "tag", selectorTag: "ruby" } });
		const root = vault({ ...FILES, ".obsidian/plugins/framework-notes/data.json": data });
		expect(await compared([root])).toEqual(["Web/Rails.md"]);
		expect(await compared([root, "--property", "type=framework"])).toEqual(["Web/Django.md", "Web/Rails.md"]);
	});

	it("saves the comparison of the chosen notes with --save", async () => {
		const root = vault();
		expect((await runCli(["compare", root, "--tag", "python", "--save", "Chosen.md"])).code).toBe(0);
		const saved = readVaultFile(root, "Chosen.md");
		for (const name of ["Django", "Flask", "Pandas"]) expect(saved).toContain(`[[${name}]]`);
		expect(saved).not.toContain("[[Rails]]");
		// The saved note is living: its block keeps the choice (`compare-tag`), so a check finds it current.
		expect(saved).toMatch(/^compare-tag: "python"$/m);
		expect(await runCli(["check", root])).toMatchObject({ code: 0 });
		expect(readVaultFile(root, "Chosen.md")).toBe(saved);
	});
});

describe("decide: choosing the candidates on the command line", () => {
	it("ranks the notes of a tag or property, and those of --folder instead of the decision's scope", async () => {
		const root = vault();
		expect(await ranked([root, "Pick.md"])).toEqual({ notes: ["Web/Django.md", "Web/Rails.md"], scope: "Web" });
		expect((await ranked([root, "Pick.md", "--tag", "python"])).notes).toEqual(["Web/Django.md", "Web/Flask.md"]);
		expect(await ranked([root, "Pick.md", "--folder", "Data", "--property", "type=library"])).toEqual({
			notes: ["Data/Pandas.md"],
			scope: "Data",
		});
		// `--folder /`: the whole vault, whatever the decision's scope.
		expect(await ranked([root, "Pick.md", "--folder", "/", "--tag", "python"])).toEqual({
			notes: ["Data/Pandas.md", "Web/Django.md", "Web/Flask.md"],
			scope: null,
		});
	});
});

describe("malformed choices are usage errors", () => {
	it.each([
		[["--property", "type"], "--property needs KEY=VALUE"],
		[["--property", "=framework"], "--property needs KEY=VALUE"],
		[["--property", `type=${"x".repeat(257)}`], "at most 256 characters"],
		[["--tag", ""], "--tag needs one tag"],
		[["--tag", "#"], "--tag needs one tag"],
		[["--tag", "python web"], "--tag needs one tag"],
		[["--tag", "python,web"], "--tag needs one tag"],
		[["--tag", "python", "--property", "type=framework"], "by --property or by --tag, not both"],
		[["--tag", "python", "--tag", "web"], "--tag given twice"],
		[["--property", "a=1", "--property=b=2"], "--property given twice"],
		[["--property"], `option "--property" needs a value`],
	])("compare and decide refuse %j", async (options, message) => {
		const root = vault();
		const before = mtimes(root);
		for (const argv of [
			["compare", root, ...options],
			["decide", root, "Pick.md", ...options],
		]) {
			const result = await runCli(argv);
			expect(result.code).toBe(2);
			expect(result.stdout).toBe("");
			expect(result.stderr).toContain(message);
		}
		expect(mtimes(root)).toEqual(before);
	});

	it("refuses a --folder that is not a folder of the vault", async () => {
		const root = vault();
		for (const argv of [
			["compare", root, "--folder", "Nowhere", "--tag", "python"],
			["decide", root, "Pick.md", "--folder", "Nowhere"],
			["decide", root, "Pick.md", "--folder", "Pick.md"],
		]) {
			const result = await runCli(argv);
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(/no folder "(Nowhere|Pick\.md)" in the vault/);
		}
	});

	it("is not offered by the other commands", async () => {
		const root = vault();
		expect((await runCli(["check", root, "--tag", "python"])).code).toBe(2);
		expect((await runCli(["refresh", root, "--property", "type=framework"])).code).toBe(2);
	});
});
