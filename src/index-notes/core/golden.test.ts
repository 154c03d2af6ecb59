/**
 * Golden tests: every worked example of docs/index-format.md (Examples 1 to 26; each test names
 * the example it checks), and one per setting.
 * TAB is written as \t. Each index note holds just a flag unless said otherwise, so the output
 * is `BEGIN\nTREE\n\nEND`.
 */
import { describe, expect, it } from "vitest";
import type { IndexSettings } from "../../shared/core/settings";
import { snapshotFromFiles, type FileSpec } from "../../shared/core/testing/snapshot";
import type { VFile } from "../../shared/core/vault";
import { refreshedText } from "./testing";

type Files = Record<string, FileSpec | string>;

const FLAG = "%% Waypoint %%";

function block(tree: string, kind = "Waypoint"): string {
	return `%% Begin ${kind} %%\n${tree}\n\n%% End ${kind} %%`;
}

/** The index of `note` (which holds only a flag unless `files` gives its text). */
function indexOf(
	files: Files,
	note: string,
	settings: Partial<IndexSettings> = {},
	linkText?: (t: VFile, s: string, a: string | undefined) => string,
): string {
	const all: Files = { [note]: FLAG, ...files };
	return refreshedText(snapshotFromFiles(all), note, settings, linkText === undefined ? {} : { linkText });
}

const WORKED: Files = {
	"Projects/Projects.md": "# Projects\n%% Waypoint %%\nFooter",
	"Projects/Note.md": "",
	"Projects/Note 2.md": "",
	"Projects/Note 10.md": "",
	"Projects/beta.md": "",
	"Projects/Alpha.md": "",
	"Projects/diagram.png": {},
	"Projects/Board.base": {},
	"Projects/Celeste/Celeste.md": "",
	"Projects/Celeste/Script.md": "",
	"Projects/Celeste/Deep/Deeper.md": "",
	"Projects/Empty/": {},
	"Projects/_attachments/a.md": "",
};

describe("contract examples", () => {
	// docs/index-format.md, "Example 1: a flag becomes a block"
	it("worked example (defaults, inside folder notes)", () => {
		expect(indexOf(WORKED, "Projects/Projects.md")).toBe(
			[
				"# Projects",
				"%% Begin Waypoint %%",
				"- **[[Celeste]]**",
				"\t- **Deep**",
				"\t\t- [[Deeper]]",
				"\t- [[Script]]",
				"- **Empty**",
				"- [[Alpha]]",
				"- [[beta]]",
				"- [[Board.base|Board]]",
				"- [[Note 2]]",
				"- [[Note 10]]",
				"- [[Note]]",
				"",
				"%% End Waypoint %%",
				"Footer",
			].join("\n"),
		);
	});

	const NESTED: Files = {
		"Lang/Lang.md": "%% Waypoint %%",
		"Lang/Latin/Latin.md": "%% Landmark %%",
		"Lang/Latin/Grammar.md": "",
		"Lang/Latin/Ch 1/Ch 1.md": "%% Waypoint %%",
		"Lang/Latin/Ch 1/Intro.md": "",
		"Lang/Latin/Ch 1/Vocab/amo.md": "",
		"Lang/Greek/Greek.md": "",
		"Lang/Greek/alpha.md": "",
	};

	// docs/index-format.md, "Example 2: nested waypoints and a landmark"
	it("nested example: waypoints stop at nested waypoints, not at landmarks", () => {
		expect(indexOf(NESTED, "Lang/Lang.md")).toBe(
			block("- **[[Greek]]**\n\t- [[alpha]]\n- **[[Latin]]**\n\t- **[[Ch 1]]**\n\t- [[Grammar]]"),
		);
		expect(indexOf(NESTED, "Lang/Latin/Latin.md")).toBe(block("- **[[Ch 1]]**\n- [[Grammar]]", "Landmark"));
		expect(indexOf(NESTED, "Lang/Latin/Ch 1/Ch 1.md")).toBe(block("- **Vocab**\n\t- [[amo]]\n- [[Intro]]"));
	});

	// docs/index-format.md, "Example 2: nested waypoints and a landmark"
	it("a nested waypoint that is already a block (not a flag) also stops the parent", () => {
		const files = { ...NESTED, "Lang/Latin/Ch 1/Ch 1.md": block("- [[Intro]]") };
		expect(indexOf(files, "Lang/Lang.md")).toBe(
			block("- **[[Greek]]**\n\t- [[alpha]]\n- **[[Latin]]**\n\t- **[[Ch 1]]**\n\t- [[Grammar]]"),
		);
	});

	// docs/index-format.md, "Example 3: an empty folder"
	it("a folder with nothing to list gives BEGIN\\n\\n\\nEND", () => {
		expect(indexOf({ "E/E.md": FLAG }, "E/E.md")).toBe("%% Begin Waypoint %%\n\n\n%% End Waypoint %%");
	});

	// docs/index-format.md, "Example 4: a folder with only left-out files"
	it("a folder containing only left-out files prints `- **Name**` with no blank line", () => {
		expect(indexOf({ "P/Sub/pic.png": {}, "P/z.md": "" }, "P/P.md")).toBe(block("- **Sub**\n- [[z]]"));
	});

	// docs/index-format.md, "Example 5: order"
	it("order: Note 2 < Note 10 < Note, and letters interleave regardless of case", () => {
		const files = { "O/Note.md": "", "O/Note 10.md": "", "O/Note 2.md": "", "O/Board.base": {}, "O/beta.md": "", "O/Alpha.md": "" };
		expect(indexOf(files, "O/O.md")).toBe(
			block("- [[Alpha]]\n- [[beta]]\n- [[Board.base|Board]]\n- [[Note 2]]\n- [[Note 10]]\n- [[Note]]"),
		);
	});

	// docs/index-format.md, "Example 6: the locale is pinned"
	it("the locale is the pinned setting, not the runtime's", () => {
		const files = { "L/z.md": "", "L/ä.md": "" };
		expect(indexOf(files, "L/L.md", { locale: "en" })).toBe(block("- [[ä]]\n- [[z]]"));
		expect(indexOf(files, "L/L.md", { locale: "sv" })).toBe(block("- [[z]]\n- [[ä]]"));
		expect(indexOf(files, "L/L.md", { locale: "not a locale!" })).toBe(block("- [[ä]]\n- [[z]]"));
	});
});

