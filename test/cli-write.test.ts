import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeNoteAtomic, WriteRefused } from "../src/cli/write";
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
