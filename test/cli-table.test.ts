import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, fitWidths, renderTable, terminalSafe, truncate } from "../src/comparison/core/terminal-table";

describe("terminal table", () => {
	it("aligns columns at their natural width when they fit", () => {
		const out = renderTable(
			["note", "license"],
			[
				{
					label: null,
					rows: [
						["Django", "BSD-3-Clause"],
						["Bottle", "MIT"],
					],
				},
			],
			80,
		);
		expect(out).toBe(["note    license", "──────  ────────────", "Django  BSD-3-Clause", "Bottle  MIT", ""].join("\n"));
	});

	it("never prints a line wider than the width, cutting long cells with an ellipsis", () => {
		const long = "A high-level framework that encourages rapid development and clean, pragmatic design.";
		const out = renderTable(["note", "summary", "license"], [{ label: "full-stack", rows: [["Django", long, "BSD-3-Clause"]] }], 40);
		for (const line of out.trimEnd().split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(40);
		expect(out).toContain("…");
		expect(out).toContain("Django");
		expect(out).toContain("full-stack");
	});

	it("keeps narrow columns whole and splits the rest of the width among the wide ones", () => {
		expect(fitWidths([5, 50, 10], 40)).toEqual([5, 21, 10]);
		expect(fitWidths([30, 80, 4, 40], 66)).toEqual([18, 19, 4, 19]);
		expect(fitWidths([5, 10], 100)).toEqual([5, 10]);
	});

	it("truncates by display width, counting wide characters as two", () => {
		expect(truncate("abcdef", 4)).toBe("abc…");
		expect(truncate("abc", 3)).toBe("abc");
		expect(displayWidth("日本")).toBe(4);
		expect(displayWidth(truncate("日本語テキスト", 6))).toBeLessThanOrEqual(6);
	});

	it("makes terminal escape sequences from notes harmless", () => {
		expect(terminalSafe("evil\u001b[31mred\u0007\nnext")).toBe("evil\uFFFD[31mred\uFFFD next");
		const out = renderTable(["note"], [{ label: null, rows: [["\u001b]0;title\u0007"]] }], 80);
		expect(out).not.toContain("\u001b");
	});
});

describe("display width", () => {
	it("follows East Asian Width and counts emoji as two columns", () => {
		expect(displayWidth("✨")).toBe(2);
		expect(displayWidth("🇫🇷")).toBe(2);
		expect(displayWidth("❤️")).toBe(2);
		expect(displayWidth("e\u0301")).toBe(1);
		expect(displayWidth("한국어")).toBe(6);
		expect(displayWidth("abc")).toBe(3);
		expect(truncate("✨✨✨", 4)).toBe("✨…");
	});
});

describe("widths of plain ASCII text (counted without segmenting)", () => {
	it("are one column a character, and cutting keeps a prefix and an ellipsis", () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
				fc.integer({ min: 1, max: 40 }),
				(text, width) => {
					expect(displayWidth(text)).toBe(text.length);
					expect(truncate(text, width)).toBe(text.length <= width ? text : `${text.slice(0, width - 1)}…`);
				},
			),
		);
	});
});
