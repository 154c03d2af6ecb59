import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Criterion, type CriterionError, MAX_CRITERION_LENGTH, parseCriterion } from "./criteria";

function ok(text: string, preference = true): Criterion {
	const result = parseCriterion(text, preference);
	if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error.message}`);
	return result.criterion;
}

function error(text: string, preference = true): CriterionError {
	const result = parseCriterion(text, preference);
	if (result.ok) throw new Error(`expected ${text} to fail`);
	return result.error;
}

describe("parseCriterion: conditions", () => {
	it.each(["=", "!=", "<", "<=", ">", ">="] as const)("reads the operator %s", (op) => {
		expect(ok(`stars ${op} 100`).rule).toEqual({
			kind: "compare",
			property: "stars",
			op,
			value: { kind: "number", value: 100, text: "100" },
		});
	});

	it("needs no spaces around an operator", () => {
		expect(ok("stars>=100").rule).toMatchObject({ property: "stars", op: ">=", value: { value: 100 } });
	});

	it("types unquoted values: booleans, numbers, dates, text", () => {
		expect(ok("async = TRUE").rule).toMatchObject({ value: { kind: "boolean", value: true } });
		expect(ok("async = false").rule).toMatchObject({ value: { kind: "boolean", value: false } });
		expect(ok("ratio > -1.5e2").rule).toMatchObject({ value: { kind: "number", value: -150 } });
		expect(ok("released >= 2024-02-29").rule).toMatchObject({ value: { kind: "date", value: "2024-02-29" } });
		expect(ok("released >= 2023-02-29").rule).toMatchObject({ value: { kind: "text", value: "2023-02-29" } });
		expect(ok("language = Python").rule).toMatchObject({ value: { kind: "text", value: "Python" } });
	});

	it("reads several unquoted words as one text, and a quoted value always as text", () => {
		expect(ok("category = full  stack app").rule).toMatchObject({ value: { kind: "text", value: "full  stack app" } });
		expect(ok(`async = "true"`).rule).toMatchObject({ value: { kind: "text", value: "true" } });
		expect(ok(`note = 'a * b, [c]'`).rule).toMatchObject({ value: { kind: "text", value: "a * b, [c]" } });
	});

	it("reads quoted property names with spaces", () => {
		expect(ok(`"first release" < 2010`).rule).toMatchObject({ property: "first release", op: "<" });
		expect(ok(`'__proto__' exists`).rule).toEqual({ kind: "exists", property: "__proto__" });
	});

	it("reads in [...], has and exists", () => {
		expect(ok("license in [MIT, BSD-3-Clause, 'Apache 2.0']").rule).toEqual({
			kind: "in",
			property: "license",
			values: [
				{ kind: "text", value: "MIT", text: "MIT" },
				{ kind: "text", value: "BSD-3-Clause", text: "BSD-3-Clause" },
				{ kind: "text", value: "Apache 2.0", text: "Apache 2.0" },
			],
		});
		expect(ok("tags has python").rule).toEqual({
			kind: "has",
			property: "tags",
			value: { kind: "text", value: "python", text: "python" },
		});
		expect(ok("website EXISTS").rule).toEqual({ kind: "exists", property: "website" });
	});

	it("keeps the trimmed text", () => {
		expect(ok("  orm = true * 2 ").text).toBe("orm = true * 2");
	});
});

describe("parseCriterion: preferences", () => {
	it("reads high and low, with and without a weight", () => {
		expect(ok("stars high * 2")).toEqual({
			text: "stars high * 2",
			rule: { kind: "high", property: "stars" },
			weight: 2,
			ruleText: "stars high",
		});
		expect(ok("first_release low")).toEqual({
			text: "first_release low",
			rule: { kind: "low", property: "first_release" },
			weight: 1,
			ruleText: "first_release low",
		});
	});

	it("reads a weight after a condition, 0 included", () => {
		expect(ok("async = true * 3").weight).toBe(3);
		expect(ok("orm = true *0").weight).toBe(0);
		expect(ok("orm = true * 0.25").weight).toBe(0.25);
	});
});

describe("parseCriterion: errors name the text and the column", () => {
	it.each([
		["", 1, "the criterion is empty"],
		["= Python", 1, `expected a property name, found "="`],
		["language", 9, `expected =, !=, <, <=, >, >=, in, has, exists, high or low after "language"`],
		["first release < 2010", 7, `quote property names with spaces ("first release")`],
		["language ==Python", 11, `expected a value after "=", found "="`],
		["language !Python", 10, `"!" must be followed by "="`],
		[`language = "Python`, 12, 'the quote " is not closed'],
		["license in MIT", 12, `expected "[" after "in"`],
		["license in []", 13, "the list is empty"],
		["license in [MIT BSD", 20, `expected "," or "]" in the list, found the end`],
		["license in [MIT,]", 17, `expected a value after ",", found "]"`],
		["async = true *", 15, "expected a weight"],
		["async = true * heavy", 16, `the weight must be a number, not "heavy"`],
		["async = true * -1", 16, "the weight must be 0 or more"],
		["stars high low", 12, `unexpected "low"`],
		["stars high * 2 * 3", 16, `unexpected "*"`],
	])("%j → column %i", (text, column, message) => {
		const e = error(text);
		expect(e.text).toBe(text);
		expect(e.column).toBe(column);
		expect(e.message).toContain(message);
	});

	it("refuses weights, high and low in requirements", () => {
		const weighted = error("async = true * 2", false);
		expect([weighted.column, weighted.message]).toEqual([14, "a requirement has no weight (weights belong to preferences)"]);
		const high = error("stars high", false);
		expect([high.column, high.message]).toEqual([7, `"high" ranks notes: it belongs to preferences, not requirements`]);
	});

	it("refuses a criterion longer than the limit", () => {
		const e = error(`a = ${"x".repeat(MAX_CRITERION_LENGTH)}`);
		expect(e.message).toContain(`longer than ${MAX_CRITERION_LENGTH}`);
	});
});

describe("parseCriterion on hostile input", () => {
	it("never throws, and every error column lies within the text (+1 for the end)", () => {
		const alphabet = fc.constantFrom(..."ab =!<>[],*\"' 1.-\t".split(""), "in", "has", "exists", "high", "true", "2024-01-01");
		fc.assert(
			fc.property(fc.array(alphabet, { maxLength: 40 }), fc.boolean(), (parts, preference) => {
				const text = parts.join("");
				const result = parseCriterion(text, preference);
				if (!result.ok) {
					expect(result.error.column).toBeGreaterThanOrEqual(1);
					expect(result.error.column).toBeLessThanOrEqual(result.error.text.length + 1);
				}
			}),
		);
	});

	it("reads long hostile criteria in one pass", () => {
		// Shapes that make backtracking parsers slow: unclosed quotes, long runs of operators and words.
		const hostile = [
			`a in [${"x,".repeat(300)}`,
			`"${"'".repeat(990)}`,
			"a = " + "b ".repeat(495),
			"<".repeat(999),
			`a = 1${"e".repeat(990)}`,
		];
		for (const text of hostile) {
			const result = parseCriterion(text, true);
			expect(result.ok ? result.criterion.text : result.error.text).toBe(text.trim());
		}
	});
});
