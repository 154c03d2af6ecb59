import { describe, expect, it } from "vitest";
import { readDecision } from "./decision-note";
import { type CandidateNote, decide, DecisionEngine } from "./engine";

function note(name: string, fm: Record<string, unknown> | null, folder = "Frameworks"): CandidateNote {
	return { path: `${folder}/${name}.md`, name, frontmatter: fm };
}

const FRAMEWORKS: CandidateNote[] = [
	note("Django", { language: "Python", license: "BSD-3-Clause", async: true, orm: true, stars: 80000, first_release: 2005 }),
	note("FastAPI", { language: "python", license: "MIT", async: true, orm: false, stars: 75000, first_release: 2018 }),
	note("Flask", { language: "Python", license: "BSD-3-Clause", async: false, orm: false, stars: 68000, first_release: 2010 }),
	note("Tornado", { language: "Python", license: "Apache-2.0", async: true, orm: false, stars: null, first_release: 2009 }),
	note("Web2py", { language: "Python", license: "LGPL-3.0-only", async: false, orm: true, stars: 2000, first_release: 2007 }),
	note("Rails", { language: "Ruby", license: "MIT", async: false, orm: true, stars: 55000, first_release: 2004 }),
	note("Mystery", { language: "Python", license: "", async: true }),
];

const ISSUE_EXAMPLE = readDecision({
	type: "decision",
	must: ["language = Python", "license in [MIT, BSD-3-Clause, Apache-2.0]"],
	prefer: ["async = true * 3", "orm = true * 2", "stars high * 2", "first_release low"],
});

describe("decide: the worked example", () => {
	const result = decide(ISSUE_EXAMPLE, FRAMEWORKS);

	it("rules out notes failing a requirement, with the first failing one, in the candidates' order", () => {
		expect(result.ruledOut.map((n) => [n.name, n.criterion])).toEqual([
			["Web2py", "license in [MIT, BSD-3-Clause, Apache-2.0]"],
			["Rails", "language = Python"],
		]);
		expect(result.ruledOut[1].reason).toBe(`fails "language = Python" (language: Ruby)`);
	});

	it("sets notes with an empty requirement property apart as missing data", () => {
		expect(result.missingData).toEqual([
			{
				path: "Frameworks/Mystery.md",
				name: "Mystery",
				status: "missing-data",
				criterion: "license in [MIT, BSD-3-Clause, Apache-2.0]",
				reason: `no value of license for "license in [MIT, BSD-3-Clause, Apache-2.0]"`,
			},
		]);
	});

	it("scores by hand: W = 8; stars range 68000–80000; first_release range 2005–2018", () => {
		// Django: 3 + 2 + 2·1 + 1·1 = 8 → 100.
		// FastAPI: 3 + 0 + 2·(7000/12000) + 1·0 = 4.1667 → 52.083.
		// Tornado: 3 + 0 + unknown + 1·(9/13) = 3.6923 → 46.154, coverage 6/8.
		// Flask: 0 + 0 + 2·0 + 1·(8/13) = 0.6154 → 7.692.
		expect(result.ranked.map((n) => [n.name, n.rank])).toEqual([
			["Django", 1],
			["FastAPI", 2],
			["Tornado", 3],
			["Flask", 4],
		]);
		const score = new Map(result.ranked.map((n) => [n.name, n.score]));
		expect(score.get("Django")).toBe(100);
		expect(score.get("FastAPI")).toBeCloseTo((100 * (3 + 7 / 6)) / 8, 10);
		expect(score.get("Tornado")).toBeCloseTo((100 * (3 + 9 / 13)) / 8, 10);
		expect(score.get("Flask")).toBeCloseTo((100 * (8 / 13)) / 8, 10);
		expect(result.ranked.map((n) => n.coverage)).toEqual([1, 1, 0.75, 1]);
	});

	it("explains each preference's weight, value and points", () => {
		expect(result.explain("Frameworks/Tornado.md")).toEqual([
			{ criterion: "async = true * 3", weight: 3, value: "true", s: 1, points: 3 },
			{ criterion: "orm = true * 2", weight: 2, value: "false", s: 0, points: 0 },
			{ criterion: "stars high * 2", weight: 2, value: "null", s: null, points: 0 },
			{ criterion: "first_release low", weight: 1, value: "2009", s: 9 / 13, points: 9 / 13 },
		]);
		expect(result.explain("Frameworks/Rails.md")).toBeNull();
	});

	it("finds no single weight change that lets FastAPI catch up", () => {
		expect(result.change?.kind).toBe("none");
		expect(result.change?.sentence).toBe("No single weight change within 10× puts FastAPI level with Django.");
	});
});

