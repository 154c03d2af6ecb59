import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseOutline } from "./outline";

describe("parseOutline on hostile text", () => {
	it("read an outline of thousands of brackets, parentheses and stars in one pass", () => {
		const units = ["[", "[[", "](", "]", "**", "#", " ", "\t", "!", "|", "a"];
		fc.assert(
			fc.property(fc.constantFrom(...units), fc.constantFrom(...units), (a, b) => {
				const run = (a + b).repeat(20_000);
				const text = `# ${run}\n1. **${run}**: ${run}\n- **A${run}B**\n## Tools ${" -".repeat(20_000)}x\n`;
				const items = parseOutline(text);
				expect(Array.isArray(items)).toBe(true);
			}),
			{ numRuns: 30 },
		);
	});
});
