import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDecision } from "./decision-note";
import { decide, type CandidateNote } from "./engine";
import { decisionJson, decisionMarkdown, decisionText } from "./report";

describe("the decision reports over a very large ranking", () => {
	it("list 200,000 ranked notes without running out of stack", () => {
		const spec = readDecision({ type: "decision", prefer: ["stars high"] });
		const notes: CandidateNote[] = Array.from({ length: 200_000 }, (_, i) => ({
			path: `F/Framework ${i}.md`,
			name: `Framework ${i}`,
			frontmatter: { stars: i },
		}));
		const report = { decision: "Decision.md", spec, result: decide(spec, notes) };
		const lines = decisionText(report).split("\n");
		const header = lines.findIndex((line) => line.startsWith("Rank"));
		// The name column is as wide as the longest name ("Framework 199999").
		expect(lines[header]).toBe(`Rank  ${"Note".padEnd(16)}  Score  Coverage`);
		expect(lines[header + 1]).toMatch(/^ {3}1 {2}Framework 199999 /);
		expect(decisionMarkdown(report)).toContain("| 1 | Framework 199999 |");
	});
});

describe("the decision JSON, written a note at a time", () => {
	it("is exactly JSON.stringify's two-space text of the same document", () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						stars: fc.option(fc.integer({ min: 0, max: 100 })),
						async: fc.boolean(),
						lang: fc.constantFrom("Python", "Go", "", 'a "quoted"\nline'),
					}),
					{ maxLength: 12 },
				),
				fc.constantFrom(["stars high", "async = true * 2"], [], ["stars low * 3", "bad criterion((("], ["async = true"]),
				fc.constantFrom([], ["lang = Python"], ["stars > 10"]),
				(fms, prefer, must) => {
					const spec = readDecision({ type: "decision", prefer, must });
					const notes: CandidateNote[] = fms.map((fm, i) => ({ path: `F/N ${i}.md`, name: `N ${i}`, frontmatter: fm }));
					const text = decisionJson({ decision: "D.md", spec, result: decide(spec, notes) });
					expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
				},
			),
			{ numRuns: 200 },
		);
	});
});
