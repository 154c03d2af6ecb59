import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { refreshNoteText, type RefreshContext } from "../src/index-notes/core/index";
import { refreshContextFor } from "../src/index-notes/core/testing";
import { createLinkGenerator, type LinkConfig } from "../src/shared/core/link-text";
import { DEFAULT_SETTINGS, type IndexSettings } from "../src/shared/core/settings";
import { snapshotFromFiles } from "../src/shared/core/testing/snapshot";
import type { VFile } from "../src/shared/core/vault";
import { cleanup, failingReader, makeVault, mtimes, readVaultFile, tempDir } from "./cli-helpers";
import { runCli } from "./cli-run-helper";
import { exampleVaultCopy } from "./kit/fixtures";

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

function vault(files: Record<string, string | Uint8Array>): string {
	const root = makeVault(files);
	dirs.push(root);
	return root;
}

/** Store plugin settings and Obsidian link settings in the vault's config folder. */
function configure(root: string, index: Partial<IndexSettings>, app?: Partial<LinkConfig>): void {
	const plugin = path.join(root, ".obsidian", "plugins", "framework-notes");
	fs.mkdirSync(plugin, { recursive: true });
	fs.writeFileSync(
		path.join(plugin, "data.json"),
		JSON.stringify({ ...DEFAULT_SETTINGS, index: { ...DEFAULT_SETTINGS.index, ...index } }),
	);
	if (app) fs.writeFileSync(path.join(root, ".obsidian", "app.json"), JSON.stringify(app));
}

/**
 * What the plugin core computes for the note at `notePath`, on an in-memory snapshot of the same
 * files (the snapshot the plugin's tests use), with the same settings.
 */
function expectedByCore(files: Record<string, string>, notePath: string, index: Partial<IndexSettings>, link?: LinkConfig): string {
	const snapshot = snapshotFromFiles(files);
	const settings: IndexSettings = { ...DEFAULT_SETTINGS.index, ...index };
	const extra: Partial<RefreshContext> = {};
	if (link) {
		const generate = createLinkGenerator(snapshot, link);
		Object.assign(extra, {
			linkText: (file: VFile, source: string, alias: string | undefined) => generate(file, source, undefined, alias),
		});
	}
	const ctx = refreshContextFor(snapshot, settings, extra);
	const text = files[notePath] ?? "";
	const out = refreshNoteText(notePath, text, ctx);
	if (out.status === "error") throw new Error(out.message);
	return out.status === "changed" ? out.text : text;
}

const WORKED: Record<string, string> = {
	"Projects/Projects.md": "# Projects\n%% Waypoint %%\nFooter",
	"Projects/Note.md": "",
	"Projects/Note 2.md": "",
	"Projects/Note 10.md": "",
	"Projects/beta.md": "",
	"Projects/Alpha.md": "",
	"Projects/diagram.png": "",
	"Projects/Board.base": "",
	"Projects/Celeste/Celeste.md": "",
	"Projects/Celeste/Script.md": "",
	"Projects/Celeste/Deep/Deeper.md": "",
	"Projects/_attachments/a.md": "",
};

const NESTED: Record<string, string> = {
	"Lang/Lang.md": "%% Waypoint %%",
	"Lang/Latin/Latin.md": "%% Landmark %%",
	"Lang/Latin/Grammar.md": "",
	"Lang/Latin/Ch 1/Ch 1.md": "%% Waypoint %%",
	"Lang/Latin/Ch 1/Intro.md": "",
	"Lang/Latin/Ch 1/Vocab/amo.md": "",
	"Lang/Greek/Greek.md": "no block",
	"Lang/Greek/alpha.md": "",
};

const TITLES: Record<string, string> = {
	"T/T.md": "---\nindex-sort: order\n---\n# T\r\n%% Begin Waypoint %%\r\n- [[stale]]\r\n\r\n%% End Waypoint %%\r\nafter\r\n",
	"T/a.md": "---\ntitle: Zulu [draft]\norder: 2\n---\n",
	"T/b.md": "---\ntitle: Alpha\norder: 1\n---\n",
	"T/c|d.md": "",
};

