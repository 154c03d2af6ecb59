import { describe, expect, it } from "vitest";
import { snapshotFromFiles } from "../../shared/core/testing/snapshot";
import { refreshedText } from "./testing";

describe("flags that are not flags", () => {
	it("a flag inside frontmatter is never expanded, also after a byte-order mark", () => {
		for (const bom of ["", "\uFEFF"]) {
			const note = `${bom}---\ntitle: "%% Waypoint %%"\nalso: |\n  %% Waypoint %%\n---\nBody\n`;
			const vault = snapshotFromFiles({ "P/P.md": note, "P/a.md": "" });
			expect(refreshedText(vault, "P/P.md")).toBe(note);
		}
	});

	it("a flag in an indented code block is text", () => {
		const note = "# P\n\n    %% Waypoint %%\n\nBody\n";
		const vault = snapshotFromFiles({ "P/P.md": note, "P/a.md": "" });
		expect(refreshedText(vault, "P/P.md")).toBe(note);
	});

	it("an indented flag is still a flag where markdown reads it as text: in a list item, or continuing a paragraph", () => {
		for (const note of ["- item\n\n    %% Waypoint %%\n", "Intro\n    %% Waypoint %%\n", "# P\n\n  %% Waypoint %%\n"]) {
			const vault = snapshotFromFiles({ "P/P.md": note, "P/a.md": "" });
			expect(refreshedText(vault, "P/P.md"), note).toContain("- [[a]]");
		}
	});

	it("an indented code block starts after a blank line or a heading, and a tab counts as four columns", () => {
		for (const note of ["# P\n    %% Waypoint %%\n", "Text\n\n\t%% Waypoint %%\n", "    code\n\n    %% Waypoint %%\n"]) {
			const vault = snapshotFromFiles({ "P/P.md": note, "P/a.md": "" });
			expect(refreshedText(vault, "P/P.md"), note).toBe(note);
		}
	});

	it("a note with CR-only line endings keeps them", () => {
		const note = "# P\r%% Waypoint %%\rBody\r";
		const vault = snapshotFromFiles({ "P/P.md": note, "P/a.md": "" });
		const out = refreshedText(vault, "P/P.md");
		expect(out).toContain("[[a]]");
		expect(out.includes("\n")).toBe(false);
	});
});

describe("upper-case extensions", () => {
	it("a .MD file is not a note, as in Waypoint: left out by default, listed by full name with other files", () => {
		const files = { "P/P.md": "%% Waypoint %%", "P/a.md": "", "P/readme.MD": "" };
		expect(refreshedText(snapshotFromFiles(files), "P/P.md")).toBe("%% Begin Waypoint %%\n- [[a]]\n\n%% End Waypoint %%");
		expect(refreshedText(snapshotFromFiles(files), "P/P.md", { showNonMarkdownFiles: true })).toContain("- [[readme.MD]]");
	});
});
