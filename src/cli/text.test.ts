import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { frontmatterFromHead, frontmatterSource } from "./text";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fn-head-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Uint8Array): string {
	const p = path.join(dir, `n${n++}.md`);
	fs.writeFileSync(p, content);
	return p;
}

describe("reading the frontmatter from the top of a note", () => {
	it("gives what reading the whole note gives, whatever the chunk size", () => {
		const piece = fc.constantFrom(
			"---",
			"----",
			"--- ",
			"---\t",
			"\n",
			"\r\n",
			"\r",
			"\uFEFF",
			"title: é ✨",
			"a: 1",
			"...",
			" ",
			"x".repeat(9),
			"-",
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 14 }), fc.integer({ min: 1, max: 9 }), (parts, size) => {
				const text = parts.join("");
				expect(frontmatterFromHead(file(text), Buffer.alloc(size))).toBe(frontmatterSource(text));
			}),
			{ numRuns: 3000 },
		);
	});

	it("reads a long frontmatter across many chunks and stops before the body", () => {
		const yaml = `title: ${"é".repeat(5000)}\n`;
		// The body is not valid UTF-8: it is never read, so the frontmatter is still found.
		const body = Buffer.from([0xff, 0xfe, 0x00]);
		const p = file(Buffer.concat([Buffer.from(`---\n${yaml}---\n`), body]));
		expect(frontmatterFromHead(p, Buffer.alloc(4096))).toBe(yaml);
	});

	it("answers null for a note without frontmatter, a missing file and invalid UTF-8 in the frontmatter", () => {
		expect(frontmatterFromHead(file("# Title\n---\na: 1\n---\n"), Buffer.alloc(4))).toBeNull();
		expect(frontmatterFromHead(path.join(dir, "missing.md"), Buffer.alloc(4))).toBeNull();
		expect(
			frontmatterFromHead(file(Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a])), Buffer.alloc(4)),
		).toBeNull();
	});
});
