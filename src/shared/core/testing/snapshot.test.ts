import { describe, expect, it } from "vitest";
import { isFile, isFolder } from "../vault";
import { snapshotFromFiles } from "./snapshot";

describe("snapshotFromFiles", () => {
	const vault = snapshotFromFiles({
		"A/B/note.md": { text: "---\ntitle: Hi\ntags: [x]\n---\nbody", mtime: 5, ctime: 2 },
		"A/bad.md": "---\ntitle: [unclosed\n---\n",
		"A/given.md": { text: "---\ntitle: ignored\n---\n", frontmatter: { title: "given" } },
		"A/pic.png": {},
		"A/Empty/": {},
		"top.md": "no frontmatter",
	});

	it("builds folders for every parent, keeping key order, with Obsidian-like shapes", () => {
		expect(vault.root.isRoot()).toBe(true);
		expect(vault.root.children.map((c) => c.name)).toEqual(["A", "top.md"]);
		const a = vault.getNode("A");
		expect(a !== null && isFolder(a) && a.children.map((c) => c.name)).toEqual(["B", "bad.md", "given.md", "pic.png", "Empty"]);
		const note = vault.getNode("A/B/note.md");
		expect(note !== null && isFile(note)).toBe(true);
		if (note === null || !isFile(note)) return;
		expect([note.basename, note.extension, note.parent?.path, note.stat.mtime, note.stat.ctime]).toEqual(["note", "md", "A/B", 5, 2]);
		expect(vault.getNode("/")).toBe(vault.root);
		expect(vault.getNode("missing")).toBeNull();
		expect(vault.files().length).toBe(5);
		expect(vault.folders().map((f) => f.path)).toEqual(["A", "A/B", "A/Empty"]);
	});

	it("parses frontmatter from the text unless given, and reports invalid YAML", () => {
		expect(vault.frontmatter("A/B/note.md")).toEqual({ title: "Hi", tags: ["x"] });
		expect(vault.frontmatter("A/given.md")).toEqual({ title: "given" });
		expect(vault.frontmatter("top.md")).toBeNull();
		expect(vault.frontmatter("A/bad.md")).toBeNull();
		expect(vault.frontmatterError("A/bad.md")).not.toBeNull();
		expect(vault.frontmatterError("A/B/note.md")).toBeNull();
		expect(vault.text("top.md")).toBe("no frontmatter");
		expect(vault.text("A/pic.png")).toBeNull();
	});

	it("rejects a path that is both a file and a folder", () => {
		expect(() => snapshotFromFiles({ "A.md": "", "A.md/x.md": "" })).toThrow(/both a file and a folder/);
	});
});
