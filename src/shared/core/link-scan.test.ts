import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markdownSpans, replaceSpans, wikiSpans } from "./link-scan";

/** Short texts dense in the characters link syntax is made of. */
const bracketText = fc.string({ unit: fc.constantFrom("[", "]", "(", ")", "!", "|", "#", "^", " ", "a", "b"), maxLength: 40 });

/** The regular expressions the scanners replace: same answers, asked of short texts only. */
function regexSpans(re: RegExp, text: string): { start: number; end: number }[] {
	return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

describe("link scanners", () => {
	it("find the wiki links a backtracking regex finds", () => {
		fc.assert(
			fc.property(bracketText, (text) => {
				const expected = regexSpans(/!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, text);
				expect(wikiSpans(text).map(({ start, end }) => ({ start, end }))).toEqual(expected);
			}),
			{ numRuns: 2000 },
		);
	});

	it("find the Markdown links a backtracking regex finds", () => {
		fc.assert(
			fc.property(bracketText, (text) => {
				const expected = regexSpans(/!?\[([^\]]*)\]\([^)]*\)/g, text);
				expect(markdownSpans(text).map(({ start, end }) => ({ start, end }))).toEqual(expected);
				const strict = /\[[^\]]*\]\(([^)\s]+)\)/.exec(text)?.[1];
				expect(markdownSpans(text, (d) => /^[^)\s]+$/.test(d))[0]?.destination).toBe(strict);
			}),
			{ numRuns: 2000 },
		);
	});

	it("replace spans and keep the rest", () => {
		const text = "a [[B|b]] c ![x](y) d";
		expect(replaceSpans(text, wikiSpans(text), (s) => `<${s.inner}>`)).toBe("a <B|b> c ![x](y) d");
		expect(replaceSpans(text, markdownSpans(text), (s) => s.label)).toBe("a [[B|b]] c x d");
	});
});
