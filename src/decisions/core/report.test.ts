import { describe, expect, it } from "vitest";
import { readDecision } from "./decision-note";
import { decide, type CandidateNote } from "./engine";
import { decisionMarkdown, decisionText } from "./report";

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
