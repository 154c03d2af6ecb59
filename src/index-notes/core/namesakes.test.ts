/**
 * Shared names: a name another file also has (compared case-insensitively, as Obsidian resolves
 * links) is written with the shortest trailing path that opens the right file; unique names keep
 * Waypoint's bytes. docs/index-format.md, "Example 34: shared names".
 */
import { describe, expect, it } from "vitest";
import { buildLinkNames } from "../../shared/core/link-names";
import { snapshotFromFiles, type FileSpec } from "../../shared/core/testing/snapshot";
import type { IndexSettings } from "../../shared/core/settings";
import { refreshedText } from "./testing";

type Files = Record<string, FileSpec | string>;

const FLAG = "%% Waypoint %%";

function block(tree: string): string {
	return `%% Begin Waypoint %%\n${tree}\n\n%% End Waypoint %%`;
}

function indexOf(files: Files, note: string, settings: Partial<IndexSettings> = {}): string {
	return refreshedText(snapshotFromFiles({ [note]: FLAG, ...files }), note, settings);
}

describe("shared names (Example 34)", () => {
	// docs/index-format.md, "Example 34: shared names"
	const VAULT: Files = {
		"Web/Web.md": FLAG,
		"Web/Django/Django.md": "",
		"Web/Django/Note.md": "",
		"Web/Flask/Flask.md": "",
		"Web/Flask/Note.md": { frontmatter: { title: "Flask notes" } },
		"Web/Themes/Catppuccin.md": "",
		"Web/Themes/diagram.png": {},
		"Colors/catppuccin.md": "",
		"Colors/diagram.png": {},
		"Web/Unique.md": "",
	};

	it("two notes named Note: each linked by the shortest path that opens it", () => {
		expect(indexOf(VAULT, "Web/Web.md")).toBe(
			block(
				[
					"- **[[Django]]**",
					"\t- [[Django/Note]]",
					"- **[[Flask]]**",
					"\t- [[Flask/Note]]",
					"- **Themes**",
					"\t- [[Themes/Catppuccin]]",
					"- [[Unique]]",
				].join("\n"),
			),
		);
	});

	it("names differing only in letter case are shared names", () => {
		expect(indexOf(VAULT, "Colors/Colors.md")).toBe(block("- [[Colors/catppuccin]]"));
	});

	it("the title stays the alias", () => {
		expect(indexOf(VAULT, "Web/Web.md", { useTitleProperty: true })).toContain("\t- [[Flask/Note|Flask notes]]");
	});

	it("other files are compared by their full name", () => {
		expect(indexOf(VAULT, "Web/Web.md", { showNonMarkdownFiles: true })).toContain("\t- [[Themes/diagram.png]]");
		expect(indexOf(VAULT, "Colors/Colors.md", { showNonMarkdownFiles: true })).toBe(
			block("- [[Colors/catppuccin]]\n- [[Colors/diagram.png]]"),
		);
	});

	it("unique names keep Waypoint's bytes; markdown links and fixed folder notes are unchanged", () => {
		const files = { "P/a.md": "", "P/b.md": "", "Q/c.md": "" };
		expect(indexOf(files, "P/P.md")).toBe(block("- [[a]]\n- [[b]]"));
		expect(indexOf({ "P/Note.md": "", "Q/Note.md": "" }, "P/P.md", { linkStyle: "markdown" })).toBe(block("- [Note](./Note.md)"));
		expect(indexOf({ "P/Sub/index.md": "", "Q/Sub/index.md": "" }, "P/index.md", { folderNoteStyle: "fixed" })).toBe(
			block("- **[[P/Sub/index|Sub]]**"),
		);
	});

	it("a longer path when a shorter one is shared too; the full path when nothing shorter is unique", () => {
		const files = { "A/x/Note.md": "", "B/x/Note.md": "", "A/Note.md": "" };
		expect(indexOf(files, "A/A.md")).toBe(block("- **x**\n\t- [[A/x/Note]]\n- [[A/Note]]"));
		// `x/Note` ends `a/x/Note`: only the full path opens x/Note.md itself.
		expect(indexOf({ "x/Note.md": "", "a/x/Note.md": "" }, "x/x.md")).toBe(block("- [[x/Note]]"));
		expect(indexOf({ "x/Note.md": "", "a/x/Note.md": "" }, "a/a.md")).toBe(block("- **x**\n\t- [[a/x/Note]]"));
	});
});

describe("the name index", () => {
	it("knows only the shared names, with their paths", () => {
		const vault = snapshotFromFiles({ "a/Note.md": "", "b/note.md": "", "c/Note.png": {}, "d/Other.md": "" });
		const names = buildLinkNames(vault.root);
		expect([...names.shared]).toEqual([["note", ["a/Note.md", "b/note.md"]]]);
		expect(names.linkPath(vault.getNode("c/Note.png") as never)).toBe("Note.png");
		expect(names.linkPath(vault.getNode("d/Other.md") as never)).toBe("Other");
		expect(names.linkPath(vault.getNode("b/note.md") as never)).toBe("b/note");
	});
});