const DUPLICATES: Record<string, string> = {
	"Web/Web.md": "%% Waypoint %%\n",
	"Web/Flask.md": "",
	"Web/Sub/Deep.md": "",
	"Other/Flask.md": "",
	"Flask.md": "",
	"Web/My Note (1).md": "",
};

describe("refresh writes what the plugin core computes", () => {
	it.each([
		["the contract's worked example", WORKED, ["Projects/Projects.md"], {}, undefined],
		[
			"the nested waypoint / landmark example",
			NESTED,
			["Lang/Lang.md", "Lang/Latin/Latin.md", "Lang/Latin/Ch 1/Ch 1.md"],
			{},
			undefined,
		],
		["titles, order sort, unsafe names, CRLF", TITLES, ["T/T.md"], { useTitleProperty: true }, undefined],
		[
			"spaces, enclosing note, non-markdown files",
			WORKED,
			["Projects/Projects.md"],
			{ useSpaces: true, numSpaces: 4, showEnclosingNote: true, showNonMarkdownFiles: true },
			undefined,
		],
		["markdown links", DUPLICATES, ["Web/Web.md"], { linkStyle: "markdown" }, undefined],
		[
			"Obsidian's link format, shortest, duplicate names",
			DUPLICATES,
			["Web/Web.md"],
			{ linkFormat: "obsidian" },
			{ newLinkFormat: "shortest", useMarkdownLinks: false },
		],
		[
			"Obsidian's link format, relative markdown links",
			DUPLICATES,
			["Web/Web.md"],
			{ linkFormat: "obsidian" },
			{ newLinkFormat: "relative", useMarkdownLinks: true },
		],
		[
			"Obsidian's link format, absolute",
			DUPLICATES,
			["Web/Web.md"],
			{ linkFormat: "obsidian" },
			{ newLinkFormat: "absolute", useMarkdownLinks: false },
		],
	] as const)("%s", async (_name, files, indexNotes, index, link) => {
		const root = vault(files);
		configure(root, index, link);
		const result = await runCli(["refresh", root]);
		expect(result.stderr).not.toMatch(/framework-notes: /);
		expect(result.code).toBe(0);
		for (const note of indexNotes) {
			const expected = expectedByCore(files, note, index, link);
			expect(expected).not.toBe(files[note]);
			expect(readVaultFile(root, note)).toBe(expected);
			expect(result.stdout).toContain(`updated  ${note}\n`);
		}
	});

	it("repairs the example vault's seed note, keeping the rest byte for byte", async () => {
		const root = exampleVaultCopy();
		dirs.push(root);
		const before = readVaultFile(root, "WEBFramework/NOtes/NOtes.md");
		expect((await runCli(["refresh", root])).code).toBe(0);
		const after = readVaultFile(root, "WEBFramework/NOtes/NOtes.md");
		expect(after).not.toContain("]]]]");
		expect(after).toContain("- [[AWS Chalice]]\n- [[Bottle]]");
		const tail = (t: string): string => t.slice(t.indexOf("%% End Waypoint %%"));
		expect(tail(after)).toBe(tail(before));
		expect(after.startsWith("# NOtes\n\n%% Begin Waypoint %%\n")).toBe(true);
	});
});