describe("decide: ranks and ties", () => {
	const spec = readDecision({ type: "decision", prefer: ["async = true"] });

	it("gives equal scores one rank (1, 1, 3) and lists them by name", () => {
		const notes = [note("b", { async: true }), note("C", { async: false }), note("a", { async: true })];
		const result = decide(spec, notes);
		expect(result.ranked.map((n) => [n.name, n.rank, n.score])).toEqual([
			["a", 1, 100],
			["b", 1, 100],
			["C", 3, 0],
		]);
		expect(result.change).toMatchObject({ kind: "level", sentence: "b and a are level." });
	});

	it("gives every note 1 for high/low when all values are equal, and 0 points with no weight at all", () => {
		const same = decide(readDecision({ type: "decision", prefer: ["stars high"] }), [note("a", { stars: 5 }), note("b", { stars: 5 })]);
		expect(same.ranked.map((n) => n.score)).toEqual([100, 100]);
		const none = decide(readDecision({ type: "decision", prefer: ["stars high * 0"] }), [note("a", { stars: 1 })]);
		expect(none.ranked).toEqual([{ path: "Frameworks/a.md", name: "a", rank: 1, score: 0, coverage: 1, total: 0 }]);
	});

	it("ranks dates by day for high and low", () => {
		const spec = readDecision({ type: "decision", prefer: ["released high"] });
		const result = decide(spec, [
			note("old", { released: "2020-01-01" }),
			note("new", { released: "2020-01-31T12:00" }),
			note("mid", { released: "2020-01-16" }),
		]);
		expect(result.ranked.map((n) => [n.name, n.score])).toEqual([
			["new", 100],
			["mid", 50],
			["old", 0],
		]);
	});

	it("ignores criteria that do not parse and still ranks by the others", () => {
		const spec = readDecision({ type: "decision", must: ["language = = Python"], prefer: ["orm = true", "stars very high"] });
		expect(spec.prefer[1].ok).toBe(false);
		const result = decide(spec, [note("a", { orm: true, language: "Go" }), note("b", { orm: false })]);
		expect(result.preferences.map((p) => p.text)).toEqual(["orm = true"]);
		expect(result.ranked.map((n) => n.name)).toEqual(["a", "b"]);
	});
});

describe("decide: what would change the answer", () => {
	it("names the smallest weight change, earlier preferences first on ties", () => {
		// Django 5/6, FastAPI 4/6. orm: d = −1, w* = 2 − 1 = 1 (distance 1); first_release: d = +1, w* = 1 + 1 = 2 (distance 1).
		const spec = readDecision({ type: "decision", prefer: ["async = true * 3", "orm = true * 2", "first_release high"] });
		const result = decide(spec, FRAMEWORKS.slice(0, 2));
		expect(result.change).toMatchObject({ kind: "weight", criterion: "orm = true * 2", from: 2, to: 1, overtakes: false });
		expect(result.change?.sentence).toBe("FastAPI would draw level with Django if orm weighed 1 instead of 2.");
	});

	it("rounds the weight shown in the direction that keeps the claim true", () => {
		// W = 4; z ranges 0–3. a: x → 2 (50); b: y + z·1/3 = 4/3 (33.3); c: z·1 = 1 (25).
		// x: d = −1, w* = 2 − 2/3 = 1.333… (distance 2/3; shown rounded down: 1.33, where b is ahead);
		// y: d = +1, w* = 5/3 (distance 2/3, later); z: d = 1/3, w* = 3 (distance 2).
		const spec = readDecision({ type: "decision", prefer: ["x = true * 2", "y = true", "z high"] });
		const result = decide(spec, [
			note("a", { x: true, y: false, z: 0 }),
			note("b", { x: false, y: true, z: 1 }),
			note("c", { x: false, y: false, z: 3 }),
		]);
		expect(result.ranked.map((n) => n.name)).toEqual(["a", "b", "c"]);
		expect(result.change).toMatchObject({ kind: "weight", criterion: "x = true * 2", to: 1.33, overtakes: true });
		expect(result.change?.sentence).toBe("b would overtake a if x weighed 1.33 instead of 2.");
	});

	it("uses the criterion's text when two preferences read the same property", () => {
		const spec = readDecision({ type: "decision", prefer: ["orm = true * 2", "orm exists"] });
		const result = decide(spec, [note("a", { orm: true }), note("b", { orm: false })]);
		expect(result.change?.sentence).toBe(`b would draw level with a if "orm = true * 2" weighed 0 instead of 2.`);
	});
});

describe("DecisionEngine updates", () => {
	it("re-ranks after one note changes, as a fresh decision would", () => {
		const engine = new DecisionEngine(ISSUE_EXAMPLE).setNotes(FRAMEWORKS);
		const changed = note("Flask", {
			language: "Python",
			license: "BSD-3-Clause",
			async: true,
			orm: true,
			stars: 90000,
			first_release: 2010,
		});
		engine.update(changed);
		const fresh = decide(
			ISSUE_EXAMPLE,
			FRAMEWORKS.map((n) => (n.name === "Flask" ? changed : n)),
		);
		expect(engine.result().ranked).toEqual(fresh.ranked);
		expect(engine.result().ranked[0].name).toBe("Flask");
		engine.remove("Frameworks/Flask.md");
		// Without Flask the stars range is 75000–80000: FastAPI's stars now give 0, and Tornado passes it.
		expect(engine.result().ranked.map((n) => n.name)).toEqual(["Django", "Tornado", "FastAPI"]);
		expect(engine.result().ranked).toEqual(
			decide(
				ISSUE_EXAMPLE,
				FRAMEWORKS.filter((n) => n.name !== "Flask"),
			).ranked,
		);
	});
});
