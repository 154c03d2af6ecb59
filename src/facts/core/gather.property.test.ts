/**
 * Whatever the servers answer (any status, any headers, any body, no connection), `gatherFacts`
 * resolves with one result per note, every proposed value has the checked form, and a note's
 * non-empty value is never written without `update`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import pypiDjango from "./fixtures/pypi-django.json";
import { gatherFacts } from "./gather";
import { isEmptyValue, ticked } from "./proposals";
import { testOptions } from "./testing/fake-http";
import { checkText } from "./values";
import { HttpFailure, type HttpGet, type HttpResponse } from "./types";

const answer: fc.Arbitrary<HttpResponse | HttpFailure> = fc.oneof(
	fc.record({
		status: fc.constantFrom(200, 200, 200, 301, 403, 404, 410, 429, 500, 503),
		headers: fc
			.dictionary(
				fc.constantFrom("retry-after", "x-ratelimit-remaining", "x-ratelimit-reset"),
				fc.oneof(fc.string(), fc.nat().map(String)),
			)
			.map((h) => new Map(Object.entries(h))),
		text: fc.oneof(fc.json(), fc.string(), fc.constant(JSON.stringify(pypiDjango))),
	}),
	fc.constantFrom("offline", "timeout", "too-large", "other").map((reason) => new HttpFailure(reason, "down")),
);

const frontmatter = fc
	.dictionary(
		fc.constantFrom("package", "language", "license", "repository", "first_release", "tags", "summary"),
		fc.oneof(fc.jsonValue(), fc.constantFrom("pypi:django", "npm:@a/b", "https://github.com/a/b", "Python")),
	)
	.map((props) => new Map(Object.entries(props)));

describe("gatherFacts on any answers", () => {
	it("never throws, proposes only checked values and keeps non-empty values without update", async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.string({ maxLength: 20 }), frontmatter), { minLength: 1, maxLength: 4 }),
				fc.array(answer, { minLength: 1, maxLength: 8 }),
				async (notes, answers) => {
					let i = 0;
					const agents: Array<string | undefined> = [];
					const http: HttpGet = (request) => {
						const next = answers[i++ % answers.length];
						agents.push(request.headers.get("user-agent"));
						return next instanceof HttpFailure || next === undefined
							? Promise.reject(next ?? new Error("none"))
							: Promise.resolve(next);
					};
					const input = notes.map(([name, fm], n) => ({ path: `${n}.md`, name, frontmatter: fm }));
					const result = await gatherFacts(input, http, testOptions());
					expect(result.notes.map((n) => n.path)).toEqual(input.map((n) => n.path));
					expect(agents.every((agent) => agent === "framework-notes-test/1.0")).toBe(true);
					for (const [n, facts] of result.notes.entries()) {
						for (const p of facts.proposals) {
							if (typeof p.value === "string") expect(checkText(p.value)).toEqual({ ok: true, value: p.value });
							else if (typeof p.value === "number") expect(Number.isFinite(p.value)).toBe(true);
						}
						for (const key of ticked(facts, { update: false }).keys())
							expect(isEmptyValue(input[n]?.frontmatter.get(key))).toBe(true);
					}
				},
			),
			{ numRuns: 150 },
		);
	});
});