describe("refresh and check", () => {
	it("check lists stale notes with exit 1 and writes nothing; refresh fixes them; check then exits 0", async () => {
		const root = vault(WORKED);
		const before = mtimes(root);
		const check = await runCli(["check", root]);
		expect(check.code).toBe(1);
		expect(check.stdout).toBe("stale  Projects/Projects.md\n");
		expect(check.stderr).toContain("out of date");
		expect(mtimes(root)).toEqual(before);
		expect((await runCli(["refresh", root])).code).toBe(0);
		const again = await runCli(["check", root]);
		expect(again.code).toBe(0);
		expect(again.stdout).toBe("");
	});

	it("a second refresh writes nothing (mtimes unchanged) and reports no update", async () => {
		const root = vault({ ...WORKED, ...NESTED });
		expect((await runCli(["refresh", root])).code).toBe(0);
		const first = mtimes(root);
		const second = await runCli(["refresh", root]);
		expect(second.code).toBe(0);
		expect(second.stdout).toBe("");
		expect(mtimes(root)).toEqual(first);
	});

	it("keeps CRLF line endings and everything outside the block", async () => {
		const text = "---\r\ntags: [x]\r\n---\r\n# A\r\n%% Waypoint %%\r\nFooter\r\n";
		const root = vault({ "A/A.md": text, "A/b.md": "", "A/c.md": "" });
		expect((await runCli(["refresh", root])).code).toBe(0);
		expect(readVaultFile(root, "A/A.md")).toBe(
			"---\r\ntags: [x]\r\n---\r\n# A\r\n%% Begin Waypoint %%\r\n- [[b]]\r\n- [[c]]\r\n\r\n%% End Waypoint %%\r\nFooter\r\n",
		);
	});

	it("--no-fsync writes the same text", async () => {
		const root = vault(WORKED);
		expect((await runCli(["refresh", "--no-fsync", root])).code).toBe(0);
		expect(readVaultFile(root, "Projects/Projects.md")).toBe(expectedByCore(WORKED, "Projects/Projects.md", {}));
	});

	it("--quiet prints only the changed notes", async () => {
		const root = vault(WORKED);
		const result = await runCli(["refresh", "-q", root]);
		expect(result.stdout).toBe("updated  Projects/Projects.md\n");
		expect(result.stderr).toBe("");
	});

	it("shows progress on stderr for a long run on a terminal only, erased before any other output", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 30; i++) {
			files[`F${i}/F${i}.md`] = "%% Waypoint %%";
			files[`F${i}/n.md`] = "---\ntitle: N\n---\n";
		}
		const root = vault(files);
		configure(root, { useTitleProperty: true });
		// A clock on which every reading is a second later: the run is long, progress is drawn.
		let t = 0;
		const slow = (): number => (t += 1000);
		const ERASE = "\r\u001b[K";
		const onTerminal = await runCli(["check", root], { stderrIsTTY: true, clock: slow });
		const err = onTerminal.stderr;
		expect(err).toContain(`${ERASE}checking: listing the vault, `);
		expect(err).toContain(`${ERASE}checking: folder notes 30/30`);
		expect(err).toContain(`${ERASE}checking: index notes 30/30, `);
		expect(err).toMatch(/checking: index notes 30\/30, \d+ notes read/);
		// Each progress line is erased before the next output: the summary starts on a clean line.
		expect(err.endsWith(`30 of 30 index notes are out of date. Run: framework-notes refresh ${root}\n`)).toBe(true);
		const lastLine = err.lastIndexOf("checking: ");
		expect(err.indexOf(ERASE, lastLine)).toBeGreaterThan(lastLine);
		expect(onTerminal.stdout).not.toContain("\r");
		expect(onTerminal.stdout.split("\n")).toHaveLength(31);

		// A quick run (the clock does not move), a pipe, or --quiet: no progress at all.
		expect((await runCli(["check", root], { stderrIsTTY: true, clock: () => 0 })).stderr).not.toContain("\r");
		expect((await runCli(["check", root], { clock: slow })).stderr).not.toContain("\r");
		expect((await runCli(["check", "-q", root], { stderrIsTTY: true, clock: slow })).stderr).toBe("");
	});

	it("shows how many notes compare has read", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 40; i++) files[`W/n${i}.md`] = `---\ntype: framework\norder: ${i}\n---\n`;
		const root = vault(files);
		let t = 0;
		const result = await runCli(["compare", root, "--format", "csv"], { stderrIsTTY: true, clock: () => (t += 1000) });
		expect(result.stderr).toContain("\r\u001b[Kcomparing: ");
		expect(result.stderr).toMatch(/comparing: \d+ notes read/);
		expect(result.stderr.endsWith("\r\u001b[K")).toBe(true);
		expect(result.stdout.split("\n")[0]).toMatch(/^note,path,type,order/);
	});

	it("resolves a relative vault path against the working folder", async () => {
		const root = vault(WORKED);
		expect((await runCli(["check", path.basename(root)], { cwd: path.dirname(root) })).code).toBe(1);
	});

	it("leaves notes in the core Templates folder alone", async () => {
		const root = vault({ "Templates/Templates.md": "%% Waypoint %%", "Templates/t.md": "", "A/A.md": "%% Waypoint %%", "A/x.md": "" });
		fs.mkdirSync(path.join(root, ".obsidian"), { recursive: true });
		fs.writeFileSync(path.join(root, ".obsidian", "templates.json"), JSON.stringify({ folder: "Templates" }));
		expect((await runCli(["refresh", root])).stdout).toBe("updated  A/A.md\n");
		expect(readVaultFile(root, "Templates/Templates.md")).toBe("%% Waypoint %%");
	});

	it("uses another config folder with --config-dir", async () => {
		const root = vault({ "A/A.md": "%% Waypoint %%", "A/x.md": "" });
		fs.mkdirSync(path.join(root, ".config", "plugins", "framework-notes"), { recursive: true });
		fs.writeFileSync(
			path.join(root, ".config", "plugins", "framework-notes", "data.json"),
			JSON.stringify({ index: { useSpaces: true, numSpaces: 3, showEnclosingNote: true } }),
		);
		await runCli(["refresh", "--config-dir", ".config", root]);
		expect(readVaultFile(root, "A/A.md")).toBe("%% Begin Waypoint %%\n- **[[A]]**\n   - [[x]]\n\n%% End Waypoint %%");
	});
});

