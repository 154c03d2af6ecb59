import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEmptyValue, proposalsFor, sameValue, ticked } from "./proposals";
import type { Fact, NoteFacts } from "./types";

const fact = (key: Fact["key"], value: Fact["value"]): Fact => ({ key, value, source: "pypi", provenance: `PyPI: ${key}` });

describe("sameValue", () => {
	it("compares as a reader would: case, spaces, numbers as text, wikilinks, lists, URLs and date-times", () => {
		expect(sameValue("2005", 2005, "first_release")).toBe(true);
		expect(sameValue(" python ", "Python", "language")).toBe(true);
		expect(sameValue("[[Python]]", "Python", "language")).toBe(true);
		expect(sameValue(["MIT", "Apache-2.0"], "MIT", "license")).toBe(true);
		expect(sameValue("http://www.djangoproject.com", "https://www.djangoproject.com/", "website")).toBe(true);
		expect(sameValue("https://github.com/django/django.git", "https://github.com/django/django", "repository")).toBe(true);
		expect(sameValue("2025-04-02T10:00:00Z", "2025-04-02", "latest_release")).toBe(true);
		expect(sameValue(new Date("2025-04-02T00:00:00Z"), "2025-04-02", "latest_release")).toBe(true);
		expect(sameValue("true", true, "archived")).toBe(true);
		expect(sameValue("BSD", "BSD-3-Clause", "license")).toBe(false);
		expect(sameValue(80000, 83512, "stars")).toBe(false);
		expect(sameValue({ a: 1 }, "x", "summary")).toBe(false);
	});

	it("knows empty values", () => {
		for (const empty of [undefined, null, "", "  ", [], [null, ""]]) expect(isEmptyValue(empty)).toBe(true);
		for (const value of [0, false, "x", ["x"]]) expect(isEmptyValue(value)).toBe(false);
	});
});

describe("proposals and ticked", () => {
	const facts = [
		fact("language", "Python"),
		fact("license", "MIT"),
		fact("first_release", 2010),
		fact("stars", 10),
		fact("summary", "Web"),
	];

	it("fills empty properties (ticked), replaces differing ones (unticked), leaves equal ones, never replaces fill-only keys", () => {
		const frontmatter = new Map<string, unknown>([
			["language", "Go"],
			["license", "BSD"],
			["first_release", 2005],
			["stars", 10],
			["summary", null],
		]);
		const proposals = proposalsFor(frontmatter, facts, null);
		expect(proposals.map((p) => [p.key, p.kind, p.ticked])).toEqual([
			["license", "replace", false],
			["summary", "fill", true],
		]);
	});

	it("puts a guessed package first, ticked, and writes it without --update", () => {
		const proposals = proposalsFor(new Map(), facts.slice(0, 1), { value: "pypi:chalice", provenance: "guessed" });
		const note: NoteFacts = { path: "A.md", packageRef: null, guessed: true, proposals, skipped: [], error: null };
		expect([...ticked(note, { update: false })]).toEqual([
			["package", "pypi:chalice"],
			["language", "Python"],
		]);
		expect([...ticked(note, { update: false, only: new Set(["language"]) })]).toEqual([["language", "Python"]]);
	});

	it("without update never writes over a value; with update never replaces first_release or summary", () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.constantFrom("language", "license", "first_release", "stars", "summary"), fc.jsonValue()),
				(props) => {
					const frontmatter = new Map(Object.entries(props));
					const note: NoteFacts = {
						path: "A.md",
						packageRef: null,
						guessed: false,
						proposals: proposalsFor(frontmatter, facts, null),
						skipped: [],
						error: null,
					};
					for (const key of ticked(note, { update: false }).keys()) expect(isEmptyValue(frontmatter.get(key))).toBe(true);
					for (const key of ticked(note, { update: true }).keys()) {
						if (["first_release", "summary", "language"].includes(key)) expect(isEmptyValue(frontmatter.get(key))).toBe(true);
					}
				},
			),
		);
	});
});
