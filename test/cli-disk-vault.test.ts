import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DiskVault } from "../src/cli/disk-vault";
import { frontmatterSource } from "../src/cli/text";
import { isFile, isFolder, type VFolder } from "../src/shared/core/vault";
import { cleanup, failingReader, makeVault, tempDir } from "./cli-helpers";

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

function vaultOf(files: Record<string, string | Uint8Array>): string {
	const root = makeVault(files);
	dirs.push(root);
	return root;
}

function names(folder: VFolder): string[] {
	return folder.children.map((c) => c.name).sort();
}

describe("DiskVault tree", () => {
	it("builds folders and files with vault paths, names, basenames and extensions", () => {
		const root = vaultOf({ "A/A.md": "# A", "A/Sub/Note.md": "x", "A/diagram.png": "p", "Board.base": "", README: "r" });
		const vault = DiskVault.load(root);
		expect(vault.root.isRoot()).toBe(true);
		expect(vault.root.path).toBe("/");
		expect(vault.getNode("")).toBe(vault.root);
		expect(names(vault.root)).toEqual(["A", "Board.base", "README"]);
		const note = vault.getNode("A/Sub/Note.md");
		expect(note && isFile(note) && [note.name, note.basename, note.extension, note.parent?.path]).toEqual([
			"Note.md",
			"Note",
			"md",
			"A/Sub",
		]);
		const sub = vault.getNode("A/Sub");
		expect(sub && isFolder(sub) && !sub.isRoot() && sub.parent?.path).toBe("A");
		const readme = vault.getNode("README");
		expect(readme && isFile(readme) && [readme.basename, readme.extension]).toEqual(["README", ""]);
		expect(vault.getNode("missing.md")).toBeNull();
	});

	it("leaves out dot files and folders (config folder, .git, .trash) like Obsidian", () => {
		const root = vaultOf({ ".obsidian/app.json": "{}", ".git/HEAD": "x", ".trash/old.md": "x", ".hidden.md": "x", "Note.md": "x" });
		const vault = DiskVault.load(root);
		expect(names(vault.root)).toEqual(["Note.md"]);
		expect(vault.getNode(".obsidian")).toBeNull();
	});

	it("leaves out a config folder with another name", () => {
		const root = vaultOf({ "_config/plugins/x.md": "x", "Note.md": "x" });
		expect(names(DiskVault.load(root, { configDir: "_config" }).root)).toEqual(["Note.md"]);
	});

	it("reads stats lazily and correctly", () => {
		const root = vaultOf({ "Note.md": "hello" });
		const when = new Date("2024-01-02T03:04:05Z");
		fs.utimesSync(path.join(root, "Note.md"), when, when);
		const note = DiskVault.load(root).getNode("Note.md");
		expect(note && isFile(note) && note.stat.size).toBe(5);
		expect(note && isFile(note) && note.stat.mtime).toBe(when.getTime());
	});

	it("throws for a path that is not a folder", () => {
		const root = vaultOf({ "Note.md": "x" });
		expect(() => DiskVault.load(path.join(root, "Note.md"))).toThrow();
		expect(() => DiskVault.load(path.join(root, "missing"))).toThrow();
	});
});

describe("DiskVault symbolic links", () => {
	it("never follows a link to a folder outside the vault, nor lists a linked file outside", () => {
		const outside = makeVault({ "Secret/Secret.md": "%% Waypoint %%", "Loose.md": "x" }, tempDir());
		dirs.push(outside);
		const root = vaultOf({ "Note.md": "x" });
		fs.symlinkSync(path.join(outside, "Secret"), path.join(root, "Linked"), "dir");
		fs.symlinkSync(path.join(outside, "Loose.md"), path.join(root, "Loose.md"));
		const vault = DiskVault.load(root);
		expect(names(vault.root)).toEqual(["Note.md"]);
		expect(vault.skippedLinks.sort()).toEqual(["Linked", "Loose.md"]);
	});

	it("lists a linked file whose target is inside the vault, reading the target", () => {
		const root = vaultOf({ "A/Real.md": "real text" });
		fs.symlinkSync(path.join(root, "A", "Real.md"), path.join(root, "Alias.md"));
		const vault = DiskVault.load(root);
		expect(names(vault.root)).toEqual(["A", "Alias.md"]);
		expect(vault.readText("Alias.md")).toEqual({ ok: true, text: "real text" });
	});

	it("does not follow a link to a folder inside the vault (no duplicates, no cycles)", () => {
		const root = vaultOf({ "A/Note.md": "x" });
		fs.symlinkSync(root, path.join(root, "A", "loop"), "dir");
		const vault = DiskVault.load(root);
		expect(vault.getNode("A/loop")).toBeNull();
		expect(vault.allFiles().map((f) => f.path)).toEqual(["A/Note.md"]);
	});

	it("opens a vault given through a symbolic link", () => {
		const root = vaultOf({ "Note.md": "x" });
		const parent = tempDir();
		dirs.push(parent);
		fs.symlinkSync(root, path.join(parent, "vault"), "dir");
		const vault = DiskVault.load(path.join(parent, "vault"));
		expect(vault.rootReal).toBe(fs.realpathSync(root));
		expect(names(vault.root)).toEqual(["Note.md"]);
	});
});