describe("bad input", () => {
	it("a missing vault, or a file given as the vault: one line, exit 2", async () => {
		const root = vault({ "Note.md": "" });
		for (const target of [path.join(root, "nope"), path.join(root, "Note.md")]) {
			const result = await runCli(["refresh", target]);
			expect(result.code).toBe(2);
			expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
			expect(result.stderr).toContain(target);
		}
	});

	it("usage errors exit 2 with the usage", async () => {
		const result = await runCli(["refresh"]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain("missing argument <vault>");
		expect(result.stderr).toContain("Usage: framework-notes refresh");
		expect((await runCli([])).code).toBe(2);
		expect((await runCli(["--bogus"])).code).toBe(2);
	});

	it("--help and --version print to stdout and exit 0", async () => {
		expect(await runCli(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Exit codes") as unknown });
		expect((await runCli(["compare", "--help"])).stdout).toContain("--format");
		expect((await runCli(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
	});

	it("an unmatched Begin marker: the note is named, left untouched, the rest is refreshed, exit 1", async () => {
		const broken = "# B\n%% Begin Waypoint %%\n- [[x]]\n";
		const root = vault({ "B/B.md": broken, "B/x.md": "", "A/A.md": "%% Waypoint %%", "A/y.md": "" });
		const result = await runCli(["refresh", root]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^framework-notes: B\/B\.md: .+$/m);
		expect(readVaultFile(root, "B/B.md")).toBe(broken);
		expect(readVaultFile(root, "A/A.md")).toContain("- [[y]]");
		expect(result.stdout).toBe("updated  A/A.md\n");
	});

	it("check never calls a vault current when a note could not be checked", async () => {
		const broken = "# B\n%% Begin Waypoint %%\n- [[x]]\n";
		const root = vault({ "B/B.md": broken, "B/x.md": "" });
		const result = await runCli(["check", root]);
		expect(result.code).toBe(1);
		expect(result.stderr).not.toContain("Every index note is current");
		expect(result.stderr).toContain("1 note could not be checked (named above).");
		const refreshed = await runCli(["refresh", root]);
		expect(refreshed.stderr).toContain("0 updated. 1 note could not be refreshed (named above).");
	});

	it("a note that is not UTF-8 is named and never rewritten", async () => {
		const bytes = Buffer.concat([Buffer.from("%% Waypoint %%\ncaf"), Buffer.from([0xe9])]);
		const root = vault({ "B/B.md": bytes, "B/x.md": "" });
		const result = await runCli(["refresh", root]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain("B/B.md: not valid UTF-8 text");
		expect(fs.readFileSync(path.join(root, "B", "B.md")).equals(bytes)).toBe(true);
	});

	// Root reads anything whatever the permissions, so the failure is injected (CI runs as root).
	it("an unreadable note is named, the rest processed", async () => {
		const root = vault({ "B/B.md": "%% Waypoint %%", "B/x.md": "", "A/A.md": "%% Waypoint %%", "A/y.md": "" });
		const result = await runCli(["refresh", root], { readFile: failingReader("EACCES", "B/B.md") });
		expect(readVaultFile(root, "B/B.md")).toBe("%% Waypoint %%");
		expect(result.code).toBe(1);
		expect(result.stderr).toContain("B/B.md: permission denied");
		expect(result.stdout).toBe("updated  A/A.md\n");
	});

	it("a flag of '-' in data.json does not turn prose into index blocks; a catastrophic ignore pattern does not hang", async () => {
		const prose = "# A\n- one\n- two\n";
		const root = vault({ "A/A.md": prose, "A/x.md": "", "B/B.md": "%% Waypoint %%", "B/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!.md": "" });
		configure(root, { waypointFlag: "-", ignorePaths: ["(a+)+b", "_attachments"] });
		const result = await runCli(["refresh", root]);
		expect(result.code).toBe(0);
		expect(readVaultFile(root, "A/A.md")).toBe(prose);
		expect(readVaultFile(root, "B/B.md")).toContain("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!");
		expect(result.stderr).toContain('index.waypointFlag: "-" must look like %% Word %%; using "%% Waypoint %%"');
		expect(result.stderr).toContain('index.ignorePaths: "(a+)+b" repeats a group');
	});

	it("invalid JSON in data.json: a warning naming the file, defaults used", async () => {
		const root = vault({ "A/A.md": "%% Waypoint %%", "A/x.md": "" });
		fs.mkdirSync(path.join(root, ".obsidian", "plugins", "framework-notes"), { recursive: true });
		fs.writeFileSync(path.join(root, ".obsidian", "plugins", "framework-notes", "data.json"), "{ nope");
		const result = await runCli(["refresh", root]);
		expect(result.stderr).toContain(".obsidian/plugins/framework-notes/data.json: not valid JSON");
		expect(readVaultFile(root, "A/A.md")).toContain("- [[x]]");
	});
});

describe("symbolic links", () => {
	it("a folder linked from outside the vault is neither listed nor written", async () => {
		const outside = makeVault({ "Ext/Ext.md": "%% Waypoint %%", "Ext/secret.md": "" }, tempDir());
		dirs.push(outside);
		const root = vault({ "A/A.md": "%% Waypoint %%", "A/x.md": "" });
		fs.symlinkSync(path.join(outside, "Ext"), path.join(root, "A", "Ext"), "dir");
		const result = await runCli(["refresh", root]);
		expect(result.code).toBe(0);
		expect(readVaultFile(root, "A/A.md")).toBe("%% Begin Waypoint %%\n- [[x]]\n\n%% End Waypoint %%");
		expect(fs.readFileSync(path.join(outside, "Ext", "Ext.md"), "utf8")).toBe("%% Waypoint %%");
		expect(result.stderr).toContain("A/Ext: symbolic link");
	});

	it("a folder note linked to a note outside the vault is not written", async () => {
		const outside = makeVault({ "Out.md": "%% Waypoint %%" }, tempDir());
		dirs.push(outside);
		const root = vault({ "A/x.md": "" });
		fs.symlinkSync(path.join(outside, "Out.md"), path.join(root, "A", "A.md"));
		const result = await runCli(["refresh", root]);
		expect(fs.readFileSync(path.join(outside, "Out.md"), "utf8")).toBe("%% Waypoint %%");
		expect(result.stdout).toBe("");
	});

	it("a folder note linked to a note inside the vault is written through the link, which stays a link", async () => {
		const root = vault({ "A/x.md": "", "Store/A-index.md": "%% Waypoint %%" });
		fs.symlinkSync(path.join(root, "Store", "A-index.md"), path.join(root, "A", "A.md"));
		expect((await runCli(["refresh", root])).code).toBe(0);
		expect(fs.lstatSync(path.join(root, "A", "A.md")).isSymbolicLink()).toBe(true);
		expect(readVaultFile(root, "Store/A-index.md")).toBe("%% Begin Waypoint %%\n- [[x]]\n\n%% End Waypoint %%");
	});
});
