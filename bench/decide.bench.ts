/**
 * Decisions: rank 10k framework notes by 8 criteria (2 requirements, 6 preferences, of which 2
 * high/low), and re-rank after one note changed (the engine evaluates that note again alone).
 * Targets: decide under 30 ms, re-rank under 5 ms. Each bench checks its own result. Besides
 * Vitest's table (no median), the bench prints the median of its own timer per run.
 */
import { afterAll, bench, describe } from "vitest";
import { readDecision } from "../src/decisions/core/decision-note";
import { type CandidateNote, decide, DecisionEngine } from "../src/decisions/core/engine";
import { frameworkNote, random } from "./framework-notes";

const COUNT = 10_000;
const rnd = random(COUNT);
const notes: CandidateNote[] = Array.from({ length: COUNT }, (_, i) => {
	const n = frameworkNote(i, rnd);
	return { path: n.path, name: n.basename, frontmatter: n.frontmatter };
});

const SPEC = readDecision({
	type: "decision",
	must: ["language in [Python, Go, Rust]", "license != LGPL-3.0-only"],
	prefer: ["async = true * 3", "orm = true * 2", "stars high * 2", "first_release low", "tags has python", "admin = true * 0.5"],
});

function check(ranked: number, ruledOut: number): void {
	if (ranked + ruledOut !== COUNT || ranked === 0 || ruledOut === 0)
		throw new Error(`unexpected result: ${ranked} ranked, ${ruledOut} out`);
}

const engine = new DecisionEngine(SPEC).setNotes(notes);
engine.result();
let version = 0;

const timings = new Map<string, number[]>();

function timed(label: string, run: () => void): void {
	const start = performance.now();
	run();
	const list = timings.get(label) ?? [];
	list.push(performance.now() - start);
	timings.set(label, list);
}

afterAll(() => {
	const lines = ["", "Decisions: median wall time per run"];
	for (const [label, list] of timings) {
		const sorted = [...list].sort((a, b) => a - b);
		lines.push(`${label.padEnd(10)} median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2) ?? "-"} ms (${sorted.length} runs)`);
	}
	process.stdout.write(`${lines.join("\n")}\n`);
});

describe("decide: 10k notes, 8 criteria", () => {
	bench("decide (evaluate every note, rank, explain the leader)", () =>
		timed("decide", () => {
			const result = decide(SPEC, notes);
			check(result.ranked.length, result.ruledOut.length);
			if (result.explain(result.ranked[0].path)?.length !== 6) throw new Error("no explanation");
		}),
	);

	bench("one note changed: re-rank", () => {
		version++;
		const target = notes[4321];
		const stars = version % 2 === 0 ? 0 : 200_000;
		engine.update({
			...target,
			frontmatter: {
				...target.frontmatter,
				language: "Python",
				license: "MIT",
				stars,
				async: true,
				orm: true,
				tags: ["python"],
				admin: true,
			},
		});
		const result = engine.result();
		check(result.ranked.length, result.ruledOut.length);
		// With the most stars it leads; with none it does not.
		if ((result.ranked[0].path === target.path) !== stars > 0) throw new Error("the changed note is not where it should be");
	});
});