describe("DiskVault text and frontmatter", () => {
	it("parses frontmatter with the yaml library, lazily, with LF or CRLF", () => {
		const root = vaultOf({
			"A.md": "---\ntitle: Alpha\norder: 2\ntags: [x, y]\ncreated: 2026-11-24\n---\nbody",
			"B.md": "---\r\ntitle: Beta\r\n---\r\nbody",
			"C.md": "no frontmatter",
			"D.md": "---\n---\nempty",
			"E.md": "---\n- a list\n---\n",
		});
		const vault = DiskVault.load(root);
		expect(vault.frontmatter("A.md")).toEqual({ title: "Alpha", order: 2, tags: ["x", "y"], created: "2026-11-24" });
		expect(vault.frontmatter("B.md")).toEqual({ title: "Beta" });
		expect(vault.frontmatter("C.md")).toBeNull();
		expect(vault.frontmatter("D.md")).toBeNull();
		expect(vault.frontmatter("E.md")).toBeNull();
		expect(vault.frontmatterError("A.md")).toBeNull();
	});

	it("reports invalid YAML with a one-line message and no frontmatter", () => {
		const root = vaultOf({ "Bad.md": "---\ntitle: [unclosed\nkey: : x\n---\nbody" });
		const vault = DiskVault.load(root);
		expect(vault.frontmatter("Bad.md")).toBeNull();
		const message = vault.frontmatterError("Bad.md");
		expect(message).toMatch(/^invalid YAML in frontmatter: .+ \(line 3, column \d+\)$/);
		expect(message).not.toContain("\n");
	});

	it("gives the same frontmatter whether or not the text was read first", () => {
		const root = vaultOf({ "A.md": "---\ntitle: Alpha\n---\nbody" });
		const first = DiskVault.load(root);
		expect(first.readText("A.md").ok).toBe(true);
		expect(first.frontmatter("A.md")).toEqual(DiskVault.load(root).frontmatter("A.md"));
	});

	it("refuses text that is not valid UTF-8 instead of damaging it", () => {
		const root = vaultOf({ "Latin1.md": new Uint8Array([0x63, 0x61, 0x66, 0xe9]) });
		expect(DiskVault.load(root).readText("Latin1.md")).toEqual({ ok: false, message: "not valid UTF-8 text" });
	});

	it("keeps a byte-order mark and CRLF in the text", () => {
		const root = vaultOf({ "A.md": "\uFEFF# A\r\nline\r\n" });
		expect(DiskVault.load(root).readText("A.md")).toEqual({ ok: true, text: "\uFEFF# A\r\nline\r\n" });
	});

	it("reports a note that disappeared after the walk", () => {
		const root = vaultOf({ "Gone.md": "x" });
		const vault = DiskVault.load(root);
		fs.rmSync(path.join(root, "Gone.md"));
		expect(vault.readText("Gone.md")).toEqual({ ok: false, message: "no such file or folder" });
	});

	// Root reads anything whatever the permissions, so the failure is injected (CI runs as root).
	it("reports an unreadable note without failing the vault", () => {
		const root = vaultOf({ "Locked.md": "x", "Open.md": "y" });
		const vault = DiskVault.load(root, { readFile: failingReader("EACCES", "Locked.md") });
		expect(vault.readText("Locked.md")).toEqual({ ok: false, message: "permission denied" });
		expect(vault.readText("Open.md")).toEqual({ ok: true, text: "y" });
		expect(vault.frontmatter("Locked.md")).toBeNull();
	});
});

describe("frontmatterSource", () => {
	it("finds the block only at the very start, closed by a --- line", () => {
		expect(frontmatterSource("---\na: 1\n---\nbody")).toBe("a: 1\n");
		expect(frontmatterSource("---\na: 1\n---")).toBe("a: 1\n");
		expect(frontmatterSource("---\na: 1\nno end")).toBeNull();
		expect(frontmatterSource("text\n---\na: 1\n---\n")).toBeNull();
		expect(frontmatterSource("----\na: 1\n---\n")).toBeNull();
		expect(frontmatterSource("---\r\na: 1\r\n---\r\n")).toBe("a: 1\r\n");
	});
});
