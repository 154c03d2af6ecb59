import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatWeight } from "./change";
import { readDecision } from "./decision-note";
import { type CandidateNote, decide } from "./engine";

/** Frontmatter over a few properties, each sometimes absent, empty or null. */
const frontmatter = fc.record(
	{
		lang: fc.constantFrom("Python", "python", "Go", "", null),
		async: fc.constantFrom(true, false, "true", null),
		stars: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(null), fc.constant("many")),
		released: fc.constantFrom("2020-01-01", "2021-06-30", "2024-02-29T10:00", "soon"),
		tags: fc.constantFrom(["web", "api"], ["cli"], [], "web"),
	},
	{ requiredKeys: [] },
);

const notes = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-d]{1,3}$/), frontmatter), {
	minLength: 1,
	maxLength: 8,
	selector: ([name]) => name,
});

const requirement = fc.constantFrom("lang = python", "lang != go", "stars >= 10", "tags has web", "async exists", "lang in [Python, Go]");
const condition = fc.constantFrom(
	"async = true",
	"stars > 50",
	"stars high",
	"stars low",
	"released high",
	"released low",
	"released < 2021-01-01",
	"tags has api",
	"lang exists",
);
const weight = fc.constantFrom(0, 0.5, 1, 2, 3, 7);
const preferences = fc.array(fc.tuple(condition, weight), { maxLength: 6 });

function candidates(list: readonly [string, Record<string, unknown>][]): CandidateNote[] {
	return list.map(([name, fm]) => ({ path: `F/${name}.md`, name, frontmatter: fm }));
}

function spec(must: readonly string[], prefer: readonly [string, number][]) {
	return readDecision({ type: "decision", must: [...must], prefer: prefer.map(([c, w]) => `${c} * ${w}`) });
}

describe("decide: properties", () => {
	it("a preference with weight 0 changes nothing", () => {
		fc.assert(
			fc.property(notes, fc.array(requirement, { maxLength: 2 }), preferences, condition, (list, must, prefer, extra) => {
				const before = decide(spec(must, prefer), candidates(list));
				const after = decide(spec(must, [...prefer, [extra, 0]]), candidates(list));
				expect(after.ranked).toEqual(before.ranked);
				expect(after.ruledOut).toEqual(before.ruledOut);
				expect(after.missingData).toEqual(before.missingData);
			}),
		);
	});

	it("scaling every weight changes no rank", () => {
		fc.assert(
			fc.property(notes, preferences, fc.constantFrom(0.25, 0.5, 2, 4, 8), (list, prefer, factor) => {
				const before = decide(spec([], prefer), candidates(list));
				const after = decide(
					spec(
						[],
						prefer.map(([c, w]) => [c, w * factor]),
					),
					candidates(list),
				);
				expect(after.ranked.map((n) => [n.name, n.rank])).toEqual(before.ranked.map((n) => [n.name, n.rank]));
			}),
		);
	});

	it("a ruled-out note never ranks, every note is in exactly one list, and scores lie within 0–100", () => {
		fc.assert(
			fc.property(notes, fc.array(requirement, { maxLength: 3 }), preferences, (list, must, prefer) => {
				const result = decide(spec(must, prefer), candidates(list));
				const ranked = new Set(result.ranked.map((n) => n.path));
				for (const out of result.ruledOut) expect(ranked.has(out.path)).toBe(false);
				const all = [...result.ranked, ...result.ruledOut, ...result.missingData].map((n) => n.path).sort();
				expect(all).toEqual(
					candidates(list)
						.map((n) => n.path)
						.sort(),
				);
				for (const n of result.ranked) {
					expect(n.score).toBeGreaterThanOrEqual(0);
					expect(n.score).toBeLessThanOrEqual(100);
					expect(n.coverage).toBeGreaterThanOrEqual(0);
					expect(n.coverage).toBeLessThanOrEqual(1);
				}
				result.ranked.forEach((n, i) => {
					if (i > 0) expect(n.score).toBeLessThanOrEqual(result.ranked[i - 1].score);
				});
			}),
		);
	});

	it("the weight change it names lets the runner-up catch up, and no smaller single change does", () => {
		fc.assert(
			fc.property(notes, preferences, (list, prefer) => {
				const result = decide(spec([], prefer), candidates(list));
				const change = result.change;
				if (change === null || change.kind === "level") return;
				const leader = change.leader.path;
				const runnerUp = change.runnerUp.path;
				const scoresWith = (i: number, w: number): [number, number] => {
					const changed = prefer.map(([c, old], j): [string, number] => [c, j === i ? w : old]);
					const r = decide(spec([], changed), candidates(list));
					const score = (path: string): number => r.ranked.find((n) => n.path === path)?.score ?? NaN;
					return [score(runnerUp), score(leader)];
				};
				const parsed = result.preferences;
				if (change.kind === "weight") {
					const [r, l] = scoresWith(change.preference, change.to);
					expect(r).toBeGreaterThanOrEqual(l - 1e-9);
					expect(change.sentence).toContain(`weighed ${formatWeight(change.to)} instead of ${formatWeight(change.from)}`);
				}
				// No preference reaches it with a smaller change (the shown weight is rounded to 0.01, so a margin of
				// 0.011 is left; N is linear in the weight, so checking that distance in both directions suffices).
				const named = change.kind === "weight" ? Math.abs(change.to - change.from) : Infinity;
				parsed.forEach((p, i) => {
					for (const step of [-1, 1]) {
						const size = Math.min(named - 0.011, 10 * p.weight);
						if (size <= 0) continue;
						const w = Math.min(10 * p.weight, Math.max(0, p.weight + step * size));
						if (w === p.weight) continue;
						const [r, l] = scoresWith(i, w);
						expect(r).toBeLessThan(l + 1e-9);
					}
				});
			}),
		);
	});
});
