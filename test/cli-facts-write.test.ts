/** How `facts` edits a note's text: only the set properties change, everything else byte for byte. */
import { describe, expect, it } from "vitest";
import { withProperties } from "../src/facts/cli/facts-write";

const set = (entries: Record<string, string | number | boolean>): Map<string, string | number | boolean> =>
	new Map(Object.entries(entries));

describe("withProperties", () => {
	it("fills an empty property in place and appends a new one, keeping comments, order and the body", () => {
		const text = "---\ntype: framework # kind\nlicense:\ntags: [a, b]\n---\n# Body\n---\n";
		expect(withProperties(text, set({ license: "MIT", stars: 12 }))).toEqual({
			text: "---\ntype: framework # kind\nlicense: MIT\ntags: [a, b]\nstars: 12\n---\n# Body\n---\n",
		});
	});

	it("keeps CRLF line endings", () => {
		const text = "---\r\ntype: framework\r\nlicense:\r\n---\r\nBody\r\n";
		expect(withProperties(text, set({ license: "MIT", archived: false }))).toEqual({
			text: "---\r\ntype: framework\r\nlicense: MIT\r\narchived: false\r\n---\r\nBody\r\n",
		});
	});

	it("gives a note without frontmatter a block at the top, after a byte order mark", () => {
		expect(withProperties("\uFEFF# Title\n", set({ website: "https://example.org" }))).toEqual({
			text: "\uFEFF---\nwebsite: https://example.org\n---\n# Title\n",
		});
	});

	it("quotes values YAML would read as another type, and returns the same text when nothing changes", () => {
		const result = withProperties("---\nlatest_version:\n---\n", set({ latest_version: "5.0", latest_release: "2024-12-03" }));
		expect(result).toEqual({ text: '---\nlatest_version: "5.0"\nlatest_release: 2024-12-03\n---\n' });
		const same = "---\nlicense: MIT\n---\n";
		expect(withProperties(same, set({ license: "MIT" }))).toEqual({ text: same });
	});

	it("refuses frontmatter it cannot edit", () => {
		expect(withProperties("---\nlicense: [unclosed\n---\n", set({ license: "MIT" }))).toHaveProperty("error");
	});
});
