import { describe, expect, it } from "vitest";
import { type Condition, parseCriterion } from "./criteria";
import { readDecision } from "./decision-note";
import { conditionHolds, presenceOf, propertyValue, rankingNumber } from "./values";

function holds(criterion: string, value: unknown): boolean {
	const parsed = parseCriterion(criterion, false);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return conditionHolds(parsed.criterion.rule as Condition, value);
}

describe("conditionHolds", () => {
	it("compares text without regard to letter case, and a whole wikilink by its target", () => {
		expect(holds("language = python", "Python")).toBe(true);
		expect(holds("language != PYTHON", " python ")).toBe(false);
		expect(holds("related = flask", "[[Flask]]")).toBe(true);
		expect(holds("related = flask", "[[Web/Flask|the Flask]]")).toBe(false);
		expect(holds("name < b", "Apple")).toBe(true);
	});

	it("compares numbers as numbers, numeric text included", () => {
		expect(holds("stars >= 100", 100)).toBe(true);
		expect(holds("stars > 100", "99.5")).toBe(false);
		expect(holds("stars < 9", 10)).toBe(false);
		expect(holds("stars <= 9", "many")).toBe(false);
		expect(holds("stars != 9", "many")).toBe(true);
	});

	it("compares dates by day, date-times by their date", () => {
		expect(holds("released < 2020-06-01", "2020-05-31T23:59")).toBe(true);
		expect(holds("released = 2020-06-01", "2020-06-01")).toBe(true);
		expect(holds("released > 2020-06-01", 2021)).toBe(false);
	});

	it("compares booleans, also written as text", () => {
		expect(holds("async = true", true)).toBe(true);
		expect(holds("async = true", "TRUE")).toBe(true);
		expect(holds("async = false", true)).toBe(false);
		expect(holds("async = true", 1)).toBe(false);
	});

	it("looks into lists with has; in and = read a single value", () => {
		expect(holds("tags has Python", ["web", "python"])).toBe(true);
		expect(holds("tags has python", "python")).toBe(true);
		expect(holds("tags = python", ["python"])).toBe(false);
		expect(holds("tags != python", ["python"])).toBe(true);
		expect(holds("license in [MIT, bsd-3-clause]", "BSD-3-Clause")).toBe(true);
		expect(holds("license in [MIT]", "GPL")).toBe(false);
	});

	it("exists: present and not empty", () => {
		expect(holds("website exists", "https://example.org")).toBe(true);
		expect(holds("website exists", "  ")).toBe(false);
		expect(holds("website exists", null)).toBe(false);
		expect(holds("website exists", [])).toBe(false);
	});
});

describe("reading values", () => {
	it("tells absent, empty, null and present apart, reading own keys only", () => {
		const fm = JSON.parse(`{"__proto__": "x", "a": "", "b": null, "c": [], "d": 0}`) as Record<string, unknown>;
		expect(presenceOf(propertyValue(fm, "__proto__"))).toBe("value");
		expect(presenceOf(propertyValue(fm, "toString"))).toBe("absent");
		expect(["a", "b", "c", "d"].map((k) => presenceOf(propertyValue(fm, k)))).toEqual(["empty", "null", "empty", "value"]);
	});

	it("ranks numbers, numeric text and dates", () => {
		expect(rankingNumber(5)).toBe(5);
		expect(rankingNumber(" 7 ")).toBe(7);
		expect(rankingNumber("1970-01-02")).toBe(1);
		expect(rankingNumber("soon")).toBeNull();
		expect(rankingNumber(true)).toBeNull();
	});
});

describe("readDecision", () => {
	it("reads scope, must and prefer; a single text counts as a list of one", () => {
		const spec = readDecision({ type: "Decision", scope: "/Web/Notes/", must: "language = Python", prefer: ["orm = true * 2"] });
		expect(spec.problems).toEqual([]);
		expect(spec.scope).toBe("Web/Notes");
		expect(spec.must.map((e) => e.ok)).toEqual([true]);
		expect(spec.prefer).toMatchObject([{ ok: true, criterion: { weight: 2 } }]);
	});

	it("reports a note that is not a decision, a scope that is not text and items that are not text", () => {
		const spec = readDecision({ type: "framework", scope: ["a"], must: [{ a: 1 }], prefer: ["x high"] });
		expect(spec.problems).toEqual([
			`not a decision note (it needs the property "type: decision")`,
			"scope: must be a folder path (text)",
		]);
		expect(spec.must).toMatchObject([{ ok: false, error: { message: "must item 1 is not text" } }]);
	});
});
