import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateFrontmatter } from "./frontmatter-block";

/** The rule written the slow, obvious way: split into lines and look for the fences. */
function reference(text: string): string | null {
	const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
	const lines = body.split("\n");
	const fence = (line: string) => /^---[ \t]*\r?$/.test(line);
	if (lines.length < 2 || !fence(lines[0] ?? "")) return null;
	for (let i = 1; i < lines.length; i++) {
		if (fence(lines[i] ?? ""))
			return lines
				.slice(1, i)
				.map((l) => `${l}\n`)
				.join("");
	}
	return null;
}

describe("locateFrontmatter", () => {
	it("finds the block on the very first line, with LF or CRLF", () => {
		expect(locateFrontmatter("---\na: 1\n---\nbody")?.yaml).toBe("a: 1\n");
		expect(locateFrontmatter("---\r\na: 1\r\n---\r\nbody")?.yaml).toBe("a: 1\r\n");
		const r = locateFrontmatter("---\na: 1\n---\nbody");
		expect(r).toMatchObject({ start: 0, innerStart: 4, innerEnd: 9, end: 13, lineCount: 3 });
	});

	it("accepts an empty block, trailing spaces after the fences, a byte order mark and a closing fence at the end", () => {
		expect(locateFrontmatter("---\n---\n")?.yaml).toBe("");
		expect(locateFrontmatter("--- \t\na: 1\n---  \nx")?.yaml).toBe("a: 1\n");
		expect(locateFrontmatter("\uFEFF---\na: 1\n---\n")).toMatchObject({ start: 1, yaml: "a: 1\n" });
		expect(locateFrontmatter("---\na: 1\n---")).toMatchObject({ end: 12, yaml: "a: 1\n" });
	});

	it("finds nothing unless `---` is the first line and a closing `---` line follows", () => {
		expect(locateFrontmatter("\n---\na: 1\n---\n")).toBeNull();
		expect(locateFrontmatter("---\na: 1\n")).toBeNull();
		expect(locateFrontmatter("---\na: 1\n...\n")).toBeNull();
		expect(locateFrontmatter("----\na: 1\n---\n")).toBeNull();
		expect(locateFrontmatter("--- x\na: 1\n---\n")).toBeNull();
		expect(locateFrontmatter("---")).toBeNull();
	});

	it("agrees with the line-by-line rule on any text (property test)", () => {
		const piece = fc.constantFrom("---", "--- ", "---\r", "----", "...", "a: 1", "", " ---", "\uFEFF", "x");
		const text = fc.array(piece, { maxLength: 8 }).chain((lines) => fc.constantFrom("\n", "\r\n").map((eol) => lines.join(eol)));
		fc.assert(
			fc.property(text, (t) => {
				const found = locateFrontmatter(t);
				expect(found?.yaml ?? null).toBe(reference(t));
				if (found) {
					expect(t.slice(found.innerStart, found.innerEnd)).toBe(found.yaml);
					expect(
						t
							.slice(found.start, found.end)
							.split("\n")
							.filter((_, i, a) => i < a.length - 1 || a[i] !== "").length,
					).toBe(found.lineCount);
				}
			}),
		);
	});
});
