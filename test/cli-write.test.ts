import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createNoteExclusive, writeNoteAtomic, WriteRefused, type WriteStep } from "../src/cli/write";
import { cleanup, makeVault, tempDir } from "./cli-helpers";

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

function setup(text: string): { root: string; note: string } {
	const root = fs.realpathSync(makeVault({ "A/Note.md": text }));
	dirs.push(root);
	return { root, note: path.join(root, "A", "Note.md") };
}

describe("writeNoteAtomic", () => {
	it("replaces the text, keeps the file mode and leaves no temporary file", () => {
		const { root, note } = setup("old\r\n");
		fs.chmodSync(note, 0o640);
		writeNoteAtomic({ realPath: note, vaultReal: root, expected: "old\r\n" }, "new\r\n");
		expect(fs.readFileSync(note, "utf8")).toBe("new\r\n");
		expect(fs.statSync(note).mode & 0o777).toBe(0o640);
		expect(fs.readdirSync(path.join(root, "A"))).toEqual(["Note.md"]);
	});

	it("refuses when the note changed after it was read", () => {
		const { root, note } = setup("edited meanwhile");
		expect(() => writeNoteAtomic({ realPath: note, vaultReal: root, expected: "old" }, "new")).toThrow(WriteRefused);
		expect(fs.readFileSync(note, "utf8")).toBe("edited meanwhile");
	});

	it("refuses when the note was replaced by a link leading out of the vault", () => {
		const { root, note } = setup("old");
		const outside = makeVault({ "Target.md": "old" }, tempDir());
		dirs.push(outside);
		fs.rmSync(note);
		fs.symlinkSync(path.join(outside, "Target.md"), note);
		expect(() => writeNoteAtomic({ realPath: note, vaultReal: root, expected: "old" }, "new")).toThrow(WriteRefused);
		expect(fs.readFileSync(path.join(outside, "Target.md"), "utf8")).toBe("old");
	});

	it("refuses a path outside the vault", () => {
		const { root } = setup("old");
		const outside = fs.realpathSync(makeVault({ "Other.md": "old" }, tempDir()));
		dirs.push(outside);
		expect(() => writeNoteAtomic({ realPath: path.join(outside, "Other.md"), vaultReal: root, expected: "old" }, "new")).toThrow(
			WriteRefused,
		);
	});
});

describe("writeNoteAtomic never overwrites what it did not read", () => {
	it.each<WriteStep>(["checked", "temp-written", "flushed"])("keeps an edit made when the write is at %s", (step) => {
		const { root, note } = setup("old\n");
		const write = (): void =>
			writeNoteAtomic(
				{
					realPath: note,
					vaultReal: root,
					expected: "old\n",
					onStep: (at) => {
						if (at === step) fs.appendFileSync(note, "typed meanwhile\n");
					},
				},
				"new\n",
			);
		expect(write).toThrow(/changed while it was being written/);
		expect(fs.readFileSync(note, "utf8")).toBe("old\ntyped meanwhile\n");
		expect(fs.readdirSync(path.join(root, "A"))).toEqual(["Note.md"]);
	});

	it("keeps an edit of the same size made in the same instant", () => {
		const { root, note } = setup("abc");
		const { mtime } = fs.statSync(note);
		const write = (): void =>
			writeNoteAtomic(
				{
					realPath: note,
					vaultReal: root,
					expected: "abc",
					onStep: (at) => {
						if (at !== "flushed") return;
						fs.writeFileSync(note, "xyz");
						fs.utimesSync(note, mtime, mtime);
					},
				},
				"new",
			);
		expect(write).toThrow(WriteRefused);
		expect(fs.readFileSync(note, "utf8")).toBe("xyz");
	});
});

describe("writeNoteAtomic keeps permissions", () => {
	it("leaves a read-only note as it is", () => {
		const { root, note } = setup("old");
		fs.chmodSync(note, 0o444);
		expect(() => writeNoteAtomic({ realPath: note, vaultReal: root, expected: "old" }, "new")).toThrow(/read-only/);
		expect(fs.readFileSync(note, "utf8")).toBe("old");
		expect(fs.statSync(note).mode & 0o777).toBe(0o444);
		expect(fs.readdirSync(path.join(root, "A"))).toEqual(["Note.md"]);
	});

	it.runIf(process.getuid?.() === 0)("keeps the owner of a note that belongs to another user", () => {
		const { root, note } = setup("old");
		fs.chownSync(note, 12345, 23456);
		writeNoteAtomic({ realPath: note, vaultReal: root, expected: "old" }, "new");
		const stat = fs.statSync(note);
		expect([stat.uid, stat.gid]).toEqual([12345, 23456]);
		expect(fs.readFileSync(note, "utf8")).toBe("new");
	});
});

describe("temporary files", () => {
	it("fit beside a note whose name is 250 bytes long", () => {
		const name = `${"é".repeat(123)}.md`;
		expect(Buffer.byteLength(name)).toBe(249);
		const root = fs.realpathSync(makeVault({ [name]: "old" }));
		dirs.push(root);
		writeNoteAtomic({ realPath: path.join(root, name), vaultReal: root, expected: "old" }, "new");
		expect(fs.readFileSync(path.join(root, name), "utf8")).toBe("new");
		createNoteExclusive(path.join(root, `${"ü".repeat(123)}.md`), "created");
		expect(fs.readdirSync(root).sort()).toEqual([name, `${"ü".repeat(123)}.md`].sort());
	});

	it("left by a killed run are removed by a later run; a running one's are not", () => {
		const { root, note } = setup("old");
		const folder = path.join(root, "A");
		const stale = path.join(folder, ".framework-notes-999-deadbeef.tmp");
		const fresh = path.join(folder, ".framework-notes-998-cafebabe.tmp");
		const foreign = path.join(folder, ".other-program.tmp");
		for (const file of [stale, fresh, foreign]) fs.writeFileSync(file, "partial");
		const old = new Date(Date.now() - 10 * 60_000);
		fs.utimesSync(stale, old, old);
		fs.utimesSync(foreign, old, old);
		writeNoteAtomic({ realPath: note, vaultReal: root, expected: "old" }, "new");
		expect(fs.readdirSync(folder).sort()).toEqual([".framework-notes-998-cafebabe.tmp", ".other-program.tmp", "Note.md"]);
	});
});

describe("createNoteExclusive", () => {
	const noHardLinks = (): never => {
		throw Object.assign(new Error("operation not permitted"), { code: "EPERM" });
	};

	it("works on a file system without hard links", () => {
		const root = fs.realpathSync(makeVault({}));
		dirs.push(root);
		createNoteExclusive(path.join(root, "New.md"), "text", { link: noHardLinks });
		expect(fs.readFileSync(path.join(root, "New.md"), "utf8")).toBe("text");
		expect(fs.readdirSync(root)).toEqual(["New.md"]);
	});

	it("never replaces a note that is already there, with or without hard links", () => {
		const root = fs.realpathSync(makeVault({ "Old.md": "mine" }));
		dirs.push(root);
		expect(() => createNoteExclusive(path.join(root, "Old.md"), "other")).toThrow(/EEXIST/);
		expect(() => createNoteExclusive(path.join(root, "Old.md"), "other", { link: noHardLinks })).toThrow(/EEXIST/);
		expect(fs.readFileSync(path.join(root, "Old.md"), "utf8")).toBe("mine");
		expect(fs.readdirSync(root)).toEqual(["Old.md"]);
	});
});