describe("one golden per setting", () => {
	const BASIC: Files = { "P/b.md": "", "P/a.md": "", "P/S/S.md": "", "P/S/c.md": "", "P/T/d.md": "" };

	// docs/index-format.md, "Example 7: markdown links"
	it("markdown links (relative to the index note's folder, encodeURI)", () => {
		const files = { "P/My Note (1).md": "", "P/S/S.md": "", "P/S/c d.md": "", "P/T/e.md": "" };
		expect(indexOf(files, "P/P.md", { linkStyle: "markdown" })).toBe(
			block("- **[S](./S/S.md)**\n\t- [c d](./S/c%20d.md)\n- **T**\n\t- [e](./T/e.md)\n- [My Note (1)](./My%20Note%20(1).md)"),
		);
	});

	// docs/index-format.md, "Example 7: markdown links"
	it("markdown links with titles, .base and other files", () => {
		const files = { "P/n.md": { frontmatter: { title: "The N" } }, "P/B.base": {}, "P/x.pdf": {} };
		expect(indexOf(files, "P/P.md", { linkStyle: "markdown", useTitleProperty: true, showNonMarkdownFiles: true })).toBe(
			block("- [B](./B.base)\n- [The N](./n.md)\n- [x.pdf](./x.pdf)"),
		);
	});

	// docs/index-format.md, "Example 8: indenting with spaces"
	it("indent with 2 spaces, and with 4", () => {
		expect(indexOf(BASIC, "P/P.md", { useSpaces: true })).toBe(block("- **[[S]]**\n  - [[c]]\n- **T**\n  - [[d]]\n- [[a]]\n- [[b]]"));
		expect(indexOf(BASIC, "P/P.md", { useSpaces: true, numSpaces: 4 })).toBe(
			block("- **[[S]]**\n    - [[c]]\n- **T**\n    - [[d]]\n- [[a]]\n- [[b]]"),
		);
	});

	// docs/index-format.md, "Example 9: show enclosing note"
	it("show enclosing note", () => {
		expect(indexOf(BASIC, "P/P.md", { showEnclosingNote: true })).toBe(
			block("- **[[P]]**\n\t- **[[S]]**\n\t\t- [[c]]\n\t- **T**\n\t\t- [[d]]\n\t- [[a]]\n\t- [[b]]"),
		);
	});

	// docs/index-format.md, "Example 10: folders mixed with files"
	it("folders on top off: one collated list", () => {
		expect(indexOf(BASIC, "P/P.md", { foldersOnTop: false })).toBe(
			block("- [[a]]\n- [[b]]\n- **[[S]]**\n\t- [[c]]\n- **T**\n\t- [[d]]"),
		);
	});

	// docs/index-format.md, "Example 11: stop at folder notes"
	it("stop at folder notes", () => {
		expect(indexOf(BASIC, "P/P.md", { stopScanAtFolderNotes: true })).toBe(block("- **[[S]]**\n- **T**\n\t- [[d]]\n- [[a]]\n- [[b]]"));
	});

	// docs/index-format.md, "Example 12: show folder notes"
	it("show folder notes: folder notes also listed as entries (the index note too)", () => {
		expect(indexOf(BASIC, "P/P.md", { showFolderNotes: true })).toBe(
			block("- **[[S]]**\n\t- [[c]]\n\t- [[S]]\n- **T**\n\t- [[d]]\n- [[a]]\n- [[b]]\n- [[P]]"),
		);
	});

	// docs/index-format.md, "Example 13: non-markdown files"
	it("show non-markdown files; .base files are always listed", () => {
		const files = { "P/a.md": "", "P/pic.png": {}, "P/Board.base": {}, "P/Canvas.canvas": {} };
		expect(indexOf(files, "P/P.md")).toBe(block("- [[a]]\n- [[Board.base|Board]]"));
		expect(indexOf(files, "P/P.md", { showNonMarkdownFiles: true })).toBe(
			block("- [[a]]\n- [[Board.base|Board]]\n- [[Canvas.canvas]]\n- [[pic.png]]"),
		);
	});

	// docs/index-format.md, "Example 14: title property"
	it("use title property (string titles only; folder notes too; custom property)", () => {
		const files = {
			"P/a.md": { frontmatter: { title: "Alpha title" } },
			"P/b.md": { frontmatter: { title: 42 } },
			"P/c.md": { frontmatter: { title: "  " } },
			"P/S/S.md": { frontmatter: { title: "Sub title" } },
		};
		expect(indexOf(files, "P/P.md", { useTitleProperty: true })).toBe(
			block("- **[[S|Sub title]]**\n- [[a|Alpha title]]\n- [[b]]\n- [[c]]"),
		);
		expect(indexOf({ "P/a.md": { frontmatter: { name: "N" } } }, "P/P.md", { useTitleProperty: true, titleProperty: "name" })).toBe(
			block("- [[a|N]]"),
		);
		expect(indexOf(files, "P/P.md")).toBe(block("- **[[S]]**\n- [[a]]\n- [[b]]\n- [[c]]"));
	});

	// docs/index-format.md, "Example 15: outside folder notes"
	it("outside folder notes: X/A.md beside X/A/", () => {
		const files = {
			"X/A.md": FLAG,
			"X/A/n.md": "",
			"X/A/B.md": "",
			"X/A/B/m.md": "",
			"X/A/C/k.md": "",
		};
		expect(indexOf(files, "X/A.md", { folderNoteStyle: "outside" })).toBe(block("- **[[B]]**\n\t- [[m]]\n- **C**\n\t- [[k]]\n- [[n]]"));
		expect(indexOf(files, "X/A.md", { folderNoteStyle: "outside", linkStyle: "markdown" })).toBe(
			block("- **[B](./A/B.md)**\n\t- [m](./A/B/m.md)\n- **C**\n\t- [k](./A/C/k.md)\n- [n](./A/n.md)"),
		);
		expect(indexOf(files, "X/A.md", { folderNoteStyle: "outside", showEnclosingNote: true })).toBe(
			block("- **[[A]]**\n\t- **[[B]]**\n\t\t- [[m]]\n\t- **C**\n\t\t- [[k]]\n\t- [[n]]"),
		);
		// A note at the root beside its folder is a folder note in this style.
		// `[[r]]` could open R.md itself (names match case-insensitively): the full path is written.
		expect(indexOf({ "R.md": FLAG, "R/r.md": "" }, "R.md", { folderNoteStyle: "outside" })).toBe(block("- [[R/r]]"));
	});

	// docs/index-format.md, "Example 16: fixed-name folder notes"
	it("fixed-name folder notes: Sub/index.md is Sub's note everywhere, linked by path", () => {
		const files = {
			"P/index.md": FLAG,
			"P/a.md": "",
			"P/Sub/index.md": "",
			"P/Sub/b.md": "",
			"P/Sub/Deep/index.md": FLAG,
			"P/Sub/Deep/c.md": "",
		};
		expect(indexOf(files, "P/index.md", { folderNoteStyle: "fixed" })).toBe(
			block("- **[[P/Sub/index|Sub]]**\n\t- **[[P/Sub/Deep/index|Deep]]**\n\t- [[b]]\n- [[a]]"),
		);
		expect(indexOf(files, "P/Sub/Deep/index.md", { folderNoteStyle: "fixed" })).toBe(block("- [[c]]"));
		expect(indexOf({ "P/home.md": FLAG, "P/x.md": "" }, "P/home.md", { folderNoteStyle: "fixed", folderNoteName: "home" })).toBe(
			block("- [[x]]"),
		);
	});

	// docs/index-format.md, "Example 17: ignored paths"
	it("ignore list: default _attachments, regexes, invalid regex as literal text", () => {
		const files = { "P/_attachments/a.md": "", "P/keep.md": "", "P/Secret/s.md": "", "P/a[1.md": "", "P/draft-1.md": "" };
		expect(indexOf(files, "P/P.md")).toBe(block("- **Secret**\n\t- [[s]]\n- [a\\[1](P/a%5B1.md)\n- [[draft-1]]\n- [[keep]]"));
		expect(indexOf(files, "P/P.md", { ignorePaths: ["^P/Secret", "draft-\\d", "a[1", "  "] })).toBe(
			block("- **_attachments**\n\t- [[a]]\n- [[keep]]"),
		);
	});

	// docs/index-format.md, "Example 18: sync-conflict copies"
	it("sync-conflict copies are ignored by default, listed when the setting is off", () => {
		const files = { "P/a.md": "", "P/a.sync-conflict-20240101-120000-ABCDEFG.md": "", "P/b (conflicted copy 2024-01-01).md": "" };
		expect(indexOf(files, "P/P.md")).toBe(block("- [[a]]"));
		expect(indexOf(files, "P/P.md", { ignoreSyncConflicts: false })).toBe(
			block("- [[a]]\n- [[a.sync-conflict-20240101-120000-ABCDEFG]]\n- [[b (conflicted copy 2024-01-01)]]"),
		);
	});

	const TIMED: Files = {
		"P/a.md": { mtime: 3, ctime: 1, frontmatter: { order: 2 } },
		"P/b.md": { mtime: 1, ctime: 3, frontmatter: { order: 1 } },
		"P/c.md": { mtime: 2, ctime: 2, frontmatter: { order: "0.5" } },
		"P/d.md": { mtime: 2, ctime: 2 },
		"P/F/F.md": { mtime: 9, ctime: 0, frontmatter: { order: 7 } },
		"P/G/g.md": "",
	};

	// docs/index-format.md, "Example 19: sort orders"
	it("sort by name descending", () => {
		expect(indexOf(TIMED, "P/P.md", { sortDirection: "desc" })).toBe(
			block("- **G**\n\t- [[g]]\n- **[[F]]**\n- [[d]]\n- [[c]]\n- [[b]]\n- [[a]]"),
		);
	});

	// docs/index-format.md, "Example 19: sort orders"
	it("sort by modified time (ties by name; folders without a folder note last)", () => {
		expect(indexOf(TIMED, "P/P.md", { sortBy: "mtime" })).toBe(
			block("- **[[F]]**\n- **G**\n\t- [[g]]\n- [[b]]\n- [[c]]\n- [[d]]\n- [[a]]"),
		);
		expect(indexOf(TIMED, "P/P.md", { sortBy: "mtime", sortDirection: "desc" })).toBe(
			block("- **[[F]]**\n- **G**\n\t- [[g]]\n- [[a]]\n- [[c]]\n- [[d]]\n- [[b]]"),
		);
	});

	// docs/index-format.md, "Example 19: sort orders"
	it("sort by created time", () => {
		expect(indexOf(TIMED, "P/P.md", { sortBy: "ctime", foldersOnTop: false })).toBe(
			block("- **[[F]]**\n- [[a]]\n- [[c]]\n- [[d]]\n- [[b]]\n- **G**\n\t- [[g]]"),
		);
	});

	// docs/index-format.md, "Example 19: sort orders"
	it("sort by a frontmatter number (numeric strings count; notes without one last)", () => {
		expect(indexOf(TIMED, "P/P.md", { sortBy: "order", foldersOnTop: false })).toBe(
			block("- [[c]]\n- [[b]]\n- [[a]]\n- **[[F]]**\n- [[d]]\n- **G**\n\t- [[g]]"),
		);
		const custom = { "P/x.md": { frontmatter: { rank: 2 } }, "P/y.md": { frontmatter: { rank: 1 } } };
		expect(indexOf(custom, "P/P.md", { sortBy: "order", orderProperty: "rank" })).toBe(block("- [[y]]\n- [[x]]"));
	});

	// docs/index-format.md, "Example 20: maximum depth"
	it("maximum depth", () => {
		const deep = { "P/A/B/C/c.md": "", "P/A/a.md": "" };
		expect(indexOf(deep, "P/P.md", { maxDepth: 1 })).toBe(block("- **A**"));
		expect(indexOf(deep, "P/P.md", { maxDepth: 2 })).toBe(block("- **A**\n\t- **B**\n\t- [[a]]"));
		expect(indexOf(deep, "P/P.md")).toBe(block("- **A**\n\t- **B**\n\t\t- **C**\n\t\t\t- [[c]]\n\t- [[a]]"));
	});

	// docs/index-format.md, "Example 21: custom flags"
	it("custom waypoint and landmark flags", () => {
		const files = { "P/P.md": "{{index}}", "P/a.md": "", "Q/Q.md": "{{lm}}", "Q/q.md": "" };
		expect(refreshedText(snapshotFromFiles(files), "P/P.md", { waypointFlag: "{{index}}" })).toBe(block("- [[a]]"));
		expect(refreshedText(snapshotFromFiles(files), "Q/Q.md", { landmarkFlag: "{{lm}}" })).toBe(block("- [[Q/q]]", "Landmark"));
	});

	// docs/index-format.md, "Example 22: following Obsidian's link format"
	it("follow Obsidian's link setting: the adapter's linkText, with aliases", () => {
		const calls: string[] = [];
		const linkText = (t: VFile, source: string, alias: string | undefined): string => {
			calls.push(`${t.path}<-${source}`);
			return alias === undefined ? `[[${t.path.replace(/\.md$/, "")}]]` : `[[${t.path}|${alias}]]`;
		};
		const files = { "P/a.md": { frontmatter: { title: "T" } }, "P/S/S.md": "", "P/B.base": {}, "Q/a.md": "" };
		expect(indexOf(files, "P/P.md", { linkFormat: "obsidian", useTitleProperty: true }, linkText)).toBe(
			block("- **[[P/S/S]]**\n- [[P/a.md|T]]\n- [[P/B.base|B]]"),
		);
		expect(calls).toContain("P/a.md<-P/P.md");
		// without an injected function it falls back to Waypoint's format
		// (P/a.md shares its name with Q/a.md, so its shortest unique path is written)
		expect(indexOf(files, "P/P.md", { linkFormat: "obsidian" })).toBe(block("- **[[S]]**\n- [[P/a]]\n- [[B.base|B]]"));
	});
});

