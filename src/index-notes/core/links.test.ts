import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeWikiPath, safeWikiTarget } from "./links";

describe("safeWikiPath", () => {
	it("accepts a path exactly when every segment is a safe wikilink target", () => {
		const alphabet = ["a", "B", "/", " ", "\t", "\u00a0", "\ufeff", "\u2028", "[", "|", "#", "%", "é"];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (chars) => {
				const path = chars.join("");
				expect(safeWikiPath(path)).toBe(path.split("/").every(safeWikiTarget));
			}),
			{ numRuns: 5000 },
		);
	});

	it("answers the cases that matter by name", () => {
		expect(safeWikiPath("Web/Flask")).toBe(true);
		expect(safeWikiPath("Web /Flask")).toBe(false);
		expect(safeWikiPath("Web/ Flask")).toBe(false);
		expect(safeWikiPath("Web//Flask")).toBe(false);
		expect(safeWikiPath("/Flask")).toBe(false);
		expect(safeWikiPath("Web/Fla%%sk")).toBe(false);
		expect(safeWikiPath("")).toBe(false);
	});
});