describe("per-index options in the folder note's own frontmatter", () => {
	const FILES: Files = {
		"P/a.md": { mtime: 1, frontmatter: { category: "web", order: 2 } },
		"P/b.md": { mtime: 3, frontmatter: { category: ["api", "web"], order: 1 } },
		"P/c.md": { mtime: 2 },
		"P/S/S.md": { mtime: 0, frontmatter: { category: "api" } },
		"P/S/s.md": "",
	};
	// P/S/S.md and P/S/s.md share a name (case-insensitively): both are linked by their paths.
	const note = (fm: string): Files => ({ ...FILES, "P/P.md": `---\n${fm}\n---\n%% Waypoint %%` });
	const fmBlock = (fm: string, tree: string): string => `---\n${fm}\n---\n${block(tree)}`;

	// docs/index-format.md, "Example 23: per-index sort, direction and depth"
	it("index-sort and index-direction", () => {
		expect(indexOf(note("index-sort: mtime\nindex-direction: desc"), "P/P.md")).toBe(
			fmBlock("index-sort: mtime\nindex-direction: desc", "- **[[P/S/S]]**\n\t- [[P/S/s]]\n- [[b]]\n- [[c]]\n- [[a]]"),
		);
		expect(indexOf(note("index-sort: order"), "P/P.md")).toBe(
			fmBlock("index-sort: order", "- **[[P/S/S]]**\n\t- [[P/S/s]]\n- [[b]]\n- [[a]]\n- [[c]]"),
		);
	});

	// docs/index-format.md, "Example 23: per-index sort, direction and depth"
	it("index-depth", () => {
		expect(indexOf(note("index-depth: 1"), "P/P.md")).toBe(fmBlock("index-depth: 1", "- **[[P/S/S]]**\n- [[a]]\n- [[b]]\n- [[c]]"));
	});

	// docs/index-format.md, "Example 23: per-index sort, direction and depth"
	it("invalid options are ignored", () => {
		expect(indexOf(note("index-sort: sideways\nindex-depth: -1"), "P/P.md")).toBe(
			fmBlock("index-sort: sideways\nindex-depth: -1", "- **[[P/S/S]]**\n\t- [[P/S/s]]\n- [[a]]\n- [[b]]\n- [[c]]"),
		);
	});

	// docs/index-format.md, "Example 24: grouping by a property"
	it("index-group: one bold heading per value, list values under each, no value last", () => {
		expect(indexOf(note("index-group: category"), "P/P.md")).toBe(
			fmBlock(
				"index-group: category",
				[
					"- **api**",
					"\t- **[[P/S/S]]**",
					"\t\t- [[P/S/s]]",
					"\t- [[b]]",
					"- **web**",
					"\t- [[a]]",
					"\t- [[b]]",
					"- **(no category)**",
					"\t- [[c]]",
				].join("\n"),
			),
		);
	});
});

describe("link safety (contract deliberate difference 6)", () => {
	// docs/index-format.md, "Example 25: names that cannot be wiki links"
	it("names and titles that cannot be wikilinks become percent-encoded markdown links", () => {
		const files = {
			"P/a|b.md": "",
			"P/C# notes.md": "",
			"P/x^y.md": "",
			"P/tick`s.md": "",
			"P/ lead.md": "",
			"P/t.md": { frontmatter: { title: "see [[Other]]" } },
			"P/u.md": { frontmatter: { title: "50% %% End Waypoint %%" } },
			"P/[br].md": "",
		};
		expect(indexOf(files, "P/P.md", { useTitleProperty: true })).toBe(
			block(
				[
					"- [ lead](P/%20lead.md)",
					"- [\\[br\\]](P/%5Bbr%5D.md)",
					"- [a|b](P/a%7Cb.md)",
					"- [C# notes](P/C%23%20notes.md)",
					"- [see \\[\\[Other\\]\\]](P/t.md)",
					"- [tick\\`s](P/tick%60s.md)",
					"- [50\\% \\%\\% End Waypoint \\%\\%](P/u.md)",
					"- [x^y](P/x%5Ey.md)",
				].join("\n"),
			),
		);
	});

	// docs/index-format.md, "Example 25: names that cannot be wiki links"
	it("Obsidian's format and fixed folder notes check every folder of the path", () => {
		const linkText = (t: VFile): string => `[[${t.path.slice(0, -3)}]]`;
		const files = { "P/C# x/n.md": "", "P/ok/m.md": "", "P/50%% off/o.md": "" };
		expect(indexOf(files, "P/P.md", { linkFormat: "obsidian" }, linkText)).toBe(
			block("- **50\\%\\% off**\n\t- [o](P/50%25%25%20off/o.md)\n- **C# x**\n\t- [n](P/C%23%20x/n.md)\n- **ok**\n\t- [[P/ok/m]]"),
		);
		const fixed = { "P/index.md": FLAG, "P/a[b]/index.md": "" };
		expect(indexOf(fixed, "P/index.md", { folderNoteStyle: "fixed" })).toBe(block("- **[a\\[b\\]](P/a%5Bb%5D/index.md)**"));
	});

	// docs/index-format.md, "Example 25: names that cannot be wiki links"
	it("a link from Obsidian's format holding %% falls back to the encoded path", () => {
		const linkText = (): string => "[[x %% y]]";
		expect(indexOf({ "P/n.md": "" }, "P/P.md", { linkFormat: "obsidian" }, linkText)).toBe(block("- [n](P/n.md)"));
	});

	// docs/index-format.md, "Example 26: folder names in bold, and never `%%`"
	it("folder names are escaped in bold text, and no line ever contains %%", () => {
		const out = indexOf({ "P/a %% End Waypoint %%/x.md": "", "P/b*c/y.md": "" }, "P/P.md");
		expect(out).toBe(block("- **a \\%\\% End Waypoint \\%\\%**\n\t- [[x]]\n- **b\\*c**\n\t- [[y]]"));
	});
});
